"""API of solutions and lessons: permissions, the lifecycle, bad input never answers 500."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openapi_spec_validator import validate

from csst.knowledge.models import Solution

from ..factories import ThemeFactory
from .factories import LessonFactory, SolutionFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
NEW = {
    "title_en": "EDI e-learning course",
    "problem_solved_en": "Customs data keyed by hand.",
    "approach_en": "A six-week online course.",
}
PERSONAS = ["provider", "other_provider", "beneficiary", "officer", "donor", "outsider"]
SEES_DRAFTS = {"provider", "officer"}


def as_(api_token, request, persona) -> dict:
    """WSGI headers of the persona's bearer token, asking for English answers."""
    token = api_token(request.getfixturevalue(persona))["Authorization"]
    return {"HTTP_AUTHORIZATION": token, **EN}


@pytest.fixture
def headers(api_token, request):
    return lambda persona: as_(api_token, request, persona)


@pytest.fixture
def draft(provider, provider_org):
    return SolutionFactory(organisation=provider_org, created_by=provider)


@pytest.fixture
def validated(provider_org):
    return SolutionFactory(
        organisation=provider_org, status="validated", reviewed_at=date(2020, 1, 1)
    )


def post(client, url, data=None, **headers):
    return client.post(url, data or {}, content_type="application/json", **headers)


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_list_and_detail_permission_matrix(client, headers, persona, draft, validated):
    auth = EN if persona == "anonymous" else headers(persona)
    listed = client.get("/api/v1/solutions", **auth).json()
    ids = {item["id"] for item in listed["items"]}
    assert validated.pk in ids
    assert (draft.pk in ids) == (persona in SEES_DRAFTS)
    expected = 200 if persona in SEES_DRAFTS else 404
    assert client.get(f"/api/v1/solutions/{draft.pk}", **auth).status_code == expected
    detail = client.get(f"/api/v1/solutions/{validated.pk}", **auth).json()
    assert (detail["review_comment"] is not None) == (persona in SEES_DRAFTS)
    assert detail["stale"] is True
    assert detail["south_status"]["is_south"] is True
    assert "South on" in detail["south_status"]["reason"]


def test_output_carries_both_languages_and_the_request_one(client, draft, headers):
    body = client.get(f"/api/v1/solutions/{draft.pk}", **headers("provider")).json()
    assert body["title_en"] == draft.title_en and body["title_fr"] == draft.title_fr
    assert body["title"] == draft.title_en
    fr = client.get(
        f"/api/v1/solutions/{draft.pk}", **{**headers("provider"), "HTTP_ACCEPT_LANGUAGE": "fr"}
    )
    assert fr.json()["title"] == draft.title_fr


def test_provider_publishes_and_officer_validates_through_the_api(client, headers):
    ThemeFactory(code="ecommerce")
    created = post(
        client,
        "/api/v1/solutions",
        {
            **NEW,
            "title_fr": "Cours en ligne EDI",
            "problem_solved_fr": "Saisie manuelle.",
            "approach_fr": "Cours de six semaines.",
            "themes": ["ecommerce"],
            "indicative_cost": "1200.50",
            "cost_currency": "USD",
        },
        **headers("provider"),
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "draft" and body["indicative_cost"] == "1200.50"
    url = f"/api/v1/solutions/{body['id']}"
    assert post(client, f"{url}/actions/submit", **headers("provider")).status_code == 200
    validated = post(client, f"{url}/actions/validate", {"comment": "OK"}, **headers("officer"))
    assert validated.status_code == 200, validated.content
    assert validated.json()["status"] == "validated"
    assert validated.json()["stale"] is False
    history = client.get(f"{url}/history", **headers("provider")).json()
    assert [row["action"] for row in history] == ["submit", "validate"]
    assert client.get(f"{url}/history", **headers("donor")).status_code == 403
    assert client.get(url).status_code == 200  # public now


def test_rule_refusal_is_409_with_the_reason(client, headers, provider_org):
    solution = SolutionFactory(organisation=provider_org, status="submitted", title_fr="")
    response = post(
        client, f"/api/v1/solutions/{solution.pk}/actions/validate", **headers("officer")
    )
    assert response.status_code == 409
    assert "missing: French" in response.json()["message"]


def test_north_provider_is_refused_with_the_explanation(client, api_token, donor_org):
    from csst.accounts.models import Role
    from tests.factories import person

    north = person("north_provider", Role.PROVIDER_FOCAL_POINT, donor_org)
    token = api_token(north)["Authorization"]
    response = post(client, "/api/v1/solutions", NEW, HTTP_AUTHORIZATION=token, **EN)
    assert response.status_code == 409
    assert response.json()["message"].startswith(
        "Only organisations of South countries can offer solutions: France"
    )


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ({"indicative_cost": "10", "cost_currency": "XYZ"}, 400),
        ({"indicative_cost": "10"}, 400),
        ({"indicative_cost": "-5", "cost_currency": "USD"}, 422),
        ({"indicative_cost": "NaN", "cost_currency": "USD"}, 422),
        ({"indicative_cost": "1e30", "cost_currency": "USD"}, 422),
        ({"themes": ["no-such-theme"]}, 400),
        ({"sdg_targets": ["99.z"]}, 400),
        ({"title_en": "bad\x00title"}, 422),
        ({"modalities": ["telepathy"]}, 422),
        ({"technology_level": "quantum"}, 422),
        ({"cost_currency": "€€€€"}, 422),
        ({"organisation_id": 999999}, 403),
    ],
)
def test_bad_input_is_refused_with_a_message(client, headers, extra, status):
    response = post(client, "/api/v1/solutions", {**NEW, **extra}, **headers("provider"))
    assert response.status_code == status, response.content
    assert response.json()["message"]
    assert not Solution.objects.exists()


def test_body_that_is_not_json(client, headers):
    response = client.post(
        "/api/v1/solutions", "not json", content_type="application/json", **headers("provider")
    )
    assert response.status_code in (400, 422)


@pytest.mark.parametrize("persona", ["other_provider", "beneficiary", "donor", "outsider"])
def test_others_cannot_create_nor_patch(client, headers, persona, validated, draft):
    created = post(client, "/api/v1/solutions", NEW, **headers(persona))
    # Another provider offers solutions of its own organisation; the others none.
    assert created.status_code == (201 if persona == "other_provider" else 403)
    response = client.patch(
        f"/api/v1/solutions/{validated.pk}",
        {"title_en": "x"},
        content_type="application/json",
        **headers(persona),
    )
    assert response.status_code == 403


def test_patch_draft_and_clear_cost(client, headers, draft):
    url = f"/api/v1/solutions/{draft.pk}"
    patch = {"indicative_cost": "50", "cost_currency": "THB"}
    response = client.patch(url, patch, content_type="application/json", **headers("provider"))
    assert response.status_code == 200, response.content
    assert response.json()["cost_currency"] == "THB"
    clear = {"indicative_cost": None, "cost_currency": None}
    response = client.patch(url, clear, content_type="application/json", **headers("provider"))
    assert response.json()["indicative_cost"] is None


def test_anonymous_writes_are_401(client, draft):
    assert post(client, "/api/v1/solutions", NEW).status_code == 401
    assert post(client, f"/api/v1/solutions/{draft.pk}/actions/submit").status_code == 401


def test_unknown_action_is_422(client, headers, draft):
    response = post(client, f"/api/v1/solutions/{draft.pk}/actions/explode", **headers("provider"))
    assert response.status_code == 422


def test_filters(client, validated, provider_org):
    fresh = SolutionFactory(
        organisation=provider_org,
        status="validated",
        reviewed_at=date.today(),
        technology_level="low",
        title_en="Zebra crossing addressing",
    )
    stale = client.get("/api/v1/solutions?stale=true").json()
    assert [s["id"] for s in stale["items"]] == [validated.pk] and stale["count"] == 1
    assert [s["id"] for s in client.get("/api/v1/solutions?stale=false").json()["items"]] == [
        fresh.pk
    ]
    low = client.get("/api/v1/solutions?technology_level=low").json()
    assert [s["id"] for s in low["items"]] == [fresh.pk]
    found = client.get("/api/v1/solutions?q=zebra").json()
    assert [s["id"] for s in found["items"]] == [fresh.pk]
    assert client.get("/api/v1/solutions?country=THA&limit=1").json()["count"] == 2
    assert client.get("/api/v1/solutions?limit=100000").status_code == 422


def test_evidence_upload_link_list_and_delete(client, headers, draft, media_root):
    url = f"/api/v1/solutions/{draft.pk}/evidence"
    auth = headers("provider")
    bad = SimpleUploadedFile("r.pdf", b"<html>", content_type="application/pdf")
    response = client.post(url, {"title": "Report", "file": bad}, **auth)
    assert response.status_code == 400
    assert "does not match" in response.json()["message"]
    assert client.post(url, {"title": "Nothing"}, **auth).status_code == 400
    good = SimpleUploadedFile("r.pdf", b"%PDF-1.7 x", content_type="application/pdf")
    created = client.post(url, {"title": "Report", "file": good}, **auth)
    assert created.status_code == 201, created.content
    link = client.post(url, {"title": "Web", "source_url": "https://example.org/r"}, **auth)
    assert link.status_code == 201 and link.json()["file_url"] is None
    listed = client.get(url, **auth).json()
    assert [e["title"] for e in listed] == ["Report", "Web"]
    file_url = created.json()["file_url"]
    assert client.get(file_url, **auth).status_code == 200
    assert client.get(file_url).status_code == 404  # the public cannot see a draft's file
    assert (
        client.post(
            url, {"title": "x", "source_url": "https://e.org"}, **headers("officer")
        ).status_code
        == 403
    )
    delete = client.delete(f"{url}/{created.json()['id']}", **auth)
    assert delete.status_code == 204
    assert draft.evidence.count() == 1


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("provider", 200), ("beneficiary", 200), ("officer", 200), ("donor", 200), ("outsider", 403)],
)
def test_lessons_are_not_public(client, headers, persona, expected, provider_org):
    lesson = LessonFactory(organisation=provider_org)
    assert client.get("/api/v1/lessons", **headers(persona)).status_code == expected
    assert client.get(f"/api/v1/lessons/{lesson.pk}", **headers(persona)).status_code == expected
    assert client.get("/api/v1/lessons").status_code == 401


def test_lesson_created_and_turned_into_a_draft_solution(client, headers, provider_org):
    lesson = {"title": "Train first", "language": "fr", "context": "C", "lesson": "L"}
    created = post(client, "/api/v1/lessons", lesson, **headers("provider"))
    assert created.status_code == 201, created.content
    url = f"/api/v1/lessons/{created.json()['id']}/draft-solution"
    assert post(client, url, **headers("beneficiary")).status_code == 403
    drafted = post(client, url, **headers("provider"))
    assert drafted.status_code == 201, drafted.content
    assert drafted.json()["title_fr"] == "Train first" and drafted.json()["title_en"] == ""
    again = post(client, url, **headers("officer"))
    assert again.status_code == 409


def test_officer_records_a_lesson_for_any_organisation(client, headers, beneficiary_org):
    payload = {
        "organisation_id": beneficiary_org.pk,
        "title": "T",
        "language": "en",
        "context": "C",
        "lesson": "L",
    }
    created = post(client, "/api/v1/lessons", payload, **headers("officer"))
    assert created.status_code == 201
    assert post(client, "/api/v1/lessons", payload, **headers("outsider")).status_code == 403


def test_openapi_document_is_still_valid(client):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert "/api/v1/solutions/{solution_id}/actions/{action}" in spec["paths"]
