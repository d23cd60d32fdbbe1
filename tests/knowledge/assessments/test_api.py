"""API of self-assessments: frameworks, bad input answered with a clear message (never a 500)."""

import pytest

from csst.knowledge.models import AssessmentStatus

from .factories import make_assessment, make_framework

pytestmark = pytest.mark.django_db

URL = "/api/v1/assessments"


@pytest.fixture
def framework(db):
    return make_framework()


def send(client, method, url, headers, data):
    return getattr(client, method)(url, data, content_type="application/json", headers=headers)


def test_framework_lists_its_scale_areas_and_items(client, api_token, outsider, framework):
    body = client.get(f"{URL}/frameworks/mini", headers=api_token(outsider)).json()
    assert [label["level"] for label in body["maturity_labels"]] == [0, 1, 2, 3, 4]
    assert [area["code"] for area in body["focus_areas"]] == ["visibility", "data"]
    assert body["focus_areas"][0]["theme"] == "theme-visibility"
    assert body["focus_areas"][0]["items"][0]["code"] == "visibility-1"
    response = client.get(f"{URL}/frameworks/nope", headers=api_token(outsider))
    assert response.status_code == 404 and response.json()["message"]


@pytest.mark.parametrize(
    "payload, status",
    [
        ({"answers": [{"item": "data-1", "level": 7}]}, 422),
        ({"answers": [{"item": "data-1", "level": "high"}]}, 422),
        ({"answers": [{"item": "nope", "level": 1}]}, 400),
        ({"answers": [{"item": "data-1\x00", "level": 1}]}, 422),
        ({"answers": "all good"}, 422),
        ({}, 422),
    ],
)
def test_bad_answers_get_a_message(
    client, api_token, beneficiary, beneficiary_org, framework, payload, status
):
    assessment = make_assessment(beneficiary_org, framework)
    response = send(client, "patch", f"{URL}/{assessment.pk}", api_token(beneficiary), payload)
    assert response.status_code == status
    assert response.json()["message"]


def test_body_that_is_not_json_gets_a_message(client, api_token, beneficiary):
    response = client.post(
        URL, "{not json", content_type="application/json", headers=api_token(beneficiary)
    )
    assert response.status_code == 400 and response.json()["message"]


def test_start_refusals_are_clear(client, api_token, beneficiary, authority, framework):
    headers = {**api_token(beneficiary), "Accept-Language": "en"}
    response = send(client, "post", URL, headers, {"framework": "nope"})
    assert response.status_code == 400 and "no open framework" in response.json()["message"]
    assert send(client, "post", URL, headers, {"framework": "mini"}).status_code == 201
    response = send(client, "post", URL, headers, {"framework": "mini"})
    assert response.status_code == 409 and "already has a draft" in response.json()["message"]
    response = send(
        client,
        "post",
        URL,
        {**api_token(authority), "Accept-Language": "en"},
        {"framework": "mini"},
    )
    assert response.status_code == 403 and "focal point" in response.json()["message"]


def test_gap_refusals_are_clear(client, api_token, beneficiary, beneficiary_org, framework):
    levels = {"visibility-1": 4, "visibility-2": 4, "data-1": 0, "data-2": 0}
    assessment = make_assessment(
        beneficiary_org, framework, levels, status=AssessmentStatus.SUBMITTED
    )
    headers = {**api_token(beneficiary), "Accept-Language": "en"}
    base = f"{URL}/{assessment.pk}/gaps"
    response = send(client, "post", f"{base}/visibility/draft-need", headers, {})
    assert response.status_code == 409 and "not a gap" in response.json()["message"]
    response = send(client, "post", f"{base}/unknown/draft-need", headers, {})
    assert response.status_code == 400
    results = client.get(f"{URL}/{assessment.pk}/results", headers=headers).json()
    assert results["areas"][1]["weak_items"] == ["data-1", "data-2"]
    assert results["overall"] == "2.00"


def test_session_writes_need_the_csrf_token(beneficiary, beneficiary_org, framework):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(beneficiary)
    assessment = make_assessment(beneficiary_org, framework)
    response = browser.patch(
        f"{URL}/{assessment.pk}", {"answers": []}, content_type="application/json"
    )
    assert response.status_code == 403


def test_focal_point_deletes_its_draft_through_the_api(
    client, api_token, beneficiary, beneficiary_org, framework
):
    assessment = make_assessment(beneficiary_org, framework)
    response = client.delete(f"{URL}/{assessment.pk}", headers=api_token(beneficiary))
    assert response.status_code == 204


def test_filters_of_the_list(
    client, api_token, officer, beneficiary_org, other_beneficiary_org, framework
):
    make_assessment(beneficiary_org, framework, status=AssessmentStatus.SUBMITTED)
    make_assessment(other_beneficiary_org, framework)
    headers = api_token(officer)
    assert client.get(f"{URL}?status=submitted", headers=headers).json()["count"] == 1
    assert client.get(f"{URL}?country=BTN", headers=headers).json()["count"] == 1
    assert client.get(f"{URL}?framework=mini", headers=headers).json()["count"] == 2
    assert client.get(f"{URL}?status=bogus", headers=headers).status_code == 422


def test_needs_api_shows_and_accepts_the_linked_assessment(
    client, api_token, beneficiary, beneficiary_org, other_beneficiary_org, framework
):
    own = make_assessment(beneficiary_org, framework)
    foreign = make_assessment(other_beneficiary_org, framework)
    headers = {**api_token(beneficiary), "Accept-Language": "en"}
    data = {"title": "T", "problem": "P", "self_assessment_id": own.pk}
    body = send(client, "post", "/api/v1/needs", headers, data).json()
    assert body["self_assessment_id"] == own.pk and body["focus_area"] is None
    response = send(
        client, "patch", f"/api/v1/needs/{body['id']}", headers, {"self_assessment_id": foreign.pk}
    )
    assert response.status_code == 400 and "Linked self-assessment" in response.json()["message"]
