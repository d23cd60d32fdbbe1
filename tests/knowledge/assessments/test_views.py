"""Self-assessment pages: messages, deletion, French, the need form's choice of assessments."""

import pytest

from csst.knowledge.models import AssessmentStatus, SelfAssessment

from ..factories import NeedFactory
from .factories import make_assessment, make_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    return make_framework()


def test_submitting_with_unanswered_items_keeps_the_answers_and_says_why(
    client, beneficiary, beneficiary_org, framework
):
    assessment = make_assessment(beneficiary_org, framework)
    item = framework.focus_areas.first().items.first()
    client.force_login(beneficiary)
    url = f"/en/knowledge/assessments/{assessment.pk}/answer/"
    response = client.post(url, {f"level-{item.pk}": "2", "submit": "1"}, follow=True)
    assert "3 items are still unanswered" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.answers.get(item=item).level == 2


def test_a_level_that_is_not_a_number_is_refused(client, beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework)
    item = framework.focus_areas.first().items.first()
    client.force_login(beneficiary)
    url = f"/en/knowledge/assessments/{assessment.pk}/answer/"
    response = client.post(url, {f"level-{item.pk}": "high", "save": "1"}, follow=True)
    assert "whole number from 0 to 4" in response.content.decode()
    assert not assessment.answers.exists()


def test_a_submitted_assessment_has_no_answer_form(client, beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, status=AssessmentStatus.SUBMITTED)
    client.force_login(beneficiary)
    response = client.get(f"/en/knowledge/assessments/{assessment.pk}/answer/")
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()


def test_focal_point_deletes_its_draft_from_the_page(
    client, beneficiary, beneficiary_org, framework
):
    assessment = make_assessment(beneficiary_org, framework)
    client.force_login(beneficiary)
    response = client.post(f"/en/knowledge/assessments/{assessment.pk}/delete/")
    assert response.url == "/en/knowledge/assessments/"
    assert not SelfAssessment.objects.exists()


def test_starting_twice_sends_back_to_the_list_with_the_reason(client, beneficiary, framework):
    client.force_login(beneficiary)
    client.post("/en/knowledge/assessments/start/", {"framework": "mini"})
    response = client.post("/en/knowledge/assessments/start/", {"framework": "mini"}, follow=True)
    assert "already has a draft" in response.content.decode()
    assert SelfAssessment.objects.count() == 1


def test_pages_are_in_french(client, beneficiary, beneficiary_org, framework):
    assessment = make_assessment(beneficiary_org, framework, {"data-1": 1})
    client.force_login(beneficiary)
    page = client.get(f"/fr/knowledge/assessments/{assessment.pk}/answer/").content.decode()
    assert "Axe data" in page and "Énoncé data 1" in page


def test_officers_filter_the_list(
    client, officer, beneficiary_org, other_beneficiary_org, framework
):
    make_assessment(beneficiary_org, framework, status=AssessmentStatus.SUBMITTED)
    make_assessment(other_beneficiary_org, framework)
    client.force_login(officer)
    page = client.get("/en/knowledge/assessments/?country=BTN").content.decode()
    assert "Bhutan Post" in page and "Nepal Post" not in page
    page = client.get("/en/knowledge/assessments/?status=submitted").content.decode()
    assert "Nepal Post" in page and "Bhutan Post" not in page


def test_the_need_form_offers_only_the_organisations_assessments(
    client, beneficiary, beneficiary_org, other_beneficiary_org, framework
):
    own = make_assessment(beneficiary_org, framework)
    foreign = make_assessment(other_beneficiary_org, framework)
    client.force_login(beneficiary)
    form = client.get("/en/knowledge/needs/new/").context["form"]
    assert list(form.fields["self_assessment"].queryset) == [own]
    assert foreign.pk not in [pk for pk, _label in form.fields["self_assessment"].choices if pk]


def test_the_need_page_links_its_assessment_for_the_owners_only(
    client, beneficiary, outsider, beneficiary_org, framework
):
    assessment = make_assessment(beneficiary_org, framework)
    need = NeedFactory(
        organisation=beneficiary_org,
        status="open",
        self_assessment=assessment,
        focus_area=framework.focus_areas.get(code="data"),
    )
    client.force_login(beneficiary)
    page = client.get(need.get_absolute_url()).content.decode()
    assert f"{assessment.get_absolute_url()}#area-data" in page
    client.force_login(outsider)  # sees the open need, not the organisation's diagnosis
    page = client.get(need.get_absolute_url()).content.decode()
    assert assessment.get_absolute_url() not in page
