"""The one place that answers "is this country South on date D, and why" (rules R1 and R11).

Every other module (pages, API, modality rule, filters, similarity) calls these functions rather
than reading CountryClassification itself. A classification is a dated value of a scheme with its
source; on a given date an officer override wins over the sourced value. The default source of
`north_south` is documented in docs/decisions/0006-north-south-default-source.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CountryClassification, NorthSouth, Scheme

# Allowed values per scheme, with their labels (lower-case codes are stored).
SCHEME_VALUES: dict[str, dict[str, str]] = {
    Scheme.NORTH_SOUTH: {
        NorthSouth.NORTH: NorthSouth.NORTH.label,
        NorthSouth.SOUTH: NorthSouth.SOUTH.label,
    },
    Scheme.UN_LDC: {
        "ldc": gettext_lazy("Least developed country"),
        "not_ldc": gettext_lazy("Not a least developed country"),
    },
    Scheme.UN_LLDC: {
        "lldc": gettext_lazy("Landlocked developing country"),
        "not_lldc": gettext_lazy("Not a landlocked developing country"),
    },
    Scheme.UN_SIDS: {
        "sids": gettext_lazy("Small island developing State"),
        "not_sids": gettext_lazy("Not a small island developing State"),
    },
    Scheme.WB_INCOME: {
        "low": gettext_lazy("Low income"),
        "lower_middle": gettext_lazy("Lower-middle income"),
        "upper_middle": gettext_lazy("Upper-middle income"),
        "high": gettext_lazy("High income"),
        "not_classified": gettext_lazy("Not classified"),
    },
    Scheme.UPU_TD_GROUP: {},  # UPU terminal-dues groups: free codes (no data source yet)
}


@dataclass(frozen=True)
class Status:
    scheme: str
    value: str | None  # e.g. "south", "ldc", "high"; None when no value is known
    is_south: bool | None  # filled for the north_south scheme only; None when unknown
    source: str
    valid_from: date | None
    valid_to: date | None
    is_override: bool
    reason: str  # a sentence in the active language


def value_label(scheme: str, value: str | None) -> str:
    """The translated label of a value ("South (developing)", "High income"…)."""
    if value is None:
        return _("Unknown")
    return str(SCHEME_VALUES.get(scheme, {}).get(value, value))


def _day(on: date | datetime | None) -> date:
    if on is None:
        return timezone.localdate()
    return on.date() if isinstance(on, datetime) else on


def _sourced_sentence(scheme: str, value: str, day: str, source: str) -> str:
    params = {"date": day, "source": source}
    sentences = {
        ("north_south", "south"): _("South on %(date)s: developing country (source: %(source)s)."),
        ("north_south", "north"): _("North on %(date)s: developed country (source: %(source)s)."),
        ("un_ldc", "ldc"): _("Least developed country on %(date)s (source: %(source)s)."),
        ("un_ldc", "not_ldc"): _("Not a least developed country on %(date)s (source: %(source)s)."),
        ("un_lldc", "lldc"): _("Landlocked developing country on %(date)s (source: %(source)s)."),
        ("un_lldc", "not_lldc"): _(
            "Not a landlocked developing country on %(date)s (source: %(source)s)."
        ),
        ("un_sids", "sids"): _("Small island developing State on %(date)s (source: %(source)s)."),
        ("un_sids", "not_sids"): _(
            "Not a small island developing State on %(date)s (source: %(source)s)."
        ),
    }
    sentence = sentences.get((scheme, value))
    if sentence:
        return sentence % params
    return _("%(scheme)s on %(date)s: %(value)s (source: %(source)s).") % {
        **params,
        "scheme": Scheme(scheme).label if scheme in Scheme.values else scheme,
        "value": value_label(scheme, value),
    }


def _status(scheme: str, row: CountryClassification | None, day: date) -> Status:
    when = day.isoformat()
    if row is None:
        label = Scheme(scheme).label if scheme in Scheme.values else scheme
        reason = _("No value of “%(scheme)s” is known on %(date)s.") % {
            "scheme": label,
            "date": when,
        }
        return Status(scheme, None, None, "", None, None, False, reason)
    if row.is_override:
        reason = _("%(value)s on %(date)s (override by a Bureau officer): %(reason)s") % {
            "value": value_label(scheme, row.value),
            "date": when,
            "reason": row.reason,
        }
    else:
        reason = _sourced_sentence(scheme, row.value, when, row.source)
    is_south = None
    if scheme == Scheme.NORTH_SOUTH and row.value in NorthSouth.values:
        is_south = row.value == NorthSouth.SOUTH
    return Status(
        scheme=scheme,
        value=row.value,
        is_south=is_south,
        source=row.source,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        is_override=row.is_override,
        reason=reason,
    )


def _winner(rows: list) -> CountryClassification | None:
    """Among rows valid on one date: an override beats a sourced value; then the latest start."""
    if not rows:
        return None
    return max(rows, key=lambda row: (row.is_override, row.valid_from, row.pk))


def classification_on(country, scheme: str, on: date | None = None) -> Status:
    """The value of `scheme` for `country` on `on` (today when None), and why."""
    day = _day(on)
    country_id = country if isinstance(country, int) else country.pk
    rows = list(
        CountryClassification.objects.valid_on(day).filter(country_id=country_id, scheme=scheme)
    )
    return _status(scheme, _winner(rows), day)


def south_status(country, on: date | None = None) -> Status:
    """Is the country South on `on`, and why (`is_south` is None when nothing is known)."""
    return classification_on(country, Scheme.NORTH_SOUTH, on)


def statuses_for(
    countries: Iterable, schemes: list[str], on: date | None = None
) -> dict[int, dict[str, Status]]:
    """Statuses of many countries in ONE query: {country_id: {scheme: Status}}.

    `countries` are Country objects or ids; pass the page already fetched (an unevaluated
    queryset costs one more query to list its ids). Every country gets every scheme, unknown
    values included.
    """
    day = _day(on)
    ids = [country if isinstance(country, int) else country.pk for country in countries]
    grouped: dict[tuple[int, str], list] = defaultdict(list)
    if ids and schemes:
        rows = CountryClassification.objects.valid_on(day).filter(
            country_id__in=ids, scheme__in=schemes
        )
        for row in rows:
            grouped[(row.country_id, row.scheme)].append(row)
    return {
        country_id: {
            scheme: _status(scheme, _winner(grouped.get((country_id, scheme), [])), day)
            for scheme in schemes
        }
        for country_id in ids
    }


def south_lookup(countries: Iterable) -> Callable[[int, date], bool | None]:
    """`is_south(country_id, day)` for many countries and dates, from ONE query: for a page of
    records each judged on its own date (a project's approval date, R11)."""
    ids = [country if isinstance(country, int) else country.pk for country in countries]
    rows: dict[int, list] = defaultdict(list)
    for row in CountryClassification.objects.filter(country_id__in=ids, scheme=Scheme.NORTH_SOUTH):
        rows[row.country_id].append(row)

    def is_south(country_id: int, day: date) -> bool | None:
        valid = [
            row
            for row in rows.get(country_id, [])
            if row.valid_from <= day and (row.valid_to is None or row.valid_to >= day)
        ]
        return _status(Scheme.NORTH_SOUTH, _winner(valid), day).is_south

    return is_south


def south_country_ids(on: date | None = None) -> set[int]:
    """Ids of the countries that are South on `on` (one query), for filtering lists."""
    day = _day(on)
    rows = CountryClassification.objects.valid_on(day).filter(scheme=Scheme.NORTH_SOUTH)
    grouped: dict[int, list] = defaultdict(list)
    for row in rows.only("id", "country_id", "value", "is_override", "valid_from"):
        grouped[row.country_id].append(row)
    return {
        country_id
        for country_id, candidates in grouped.items()
        if _winner(candidates).value == NorthSouth.SOUTH
    }


def history(country, scheme: str | None = None) -> list[CountryClassification]:
    """Every period (sourced and overrides, `is_override` marks them), newest first."""
    country_id = country if isinstance(country, int) else country.pk
    rows = CountryClassification.objects.filter(country_id=country_id).select_related("created_by")
    if scheme:
        rows = rows.filter(scheme=scheme)
    return list(rows.order_by("-valid_from", "-is_override", "scheme", "-pk"))
