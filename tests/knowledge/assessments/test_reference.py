"""The platform's ORE framework: a complete bilingual file, loaded idempotently."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csst.knowledge.assessments import reference
from csst.knowledge.models import AssessmentFramework, AssessmentItem, FocusArea, MaturityLabel

from .factories import ORE_THEMES, load_ore

SPEC = reference.read_framework("ore_readiness_framework.yaml")


def texts(node, *names):
    for name in names:
        yield from ((name, lang, node.get(name, {}).get(lang)) for lang in ("fr", "en"))


def test_every_text_of_the_file_is_in_french_and_english():
    nodes = [
        (SPEC, ("name", "description")),
        *((label, ("label", "description")) for label in SPEC["maturity_labels"]),
        *((area, ("name", "description")) for area in SPEC["focus_areas"]),
        *(
            (item, ("statement", "guidance"))
            for area in SPEC["focus_areas"]
            for item in area["items"]
        ),
    ]
    missing = [
        (node.get("code", node.get("level")), name, lang)
        for node, names in nodes
        for name, lang, text in texts(node, *names)
        if not (text or "").strip()
    ]
    assert missing == []


def test_the_file_has_the_five_ore_areas_and_the_scale():
    assert SPEC["code"] == "ore-readiness"
    assert [area["theme"] for area in SPEC["focus_areas"]] == ORE_THEMES
    assert all(4 <= len(area["items"]) <= 5 for area in SPEC["focus_areas"])
    assert [label["level"] for label in SPEC["maturity_labels"]] == [0, 1, 2, 3, 4]
    assert [label["label"]["en"] for label in SPEC["maturity_labels"]] == [
        "Absent",
        "Initial",
        "Developing",
        "Operational",
        "Optimised",
    ]
    codes = [item["code"] for area in SPEC["focus_areas"] for item in area["items"]]
    assert len(codes) == len(set(codes)), "item codes are unique within the framework"


def test_the_description_says_it_is_not_the_upus_official_checklist():
    assert "not the UPU's official checklist" in SPEC["description"]["en"]
    assert "pas de la liste de contrôle officielle de l'UPU" in SPEC["description"]["fr"]


@pytest.mark.django_db
def test_loading_creates_the_framework_with_its_themes():
    framework = load_ore()
    assert framework.focus_areas.count() == 5
    assert framework.maturity_labels.count() == 5
    assert AssessmentItem.objects.filter(focus_area__framework=framework).count() == 23
    area = framework.focus_areas.get(code="data-quality")
    assert area.theme.code == "ecommerce-data-quality"
    assert area.name_fr == "Qualité des données" and area.name_en == "Data quality"


@pytest.mark.django_db
def test_a_second_load_writes_nothing():
    load_ore()
    with CaptureQueriesContext(connection) as context:
        summary = reference.load(log=lambda message: None)
    writes = [
        q["sql"] for q in context.captured_queries if q["sql"].split()[0] in {"INSERT", "UPDATE"}
    ]
    assert writes == []
    assert "0 created, 0 with translations filled" in summary


@pytest.mark.django_db
def test_loading_keeps_staff_edits_and_fills_empty_translations():
    framework = load_ore()
    FocusArea.objects.filter(code="visibility").update(name_en="Tracking", name_fr="")
    MaturityLabel.objects.filter(framework=framework, level=2).update(label_en="Emerging")
    reference.load(log=lambda message: None)
    area = FocusArea.objects.get(code="visibility")
    assert area.name_en == "Tracking"  # staff's wording kept
    assert area.name_fr == "Visibilité"  # the empty translation filled
    assert MaturityLabel.objects.get(framework=framework, level=2).label_en == "Emerging"
    assert AssessmentFramework.objects.count() == 1
