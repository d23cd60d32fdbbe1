"""Self-assessment services: start, save and resume, submit, delete, draft a need from a gap."""

import pytest
from django.utils import translation

from csst.core.errors import DomainError, InvalidInput, NotAllowed
from csst.core.models import TransitionLog
from csst.knowledge.assessments import services
from csst.knowledge.models import AssessmentStatus, NeedStatus, SelfAssessment
from csst.knowledge.needs import services as need_services

from .factories import make_assessment, make_framework

pytestmark = pytest.mark.django_db

ALL_GOOD = {"visibility-1": 3, "visibility-2": 4, "data-1": 3, "data-2": 3}
DATA_GAP = {**ALL_GOOD, "data-1": 1, "data-2": 2}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def framework(db):
    return make_framework()


def answers(levels: dict) -> list[dict]:
    return [{"item": code, "level": level, "comment": ""} for code, level in levels.items()]


def levels_of(assessment) -> dict:
    return {a.item.code: a.level for a in assessment.answers.select_related("item")}


def test_focal_point_starts_a_draft_for_its_organisation(beneficiary, beneficiary_org, framework):
    assessment = services.start_assessment(beneficiary, "mini")
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.organisation == beneficiary_org
    assert assessment.country_id == beneficiary_org.country_id
    assert assessment.created_by == beneficiary


def test_a_second_draft_of_the_same_framework_is_refused(beneficiary, framework):
    services.start_assessment(beneficiary, "mini")
    with pytest.raises(DomainError, match="already has a draft"):
        services.start_assessment(beneficiary, "mini")


@pytest.mark.parametrize("persona", ["authority", "officer", "provider", "outsider"])
def test_only_a_beneficiary_focal_point_may_start(request, persona, framework):
    with pytest.raises(NotAllowed):
        services.start_assessment(request.getfixturevalue(persona), "mini")


def test_inactive_or_unknown_frameworks_cannot_be_started(beneficiary):
    make_framework(code="old", active=False)
    for code in ("old", "nope"):
        with pytest.raises(InvalidInput, match="no open framework"):
            services.start_assessment(beneficiary, code)


def test_partial_saves_accumulate_and_can_be_resumed(beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework)
    services.save_answers(beneficiary, assessment, answers({"visibility-1": 2}))
    services.save_answers(
        beneficiary, assessment, [{"item": "data-1", "level": 3, "comment": "ok"}]
    )
    services.save_answers(beneficiary, assessment, answers({"visibility-1": 4}))
    assert levels_of(assessment) == {"visibility-1": 4, "data-1": 3}
    assert assessment.answers.get(item__code="data-1").comment == "ok"


def test_a_level_can_be_cleared_in_a_draft(beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, {"data-1": 2})
    services.save_answers(beneficiary, assessment, answers({"data-1": None}))
    assert levels_of(assessment) == {"data-1": None}


@pytest.mark.parametrize(
    "row, message",
    [
        ({"item": "data-1", "level": 5}, "from 0 to 4"),
        ({"item": "data-1", "level": -1}, "from 0 to 4"),
        ({"item": "data-1", "level": "2"}, "from 0 to 4"),
        ({"item": "other-1", "level": 2}, "not an item of this framework"),
        ({"item": "data-1", "level": 2, "comment": "x" * 2001}, "too long"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(
    beneficiary, beneficiary_org, framework, row, message
):
    make_framework(code="other", areas=(("other", 1),))
    assessment = make_assessment(beneficiary_org, framework, {"visibility-1": 1})
    with pytest.raises(InvalidInput, match=message):
        services.save_answers(beneficiary, assessment, [{"item": "visibility-1", "level": 3}, row])
    assert levels_of(assessment) == {"visibility-1": 1}


def test_others_may_not_answer(authority, other_country_focal_point, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework)
    for person in (authority, other_country_focal_point):
        with pytest.raises(NotAllowed):
            services.save_answers(person, assessment, answers({"data-1": 1}))


def test_submission_needs_every_item_answered(beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, {"data-1": 2, "data-2": None})
    with pytest.raises(DomainError, match="3 items are still unanswered"):
        services.submit_assessment(beneficiary, assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_submission_is_logged_and_makes_it_read_only(beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, ALL_GOOD)
    services.submit_assessment(beneficiary, assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED and assessment.submitted_at
    log = TransitionLog.objects.get(object_id=assessment.pk, action="submit")
    assert (log.from_status, log.to_status, log.actor) == ("draft", "submitted", beneficiary)
    with pytest.raises(DomainError, match="can no longer be changed"):
        services.save_answers(beneficiary, assessment, answers({"data-1": 0}))
    with pytest.raises(DomainError):
        services.submit_assessment(beneficiary, assessment)
    with pytest.raises(DomainError):
        services.delete_draft(beneficiary, assessment)


def test_authority_may_not_submit(authority, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, ALL_GOOD)
    with pytest.raises(NotAllowed):
        services.submit_assessment(authority, assessment)


def test_focal_point_deletes_its_draft(beneficiary, officer, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, {"data-1": 2})
    with pytest.raises(NotAllowed):
        services.delete_draft(officer, assessment)
    services.delete_draft(beneficiary, assessment)
    assert not SelfAssessment.objects.exists()


# --- Drafting a need from a gap -------------------------------------------------------------


def submitted(organisation, framework, levels=DATA_GAP):
    return make_assessment(organisation, framework, levels, status=AssessmentStatus.SUBMITTED)


def test_a_gap_becomes_a_draft_need_with_its_theme_and_weak_items(
    beneficiary, beneficiary_org, framework
):
    assessment = submitted(beneficiary_org, framework)
    need = services.draft_need_from_gap(beneficiary, assessment, "data", language="en")
    assert need.status == NeedStatus.DRAFT
    assert need.organisation == beneficiary_org and need.created_by == beneficiary
    assert need.self_assessment == assessment and need.focus_area.code == "data"
    assert [theme.code for theme in need.themes.all()] == ["theme-data"]
    assert need.language == "en"
    assert need.title == "Close the gap in “Area data”"
    assert "rates “Area data” at 1.50 out of 4" in need.problem
    assert "Statement data 1 (1 · Initial)" in need.problem
    assert need.problem.index("data 1") < need.problem.index("data 2")  # weakest first


def test_the_need_is_written_in_the_users_language(beneficiary, beneficiary_org, framework):
    assessment = submitted(beneficiary_org, framework)
    with translation.override("fr"):
        need = services.draft_need_from_gap(beneficiary, assessment, "data")
    assert need.language == "fr"
    assert "Axe data" in need.title and "Énoncé data 1" in need.problem


def test_an_area_reaching_the_target_is_not_a_gap(beneficiary, beneficiary_org, framework):
    assessment = submitted(beneficiary_org, framework)
    with pytest.raises(DomainError, match="not a gap"):
        services.draft_need_from_gap(beneficiary, assessment, "visibility")
    with pytest.raises(InvalidInput, match="not an area"):
        services.draft_need_from_gap(beneficiary, assessment, "unknown")


def test_a_draft_assessment_drafts_no_need(beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, DATA_GAP)
    with pytest.raises(DomainError, match="Submit the self-assessment"):
        services.draft_need_from_gap(beneficiary, assessment, "data")


@pytest.mark.parametrize("persona", ["authority", "other_country_focal_point", "officer"])
def test_only_the_organisations_focal_point_drafts_a_need(
    request, persona, beneficiary_org, framework
):
    assessment = submitted(beneficiary_org, framework)
    with pytest.raises(NotAllowed):
        services.draft_need_from_gap(request.getfixturevalue(persona), assessment, "data")


def test_one_need_per_gap_until_it_is_withdrawn(beneficiary, beneficiary_org, framework):
    assessment = submitted(beneficiary_org, framework)
    need = services.draft_need_from_gap(beneficiary, assessment, "data")
    with pytest.raises(
        DomainError, match=f"already drafted from this gap: “.*” \\(no. {need.pk}\\)"
    ):
        services.draft_need_from_gap(beneficiary, assessment, "data")
    need_services.change_need_status(beneficiary, need, "withdraw")
    again = services.draft_need_from_gap(beneficiary, assessment, "data")
    assert again.pk != need.pk


# --- The need's link to a self-assessment (needs services) ----------------------------------


def test_a_need_may_cite_only_its_organisations_assessment(
    beneficiary, beneficiary_org, other_beneficiary_org, framework
):
    own = make_assessment(beneficiary_org, framework)
    foreign = make_assessment(other_beneficiary_org, framework)
    need = need_services.create_need(
        beneficiary, {"title": "T", "problem": "P", "self_assessment_id": own.pk}
    )
    assert need.self_assessment == own
    with pytest.raises(InvalidInput, match="Linked self-assessment"):
        need_services.update_need(beneficiary, need, {"self_assessment_id": foreign.pk})
    with pytest.raises(InvalidInput, match="Linked self-assessment"):
        need_services.create_need(
            beneficiary, {"title": "T", "problem": "P", "self_assessment_id": 999999}
        )
    need_services.update_need(beneficiary, need, {"self_assessment_id": None})
    need.refresh_from_db()
    assert need.self_assessment is None
