"""Scores of a self-assessment: pure functions on plain values (no database, no Django).

The weighted maturity of an area is Σ(weight × level) / Σ(weight) over its *answered* items;
unanswered items are left out and reported, so that a partial draft still shows a score. An area
without any answered item (or whose answered items all weigh 0) has no score (None). The overall
score weighs each scored area by the area's weight. An area is a gap when its score is below the
framework's target level; its weak items are the answered items below the target.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class ItemSpec:
    key: Hashable  # unique within the framework (the database passes the item's id)
    weight: Decimal


@dataclass(frozen=True)
class AreaSpec:
    code: str
    weight: Decimal
    items: tuple[ItemSpec, ...]


@dataclass(frozen=True)
class AreaScore:
    code: str
    weight: Decimal
    score: Decimal | None  # None: nothing answered (or only items weighing 0)
    answered: int
    total: int
    unanswered: tuple[Hashable, ...]
    weak_items: tuple[Hashable, ...]  # answered below the target, weakest first
    is_gap: bool


@dataclass(frozen=True)
class Results:
    areas: tuple[AreaScore, ...]
    overall: Decimal | None
    answered: int
    total: int
    gaps: tuple[AreaScore, ...] = field(default=())

    @property
    def completeness(self) -> Decimal:
        """Share of the items answered, in percent (100 for a framework without items)."""
        return percent(self.answered, self.total)


def rounded(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal(100)
    return rounded(Decimal(100) * part / whole)


def weighted_mean(pairs: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Σ(weight × value) / Σ(weight) of (weight, value) pairs; None when the weights sum to 0."""
    pairs = list(pairs)
    total_weight = sum((weight for weight, _value in pairs), Decimal(0))
    if total_weight <= 0:
        return None
    return rounded(sum((weight * value for weight, value in pairs), Decimal(0)) / total_weight)


def score_area(area: AreaSpec, levels: Mapping[Hashable, int | None], target: int) -> AreaScore:
    answered = [item for item in area.items if levels.get(item.key) is not None]
    score = weighted_mean((item.weight, Decimal(levels[item.key])) for item in answered)
    weak = sorted(
        (item for item in answered if levels[item.key] < target),
        key=lambda item: (levels[item.key], -item.weight),
    )
    return AreaScore(
        code=area.code,
        weight=area.weight,
        score=score,
        answered=len(answered),
        total=len(area.items),
        unanswered=tuple(item.key for item in area.items if levels.get(item.key) is None),
        weak_items=tuple(item.key for item in weak),
        is_gap=score is not None and score < target,
    )


def score(areas: Iterable[AreaSpec], levels: Mapping[Hashable, int | None], target: int) -> Results:
    """Every area's score, the overall score and the gaps; `levels`: item key → 0–4 or None."""
    scored = tuple(score_area(area, levels, target) for area in areas)
    overall = weighted_mean((area.weight, area.score) for area in scored if area.score is not None)
    return Results(
        areas=scored,
        overall=overall,
        answered=sum(area.answered for area in scored),
        total=sum(area.total for area in scored),
        gaps=tuple(area for area in scored if area.is_gap),
    )
