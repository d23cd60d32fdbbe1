"""Similar countries from stored data: builds `similarity.Profile`s in three queries and ranks
them with the pure `similarity.most_similar`."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from .classification import statuses_for
from .models import Country, IndicatorValue, Scheme
from .similarity import Peer, Profile, most_similar

PROFILE_SCHEMES = [Scheme.UN_LDC, Scheme.UN_LLDC, Scheme.UN_SIDS, Scheme.WB_INCOME]
GROUP_VALUES = {"ldc", "lldc", "sids"}


def profiles(countries=None, on: date | None = None) -> dict[int, Profile]:
    """{country id: Profile} as of `on` (today when None): latest indicator values up to that
    date, LDC/LLDC/SIDS groups and income group valid on it. Default: every UPU member."""
    day = on or timezone.localdate()
    queryset = Country.objects.filter(upu_member=True) if countries is None else countries
    if not hasattr(queryset, "values"):
        ids = [c if isinstance(c, int) else c.pk for c in queryset]
        queryset = Country.objects.filter(pk__in=ids)
    rows = list(queryset.values("id", "iso3", "languages", "region__m49", "subregion__m49"))
    ids = [row["id"] for row in rows]
    statuses = statuses_for(ids, PROFILE_SCHEMES, day)
    latest: dict[int, dict[str, float]] = {country_id: {} for country_id in ids}
    values = (
        IndicatorValue.objects.filter(country_id__in=ids, date__lte=day)
        .order_by("country_id", "indicator__code", "-date")
        .values_list("country_id", "indicator__code", "value")
    )
    for country_id, code, value in values:
        latest[country_id].setdefault(code, float(value))
    result = {}
    for row in rows:
        status = statuses[row["id"]]
        result[row["id"]] = Profile(
            key=row["iso3"],
            indicators=latest[row["id"]],
            groups=frozenset(s.value for s in status.values() if s.value in GROUP_VALUES),
            region=row["region__m49"],
            subregion=row["subregion__m49"],
            income=status[Scheme.WB_INCOME].value,
            languages=frozenset(
                code.split("-")[0].lower() for code in (row["languages"] or []) if code
            ),
        )
    return result


def similar_countries(
    country: Country, limit: int = 10, on: date | None = None, candidates=None
) -> list[Peer]:
    """The countries most similar to `country` among `candidates` (default: UPU members)."""
    queryset = Country.objects.filter(upu_member=True) if candidates is None else candidates
    if hasattr(queryset, "values"):
        queryset = queryset | Country.objects.filter(pk=country.pk)
    else:
        queryset = [*queryset, country]
    by_id = profiles(queryset, on)
    target = by_id.get(country.pk)
    if target is None:
        return []
    return most_similar(target, by_id.values(), limit)
