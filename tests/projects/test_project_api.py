"""The projects API: the whole path from an endorsed need to closure, and its refusals."""

from datetime import date

import pytest
from django.utils import translation

from csst.knowledge.models import NeedStatus
from csst.projects.models import (
    Activity,
    ActivityStatus,
    ProjectStatus,
    ResultIndicator,
    ResultLevel,
    ResultValue,
)

from .project_helpers import pending

pytestmark = pytest.mark.django_db
API = "/api/v1/projects"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def call(client, method, url, headers, data=None):
    kwargs = {"content_type": "application/json", "headers": {**headers, "Accept-Language": "en"}}
    if data is not None:
        kwargs["data"] = data
    return getattr(client, method)(url, **kwargs)


def test_an_officer_takes_a_need_to_closure_through_the_api(
    client,
    api_token,
    officer,
    officer2,
    authority,
    beneficiary,
    need,
    provider_org,
    donor_org,
    south_north,
):
    as_officer, as_officer2 = api_token(officer), api_token(officer2)
    as_authority, as_beneficiary = api_token(authority), api_token(beneficiary)

    created = call(client, "post", API, as_officer, {"need_id": need.pk, **TEXTS})
    assert created.status_code == 201, created.content
    body = created.json()
    pk, nepal = body["id"], body["partners"][0]["organisation_id"]
    assert body["origin_needs"][0]["id"] == need.pk
    assert body["modality"] == "other"

    pivotal = {"organisation_id": provider_org.pk, "role": "pivotal", "committed_in_kind": "8000"}
    assert call(client, "post", f"{API}/{pk}/partners", as_officer, pivotal).status_code == 201
    donor = {"organisation_id": donor_org.pk, "role": "facilitating", "committed_cash": "50000"}
    assert call(client, "post", f"{API}/{pk}/partners", as_officer, donor).status_code == 201

    body = call(client, "get", f"{API}/{pk}", as_officer).json()
    assert body["modality"] == "triangular"
    assert body["modality_reason"].startswith("Triangular: South = NPL, THA")
    assert "La Poste" in body["modality_reason"]

    for action in ("formulate", "request_endorsement"):
        assert call(client, "post", f"{API}/{pk}/actions/{action}", as_officer).status_code == 200
    refused = call(client, "post", f"{API}/{pk}/actions/approve", as_officer2)
    assert refused.status_code == 409
    assert "Not every beneficiary has endorsed" in refused.json()["message"]

    endorsement = {"organisation_id": nepal, "agree": True, "comment": "Our request"}
    answer = call(client, "post", f"{API}/{pk}/endorsements", as_authority, endorsement)
    assert answer.status_code == 201, answer.content
    assert answer.json()["by"] == "authority"

    four_eyes = call(client, "post", f"{API}/{pk}/actions/approve", as_officer)
    assert four_eyes.status_code == 403
    assert "Four eyes" in four_eyes.json()["message"]
    approval = call(client, "post", f"{API}/{pk}/actions/approve", as_officer2)
    assert approval.status_code == 200, approval.content
    assert approval.json()["approved_on"] is not None
    need.refresh_from_db()
    assert need.status == NeedStatus.CONVERTED

    assert call(client, "post", f"{API}/{pk}/actions/start", as_officer).status_code == 200
    closing = call(client, "post", f"{API}/{pk}/actions/close", as_officer)
    assert closing.status_code == 409
    assert "final report" in closing.json()["message"]

    report = {"text": "Scanning runs at the office of exchange."}
    assert call(client, "put", f"{API}/{pk}/final-report", as_officer, report).status_code == 200
    acceptance = {"organisation_id": nepal, "comment": "Results as expected"}
    response = call(client, "post", f"{API}/{pk}/acceptances", as_beneficiary, acceptance)
    assert response.status_code == 201
    lesson = {
        "title": "Train the trainers first",
        "language": "en",
        "context": "Scanning at the office of exchange",
        "lesson": "Local trainers kept the practice alive.",
    }
    response = call(client, "post", f"{API}/{pk}/lessons", as_beneficiary, lesson)
    assert response.status_code == 201, response.content
    assert response.json()["organisation_id"] == nepal
    _deliver(pk, officer)

    closed = call(client, "post", f"{API}/{pk}/actions/close", as_officer)
    assert closed.status_code == 200, closed.content
    assert closed.json()["status"] == ProjectStatus.OPERATIONALLY_CLOSED

    records = call(client, "get", f"{API}/{pk}/endorsements", as_beneficiary).json()
    assert [(r["decision"], r["by"]) for r in records] == [
        ("endorsed", "authority"),
        ("accepted", "beneficiary"),
    ]
    history = call(client, "get", f"{API}/{pk}/history", as_beneficiary).json()
    assert [row["to"] for row in history] == [
        "formulation",
        "pending_endorsement",
        "approved",
        "in_implementation",
        "operationally_closed",
    ]
    assert history[2]["by"] == "officer2"


TEXTS = {
    "title_fr": "Suivi des envois",
    "title_en": "Item tracking",
    "summary_fr": "Résumé",
    "summary_en": "Summary",
    "budget": "100000",
}


def _deliver(project_id, officer):
    """Delivery records (their API belongs to project delivery): one activity, a final value."""
    Activity.objects.create(
        project_id=project_id, type="workshop", title="Workshop", status=ActivityStatus.COMPLETED
    )
    indicator = ResultIndicator.objects.create(
        project_id=project_id,
        level=ResultLevel.OUTPUT,
        name="Staff trained",
        unit="people",
        baseline=0,
        target=20,
    )
    ResultValue.objects.create(
        indicator=indicator,
        period_end=date(2026, 6, 30),
        actual=22,
        is_final=True,
        recorded_by=officer,
    )


def test_a_refusal_answers_409_with_an_english_message(client, api_token, officer, project):
    response = call(client, "post", f"{API}/{project.pk}/actions/start", api_token(officer))
    assert response.status_code == 409
    assert "not possible while the status" in response.json()["message"]


def test_cancel_needs_a_reason_and_keeps_it(client, api_token, officer, project):
    headers = api_token(officer)
    url = f"{API}/{project.pk}/actions/cancel"
    assert call(client, "post", url, headers).status_code == 409
    response = call(client, "post", url, headers, {"comment": "Funding withdrawn"})
    assert response.json()["cancel_reason"] == "Funding withdrawn"


def test_a_change_of_budget_over_20_percent_asks_for_endorsement_again(
    client, api_token, officer, authority, project
):
    pending(project, officer)
    nepal = project.partners.get(role="beneficiary").organisation_id
    endorsement = {"organisation_id": nepal}
    call(client, "post", f"{API}/{project.pk}/endorsements", api_token(authority), endorsement)
    call(client, "patch", f"{API}/{project.pk}", api_token(officer), {"budget": "130000"})
    assert not project.endorsements.filter(superseded=False).exists()


def test_bad_input_gets_a_clear_answer_never_a_500(client, api_token, officer, project):
    headers = api_token(officer)
    bad_partner = {"organisation_id": 999999, "role": "pivotal"}
    response = call(client, "post", f"{API}/{project.pk}/partners", headers, bad_partner)
    assert response.status_code == 400
    assert call(client, "post", f"{API}/{project.pk}/actions/fly", headers).status_code == 422
    response = call(client, "post", API, headers, {"themes": ["no-such-theme"]})
    assert response.status_code == 400
    negative = {"organisation_id": 1, "role": "pivotal", "committed_cash": "-1"}
    response = call(client, "post", f"{API}/{project.pk}/partners", headers, negative)
    assert response.status_code == 422
    assert call(client, "get", f"{API}/999999", headers).status_code == 404


def test_partners_are_changed_and_removed(client, api_token, officer, project):
    headers = api_token(officer)
    facilitator = project.partners.get(role="facilitating")
    url = f"{API}/{project.pk}/partners/{facilitator.pk}"
    response = call(client, "patch", url, headers, {"committed_cash": "0"})
    assert response.status_code == 200
    assert call(client, "get", f"{API}/{project.pk}", headers).json()["modality"] == "south-south"
    assert call(client, "delete", url, headers).status_code == 204
    assert not project.partners.filter(pk=facilitator.pk).exists()


def test_the_list_filters_by_modality_country_and_partner(
    client, approved_project, provider_org, donor_org
):
    def codes(**params):
        response = client.get(API, params)
        assert response.status_code == 200
        return [item["code"] for item in response.json()["items"]]

    assert codes(modality="triangular") == [approved_project.code]
    assert codes(modality="south-south") == []
    assert codes(country="THA") == [approved_project.code]
    assert codes(country="BTN") == []
    assert codes(region="142") == [approved_project.code]
    assert codes(partner=donor_org.pk) == [approved_project.code]
    assert codes(theme="ecommerce", sdg_target="9") == [approved_project.code]
    assert codes(q="tracking") == [approved_project.code]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("officer", 201), ("provider", 201), ("beneficiary", 201), ("donor", 403), ("outsider", 403)],
)
def test_lessons_are_recorded_by_officers_and_partner_focal_points(
    persona, expected, request, client, api_token, approved_project
):
    lesson = {"title": "Lesson", "language": "en", "context": "c", "lesson": "l"}
    headers = api_token(request.getfixturevalue(persona))
    response = call(client, "post", f"{API}/{approved_project.pk}/lessons", headers, lesson)
    assert response.status_code == expected, response.content
    assert approved_project.lessons_learned.count() == (1 if expected == 201 else 0)


def test_an_unknown_currency_is_refused(client, api_token, officer, project, provider_org):
    headers = api_token(officer)
    response = call(client, "patch", f"{API}/{project.pk}", headers, {"budget_currency": "ZZZ"})
    assert response.status_code == 400
    assert "ISO 4217" in response.json()["message"]
    partner = {"organisation_id": provider_org.pk, "role": "facilitating", "currency": "Q1Q"}
    assert call(client, "post", f"{API}/{project.pk}/partners", headers, partner).status_code == 400
