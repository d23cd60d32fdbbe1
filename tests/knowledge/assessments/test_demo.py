"""Demo self-assessments: idempotent, marked as demo, skipped without the framework."""

import pytest

from csst.accounts import demo as accounts_demo
from csst.countries import demo as countries_demo
from csst.knowledge.assessments import demo, selectors
from csst.knowledge.models import AssessmentStatus, Need, SelfAssessment
from csst.knowledge.needs import demo as needs_demo
from csst.organisations import demo as organisations_demo

from ..factories import SdgTargetFactory, ThemeFactory
from .factories import load_ore

pytestmark = pytest.mark.django_db


def quiet(message):
    return None


@pytest.fixture
def personas(db):
    for module in (countries_demo, organisations_demo, accounts_demo):
        module.load(quiet)


def test_without_the_framework_the_demo_is_skipped(personas):
    assert "skipped" in demo.load(quiet)
    assert not SelfAssessment.objects.exists()


def test_nepal_posts_demo_assessment_shows_gaps_in_visibility_and_data_quality(personas):
    load_ore()
    for code in {c for _k, _s, spec in needs_demo.NEEDS for c in spec["themes"]}:
        ThemeFactory(code=code)
    for code in {c for _k, _s, spec in needs_demo.NEEDS for c in spec["sdg_targets"]}:
        SdgTargetFactory(code=code)
    needs_demo.load(quiet)
    demo.load(quiet)
    summary = demo.load(quiet)
    assert "0 created, 2 already there" in summary
    nepal = SelfAssessment.objects.get(organisation=organisations_demo.organisation("nepal_post"))
    assert nepal.is_demo and nepal.status == AssessmentStatus.SUBMITTED
    view = selectors.assessment_view(nepal)
    assert [area.area.code for area in view.gaps] == ["visibility", "data-quality"]
    linked = Need.objects.get(title=demo.TRACK_AND_TRACE)
    assert linked.self_assessment == nepal and linked.focus_area.code == "visibility"
    bhutan = SelfAssessment.objects.get(organisation=organisations_demo.organisation("bhutan_post"))
    assert bhutan.status == AssessmentStatus.DRAFT and bhutan.is_demo
