"""Who sees and does what with a self-assessment: pages and API.

The organisation's own people (focal point, authority) and bureau staff see it; for anyone else it
does not exist (404, not 403). Only the organisation's focal point writes.
"""

import pytest

from csst.knowledge.models import AssessmentStatus

from .factories import make_assessment, make_framework

pytestmark = pytest.mark.django_db

SEE = {"beneficiary": True, "authority": True, "officer": True}
PERSONAS = [
    "beneficiary",
    "authority",
    "other_country_focal_point",
    "officer",
    "provider",
    "donor",
    "outsider",
]
LEVELS = {"visibility-1": 1, "visibility-2": 1, "data-1": 4, "data-2": 4}


@pytest.fixture
def assessment(beneficiary_org):
    return make_assessment(beneficiary_org, make_framework(), LEVELS)


@pytest.fixture
def submitted(beneficiary_org):
    return make_assessment(
        beneficiary_org, make_framework(), LEVELS, status=AssessmentStatus.SUBMITTED
    )


def login(client, request, persona):
    client.force_login(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_show_the_assessment_to_its_organisation_and_the_bureau_only(
    client, request, persona, assessment
):
    login(client, request, persona)
    expected = 200 if SEE.get(persona) else 404
    assert client.get(f"/en/knowledge/assessments/{assessment.pk}/").status_code == expected
    listed = client.get("/en/knowledge/assessments/")
    assert listed.status_code == 200
    assert (assessment.get_absolute_url() in listed.content.decode()) == SEE.get(persona, False)


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_shows_the_assessment_to_its_organisation_and_the_bureau_only(
    client, request, persona, assessment, api_token
):
    headers = api_token(request.getfixturevalue(persona))
    expected = 200 if SEE.get(persona) else 404
    for path in ("", "/results"):
        url = f"/api/v1/assessments/{assessment.pk}{path}"
        assert client.get(url, headers=headers).status_code == expected
    listed = client.get("/api/v1/assessments", headers=headers).json()
    assert listed["count"] == (1 if SEE.get(persona) else 0)


def test_anonymous_visitors_are_sent_to_sign_in_or_refused(client, assessment):
    for url in ("/en/knowledge/assessments/", f"/en/knowledge/assessments/{assessment.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    for url in (
        "/api/v1/assessments",
        f"/api/v1/assessments/{assessment.pk}",
        "/api/v1/assessments/frameworks",
    ):
        assert client.get(url).status_code == 401


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_focal_point_may_answer_through_the_api(
    client, request, persona, assessment, api_token
):
    response = client.patch(
        f"/api/v1/assessments/{assessment.pk}",
        {"answers": [{"item": "data-1", "level": 2}]},
        content_type="application/json",
        headers=api_token(request.getfixturevalue(persona)),
    )
    expected = {"beneficiary": 200, "authority": 403, "officer": 403}.get(persona, 404)
    assert response.status_code == expected, response.content
    assert "message" in response.json() or expected == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_focal_point_sees_the_answer_form(client, request, persona, assessment):
    login(client, request, persona)
    response = client.get(f"/en/knowledge/assessments/{assessment.pk}/answer/")
    expected = {"beneficiary": 200, "authority": 302, "officer": 302}.get(persona, 404)
    assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_focal_point_drafts_a_need_from_a_gap(client, request, persona, submitted):
    login(client, request, persona)
    response = client.post(f"/en/knowledge/assessments/{submitted.pk}/gaps/visibility/draft-need/")
    if persona == "beneficiary":
        assert response.status_code == 302 and "/needs/" in response.url
    elif SEE.get(persona):
        assert response.status_code == 302 and response.url == submitted.get_absolute_url()
        assert not submitted.needs.exists()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("persona", ["beneficiary", "authority", "officer"])
def test_the_draft_need_button_shows_for_the_focal_point_only(client, request, persona, submitted):
    login(client, request, persona)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert ("/gaps/visibility/draft-need/" in page) == (persona == "beneficiary")


@pytest.mark.parametrize("persona", PERSONAS)
def test_frameworks_are_readable_by_every_signed_in_user(client, request, persona, api_token):
    make_framework()
    headers = api_token(request.getfixturevalue(persona))
    assert client.get("/api/v1/assessments/frameworks", headers=headers).json()["count"] == 1
    assert client.get("/api/v1/assessments/frameworks/mini", headers=headers).status_code == 200


def test_the_start_button_shows_for_a_beneficiary_focal_point_only(client, authority, beneficiary):
    make_framework()
    client.force_login(authority)
    assert "assessments/start/" not in client.get("/en/knowledge/assessments/").content.decode()
    client.force_login(beneficiary)
    assert "assessments/start/" in client.get("/en/knowledge/assessments/").content.decode()
