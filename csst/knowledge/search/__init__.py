"""Search and filters shared by needs and solutions (both carry `search_text`, themes, SDG targets,
a country and a status).

`matching` is the one text search: every word of the query must appear, accents and case aside.
"""

from django.db.models import Q, QuerySet

from csst.core.text import fold


def matching(queryset: QuerySet, q: str) -> QuerySet:
    """Rows whose folded text holds every word of `q` (accent- and case-insensitive)."""
    words = fold(q).split()
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset


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
    """The catalogue filters; `region` is the M49 code of a region at any level."""
    if status:
        queryset = queryset.filter(status=status)
    if theme:
        queryset = queryset.filter(themes__code=theme)
    if sdg_target:
        queryset = queryset.filter(sdg_targets__code=sdg_target)
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
    if theme or sdg_target:
        queryset = queryset.distinct()
    return queryset
