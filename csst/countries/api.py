"""JSON API of the country registry: /api/v1/countries, a country, its peers and its indicators.

Every answer about South/North, groups or income gives the classification valid on a date (today,
or `on`), with its source and the reason in the request's language (rule R11).
"""

from datetime import date
from typing import Literal

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from csst.accounts.auth import public
from csst.core.api import READ_ERRORS, Message

from . import selectors
from .models import Scheme

router = Router(tags=["countries"])

# Public reads also answer 401 when a bad token is sent (csst.accounts.auth.optional_user).
ERRORS = {**READ_ERRORS, 401: Message}
PAGE_MAX = 500
OFFSET_MAX = 100_000


class ClassificationOut(Schema):
    scheme: str
    value: str | None = Field(description="The scheme's value on the date, null if none")
    label: str = Field(description="The value in words, in the request's language")
    is_south: bool | None = Field(None, description="For north_south: true for South")
    source: str
    reason: str = Field(description="Why, in the request's language")
    valid_from: date | None
    valid_to: date | None
    is_override: bool = Field(description="Set by an officer, with a reason, over the source")


class RegionOut(Schema):
    m49: str
    name: str


class CountryOut(Schema):
    iso3: str
    iso2: str
    m49: str = Field(description="UN M49 code, equal to the ISO 3166 numeric code")
    name: str = Field(description="In the request's language")
    name_fr: str
    name_en: str
    is_south: bool | None = Field(description="South on the date; null when not classified")
    classification: ClassificationOut = Field(description="The north_south classification")
    region: RegionOut | None
    subregion: RegionOut | None
    groups: list[Literal["ldc", "lldc", "sids"]] = Field(description="UN groups on the date")
    income: str | None = Field(description="World Bank income group on the date")
    upu_member: bool
    upu_group: str = Field(description="UPU geographical group (I to V), empty if none")
    url: str = Field(description="The country's page")


class CountryList(Schema):
    items: list[CountryOut]
    count: int


class CountryDetailOut(CountryOut):
    as_of: date = Field(description="Date of the classifications")
    official_name: str
    other_names: dict[str, str] = Field(description="Names in other languages, by language code")
    intermediate_region: RegionOut | None
    languages: list[str]
    designated_operator: str
    classifications: dict[str, ClassificationOut] = Field(description="Every scheme on the date")


class ReasonOut(Schema):
    code: str = Field(description="indicators, group, subregion, region, income or language")
    text: str = Field(description="The reason as a sentence, in the request's language")
    params: dict


class PeerOut(Schema):
    iso3: str
    name: str
    score: float
    reasons: list[ReasonOut]


class PeerList(Schema):
    items: list[PeerOut]
    count: int


class IndicatorValueOut(Schema):
    indicator: str = Field(description="Indicator code, e.g. 2ipd or 2ipd-r1")
    indicator_name: str
    date: date
    value: float
    source: str
    is_illustrative: bool = Field(description="Generated for the demo, not a real measurement")

    @staticmethod
    def resolve_indicator(obj) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_indicator_name(obj) -> str:
        return obj.indicator.name


class CountryFilters(Schema):
    south: bool | None = Field(None, description="true: South countries; false: North countries")
    region: str | None = Field(
        None, pattern=r"^[0-9]{3}$", description="M49 code of a region or sub-region"
    )
    group: Literal["ldc", "lldc", "sids"] | None = None
    income: Literal["low", "lower_middle", "upper_middle", "high"] | None = None
    upu_member: bool | None = None
    q: str | None = Field(
        None, max_length=selectors.QUERY_MAX, description="Name in any language, accents ignored"
    )
    limit: int = Field(50, ge=1, le=PAGE_MAX)
    offset: int = Field(0, ge=0, le=OFFSET_MAX)

    def directory(self) -> selectors.DirectoryFilters:
        return selectors.DirectoryFilters.of(self.dict(exclude={"limit", "offset"}))


class BoundedPagination(LimitOffsetPagination):
    """ninja's limit/offset pagination with an upper bound on the offset too."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=PAGE_MAX)
        offset: int = Field(0, ge=0, le=OFFSET_MAX)


class AsOf(Schema):
    on: date | None = Field(None, description="Classifications as of this date (default: today)")


def _text(value) -> str:
    return value or ""


def _region(region) -> dict | None:
    return {"m49": region.m49, "name": _text(region.name)} if region is not None else None


def _classification(scheme: str, status) -> dict:
    if status is None:
        return {
            "scheme": scheme,
            "value": None,
            "label": selectors.value_label(scheme, None),
            "is_south": None,
            "source": "",
            "reason": "",
            "valid_from": None,
            "valid_to": None,
            "is_override": False,
        }
    return {
        "scheme": scheme,
        "value": status.value,
        "label": selectors.value_label(scheme, status.value),
        "is_south": status.is_south if scheme == Scheme.NORTH_SOUTH else None,
        "source": _text(status.source),
        "reason": _text(status.reason),
        "valid_from": status.valid_from,
        "valid_to": status.valid_to,
        "is_override": bool(status.is_override),
    }


def _country(row: selectors.CountryRow) -> dict:
    country = row.country
    return {
        "iso3": country.iso3,
        "iso2": country.iso2,
        "m49": country.m49,
        "name": _text(country.name),
        "name_fr": _text(country.name_fr),
        "name_en": _text(country.name_en),
        "is_south": row.is_south,
        "classification": _classification(Scheme.NORTH_SOUTH, row.south),
        "region": _region(country.region),
        "subregion": _region(country.subregion),
        "groups": row.groups,
        "income": row.income,
        "upu_member": country.upu_member,
        "upu_group": country.upu_group,
        "url": reverse("countries:detail", args=[country.iso3]),
    }


@router.get(
    "",
    response={200: CountryList, **ERRORS},
    auth=public,
    summary="Countries, with South/North (and why), UN groups and income group today",
)
def list_countries(request, filters: Query[CountryFilters]):
    found = selectors.directory(filters.directory())
    page = list(found[filters.offset : filters.offset + filters.limit])
    rows = selectors.rows(page)
    return {"items": [_country(row) for row in rows], "count": found.count()}


@router.get(
    "/{iso3}",
    response={200: CountryDetailOut, **ERRORS},
    auth=public,
    summary="One country (ISO alpha-3, any case) with every classification on a date",
)
def get_country(request, iso3: str, params: Query[AsOf]):
    country = selectors.country(iso3)
    day = params.on or selectors.today()
    statuses = selectors.statuses_of(country, day)
    row = selectors.CountryRow(country, statuses, day)
    return {
        **_country(row),
        "as_of": day,
        "official_name": _text(country.official_name),
        "other_names": {str(k): str(v) for k, v in (country.other_names or {}).items()},
        "intermediate_region": _region(country.intermediate_region),
        "languages": [str(code) for code in country.languages or []],
        "designated_operator": country.designated_operator,
        "classifications": {
            scheme: _classification(scheme, statuses.get(scheme))
            for scheme in selectors.ALL_SCHEMES
        },
    }


@router.get(
    "/{iso3}/peers",
    response={200: PeerList, **ERRORS},
    auth=public,
    summary="The most similar UPU member countries, with the reasons",
)
def list_peers(request, iso3: str, limit: int = Query(10, ge=1, le=50)):
    peers = selectors.peers_of(selectors.country(iso3), limit=limit)
    items = [
        {
            "iso3": peer.country.iso3,
            "name": _text(peer.country.name),
            "score": float(peer.score),
            "reasons": [
                {"code": reason.code, "text": reason.text, "params": _plain(reason.params)}
                for reason in peer.reasons
            ],
        }
        for peer in peers
    ]
    return {"items": items, "count": len(items)}


def _plain(value):
    """Reason parameters as JSON values (sets and tuples become sorted lists)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


@router.get(
    "/{iso3}/indicators",
    response={200: list[IndicatorValueOut], **ERRORS},
    auth=public,
    summary="Dated indicator values of a country (2IPD and its pillars…), oldest first",
)
@paginate(BoundedPagination)
def list_indicator_values(
    request, iso3: str, indicator: str | None = Query(None, max_length=40, pattern=r"^[-\w]+$")
):
    return selectors.indicator_values(selectors.country(iso3), indicator)
