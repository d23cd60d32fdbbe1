"""Reads of the country registry: the directory, a country's profile, its peers and the world map.

Classifications are always read through `classification` (time-valid, an officer's override wins,
rules R11), never from the table directly, so every page and the API give the same answer and
the same reason. Each function runs a bounded number of queries, whatever the number of rows.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf, Replace
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from csst.core.text import fold

from . import classification, peers
from .models import Country, CountryClassification, Indicator, IndicatorValue, Region, Scheme

# --- Vocabulary of the schemes the pages show ------------------------------------------------

# The UN groups of countries: key (also the scheme's value meaning "member") → scheme.
GROUP_SCHEMES = {"ldc": Scheme.UN_LDC, "lldc": Scheme.UN_LLDC, "sids": Scheme.UN_SIDS}
GROUP_ABBREVIATIONS = {
    "ldc": gettext_lazy("LDC"),
    "lldc": gettext_lazy("LLDC"),
    "sids": gettext_lazy("SIDS"),
}
GROUP_NAMES = {
    "ldc": gettext_lazy("Least developed country"),
    "lldc": gettext_lazy("Landlocked developing country"),
    "sids": gettext_lazy("Small island developing State"),
}
INCOME_LABELS = {
    "low": gettext_lazy("Low income"),
    "lower_middle": gettext_lazy("Lower-middle income"),
    "upper_middle": gettext_lazy("Upper-middle income"),
    "high": gettext_lazy("High income"),
}
NORTH_SOUTH_LABELS = {
    "south": gettext_lazy("South"),
    "north": gettext_lazy("North"),
}
# What the directory table and the API list show for each country.
ROW_SCHEMES = [Scheme.NORTH_SOUTH, Scheme.UN_LDC, Scheme.UN_LLDC, Scheme.UN_SIDS, Scheme.WB_INCOME]
ALL_SCHEMES = [scheme.value for scheme in Scheme]

ISO3 = re.compile(r"[A-Za-z]{3}")
QUERY_MAX = 100


def today() -> date:
    return timezone.localdate()


def value_label(scheme: str, value: str | None) -> str:
    """A classification value in words ("South (developing)", "Least developed country"…)."""
    if value in (None, ""):
        return _("Not classified")
    return classification.value_label(scheme, value)


def in_group(status, group: str) -> bool:
    """Is the classification value the one that means membership of the UN group?"""
    return status is not None and status.value == group


def groups_of(statuses: Mapping[str, object]) -> list[str]:
    """Keys of the UN groups ("ldc", "lldc", "sids") a country belongs to, in that order."""
    return [
        group for group, scheme in GROUP_SCHEMES.items() if in_group(statuses.get(scheme), group)
    ]


# --- Directory ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryFilters:
    """Filters shared by the directory page and the API list; empty values filter nothing."""

    south: bool | None = None
    region: str = ""  # M49 code of a region, sub-region or intermediate region
    group: str = ""  # "ldc", "lldc" or "sids"
    income: str = ""  # a World Bank income group
    upu_member: bool | None = None
    q: str = ""  # name in any language, accents and case ignored

    @classmethod
    def of(cls, filters) -> "DirectoryFilters":
        if filters is None:
            return cls()
        if isinstance(filters, cls):
            return filters
        names = {f.name for f in fields(cls)}
        values = {name: value for name, value in dict(filters).items() if name in names}
        return cls(**{name: value for name, value in values.items() if value is not None})


def _localized(field_name: str) -> str:
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if lang not in settings.MODELTRANSLATION_LANGUAGES:
        lang = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return f"{field_name}_{lang}"


# Accented capitals and small letters that start or fill country names; replaced in the sort key
# so that "Égypte" sorts with the E's (SQLite and PostgreSQL's C collation sort by code point).
_SORT_FOLDS = {
    "É": "E", "È": "E", "Ê": "E", "Î": "I", "Ô": "O", "Ö": "O", "Å": "A", "Ç": "C", "Ü": "U",
    "é": "e", "è": "e", "ê": "e", "ë": "e", "à": "a", "â": "a", "î": "i", "ï": "i", "ô": "o",
    "ö": "o", "ü": "u", "û": "u", "ç": "c", "ã": "a", "í": "i", "ñ": "n",
}  # fmt: skip


def name_sort_key():
    """Order by the name in the active language, accents ignored (falls back to French)."""
    expression = Coalesce(NullIf(F(_localized("name")), Value("")), F("name_fr"), Value(""))
    for accented, plain in _SORT_FOLDS.items():
        expression = Replace(expression, Value(accented), Value(plain))
    return Lower(expression)


def _ids_where(scheme: str, wanted, day: date) -> set[int]:
    """Ids of the countries whose classification in `scheme` on `day` satisfies `wanted`."""
    every_id = list(Country.objects.values_list("pk", flat=True))
    statuses = classification.statuses_for(every_id, [scheme], day)
    return {pk for pk, by_scheme in statuses.items() if wanted(by_scheme.get(scheme))}


def directory(filters=None, on: date | None = None) -> QuerySet[Country]:
    """Countries matching the filters, ordered by name in the active language.

    South/North, groups and income are the classifications valid on `on` (today by default).
    """
    wanted = DirectoryFilters.of(filters)
    day = on or today()
    countries = Country.objects.select_related("region", "subregion", "intermediate_region")
    if wanted.south is True:
        countries = countries.filter(pk__in=classification.south_country_ids(day))
    elif wanted.south is False:
        north = _ids_where(Scheme.NORTH_SOUTH, lambda s: s is not None and s.is_south is False, day)
        countries = countries.filter(pk__in=north)
    if wanted.region:
        code = wanted.region
        countries = countries.filter(
            Q(region__m49=code) | Q(subregion__m49=code) | Q(intermediate_region__m49=code)
        )
    if wanted.group in GROUP_SCHEMES:
        group = wanted.group
        members = _ids_where(GROUP_SCHEMES[group], lambda s: in_group(s, group), day)
        countries = countries.filter(pk__in=members)
    if wanted.income:
        income = wanted.income
        countries = countries.filter(
            pk__in=_ids_where(Scheme.WB_INCOME, lambda s: s is not None and s.value == income, day)
        )
    if wanted.upu_member is not None:
        countries = countries.filter(upu_member=wanted.upu_member)
    text = fold(wanted.q.replace("\x00", ""))[:QUERY_MAX]
    if text:
        match = Q(search_text__contains=text)
        if len(text) in (2, 3) and text.isalpha():
            match |= Q(iso3=text.upper()) | Q(iso2=text.upper())
        countries = countries.filter(match)
    return countries.order_by(name_sort_key(), "iso3")


@dataclass(frozen=True)
class CountryRow:
    """A country with its classifications on one date (for the directory and the API)."""

    country: Country
    statuses: Mapping[str, object]
    on: date

    @property
    def south(self):
        return self.statuses.get(Scheme.NORTH_SOUTH)

    @property
    def is_south(self) -> bool | None:
        return self.south.is_south if self.south is not None else None

    @property
    def groups(self) -> list[str]:
        return groups_of(self.statuses)

    @property
    def group_labels(self) -> list[tuple[str, str, str]]:
        """(key, abbreviation, full name) of each group, for badges."""
        return [(g, str(GROUP_ABBREVIATIONS[g]), str(GROUP_NAMES[g])) for g in self.groups]

    @property
    def income(self) -> str | None:
        status = self.statuses.get(Scheme.WB_INCOME)
        return status.value if status is not None and status.value else None

    @property
    def income_label(self) -> str:
        return value_label(Scheme.WB_INCOME, self.income) if self.income else ""


def rows(countries: Iterable[Country], on: date | None = None, schemes=None) -> list[CountryRow]:
    """The countries with their classifications, read in one query for the whole page."""
    countries = list(countries)
    day = on or today()
    statuses = classification.statuses_for(countries, list(schemes or ROW_SCHEMES), day)
    return [CountryRow(country, statuses.get(country.pk, {}), day) for country in countries]


def region_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Regions as option groups: the whole region, its sub-regions and, indented, their
    intermediate regions (one query; names in the active language, sorted accents ignored)."""
    regions = list(Region.objects.only("m49", "name", "name_fr", "name_en", "level", "parent_id"))
    children = defaultdict(list)
    for region in regions:
        if region.parent_id is not None:
            children[region.parent_id].append(region)

    def below(parent: Region) -> list[Region]:
        return sorted(children[parent.pk], key=lambda region: fold(region.name))

    choices = []
    top = [r for r in regions if r.level == Region.Level.REGION]
    for region in sorted(top, key=lambda r: fold(r.name)):
        options = [(region.m49, _("All of %(region)s") % {"region": region.name})]
        for sub in below(region):
            options.append((sub.m49, sub.name))
            options += [(leaf.m49, f"\u00a0\u00a0\u00a0{leaf.name}") for leaf in below(sub)]
        choices.append((region.name, options))
    return choices


# --- One country ------------------------------------------------------------------------------


def country(iso3: str) -> Country:
    """The country with this ISO alpha-3 code (any case), or 404."""
    if not ISO3.fullmatch(iso3 or ""):
        raise Http404("Unknown country code")
    found = (
        Country.objects.select_related("region", "subregion", "intermediate_region")
        .filter(iso3=iso3.upper())
        .first()
    )
    if found is None:
        raise Http404("Unknown country code")
    return found


def statuses_of(country: Country, on: date | None = None) -> dict[str, object]:
    """Every scheme's classification of the country on a date (one query), in scheme order."""
    found = classification.statuses_for([country], ALL_SCHEMES, on or today()).get(country.pk, {})
    return {scheme: found[scheme] for scheme in ALL_SCHEMES if scheme in found}


@dataclass(frozen=True)
class SchemeHistory:
    scheme: str
    label: str
    records: list[CountryClassification]

    @property
    def entries(self) -> list[tuple[CountryClassification, str]]:
        """Each dated record with its value in words."""
        return [(record, value_label(self.scheme, record.value)) for record in self.records]


def history_by_scheme(country: Country) -> list[SchemeHistory]:
    """Every dated value of every scheme (one query), newest first, in scheme order."""
    records = defaultdict(list)
    for record in classification.history(country):
        records[record.scheme].append(record)
    return [
        SchemeHistory(scheme.value, str(scheme.label), records[scheme.value])
        for scheme in Scheme
        if records.get(scheme.value)
    ]


@dataclass(frozen=True)
class IndicatorSeries:
    """A country's indicator values: the latest of each indicator and the whole time series."""

    values: list[IndicatorValue]

    @property
    def latest(self) -> list[IndicatorValue]:
        newest = {}
        for value in self.values:  # ordered by indicator, then date
            newest[value.indicator_id] = value
        return list(newest.values())

    @property
    def is_illustrative(self) -> bool:
        return any(value.is_illustrative for value in self.values)

    @property
    def has_series(self) -> bool:
        """More than one date: worth a line chart."""
        return len({value.date for value in self.values}) > 1

    def chart(self) -> dict:
        """Data for the line chart: one dataset per indicator over the union of dates."""
        dates = sorted({value.date for value in self.values})
        by_year = len({d.year for d in dates}) == len(dates)
        labels = [date_format(d, "Y") if by_year else d.isoformat() for d in dates]
        position = {d: i for i, d in enumerate(dates)}
        datasets = {}
        for value in self.values:
            dataset = datasets.setdefault(
                value.indicator_id,
                {
                    "code": value.indicator.code,
                    "label": value.indicator.name,
                    "data": [None] * len(dates),
                    "illustrative": False,
                },
            )
            dataset["data"][position[value.date]] = float(value.value)
            dataset["illustrative"] = dataset["illustrative"] or value.is_illustrative
        return {
            "labels": labels,
            "datasets": list(datasets.values()),
            "illustrative": self.is_illustrative,
        }


def indicator_values(country: Country, indicator: str | None = None) -> QuerySet[IndicatorValue]:
    values = IndicatorValue.objects.filter(country=country).select_related("indicator")
    if indicator:
        values = values.filter(indicator__code=indicator)
    return values.order_by("indicator__code", "date")


def indicator_series(country: Country) -> IndicatorSeries:
    return IndicatorSeries(list(indicator_values(country)))


# --- Peers ------------------------------------------------------------------------------------


def _language_tags(languages) -> frozenset[str]:
    """The languages without regional variant: ["en-FJ", "fr"] → {"en", "fr"}."""
    return frozenset(
        str(tag).split("-")[0].split("_")[0].lower() for tag in languages or [] if str(tag).strip()
    )


@dataclass(frozen=True)
class ReasonView:
    code: str
    text: str
    params: Mapping[str, object]
    weight: float = 0.0


@dataclass(frozen=True)
class PeerView:
    country: Country
    score: float
    reasons: list[ReasonView] = field(default_factory=list)


def language_name(code: str) -> str:
    """A language's name in the active language ("French" / "français"), from CLDR via Babel."""
    try:
        locale = Locale.parse((get_language() or settings.LANGUAGE_CODE).replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        locale = Locale("en")
    return locale.languages.get(code, code)


def _pillar_range(codes: list[str]) -> str:
    """["2ipd-r1", "2ipd-r4"] → "R1–R4"; ["2ipd-r2"] → "R2"."""
    pillars = sorted(code.rsplit("-", 1)[-1].upper() for code in codes)
    return pillars[0] if len(pillars) == 1 else f"{pillars[0]}–{pillars[-1]}"


def explain(reason, regions: Mapping[str, str] | None = None) -> ReasonView:
    """A similarity reason (a code with parameters) as a sentence in the active language."""
    params = dict(reason.params or {})
    regions = regions or {}
    code = reason.code
    if code == "indicators":
        codes = [str(c) for c in params.get("indicators") or []]
        pillars = [c for c in codes if c.startswith("2ipd-")]
        if codes and all(c.startswith("2ipd") for c in codes):
            if pillars:
                text = _("Close 2IPD profile (%(pillars)s)") % {"pillars": _pillar_range(pillars)}
            else:
                text = _("Close 2IPD score")
        else:
            text = _("Close indicator values (%(codes)s)") % {"codes": ", ".join(codes)}
    elif code == "group":
        group = str(params.get("group", ""))
        text = {
            "ldc": _("Also a least developed country"),
            "lldc": _("Also a landlocked developing country"),
            "sids": _("Also a small island developing State"),
        }.get(group, _("Also in the same UN group of countries"))
    elif code == "subregion":
        key = str(params.get("subregion", ""))
        text = _("Same sub-region: %(name)s") % {"name": regions.get(key, key)}
    elif code == "region":
        key = str(params.get("region", ""))
        text = _("Same region: %(name)s") % {"name": regions.get(key, key)}
    elif code == "income":
        income = str(params.get("income", ""))
        text = _("Same income group: %(name)s") % {"name": value_label(Scheme.WB_INCOME, income)}
    elif code == "language":
        languages = [str(tag) for tag in params.get("languages") or []]
        names = ", ".join(language_name(tag) for tag in languages)
        text = ngettext(
            "Shares a language: %(names)s", "Shares languages: %(names)s", len(languages)
        ) % {"names": names}
    else:
        text = code
    return ReasonView(code, text, params, float(getattr(reason, "weight", 0.0)))


def peers_of(country: Country, limit: int = 10, on: date | None = None) -> list[PeerView]:
    """The UPU member countries most similar to `country`, each with why, in sentences.

    `peers.similar_countries` builds the profiles (latest indicator values, UN groups and income
    group on `on`, M49 region and sub-region, languages) in three queries; one more reads the
    peers themselves with their regions.
    """
    ranked = peers.similar_countries(country, limit=limit, on=on or today())
    found = Country.objects.select_related("region", "subregion").filter(
        iso3__in=[peer.key for peer in ranked]
    )
    by_iso3 = {c.iso3: c for c in found}
    regions = {}
    for c in [country, *by_iso3.values()]:
        for region in (c.region, c.subregion):
            if region is not None:
                regions[region.m49] = region.name
    return [
        PeerView(by_iso3[peer.key], peer.score, [explain(r, regions) for r in peer.reasons])
        for peer in ranked
        if peer.key in by_iso3
    ]


def organisations_of(country: Country) -> list:
    """The organisations of the country (empty until organisations link to countries)."""
    if not hasattr(country, "organisations"):
        return []
    return list(country.organisations.all().order_by("name"))


@dataclass(frozen=True)
class CountryProfile:
    country: Country
    on: date
    statuses: Mapping[str, object]
    history: list[SchemeHistory]
    indicators: IndicatorSeries
    peers: list[PeerView]
    organisations: list

    @property
    def south(self):
        return self.statuses.get(Scheme.NORTH_SOUTH)

    @property
    def groups(self) -> list[tuple[str, str, str]]:
        return [
            (g, str(GROUP_ABBREVIATIONS[g]), str(GROUP_NAMES[g])) for g in groups_of(self.statuses)
        ]

    @property
    def other_names(self) -> list[tuple[str, str, str]]:
        """(language code, language name, name) of the names in the other languages."""
        names = self.country.other_names or {}
        return [(code, language_name(code), names[code]) for code in sorted(names) if names[code]]

    @property
    def languages(self) -> list[str]:
        return [language_name(code) for code in sorted(_language_tags(self.country.languages))]

    @property
    def region_path(self) -> list[Region]:
        c = self.country
        return [r for r in (c.region, c.subregion, c.intermediate_region) if r is not None]

    @property
    def current(self) -> list[tuple[str, str, object]]:
        """(scheme label, value label, status) of every scheme, in scheme order."""
        labels = dict(Scheme.choices)
        return [
            (str(labels[scheme]), value_label(scheme, status.value), status)
            for scheme, status in self.statuses.items()
        ]


def profile(iso3: str, on: date | None = None, peer_count: int = 10) -> CountryProfile:
    """Everything the country page shows, in a bounded number of queries."""
    found = country(iso3)
    day = on or today()
    return CountryProfile(
        country=found,
        on=day,
        statuses=statuses_of(found, day),
        history=history_by_scheme(found),
        indicators=indicator_series(found),
        peers=peers_of(found, limit=peer_count, on=day),
        organisations=organisations_of(found),
    )


# --- World map --------------------------------------------------------------------------------

MAP_SOUTH_NORTH = "south_north"
# Sequential colours (ColorBrewer YlGnBu, 5 classes) for indicator values, low → high.
SEQUENTIAL = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
CATEGORY_COLOURS = {"south": "#1b6fa8", "north": "#e08214"}


def map_indicators() -> list[Indicator]:
    """Indicators that have at least one value, for the map's colour choice (one query)."""
    return list(Indicator.objects.filter(values__isnull=False).distinct().order_by("code"))


def _latest_of(indicator: str, day: date | None):
    """[(m49, value, is_illustrative)] of the latest value ≤ day of each country (one query)."""
    values = IndicatorValue.objects.filter(indicator__code=indicator)
    if day is not None:
        values = values.filter(date__lte=day)
    rows_ = values.order_by("country_id", "-date").values_list(
        "country_id", "country__m49", "value", "is_illustrative"
    )
    seen, latest = set(), []
    for country_id, m49, value, illustrative in rows_:
        if country_id not in seen:
            seen.add(country_id)
            latest.append((m49, value, illustrative))
    return latest


def map_values(
    mode: str = MAP_SOUTH_NORTH, indicator: str | None = None, on: date | None = None
) -> dict[str, float | str]:
    """{M49 code: "south"/"north" or the latest indicator value} for the world map.

    M49 codes of countries are their ISO 3166 numeric codes, the ids of the world-atlas map.
    """
    if mode == MAP_SOUTH_NORTH or not indicator:
        m49 = dict(Country.objects.values_list("pk", "m49"))
        statuses = classification.statuses_for(list(m49), [Scheme.NORTH_SOUTH], on or today())
        values = {}
        for pk, by_scheme in statuses.items():
            status = by_scheme.get(Scheme.NORTH_SOUTH)
            if status is not None and status.is_south is not None and pk in m49:
                values[m49[pk]] = "south" if status.is_south else "north"
        return values
    return {m49: float(value) for m49, value, _illustrative in _latest_of(indicator, on)}


@dataclass(frozen=True)
class LegendItem:
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class MapData:
    mode: str
    indicator: Indicator | None
    values: dict[str, float | str]
    countries: list[dict]
    legend: list[LegendItem]
    bins: list[float]
    is_illustrative: bool

    def table(self) -> list[tuple[dict, str]]:
        """Every country with its value in words, for the accessible table under the map."""
        labels = {item.key: item.label for item in self.legend}
        shown = []
        for country in self.countries:
            value = self.values.get(country["m49"])
            if value is None:
                text = _("No data")
            elif isinstance(value, str):
                text = labels.get(value, value)
            else:
                text = _number(value)
            shown.append((country, text))
        return shown

    def payload(self) -> dict:
        """What the map script reads (through json_script)."""
        return {
            "mode": self.mode,
            "values": self.values,
            "countries": {c["m49"]: {"iso3": c["iso3"], "name": c["name"]} for c in self.countries},
            "colours": {item.key: item.colour for item in self.legend},
            "bins": self.bins,
            "labels": {item.key: item.label for item in self.legend},
            "noData": _("No data"),
        }


def _number(value: float) -> str:
    """A value with at most one decimal, in the active language's format ("34,5" in French)."""
    value = round(float(value), 1)
    return number_format(int(value) if value.is_integer() else value)


def map_data(indicator: str | None = None, on: date | None = None) -> MapData:
    """Values, legend and countries of the world map: South/North unless an indicator is given."""
    chosen = Indicator.objects.filter(code=indicator).first() if indicator else None
    mode = "indicator" if chosen else MAP_SOUTH_NORTH
    countries = [
        {"m49": c.m49, "iso3": c.iso3, "name": c.name}
        for c in Country.objects.order_by(name_sort_key(), "iso3")
    ]
    if chosen is None:
        values = map_values(MAP_SOUTH_NORTH, on=on)
        legend = [
            LegendItem(key, str(NORTH_SOUTH_LABELS[key]), colour)
            for key, colour in CATEGORY_COLOURS.items()
        ]
        return MapData(mode, None, values, countries, legend, [], False)
    latest = _latest_of(chosen.code, on)
    values = {m49: float(value) for m49, value, _illustrative in latest}
    low = (
        float(chosen.scale_min) if chosen.scale_min is not None else min(values.values(), default=0)
    )
    high = (
        float(chosen.scale_max) if chosen.scale_max is not None else max(values.values(), default=0)
    )
    step = (high - low) / len(SEQUENTIAL) if high > low else 1
    bins = [low + step * i for i in range(len(SEQUENTIAL) + 1)]
    legend = [
        LegendItem(str(i), f"{_number(bins[i])} – {_number(bins[i + 1])}", colour)
        for i, colour in enumerate(SEQUENTIAL)
    ]
    illustrative = any(flag for _m49, _value, flag in latest)
    return MapData(mode, chosen, values, countries, legend, bins, illustrative)
