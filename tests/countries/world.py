"""A small world for the country pages and API tests, built with the shared factories.

Eight countries with their classifications (one an officer's override, one a graduation from the
LDC list), regions and 2IPD values (illustrative for two Pacific countries, imported for Nepal).
"""

from dataclasses import dataclass
from datetime import date

from csst.core.text import fold
from csst.countries.models import Country, Indicator, IndicatorValue, Region
from tests.factories import CountryFactory, RegionFactory, classify

VANUATU_GRADUATION = date(2020, 12, 4)
OVERRIDE_REASON = "Treated as South for SSTC projects by decision of the Bureau (test)."
PILLARS = ["2ipd-r1", "2ipd-r2", "2ipd-r3", "2ipd-r4"]


def region(m49, name_fr, name_en, level=Region.Level.REGION, parent=None) -> Region:
    return RegionFactory(m49=m49, name_fr=name_fr, name_en=name_en, level=level, parent=parent)


def country(iso3, iso2, m49, name_fr, name_en, regions, languages=(), **fields) -> Country:
    region_, subregion, *intermediate = regions
    made = CountryFactory(
        iso3=iso3,
        iso2=iso2,
        m49=m49,
        name_fr=name_fr,
        name_en=name_en,
        region=region_,
        subregion=subregion,
        intermediate_region=intermediate[0] if intermediate else None,
        languages=list(languages),
        **fields,
    )
    made.refresh_from_db()
    if not made.search_text:  # until Country fills it on save
        names = [made.name_fr, made.name_en, *(made.other_names or {}).values()]
        made.search_text = fold(" ".join(n for n in names if n))
        made.save(update_fields=["search_text"])
    return made


@dataclass
class World:
    civ: Country
    tur: Country
    fji: Country
    vut: Country
    npl: Country
    fra: Country
    che: Country
    egy: Country
    melanesia: Region
    europe: Region


def build_world() -> World:
    africa = region("002", "Afrique", "Africa")
    subsaharan = region(
        "202", "Afrique subsaharienne", "Sub-Saharan Africa", Region.Level.SUBREGION, africa
    )
    western_africa = region(
        "011", "Afrique de l’Ouest", "Western Africa", Region.Level.INTERMEDIATE, subsaharan
    )
    northern_africa = region(
        "015", "Afrique du Nord", "Northern Africa", Region.Level.SUBREGION, africa
    )
    asia = region("142", "Asie", "Asia")
    western_asia = region("145", "Asie occidentale", "Western Asia", Region.Level.SUBREGION, asia)
    southern_asia = region("034", "Asie du Sud", "Southern Asia", Region.Level.SUBREGION, asia)
    oceania = region("009", "Océanie", "Oceania")
    melanesia = region("054", "Mélanésie", "Melanesia", Region.Level.SUBREGION, oceania)
    europe = region("150", "Europe", "Europe")
    western_europe = region(
        "155", "Europe de l’Ouest", "Western Europe", Region.Level.SUBREGION, europe
    )

    civ = country(
        "CIV", "CI", "384", "Côte d’Ivoire", "Côte d’Ivoire",
        (africa, subsaharan, western_africa), ["fr"], upu_group="V",
    )  # fmt: skip
    tur = country(
        "TUR", "TR", "792", "Türkiye", "Türkiye", (asia, western_asia), ["tr"], upu_group="II",
        other_names={"es": "Türkiye", "ru": "Турция"},
    )  # fmt: skip
    fji = country(
        "FJI", "FJ", "242", "Fidji", "Fiji", (oceania, melanesia), ["en-FJ", "fj"],
        upu_group="IV", designated_operator="Post Fiji Pte Limited",
    )  # fmt: skip
    vut = country(
        "VUT", "VU", "548", "Vanuatu", "Vanuatu", (oceania, melanesia), ["bi", "en", "fr"],
        upu_group="IV",
    )  # fmt: skip
    npl = country(
        "NPL", "NP", "524", "Népal", "Nepal", (asia, southern_asia), ["ne"], upu_group="IV"
    )
    fra = country(
        "FRA", "FR", "250", "France", "France", (europe, western_europe), ["fr"], upu_group="III"
    )
    che = country(
        "CHE", "CH", "756", "Suisse", "Switzerland", (europe, western_europe), ["de", "fr", "it"],
        upu_group="III",
    )  # fmt: skip
    egy = country(
        "EGY", "EG", "818", "Égypte", "Egypt", (africa, northern_africa), ["ar"], upu_group="V"
    )

    un = "UN M49 (test)"
    for south in (civ, fji, vut, npl, egy):
        classify(south, "north_south", "south", source=un)
    for north in (fra, che):
        classify(north, "north_south", "north", source=un)
    classify(tur, "north_south", "north", source=un, valid_to=date(2023, 12, 31))
    classify(
        tur, "north_south", "south", valid_from=date(2024, 1, 1), source="UPU International Bureau",
        is_override=True, reason=OVERRIDE_REASON,
    )  # fmt: skip
    classify(npl, "un_ldc", "ldc", source=un)
    classify(npl, "un_lldc", "lldc", source=un)
    classify(vut, "un_ldc", "ldc", valid_from=date(1985, 1, 1), valid_to=date(2020, 12, 3))
    for sids in (fji, vut):
        classify(sids, "un_sids", "sids", source=un)
    wb = "World Bank (test)"
    for member, income in [
        (civ, "lower_middle"), (tur, "upper_middle"), (fji, "upper_middle"),
        (vut, "lower_middle"), (npl, "lower_middle"), (fra, "high"), (che, "high"),
        (egy, "lower_middle"),
    ]:  # fmt: skip
        classify(member, "wb_income", income, source=wb)

    add_2ipd(fji, [40.0, 42.5, 44.0], illustrative=True)
    add_2ipd(vut, [30.0, 31.0, 33.5], illustrative=True)
    add_2ipd(npl, [25.0, 27.0], illustrative=False)
    return World(civ, tur, fji, vut, npl, fra, che, egy, melanesia, europe)


def indicators() -> dict[str, Indicator]:
    made = {}
    for code, name_en, name_fr in [
        ("2ipd", "2IPD score", "Score 2IPD"),
        ("2ipd-r1", "Reliability", "Fiabilité"),
        ("2ipd-r2", "Reach", "Portée"),
        ("2ipd-r3", "Relevance", "Pertinence"),
        ("2ipd-r4", "Resilience", "Résilience"),
    ]:
        made[code], _created = Indicator.objects.get_or_create(
            code=code,
            defaults={"name_en": name_en, "name_fr": name_fr, "scale_min": 0, "scale_max": 100},
        )
    return made


def add_2ipd(country_, scores, illustrative: bool, first_year: int = 2019) -> None:
    source = "Illustrative demo values" if illustrative else "UPU 2IPD (imported, test)"
    for offset, score in enumerate(scores):
        day = date(first_year + offset, 12, 31)
        for code, indicator in indicators().items():
            shift = 0 if code == "2ipd" else (PILLARS.index(code) - 1.5) * 4
            IndicatorValue.objects.create(
                indicator=indicator,
                country=country_,
                date=day,
                value=score + shift,
                source=source,
                is_illustrative=illustrative,
            )
