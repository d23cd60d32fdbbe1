"""The platform's own assessment frameworks, loaded by `csst load_reference_data`.

Each framework is a YAML file of csst/knowledge/data written by the project (see
docs/data-sources.md). Loading is idempotent and respectful of the admin: missing rows are
created, empty translations filled; nothing staff changed is overwritten, nothing is deleted.
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from ..models import AssessmentFramework, AssessmentItem, FocusArea, MaturityLabel, Theme

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FRAMEWORK_FILES = ("ore_readiness_framework.yaml",)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Tally:
    created: int = 0
    filled: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.filled} with translations filled"


def read_framework(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _translations(spec: dict, *fields: str) -> dict:
    """{"name": {"fr": …, "en": …}} → {"name_fr": …, "name_en": …} for the given fields."""
    return {
        f"{name}_{lang}": (spec.get(name) or {}).get(lang, "").strip()
        for name in fields
        for lang in LANGUAGES
    }


def _create_or_fill(model, lookup: dict, texts: dict, defaults: dict, tally: Tally):
    """The row found by `lookup`: created with texts and defaults, or its empty texts filled."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        tally.created += 1
        return model.objects.create(**lookup, **defaults, **texts)
    empty = [name for name, value in texts.items() if value and not getattr(row, name)]
    if empty:
        for name in empty:
            setattr(row, name, texts[name])
        row.save(update_fields=empty)
        tally.filled += 1
    return row


def _load_area(framework, order: int, spec: dict, themes: dict, tally: Tally) -> None:
    area = _create_or_fill(
        FocusArea,
        {"framework": framework, "code": spec["code"]},
        _translations(spec, "name", "description"),
        {
            "weight": Decimal(str(spec.get("weight", 1))),
            "theme": themes.get(spec.get("theme")),
            "order": order,
        },
        tally,
    )
    if area.theme_id is None and spec.get("theme") in themes:  # themes loaded after the area
        area.theme = themes[spec["theme"]]
        area.save(update_fields=["theme"])
    for item_order, item in enumerate(spec.get("items", []), start=1):
        _create_or_fill(
            AssessmentItem,
            {"focus_area": area, "code": item["code"]},
            _translations(item, "statement", "guidance"),
            {"weight": Decimal(str(item.get("weight", 1))), "order": item_order},
            tally,
        )


def load_framework(spec: dict) -> Tally:
    tally = Tally()
    framework = _create_or_fill(
        AssessmentFramework,
        {"code": spec["code"]},
        _translations(spec, "name", "description"),
        {"version": str(spec.get("version", "1")), "target_level": spec.get("target_level", 3)},
        tally,
    )
    for label in spec.get("maturity_labels", []):
        _create_or_fill(
            MaturityLabel,
            {"framework": framework, "level": label["level"]},
            _translations(label, "label", "description"),
            {},
            tally,
        )
    themes = {theme.code: theme for theme in Theme.objects.all()}
    for order, area in enumerate(spec.get("focus_areas", []), start=1):
        _load_area(framework, order, area, themes, tally)
    return tally


def load(log=print) -> str:
    total = Tally()
    with transaction.atomic():
        for name in FRAMEWORK_FILES:
            spec = read_framework(name)
            tally = load_framework(spec)
            log(f"Assessment framework {spec['code']}: {tally} (staff edits are kept)")
            total.created += tally.created
            total.filled += tally.filled
    return f"{len(FRAMEWORK_FILES)} assessment framework(s) — {total}"
