"""Shared vocabularies: the SDG framework (goals, targets, indicators) and the platform's themes.

Part of `csst load_reference_data` (`load(log) -> str`); idempotent: it compares with what is
stored and writes only the differences, so a second run writes nothing.

SDGs come from the files in `csst/knowledge/data/` (byte-for-byte copies; origin, licence and
caveats in `docs/data-sources.md`):

* goals and targets, official English and French texts: IATI codelists `UNSDG-Goals.xml` and
  `UNSDG-Targets.xml` (the "Goal 1. " / "Objectif 1. " prefix of goal titles is dropped: the number
  is a field of its own);
* goal short titles ("No poverty" / "Pas de pauvreté"): open-sdg-translations `global_goals.yml`;
* indicators: UNSD's list after the 2023 refinement (`SDG_Target_Indicator_UNSD_2023.csv`, English,
  authoritative), French titles from open-sdg-translations `global_indicators.yml` where the code
  matches and the translation still renders the current wording (see `FRENCH_OUTDATED`).

The SDG rows belong to the data (read-only in the admin); rows that the data no longer has are
never deleted (needs and projects may point to them) — the loader reports them.

Themes are **not** loaded from a file: they are the platform's own vocabulary of postal development
areas (DOMAIN.md §3, French terms from its glossary), written by the project in French and English
(`THEMES` below). Staff may edit them in the admin, so the loader only creates the themes that are
missing and fills translations left empty; it never overwrites an edit nor deletes a theme.
"""

from __future__ import annotations

import csv
import re
import time
import unicodedata
import xml.etree.ElementTree as ET  # noqa: S405 — for types; parsing is core.loading.parse_local_xml
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction

from csst.core.loading import Tally, parse_local_xml

from .models import SdgGoal, SdgIndicator, SdgTarget, Theme

DATA_DIR = Path(__file__).resolve().parent / "data"

GOALS_XML = "UNSDG-Goals.xml"
TARGETS_XML = "UNSDG-Targets.xml"
INDICATORS_CSV = "SDG_Target_Indicator_UNSD_2023.csv"
GOALS_YAML = {"en": "open-sdg-en-global_goals.yml", "fr": "open-sdg-fr-global_goals.yml"}
INDICATORS_YAML = {
    "en": "open-sdg-en-global_indicators.yml",
    "fr": "open-sdg-fr-global_indicators.yml",
}

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Footnote markers glued to the text in the processed UNSD table ("… fiscal policy2").
FOOTNOTE_ARTEFACTS = {"10.4.2": "2", "17.6.1": "5"}
# Indicators whose wording changed after the French translation was made: the French text would
# say something else ("Nombre de pays…" where UNSD now counts a proportion; "mutilations…/excision"
# where the indicator now covers mutilation only). Their French title is left empty (the English
# one is shown instead) until an official translation is loaded.
FRENCH_OUTDATED = {"10.7.2", "5.3.2"}

_GOAL_PREFIX = re.compile(r"^(Goal|Objectif)\s+\d+\s*[.:]\s*")


# ---------------------------------------------------------------------------------------------
# Themes: the platform's own vocabulary (not data from a file)
# ---------------------------------------------------------------------------------------------

THEMES: list[dict] = [
    {
        "code": "ecommerce",
        "parent": None,
        "name_fr": "Commerce électronique et préparation opérationnelle (ORE)",
        "name_en": "E-commerce and operational readiness (ORE)",
        "description_fr": "Préparation opérationnelle au commerce électronique : capacité à "
        "traiter, suivre et livrer les envois du commerce en ligne.",
        "description_en": "Operational Readiness for E-commerce: the capacity to process, track "
        "and deliver e-commerce items.",
    },
    {
        "code": "ecommerce-operational-requirements",
        "parent": "ecommerce",
        "name_fr": "Exigences opérationnelles minimales",
        "name_en": "Minimum operational requirements",
        "description_fr": "Processus, équipements et procédures de base pour traiter les envois "
        "du commerce électronique.",
        "description_en": "The basic processes, equipment and procedures to handle e-commerce "
        "items.",
    },
    {
        "code": "ecommerce-visibility",
        "parent": "ecommerce",
        "name_fr": "Visibilité",
        "name_en": "Visibility",
        "description_fr": "Suivi des envois et échange des événements de traitement avec les "
        "partenaires et les clients.",
        "description_en": "Tracking of items and exchange of handling events with partners and "
        "customers.",
    },
    {
        "code": "ecommerce-data-quality",
        "parent": "ecommerce",
        "name_fr": "Qualité des données",
        "name_en": "Data quality",
        "description_fr": "Données électroniques préalables complètes, exactes et transmises à "
        "temps (douane, sûreté).",
        "description_en": "Complete, accurate and timely electronic advance data (customs, "
        "security).",
    },
    {
        "code": "ecommerce-supply-chain",
        "parent": "ecommerce",
        "name_fr": "Intégration de la chaîne logistique",
        "name_en": "Supply-chain integration",
        "description_fr": "Coordination avec les douanes, les transporteurs et les autres "
        "acteurs de la chaîne logistique.",
        "description_en": "Coordination with customs, carriers and the other actors of the "
        "supply chain.",
    },
    {
        "code": "ecommerce-reliability",
        "parent": "ecommerce",
        "name_fr": "Fiabilité de bout en bout",
        "name_en": "End-to-end reliability",
        "description_fr": "Délais d'acheminement tenus de l'expéditeur au destinataire.",
        "description_en": "Delivery times kept from sender to addressee.",
    },
    {
        "code": "quality-of-service",
        "parent": None,
        "name_fr": "Qualité de service",
        "name_en": "Quality of service",
        "description_fr": "Mesure et amélioration de la qualité de service du courrier et des "
        "colis.",
        "description_en": "Measuring and improving the quality of service of letters and parcels.",
    },
    {
        "code": "financial-inclusion",
        "parent": None,
        "name_fr": "Services financiers postaux et inclusion financière",
        "name_en": "Postal financial services and financial inclusion",
        "description_fr": "Paiements, transferts d'argent et services financiers de base offerts "
        "par le réseau postal.",
        "description_en": "Payments, remittances and basic financial services offered through "
        "the postal network.",
    },
    {
        "code": "drm",
        "parent": None,
        "name_fr": "Gestion des risques de catastrophe",
        "name_en": "Disaster risk management",
        "description_fr": "Préparation, réponse et continuité des services postaux face aux "
        "catastrophes.",
        "description_en": "Preparedness, response and continuity of postal services in the face "
        "of disasters.",
    },
    {
        "code": "digital",
        "parent": None,
        "name_fr": "Transformation numérique",
        "name_en": "Digital transformation",
        "description_fr": "Services postaux numériques, systèmes d'information et modernisation "
        "des processus.",
        "description_en": "Digital postal services, information systems and the modernisation "
        "of processes.",
    },
    {
        "code": "sustainability",
        "parent": None,
        "name_fr": "Développement durable et climat",
        "name_en": "Sustainability and climate",
        "description_fr": "Réduction des émissions et de l'empreinte environnementale du secteur "
        "postal.",
        "description_en": "Reducing the emissions and environmental footprint of the postal "
        "sector.",
    },
    {
        "code": "addressing",
        "parent": None,
        "name_fr": "Adressage",
        "name_en": "Addressing",
        "description_fr": "Systèmes d'adresses et codes postaux nationaux.",
        "description_en": "National addressing systems and postcodes.",
    },
    {
        "code": "regulation",
        "parent": None,
        "name_fr": "Service universel et réglementation",
        "name_en": "Universal service and regulation",
        "description_fr": "Obligation de service universel, cadre légal et réglementation du "
        "secteur postal.",
        "description_en": "Universal service obligation, legal framework and regulation of the "
        "postal sector.",
    },
    {
        "code": "security",
        "parent": None,
        "name_fr": "Sécurité postale",
        "name_en": "Postal security",
        "description_fr": "Sûreté des envois, des installations et du personnel tout au long de "
        "la chaîne postale.",
        "description_en": "Security of items, premises and staff along the postal chain.",
    },
    {
        "code": "training",
        "parent": None,
        "name_fr": "Ressources humaines et formation",
        "name_en": "Human resources and training",
        "description_fr": "Renforcement des capacités, formation et gestion des ressources "
        "humaines.",
        "description_en": "Capacity building, training and human resources management.",
    },
]
THEME_TEXT_FIELDS = ["name_fr", "name_en", "description_fr", "description_en"]


# ---------------------------------------------------------------------------------------------
# Parsing (no database)
# ---------------------------------------------------------------------------------------------


@dataclass
class SdgData:
    goals: list[dict]
    targets: list[dict]
    indicators: list[dict]


def _parse_xml(name: str) -> ET.Element:
    return parse_local_xml(DATA_DIR / name)


def _clean(text: str) -> str:
    """One line, composed accents: some translation files write "é" as "e" + combining accent."""
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def _read_yaml(name: str) -> dict[str, str]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return {str(k): _clean(str(v)) for k, v in yaml.safe_load(handle).items()}


def _codelist(name: str) -> list[tuple[str, str, str]]:
    """(code, English, French) of each item of an IATI codelist."""
    items = []
    for item in _parse_xml(name).iter("codelist-item"):
        texts = {"en": "", "fr": ""}
        for narrative in item.find("name").findall("narrative"):
            texts[narrative.get(XML_LANG, "en")] = _clean(narrative.text)
        items.append((item.findtext("code").strip(), texts["en"], texts["fr"]))
    return items


def _target_order(code: str) -> int:
    """1.1 → 1, 1.5 → 5, 1.a → 101, 1.b → 102: numbered targets first, then lettered ones."""
    suffix = code.split(".", 1)[1]
    return int(suffix) if suffix.isdigit() else 100 + ord(suffix) - ord("a") + 1


def read_sdg() -> SdgData:
    short = {lang: _read_yaml(name) for lang, name in GOALS_YAML.items()}
    goals = [
        {
            "number": int(code),
            "title_en": _GOAL_PREFIX.sub("", en),
            "title_fr": _GOAL_PREFIX.sub("", fr),
            "short_title_en": short["en"].get(f"{code}-short", ""),
            "short_title_fr": short["fr"].get(f"{code}-short", ""),
        }
        for code, en, fr in _codelist(GOALS_XML)
    ]
    targets = [
        {
            "code": code,
            "goal": int(code.split(".")[0]),
            "title_en": en,
            "title_fr": fr,
            "order": _target_order(code),
        }
        for code, en, fr in _codelist(TARGETS_XML)
    ]
    french = _read_yaml(INDICATORS_YAML["fr"])
    indicators = []
    with open(DATA_DIR / INDICATORS_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            code = row["IndicatorsNumber"].strip()
            if code == "0":  # target 11.c has no indicator
                continue
            title = _clean(row["Indicators"])
            marker = FOOTNOTE_ARTEFACTS.get(code)
            if marker and title.endswith(marker):
                title = title[: -len(marker)]
            title_fr = (
                "" if code in FRENCH_OUTDATED else french.get(f"{code.replace('.', '-')}-title", "")
            )
            indicators.append(
                {
                    "code": code,
                    "target": row["TargetsNumber"].strip(),
                    "title_en": title,
                    "title_fr": title_fr,
                    "unsd_code": row["UNSDIndicatorCodes"].strip(),
                }
            )
    return SdgData(goals, targets, indicators)


# ---------------------------------------------------------------------------------------------
# Writing (compare first, then bulk)
# ---------------------------------------------------------------------------------------------


def _sync(model, key: str, records: list[dict], tally: Tally) -> dict:
    """Create or update `model` rows by `key` so they hold `records`; returns {key: pk}."""
    existing = {getattr(row, key): row for row in model.objects.all()}
    to_create, to_update, changed_fields = [], [], set()
    for record in records:
        wanted = {name: value for name, value in record.items() if name != key}
        row = existing.get(record[key])
        if row is None:
            to_create.append(model(**{key: record[key]}, **wanted))
            continue
        changed = [name for name, value in wanted.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, wanted[name])
            changed_fields.update(changed)
            to_update.append(row)
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=500)
    tally.created += len(to_create)
    tally.updated += len(to_update)
    return dict(model.objects.values_list(key, "pk"))


def _sync_themes(tally: Tally) -> int:
    existing = {theme.code: theme for theme in Theme.objects.all()}
    for order, definition in enumerate(THEMES, start=1):  # parents come first in the list
        theme = existing.get(definition["code"])
        if theme is None:
            parent = definition["parent"]
            existing[definition["code"]] = Theme.objects.create(
                code=definition["code"],
                parent=existing[parent] if parent else None,
                order=order,
                **{name: definition[name] for name in THEME_TEXT_FIELDS},
            )
            tally.created += 1
            continue
        empty = [name for name in THEME_TEXT_FIELDS if not getattr(theme, name)]
        if empty:  # fill a missing translation; never overwrite what staff wrote
            for name in empty:
                setattr(theme, name, definition[name])
            theme.save(update_fields=empty)
            tally.updated += 1
    return len(THEMES)


def load(log=print) -> str:
    """Load the 17 SDG goals, 169 targets, their indicators, and the themes; idempotent."""
    started = time.monotonic()
    data = read_sdg()
    total = Tally()
    with transaction.atomic():
        tally = Tally()
        goal_ids = _sync(SdgGoal, "number", data.goals, tally)
        log(f"[1/4] SDG goals: {len(data.goals)} in the data — {tally}")
        total.created, total.updated = tally.created, tally.updated

        tally = Tally()
        targets = [
            {**{k: v for k, v in t.items() if k != "goal"}, "goal_id": goal_ids[t["goal"]]}
            for t in data.targets
        ]
        target_ids = _sync(SdgTarget, "code", targets, tally)
        log(f"[2/4] SDG targets: {len(data.targets)} in the data — {tally}")
        total.created += tally.created
        total.updated += tally.updated

        tally = Tally()
        indicators = [
            {**{k: v for k, v in i.items() if k != "target"}, "target_id": target_ids[i["target"]]}
            for i in data.indicators
        ]
        _sync(SdgIndicator, "code", indicators, tally)
        in_french = sum(1 for i in data.indicators if i["title_fr"])
        log(
            f"[3/4] SDG indicators: {len(data.indicators)} in the data (UNSD 2023), "
            f"{in_french} with a French title — {tally}"
        )
        total.created += tally.created
        total.updated += tally.updated

        extra = (
            SdgGoal.objects.exclude(number__in=[g["number"] for g in data.goals]).count()
            + SdgTarget.objects.exclude(code__in=[t["code"] for t in data.targets]).count()
            + SdgIndicator.objects.exclude(code__in=[i["code"] for i in data.indicators]).count()
        )
        if extra:
            log(f"      {extra} SDG rows stored but no longer in the data were left untouched")

        tally = Tally()
        themes = _sync_themes(tally)
        log(
            f"[4/4] Themes: {themes} of the platform's vocabulary — {tally} "
            "(existing themes are never overwritten)"
        )
        total.created += tally.created
        total.updated += tally.updated

    elapsed = time.monotonic() - started
    return (
        f"{len(data.goals)} SDG goals, {len(data.targets)} targets, {len(data.indicators)} "
        f"indicators, {themes} themes — {total} in {elapsed:.1f} s"
    )
