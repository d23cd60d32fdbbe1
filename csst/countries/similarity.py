"""Peer similarity between countries: a pure function (no Django), so it can be tested alone and
reused by matching. "Similar Southern countries" is how the SSTC method finds peers that solved
the same problem (DOMAIN §1, "ne pas réinventer la roue").

Score in [0, 1] = the sum of these contributions (weights sum to 1):

| reason       | weight | contribution                                                          |
|--------------|--------|-----------------------------------------------------------------------|
| `indicators` | 0.40   | closeness of the indicator profiles × share of the target's indicators |
|              |        | that the candidate also has (absent indicators contribute nothing)     |
| `group`      | 0.20   | shared LDC/LLDC/SIDS groups: |shared| / |union| (nothing if none)      |
| `subregion`  | 0.15   | same UN M49 sub-region, or else                                        |
| `region`     | 0.08   | same UN M49 region                                                     |
| `income`     | 0.15   | same World Bank income group                                           |
| `language`   | 0.10   | shared languages: |shared| / size of the smaller set                   |

Indicator closeness: each indicator is scaled to [0, 1] by its range over the target and all
candidates (a constant indicator scales to 0); the distance is the root-mean-square difference
over the indicators both countries have; closeness = 1 − distance. The reason carries the raw
root-mean-square difference (in the indicators' own units) and the codes compared.

Features are symmetric: over the same set of countries, the score of B as a peer of A equals
the score of A as a peer of B. Candidates with no reason (score 0) are left out; ties are ordered
by key. Reasons are codes with parameters: the caller translates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

WEIGHTS: Mapping[str, float] = {
    "indicators": 0.40,
    "group": 0.20,
    "subregion": 0.15,
    "region": 0.08,
    "income": 0.15,
    "language": 0.10,
}
GROUPS = frozenset({"ldc", "lldc", "sids"})
INCOME_GROUPS = frozenset({"low", "lower_middle", "upper_middle", "high"})
DIGITS = 6  # scores and weights are rounded so that equal features give equal scores


@dataclass(frozen=True)
class Profile:
    key: str  # ISO3
    indicators: Mapping[str, float]  # latest value per indicator code (may be partial)
    groups: frozenset[str]  # subset of {"ldc", "lldc", "sids"}
    region: str | None  # M49 codes
    subregion: str | None
    income: str | None  # wb_income value
    languages: frozenset[str]  # primary subtags: {"fr", "en"}


@dataclass(frozen=True)
class Reason:
    code: str  # "indicators", "group", "subregion", "region", "income", "language"
    params: Mapping[str, object]
    weight: float  # contribution to the score


@dataclass(frozen=True)
class Peer:
    key: str
    score: float
    reasons: tuple[Reason, ...]


def _ranges(profiles: list[Profile]) -> dict[str, tuple[float, float]]:
    """(minimum, span) of every indicator over the given profiles."""
    values: dict[str, list[float]] = {}
    for profile in profiles:
        for code, value in profile.indicators.items():
            if value is not None and np.isfinite(value):
                values.setdefault(code, []).append(float(value))
    ranges = {}
    for code, column in values.items():
        array = np.asarray(column, dtype=float)
        ranges[code] = (float(array.min()), float(array.max() - array.min()))
    return ranges


def _indicator_reason(
    target: Profile, other: Profile, ranges: Mapping[str, tuple[float, float]]
) -> Reason | None:
    def usable(profile: Profile) -> set[str]:
        return {
            code
            for code, value in profile.indicators.items()
            if value is not None and np.isfinite(value) and code in ranges
        }

    mine, theirs = usable(target), usable(other)
    shared = sorted(mine & theirs)
    if not shared:
        return None
    a = np.array([float(target.indicators[code]) for code in shared])
    b = np.array([float(other.indicators[code]) for code in shared])
    spans = np.array([ranges[code][1] for code in shared])
    scaled = np.divide(np.abs(a - b), spans, out=np.zeros_like(spans), where=spans > 0)
    distance = float(np.sqrt(np.mean(scaled**2)))
    # Coverage over the union keeps the feature symmetric (A→B equals B→A).
    coverage = len(shared) / len(mine | theirs)
    weight = round(WEIGHTS["indicators"] * (1.0 - distance) * coverage, DIGITS)
    if weight <= 0:
        return None
    raw = float(np.sqrt(np.mean((a - b) ** 2)))
    return Reason(
        "indicators",
        {"distance": round(raw, 2), "closeness": round(1.0 - distance, 3), "indicators": shared},
        weight,
    )


def _reasons(
    target: Profile, other: Profile, ranges: Mapping[str, tuple[float, float]]
) -> list[Reason]:
    reasons = []
    indicators = _indicator_reason(target, other, ranges)
    if indicators:
        reasons.append(indicators)

    mine, theirs = target.groups & GROUPS, other.groups & GROUPS
    shared = mine & theirs
    if shared:
        weight = round(WEIGHTS["group"] * len(shared) / len(mine | theirs), DIGITS)
        for group in sorted(shared):
            reasons.append(Reason("group", {"group": group}, round(weight / len(shared), DIGITS)))

    if target.subregion and target.subregion == other.subregion:
        reasons.append(Reason("subregion", {"subregion": target.subregion}, WEIGHTS["subregion"]))
    elif target.region and target.region == other.region:
        reasons.append(Reason("region", {"region": target.region}, WEIGHTS["region"]))

    if target.income in INCOME_GROUPS and target.income == other.income:
        reasons.append(Reason("income", {"income": target.income}, WEIGHTS["income"]))

    languages = target.languages & other.languages
    if languages:
        smaller = min(len(target.languages), len(other.languages))
        weight = round(WEIGHTS["language"] * len(languages) / smaller, DIGITS)
        reasons.append(Reason("language", {"languages": sorted(languages)}, weight))
    return reasons


def most_similar(target: Profile, candidates: Iterable[Profile], limit: int = 10) -> list[Peer]:
    """The `limit` candidates most similar to `target`, best first (score desc, key asc).

    Keys identify countries: the target's key is left out, and of two candidates with the same
    key the later one is used.
    """
    others = list({p.key: p for p in candidates if p.key != target.key}.values())
    ranges = _ranges([target, *others])
    peers = []
    for other in others:
        reasons = _reasons(target, other, ranges)
        if not reasons:
            continue
        score = round(min(1.0, max(0.0, sum(reason.weight for reason in reasons))), DIGITS)
        ordered = tuple(sorted(reasons, key=lambda r: (-r.weight, r.code)))
        peers.append(Peer(other.key, score, ordered))
    peers.sort(key=lambda peer: (-peer.score, peer.key))
    return peers[: max(0, limit)]
