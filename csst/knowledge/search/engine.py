"""The text search and the catalogue filters, the same for needs and solutions."""

from django.db import connections
from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Coalesce, Greatest, NullIf, StrIndex

from ..models import SdgTarget, Theme
from .words import query_words, substring_of

__all__ = ["by_relevance", "filtered", "matching", "query_words"]

RANK = "search_position"
NOT_FOUND = Value(1_000_000_000)  # found by stem only: after every substring match


def _on_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def matching(queryset: QuerySet, q: str) -> QuerySet:
    """Rows whose folded text holds every word of `q` (accent- and case-insensitive)."""
    words = query_words(q)
    if not words:
        return queryset
    if _on_postgresql(queryset):
        from . import postgres

        return postgres.matching(queryset, words)
    return queryset.filter(*[Q(search_text__contains=substring_of(word)) for word in words])


def by_relevance(queryset: QuerySet, q: str | None) -> QuerySet:
    """Records where all the words appear earliest first (`search_text` starts with the title, so
    title matches lead), then the queryset's own order; records found by stem only come last.

    Positions cost one string search per row; ts_rank needs the vector of every matching row
    rebuilt (measured ~10× slower with 30,000 matches). See docs/decisions/0010."""
    words = query_words(q)
    if not words:
        return queryset
    positions = [
        Coalesce(NullIf(StrIndex("search_text", Value(substring_of(word))), 0), NOT_FOUND)
        for word in words
    ]
    latest = Greatest(*positions) if len(positions) > 1 else positions[0]
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    return queryset.annotate(**{RANK: latest}).order_by(RANK, *ordering)


def _linked_to(queryset: QuerySet, field: str, related: QuerySet) -> QuerySet:
    """Rows linked through the many-to-many `field` to any of `related`. A subquery rather than
    a join, so that a row with several matching links comes once (no DISTINCT needed)."""
    m2m = queryset.model._meta.get_field(field)
    links = m2m.remote_field.through.objects.filter(
        **{f"{m2m.m2m_reverse_field_name()}__in": related}
    ).values(m2m.m2m_field_name())
    return queryset.filter(pk__in=links)


def _theme_and_narrower(code: str) -> QuerySet:
    """The theme and the themes below it (the vocabulary has two levels; three are covered)."""
    return Theme.objects.filter(
        Q(code=code) | Q(parent__code=code) | Q(parent__parent__code=code)
    ).values("pk")


def _sdg(code: str) -> QuerySet:
    """A target ("9.c") or, given a number alone ("9"), every target of that goal."""
    if code.isdigit():
        return SdgTarget.objects.filter(goal__number=int(code)).values("pk")
    return SdgTarget.objects.filter(code=code.lower()).values("pk")


def filtered(
    queryset: QuerySet,
    *,
    status: str | None = None,
    theme: str | None = None,
    sdg_target: str | None = None,
    country: str | None = None,
    region: str | None = None,
    q: str | None = None,
) -> QuerySet:
    """The catalogue filters; `theme` includes its narrower themes; `sdg_target` is a target
    code or a goal number; `region` is the M49 code of a region at any level."""
    if status:
        queryset = queryset.filter(status=status)
    if theme:
        queryset = _linked_to(queryset, "themes", _theme_and_narrower(theme))
    if sdg_target:
        queryset = _linked_to(queryset, "sdg_targets", _sdg(sdg_target))
    if country:
        queryset = queryset.filter(country__iso3=country.upper())
    if region:
        queryset = queryset.filter(
            Q(country__region__m49=region)
            | Q(country__subregion__m49=region)
            | Q(country__intermediate_region__m49=region)
        )
    if q:
        queryset = matching(queryset, q)
    return queryset
