"""Reference data of the countries app, read from the files in `csst/countries/data/`.

Origin, licence and caveats of every file: `docs/data-sources.md`. This module has two halves:

* `read_reference()` parses the files into plain records (no database), so the rules that turn the
  data into countries and dated classifications can be read and tested on their own;
* `load(log)` writes those records: it compares with what is stored and writes only the
  differences, in bulk, so a second run changes nothing. Officer overrides are never touched.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from csst.core.loading import Tally
from csst.core.text import fold

from .models import Country, CountryClassification, Indicator, Region, Scheme, UpuGroup

DATA_DIR = Path(__file__).resolve().parent / "data"

M49_EN = "UNSD-M49-en.csv"
M49_FR = "UNSD-M49-fr.csv"
COUNTRY_CODES = "country-codes.csv"
COUNTRY_CODES_2020 = "country-codes_2020-10-15_with-developed-developing.csv"
BBLOCKS = "bblocks-places-concordance.csv"
HDX = "hdx-countries-territories-taxonomy.csv"
UPU_2017 = "upu-member-countries-s10_2017-06.json"

# ---------------------------------------------------------------------------------------------
# Vintages: the date from which each file's values are taken to hold. The files do not say since
# when a value applied, so a value starts at the vintage of the first file that shows it
# (documented in docs/data-sources.md and docs/decisions/0006-north-south-default-source.md).
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vintage:
    key: str
    starts: date
    label: str


VINTAGE_2018 = Vintage(
    "m49-2018",
    date(2018, 1, 1),  # "about 2018": 1 January 2018 by convention
    "UNSD M49 overview, ≈2018 (datasets/country-codes, 2020-10-15)",
)
VINTAGE_2024 = Vintage(
    "m49-2024", date(2024, 9, 25), "UNSD M49 overview, September 2024 (downloaded 2024-09-25)"
)
VINTAGE_CURRENT = Vintage(
    "bblocks-2025", date(2025, 7, 1), "bblocks-places 0.0.6 (UN lists as of 2025)"
)
UN_GROUP_VINTAGES = (VINTAGE_2018, VINTAGE_2024, VINTAGE_CURRENT)

# Official dates of LDC graduations seen between the vintages above. Sources: UN DESA / Committee
# for Development Policy (CDP) news "Vanuatu graduated from LDC status" (4 December 2020),
# "Bhutan graduates from LDC status" (13 December 2023), "Sao Tome and Principe graduated from
# LDC status" (13 December 2024); General Assembly resolutions A/RES/75/128 (Vanuatu) and
# A/RES/73/133 of 13 December 2018 (Bhutan, São Tomé and Príncipe).
# Scheduled graduations that the data does not show yet (Bangladesh, Lao PDR and Nepal on
# 24 November 2026; Solomon Islands on 13 December 2027) are deliberately NOT listed here: record
# them once they have taken effect (or as an officer override).
LDC_GRADUATIONS: dict[str, tuple[date, str]] = {
    "VUT": (date(2020, 12, 4), "UN DESA/CDP; A/RES/75/128"),
    "BTN": (date(2023, 12, 13), "UN DESA/CDP; A/RES/73/133"),
    "STP": (date(2024, 12, 13), "UN DESA/CDP; A/RES/73/133"),
}

WB_FY2024 = (date(2023, 7, 1), date(2024, 6, 30))  # HDX taxonomy; FY2025 is not in the data
WB_FY2026_FROM = date(2025, 7, 1)  # bblocks; kept until a newer vintage is loaded
WB_INCOME_CODES = {
    "low": "low",
    "low income": "low",
    "lower middle": "lower_middle",
    "lower middle income": "lower_middle",
    "upper middle": "upper_middle",
    "upper middle income": "upper_middle",
    "high": "high",
    "high income": "high",
    "not classified": "not_classified",
}

SOURCE_NORTH_SOUTH = (
    "UN M49 'Developed / Developing Countries' column, ≈2018 vintage (datasets/country-codes "
    "2020-10-15); historical: UNSD no longer publishes this distinction"
)
SOURCE_WB_FY2024 = (
    "World Bank income classification FY2024 (July 2023), via OCHA HDX Countries & Territories "
    "Taxonomy (hdx-python-country 4.2.5)"
)
SOURCE_WB_FY2026 = (
    "World Bank income classification FY2026 (July 2025), via bblocks-places 0.0.6; latest in "
    "the data"
)
UN_GROUP_NAMES = {
    Scheme.UN_LDC: "UN least developed countries (LDC) list",
    Scheme.UN_LLDC: "UN landlocked developing countries (LLDC) list",
    Scheme.UN_SIDS: "UN small island developing States (SIDS) list",
}
UN_GROUP_CODES = {Scheme.UN_LDC: "ldc", Scheme.UN_LLDC: "lldc", Scheme.UN_SIDS: "sids"}

UPU_GROUP_BY_PATH = {
    "americas": UpuGroup.AMERICAS,
    "eastern-europe-and-northern-asia": UpuGroup.EASTERN_EUROPE_NORTHERN_ASIA,
    "western-europe": UpuGroup.WESTERN_EUROPE,
    "southern-asia-and-oceania": UpuGroup.SOUTHERN_ASIA_OCEANIA,
    "africa": UpuGroup.AFRICA,
}

# Names in the UPU 2017 list that the UN has changed since (established from the data: the
# 2020 file and the September 2024 M49 overview). Membership is unchanged; the old name stays
# searchable.
UPU_RENAMED_SINCE_2017 = {
    "SWZ": ("Swaziland", "Eswatini"),
    "MKD": ("The former Yugoslav Republic of Macedonia", "North Macedonia"),
    "TUR": ("Turkey", "Türkiye"),
    "NLD": ("Netherlands", "Netherlands (Kingdom of the)"),
}

OTHER_NAME_COLUMNS = {  # HDX taxonomy: the M49 name, else the UNTERM short name
    "es": ("M49 Spanish", "Spanish Short"),
    "ru": ("M49 Russian", "Russian Short"),
    "zh": ("M49 Chinese", "Chinese Short"),
    "ar": ("M49 Arabic", "Arabic Short"),
}

PREDEFINED_INDICATORS = [
    {
        "code": "2ipd",
        "parent": None,
        "name_en": "Integrated Index for Postal Development (2IPD)",
        "name_fr": "Indice intégré pour le développement postal (2IPD)",
        "description_en": (
            "UPU composite index of postal development (0-100), combining four pillars: "
            "reliability, reach, relevance and resilience."
        ),
        "description_fr": (
            "Indice composite de l'UPU mesurant le développement postal (0-100), qui combine "
            "quatre piliers : fiabilité, portée, pertinence et résilience."
        ),
    },
    {
        "code": "2ipd-r1",
        "parent": "2ipd",
        "name_en": "2IPD — Reliability",
        "name_fr": "2IPD — Fiabilité",
        "description_en": "2IPD pillar R1: reliability of postal services.",
        "description_fr": "Pilier R1 du 2IPD : fiabilité des services postaux.",
    },
    {
        "code": "2ipd-r2",
        "parent": "2ipd",
        "name_en": "2IPD — Reach",
        "name_fr": "2IPD — Portée",
        "description_en": "2IPD pillar R2: reach (international connectedness).",
        "description_fr": "Pilier R2 du 2IPD : portée (connectivité internationale).",
    },
    {
        "code": "2ipd-r3",
        "parent": "2ipd",
        "name_en": "2IPD — Relevance",
        "name_fr": "2IPD — Pertinence",
        "description_en": "2IPD pillar R3: relevance (demand for postal services).",
        "description_fr": "Pilier R3 du 2IPD : pertinence (demande de services postaux).",
    },
    {
        "code": "2ipd-r4",
        "parent": "2ipd",
        "name_en": "2IPD — Resilience",
        "name_fr": "2IPD — Résilience",
        "description_en": "2IPD pillar R4: resilience (capacity to adapt and innovate).",
        "description_fr": "Pilier R4 du 2IPD : résilience (capacité d'adaptation et d'innovation).",
    },
]
for _definition in PREDEFINED_INDICATORS:
    _definition.update(
        unit_en="score (0-100)",
        unit_fr="score (0-100)",
        scale_min=Decimal("0.0000"),
        scale_max=Decimal("100.0000"),
        is_predefined=True,
    )

MANAGED_SCHEMES = (
    Scheme.NORTH_SOUTH,
    Scheme.UN_LDC,
    Scheme.UN_LLDC,
    Scheme.UN_SIDS,
    Scheme.WB_INCOME,
)

# ---------------------------------------------------------------------------------------------
# Parsing (no database)
# ---------------------------------------------------------------------------------------------


@dataclass
class RegionRecord:
    m49: str
    level: str
    name_en: str
    name_fr: str
    parent: str | None


@dataclass
class PeriodRecord:
    iso3: str
    scheme: str
    value: str
    valid_from: date
    valid_to: date | None
    source: str


@dataclass
class UpuMember:
    name: str
    iso2: str | None  # None for the two collective members
    group: str
    operator: str


@dataclass
class ReferenceData:
    regions: list[RegionRecord]
    countries: list[dict]
    periods: list[PeriodRecord]
    upu_members: list[UpuMember]
    skipped: list[str] = field(default_factory=list)  # rows of the files left out, and why

    @property
    def upu_matched(self) -> list[UpuMember]:
        return [member for member in self.upu_members if member.iso2]


def _read_csv(name: str) -> list[dict[str, str]]:
    # utf-8-sig: the English M49 file starts with a byte-order mark.
    with open(DATA_DIR / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _formal_name(text: str) -> str:
    """UNTERM formal names as titles: 'the Republic of Korea' -> 'Republic of Korea',
    "l'ex-République …" -> 'Ex-République …'; annotations such as ' [fém.]' are dropped."""
    text = (text or "").split(" [")[0].strip().rstrip("*").strip()
    lowered = text.lower()
    for article in ("the ", "le ", "la ", "les ", "l'", "l’"):
        if lowered.startswith(article):
            text = text[len(article) :]
            break
    return text[:1].upper() + text[1:]


def _languages(text: str) -> list[str]:
    return [code.strip() for code in (text or "").split(",") if code.strip()]


def read_upu_members() -> list[UpuMember]:
    with open(DATA_DIR / UPU_2017, encoding="utf-8") as handle:
        entries = json.load(handle)["s10_countries"]
    members = []
    for entry in entries:
        code = (entry.get("country_code") or "").strip()
        code = code if len(code) == 2 and code.isalpha() else None  # null and " None" quirks
        path = entry["upu_reference_url"].rstrip("/").split("/")[-2]
        members.append(
            UpuMember(
                name=entry["country"],
                iso2=code.upper() if code else None,
                group=UPU_GROUP_BY_PATH[path],
                operator=(entry.get("courier") or "").strip(),
            )
        )
    return members


def _regions(m49_en: list[dict], m49_fr: dict[str, dict]) -> list[RegionRecord]:
    regions: dict[str, RegionRecord] = {}
    levels = (
        ("Region", Region.Level.REGION),
        ("Sub-region", Region.Level.SUBREGION),
        ("Intermediate Region", Region.Level.INTERMEDIATE),
    )
    for row in m49_en:
        french = m49_fr[row["M49 Code"]]
        parent = None
        for column, level in levels:
            code = row[f"{column} Code"]
            if not code:
                continue
            regions.setdefault(
                code,
                RegionRecord(code, level, row[f"{column} Name"], french[f"{column} Name"], parent),
            )
            parent = code
    order = {Region.Level.REGION: 0, Region.Level.SUBREGION: 1, Region.Level.INTERMEDIATE: 2}
    return sorted(regions.values(), key=lambda r: (order[r.level], r.m49))


def _un_group_periods(
    iso3: str, scheme: str, observed: list[tuple[Vintage, bool]]
) -> list[PeriodRecord]:
    """Dated periods of one UN group (LDC/LLDC/SIDS) from the vintages that list the country.

    A change between two vintages takes effect on the official date when one is known
    (LDC_GRADUATIONS), otherwise on the later vintage's date.
    """
    code = UN_GROUP_CODES[scheme]
    list_name = UN_GROUP_NAMES[scheme]
    runs: list[dict] = []
    for vintage, member in observed:
        value = code if member else f"not_{code}"
        if runs and runs[-1]["value"] == value:
            runs[-1]["seen"].append(vintage)
            continue
        starts, note = vintage.starts, ""
        if runs:
            graduation = LDC_GRADUATIONS.get(iso3) if scheme == Scheme.UN_LDC else None
            if graduation and not member:
                starts = graduation[0]
                note = f"graduated on {starts.isoformat()} ({graduation[1]}); "
            else:
                note = f"change first seen in the {vintage.label}; "
        runs.append({"value": value, "starts": starts, "seen": [vintage], "note": note})
    periods = []
    for index, run in enumerate(runs):
        ends = runs[index + 1]["starts"] - timedelta(days=1) if index + 1 < len(runs) else None
        seen = "; ".join(v.label for v in run["seen"])
        periods.append(
            PeriodRecord(
                iso3, scheme, run["value"], run["starts"], ends, f"{list_name}: {run['note']}{seen}"
            )
        )
    return periods


def read_reference() -> ReferenceData:
    """Every record the loader writes, from the files alone."""
    m49_en = _read_csv(M49_EN)
    m49_fr = {row["M49 Code"]: row for row in _read_csv(M49_FR)}
    codes = {row["ISO3166-1-Alpha-3"]: row for row in _read_csv(COUNTRY_CODES)}
    legacy_rows = _read_csv(COUNTRY_CODES_2020)
    legacy = {row["ISO3166-1-Alpha-3"]: row for row in legacy_rows if row["ISO3166-1-Alpha-3"]}
    bblocks = {row["iso3_code"]: row for row in _read_csv(BBLOCKS)}
    hdx_rows = _read_csv(HDX)
    hdx = {
        row["ISO 3166-1 Alpha 3-Codes"]: row
        for row in hdx_rows
        if row["ISO 3166-1 Alpha 3-Codes"] and row["Deprecated"] != "Y"
    }
    upu_members = read_upu_members()
    upu_by_iso2 = {member.iso2: member for member in upu_members if member.iso2}

    skipped: list[str] = []
    for row in m49_en:
        if not row["ISO-alpha3 Code"]:
            skipped.append(
                f"{M49_EN}: {row['Country or Area']} (M49 {row['M49 Code']}): no ISO code"
            )
    in_m49 = {row["ISO-alpha3 Code"] for row in m49_en}
    skipped += [
        f"{COUNTRY_CODES_2020}: {row['official_name_en']} (M49 {row['M49']}): no ISO code"
        for row in legacy_rows
        if not row["ISO3166-1-Alpha-3"]
    ]
    skipped += [
        f"{COUNTRY_CODES}: {iso3} ({row['official_name_en']}): not in the UN M49 list"
        for iso3, row in codes.items()
        if iso3 not in in_m49
    ]
    skipped += [
        f"{BBLOCKS}: {iso3} ({row['name_short']}): not in the UN M49 list"
        for iso3, row in bblocks.items()
        if iso3 not in in_m49
    ]
    skipped += [
        f"{HDX}: {row['Preferred Term']}: no ISO code"
        for row in hdx_rows
        if not row["ISO 3166-1 Alpha 3-Codes"]
    ]
    skipped += [
        f"{UPU_2017}: {member.name}: collective member without ISO code"
        for member in upu_members
        if not member.iso2
    ]

    countries, periods = [], []
    for row in m49_en:
        iso3, iso2 = row["ISO-alpha3 Code"], row["ISO-alpha2 Code"]
        if not iso3:
            continue
        french = m49_fr[row["M49 Code"]]
        extra = codes.get(iso3, {})
        taxonomy = hdx.get(iso3, {})
        member = upu_by_iso2.get(iso2)
        official_en = _formal_name(
            extra.get("UNTERM English Formal")
            or taxonomy.get("English Formal")
            or extra.get("official_name_en", "")
        )
        official_fr = _formal_name(
            extra.get("UNTERM French Formal") or extra.get("official_name_fr", "")
        )
        other_names = {}
        for lang, columns in OTHER_NAME_COLUMNS.items():
            value = next((taxonomy[c] for c in columns if taxonomy.get(c)), "")
            if value:
                other_names[lang] = value
        names = [
            french["Country or Area"],
            row["Country or Area"],
            official_fr,
            official_en,
            *other_names.values(),
        ]
        if member and member.name not in names:
            names.append(member.name)  # the 2017 UPU name (e.g. "Swaziland") stays searchable
        search_text = "\n".join(dict.fromkeys(fold(name) for name in names if name))
        countries.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "m49": row["M49 Code"],
                "name_en": row["Country or Area"],
                "name_fr": french["Country or Area"],
                "official_name_en": official_en,
                "official_name_fr": official_fr,
                "other_names": other_names,
                "region": row["Region Code"] or None,
                "subregion": row["Sub-region Code"] or None,
                "intermediate_region": row["Intermediate Region Code"] or None,
                "languages": _languages(extra.get("Languages", "")),
                "is_independent": extra.get("is_independent") == "Yes",
                "upu_member": member is not None,
                "upu_group": member.group if member else "",
                "designated_operator": member.operator if member else "",
                "search_text": search_text,
            }
        )

        # north_south: the historical UN M49 developed/developing column (default source).
        developed = legacy.get(iso3, {}).get("Developed / Developing Countries", "")
        if developed in ("Developed", "Developing"):
            value = "north" if developed == "Developed" else "south"
            periods.append(
                PeriodRecord(
                    iso3, Scheme.NORTH_SOUTH, value, VINTAGE_2018.starts, None, SOURCE_NORTH_SOUTH
                )
            )

        # LDC / LLDC / SIDS in the three vintages.
        current = bblocks.get(iso3, {})
        for scheme, column, bcolumn in (
            (Scheme.UN_LDC, "Least Developed Countries (LDC)", "ldc"),
            (Scheme.UN_LLDC, "Land Locked Developing Countries (LLDC)", "lldc"),
            (Scheme.UN_SIDS, "Small Island Developing States (SIDS)", "sids"),
        ):
            observed = []
            if iso3 in legacy:
                observed.append((VINTAGE_2018, legacy[iso3][column] == "x"))
            observed.append((VINTAGE_2024, row[column] == "x"))
            if current:
                observed.append((VINTAGE_CURRENT, current[bcolumn] == "True"))
            periods += _un_group_periods(iso3, scheme, observed)

        # World Bank income groups: FY2024 (HDX) and FY2026 (bblocks).
        fy2024 = WB_INCOME_CODES.get(taxonomy.get("World Bank Income Level", "").strip().lower())
        if fy2024:
            periods.append(
                PeriodRecord(iso3, Scheme.WB_INCOME, fy2024, *WB_FY2024, SOURCE_WB_FY2024)
            )
        fy2026 = WB_INCOME_CODES.get(current.get("income_level", "").strip().lower())
        if fy2026:
            periods.append(
                PeriodRecord(iso3, Scheme.WB_INCOME, fy2026, WB_FY2026_FROM, None, SOURCE_WB_FY2026)
            )

    return ReferenceData(_regions(m49_en, m49_fr), countries, periods, upu_members, skipped)


# ---------------------------------------------------------------------------------------------
# Writing (compare first, then bulk)
# ---------------------------------------------------------------------------------------------

COUNTRY_FIELDS = [
    "iso2",
    "m49",
    "name_en",
    "name_fr",
    "official_name_en",
    "official_name_fr",
    "other_names",
    "region_id",
    "subregion_id",
    "intermediate_region_id",
    "languages",
    "is_independent",
    "upu_member",
    "upu_group",
    "designated_operator",
    "search_text",
]
INDICATOR_FIELDS = [
    "name_en",
    "name_fr",
    "description_en",
    "description_fr",
    "unit_en",
    "unit_fr",
    "scale_min",
    "scale_max",
    "parent_id",
    "is_predefined",
]


def _sync_regions(records: list[RegionRecord], tally: Tally) -> dict[str, int]:
    existing = {region.m49: region for region in Region.objects.all()}
    for level in (Region.Level.REGION, Region.Level.SUBREGION, Region.Level.INTERMEDIATE):
        ids = {m49: region.pk for m49, region in existing.items()}
        to_create, to_update = [], []
        for record in (r for r in records if r.level == level):
            wanted = {
                "level": record.level,
                "name_en": record.name_en,
                "name_fr": record.name_fr,
                "parent_id": ids[record.parent] if record.parent else None,
            }
            region = existing.get(record.m49)
            if region is None:
                to_create.append(Region(m49=record.m49, **wanted))
            elif any(getattr(region, name) != value for name, value in wanted.items()):
                for name, value in wanted.items():
                    setattr(region, name, value)
                to_update.append(region)
        if to_create:
            Region.objects.bulk_create(to_create)
            existing.update({r.m49: r for r in Region.objects.filter(level=level)})
        if to_update:
            Region.objects.bulk_update(to_update, ["level", "name_en", "name_fr", "parent_id"])
        tally.created += len(to_create)
        tally.updated += len(to_update)
    return {m49: region.pk for m49, region in existing.items()}


def _sync_countries(records: list[dict], region_ids: dict[str, int], tally: Tally) -> dict:
    existing = {country.iso3: country for country in Country.objects.all()}
    to_create, to_update, changed_fields = [], [], set()
    for record in records:
        wanted = {name: value for name, value in record.items() if name != "iso3"}
        for name in ("region", "subregion", "intermediate_region"):
            code = wanted.pop(name)
            wanted[f"{name}_id"] = region_ids[code] if code else None
        country = existing.get(record["iso3"])
        if country is None:
            to_create.append(Country(iso3=record["iso3"], **wanted))
            continue
        changed = [name for name, value in wanted.items() if getattr(country, name) != value]
        if changed:
            for name in changed:
                setattr(country, name, wanted[name])
            changed_fields.update(changed)
            to_update.append(country)
    if to_update:
        Country.objects.bulk_update(to_update, sorted(changed_fields), batch_size=200)
    if to_create:
        Country.objects.bulk_create(to_create, batch_size=200)
    tally.created += len(to_create)
    tally.updated += len(to_update)
    return dict(Country.objects.values_list("iso3", "pk"))


def _sync_periods(periods: list[PeriodRecord], country_ids: dict[str, int], tally: Tally) -> int:
    """Sourced classification rows of the managed schemes for the countries in the data."""
    wanted = {
        (country_ids[p.iso3], p.scheme, p.valid_from): p for p in periods if p.iso3 in country_ids
    }
    stored = CountryClassification.objects.filter(
        is_override=False,
        scheme__in=MANAGED_SCHEMES,
        country_id__in=set(country_ids.values()),
    )
    to_update, to_remove = [], []
    seen = set()
    for row in stored:
        key = (row.country_id, row.scheme, row.valid_from)
        period = wanted.get(key)
        if period is None or key in seen:
            to_remove.append(row.pk)
            continue
        seen.add(key)
        if (row.value, row.valid_to, row.source) != (period.value, period.valid_to, period.source):
            row.value, row.valid_to, row.source = period.value, period.valid_to, period.source
            to_update.append(row)
    to_create = [
        CountryClassification(
            country_id=key[0],
            scheme=period.scheme,
            value=period.value,
            valid_from=period.valid_from,
            valid_to=period.valid_to,
            source=period.source,
        )
        for key, period in wanted.items()
        if key not in seen
    ]
    if to_remove:
        CountryClassification.objects.filter(pk__in=to_remove).delete()
    if to_update:
        bulk_update_with_history(
            to_update,
            CountryClassification,
            ["value", "valid_to", "source"],
            batch_size=500,
            default_change_reason="load_reference_data",
        )
    if to_create:
        bulk_create_with_history(
            to_create,
            CountryClassification,
            batch_size=500,
            default_change_reason="load_reference_data",
        )
    tally.created += len(to_create)
    tally.updated += len(to_update)
    tally.removed += len(to_remove)
    return len(wanted)


def _sync_indicators(tally: Tally) -> int:
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for definition in PREDEFINED_INDICATORS:  # parents come first in the list
        wanted = {name: definition[name] for name in INDICATOR_FIELDS if name in definition}
        parent = definition["parent"]
        wanted["parent_id"] = existing[parent].pk if parent else None
        indicator = existing.get(definition["code"])
        if indicator is None:
            existing[definition["code"]] = Indicator.objects.create(
                code=definition["code"], **wanted
            )
            tally.created += 1
            continue
        changed = [name for name, value in wanted.items() if getattr(indicator, name) != value]
        if changed:
            for name in changed:
                setattr(indicator, name, wanted[name])
            indicator.save(update_fields=changed)
            tally.updated += 1
    return len(PREDEFINED_INDICATORS)


def load(log=print) -> str:
    """Load regions, countries, classifications and the predefined indicators; idempotent."""
    started = time.monotonic()
    data = read_reference()
    total = Tally()
    with transaction.atomic():
        tally = Tally()
        region_ids = _sync_regions(data.regions, tally)
        log(f"[1/5] Regions: {len(data.regions)} in the data — {tally}")
        total.created, total.updated = tally.created, tally.updated

        tally = Tally()
        country_ids = _sync_countries(data.countries, region_ids, tally)
        log(
            f"[2/5] Countries and territories: {len(data.countries)} in the data — {tally}; "
            f"{len(data.skipped)} rows of the files left out (see docs/data-sources.md)"
        )
        total.created += tally.created
        total.updated += tally.updated

        members = len(data.upu_members)
        matched = len(data.upu_matched)
        log(
            f"[3/5] UPU members: {members} in the 2017 list — {matched} matched to countries by "
            f"ISO alpha-2, {members - matched} collective members without ISO code"
        )

        tally = Tally()
        periods = _sync_periods(data.periods, country_ids, tally)
        overrides = CountryClassification.objects.filter(is_override=True).count()
        by_scheme = Counter(p.scheme for p in data.periods)
        detail = ", ".join(f"{scheme} {by_scheme[scheme]}" for scheme in MANAGED_SCHEMES)
        log(
            f"[4/5] Classifications: {periods} sourced periods ({detail}) — {tally}; "
            f"{overrides} officer overrides left untouched"
        )
        total.created += tally.created
        total.updated += tally.updated
        total.removed += tally.removed

        tally = Tally()
        indicators = _sync_indicators(tally)
        log(f"[5/5] Indicators: {indicators} predefined — {tally}")
        total.created += tally.created
        total.updated += tally.updated

    elapsed = time.monotonic() - started
    return (
        f"{len(data.regions)} regions, {len(data.countries)} countries "
        f"({matched} UPU members + {members - matched} collective), {periods} classification "
        f"periods, {indicators} indicators — {total} in {elapsed:.1f} s"
    )
