"""Illustrative 2IPD values for the demo — generated, NOT UPU measurements.

No public 2IPD dataset exists (docs/data-sources.md). For the demo, every UPU member gets a 2IPD
score and its four pillars (R1 reliability, R2 reach, R3 relevance, R4 resilience) for 2019-2024,
drawn by a seeded random generator around the public 2019 regional averages of the 2IPD.

Groups (2019 average) and how countries are mapped to them from the data — the first rule
that applies wins:

1. Eastern Europe & CIS (49.8): UN M49 sub-region Eastern Europe (151) or Central Asia (143);
2. Industrialised (68.9): `north` under the default north_south source (UN M49 "developed");
3. Eastern Europe & CIS (49.8): South countries of Western Asia (145) whose first language is not
   Arabic (Armenia, Azerbaijan, Georgia, Türkiye);
4. Arab region (27.3): the first language in the country's `languages` is Arabic (`ar`);
5. Latin America (22.7): UN M49 region Americas (019) (North America is already `north`);
6. Africa (20.6): UN M49 region Africa (002);
7. Asia-Pacific (29.5): UN M49 regions Asia (142) and Oceania (009).

The mapping is an approximation: the data has no CIS or Arab League membership, and the UN M49
"developed" list puts all of Europe (including Russia, Ukraine and the Balkans) in the North.

Each country gets a level around its group's average (standard deviation 8), each pillar its own
offset (standard deviation 6) and the whole a small yearly trend; the score is the mean of the
pillars, rounded to one decimal and kept within 0-100. The generator is seeded by the country's
ISO3 code, so every run produces the same values. Values are stored with `is_illustrative=True`
and the source below; an existing value (e.g. an imported real one) is never overwritten.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from . import reference
from .classification import statuses_for
from .models import Country, Indicator, IndicatorValue, NorthSouth, Scheme

SOURCE = "Illustrative demo value — not a UPU measurement"
YEARS = range(2019, 2025)
PILLARS = ("2ipd-r1", "2ipd-r2", "2ipd-r3", "2ipd-r4")
AVERAGES_2019 = {
    "industrialised": 68.9,
    "eastern_europe_cis": 49.8,
    "asia_pacific": 29.5,
    "arab": 27.3,
    "latin_america": 22.7,
    "africa": 20.6,
}


def group_of(
    north_south: str | None, region: str | None, subregion: str | None, languages: list[str]
) -> str | None:
    """The 2IPD regional group of a country (see the table above); None when none applies."""
    first_language = (languages[0].split("-")[0].lower()) if languages else ""
    if subregion in ("151", "143"):
        return "eastern_europe_cis"
    if north_south == NorthSouth.NORTH:
        return "industrialised"
    if subregion == "145" and north_south == NorthSouth.SOUTH and first_language != "ar":
        return "eastern_europe_cis"
    if first_language == "ar":
        return "arab"
    return {
        "019": "latin_america",
        "002": "africa",
        "142": "asia_pacific",
        "009": "asia_pacific",
    }.get(region or "")


def _clip(value: float) -> float:
    return round(min(100.0, max(0.0, value)), 1)


def generate(iso3: str, group: str) -> dict[tuple[str, int], float]:
    """{(indicator code, year): value} for one country; deterministic."""
    rng = random.Random(f"csst-2ipd-demo-{iso3}")  # noqa: S311 — illustrative values, not security
    level = AVERAGES_2019[group] + rng.gauss(0, 8)
    offsets = {code: rng.gauss(0, 6) for code in PILLARS}
    trend = rng.uniform(-0.5, 1.5)
    values = {}
    for year in YEARS:
        drift = trend * (year - YEARS.start)
        pillars = {
            code: _clip(level + offsets[code] + drift + rng.gauss(0, 1.5)) for code in PILLARS
        }
        values.update({(code, year): value for code, value in pillars.items()})
        values[("2ipd", year)] = _clip(sum(pillars.values()) / len(pillars))
    return values


def load(log=print) -> str:
    """Create the illustrative values that are missing; idempotent."""
    if not Indicator.objects.filter(code="2ipd").exists() or not Country.objects.exists():
        log("Reference data missing: loading it first.")
        log(reference.load(log))
    indicators = dict(
        Indicator.objects.filter(code__in=("2ipd", *PILLARS)).values_list("code", "pk")
    )
    members = list(
        Country.objects.filter(upu_member=True).values(
            "id", "iso3", "languages", "region__m49", "subregion__m49"
        )
    )
    on = date(YEARS.start, 12, 31)
    north_south = statuses_for([m["id"] for m in members], [Scheme.NORTH_SOUTH], on)
    wanted: dict[tuple[int, int, date], Decimal] = {}
    skipped = 0
    for member in members:
        group = group_of(
            north_south[member["id"]][Scheme.NORTH_SOUTH].value,
            member["region__m49"],
            member["subregion__m49"],
            member["languages"],
        )
        if group is None:
            skipped += 1
            continue
        for (code, year), value in generate(member["iso3"], group).items():
            wanted[(indicators[code], member["id"], date(year, 12, 31))] = Decimal(str(value))
    stored = set(
        IndicatorValue.objects.filter(
            indicator_id__in=indicators.values(), date__year__in=list(YEARS)
        ).values_list("indicator_id", "country_id", "date")
    )
    to_create = [
        IndicatorValue(
            indicator_id=key[0],
            country_id=key[1],
            date=key[2],
            value=value,
            source=SOURCE,
            is_illustrative=True,
        )
        for key, value in wanted.items()
        if key not in stored
    ]
    with transaction.atomic():
        IndicatorValue.objects.bulk_create(to_create, batch_size=1000)
    summary = (
        f"illustrative 2IPD values: {len(to_create)} created, "
        f"{len(wanted) - len(to_create)} already present ({len(members) - skipped} UPU members, "
        f"{YEARS.start}-{YEARS.stop - 1})"
    )
    log(f"Countries: {summary}")
    return summary
