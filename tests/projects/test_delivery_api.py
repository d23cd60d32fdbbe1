"""The delivery API under /api/v1/projects/{id}/…: typed bodies, {message} errors, never a 500."""

import pytest
from openapi_spec_validator import validate

from csst.countries.models import Indicator

from ..factories import real_country
from . import delivery_factories
from .delivery_factories import make_project

pytestmark = pytest.mark.django_db

# Shared fixtures of the delivery tests.
partners = delivery_factories.partners


@pytest.fixture
def api(client, api_token, officer, partners):
    project = make_project(partners=partners)
    headers = {**api_token(officer), "Accept-Language": "en"}
    base = f"/api/v1/projects/{project.pk}"

    def call(method, path, body=None):
        send = getattr(client, method)
        kwargs = {"content_type": "application/json", "headers": headers}
        return (
            send(base + path, body, **kwargs) if body is not None else send(base + path, **kwargs)
        )

    call.partners = partners
    return call


def test_an_equipment_donation_from_creation_to_completion(api):
    donor, recipient = api.partners[2][0], api.partners[0][0]
    created = api("post", "/activities", {"type": "equipment_donation", "title": "Green PCs"})
    assert created.status_code == 201, created.content
    activity = created.json()
    assert activity["status"] == "planned" and activity["equipment_values"] == []
    path = f"/activities/{activity['id']}"
    item = api(
        "post",
        f"{path}/equipment",
        {
            "description": "Refurbished desktop computers",
            "quantity": 200,
            "condition": "refurbished",
            "unit_value": "120.50",
            "currency": "USD",
            "donor_id": donor.pk,
            "recipient_id": recipient.pk,
            "handover_date": "2019-11-15",
        },
    )
    assert item.status_code == 201, item.content
    assert item.json()["total_value"] == "24100.00"
    assert api("post", f"{path}/complete").status_code == 409  # no start date yet
    moved = api("patch", f"{path}/equipment/{item.json()['id']}", {"quantity": 199})
    assert moved.json()["total_value"] == "23979.50"
    api("patch", f"{path}/equipment/{item.json()['id']}", {"quantity": 200})
    api("patch", path, {"start_date": "2019-11-01", "end_date": "2019-11-30"})
    done = api("post", f"{path}/complete")
    assert done.status_code == 200, done.content
    body = done.json()
    assert body["status"] == "completed"
    assert body["equipment_quantity"] == 200
    assert body["equipment_values"] == [{"currency": "USD", "total": "24100.00"}]
    listed = api("get", "/activities")
    assert listed.json()["count"] == 1


def test_participants_are_added_listed_and_removed(api):
    real_country("NPL")
    activity = api("post", "/activities", {"type": "training_course", "title": "Course"}).json()
    path = f"/activities/{activity['id']}/participants"
    added = api("post", path, {"country": "npl", "gender": "female", "role": "trainee"})
    assert added.status_code == 201, added.content
    assert added.json()["country"] == "NPL"
    assert api("get", path).json()["count"] == 1
    assert api("delete", f"{path}/{added.json()['id']}").status_code == 204
    assert api("get", path).json()["count"] == 0


def test_indicator_values_and_progress(api):
    Indicator.objects.get_or_create(code="2ipd-r1", defaults={"name": "Reliability"})
    created = api(
        "post",
        "/indicators",
        {
            "level": "outcome",
            "name": "Share of items with EDI events",
            "unit": "%",
            "baseline": "20",
            "target": "80",
            "country_indicator": "2ipd-r1",
        },
    )
    assert created.status_code == 201, created.content
    path = f"/indicators/{created.json()['id']}"
    first = api("post", f"{path}/values", {"period_end": "2024-06-30", "actual": "50"})
    assert first.status_code == 201
    assert first.json()["progress_percent"] == "50.0"
    again = api("post", f"{path}/values", {"period_end": "2024-06-30", "actual": "55"})
    assert again.status_code == 409
    final = api(
        "post", f"{path}/values", {"period_end": "2024-12-31", "actual": 80, "is_final": True}
    )
    assert final.json()["values"][-1]["is_final"] is True
    patched = api("patch", path, {"final_value_justification": "n/a", "country_indicator": None})
    assert patched.json()["country_indicator"] is None


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/activities", {"type": "party", "title": "x"}, 422),
        ("/activities", {"type": "workshop", "title": "x", "cost": "-5"}, 422),
        ("/activities", {"type": "workshop", "title": "x", "cost_currency": "XXQ"}, 400),
        ("/activities", {"type": "workshop", "title": "x", "country": "ZZZ"}, 400),
        ("/activities", {"type": "workshop", "title": "x", "host_id": 999999}, 400),
        (
            "/activities",
            {
                "type": "workshop",
                "title": "x",
                "start_date": "2024-05-02",
                "end_date": "2024-05-01",
            },
            400,
        ),
        ("/activities", {"type": "workshop", "title": "x\u0000"}, 422),
        ("/activities", {"type": "workshop", "title": "x", "cost": "1e30"}, 422),
        (
            "/indicators",
            {
                "level": "output",
                "name": "n",
                "unit": "u",
                "baseline": 0,
                "target": 1,
                "sdg_indicator": "99.z.9",
            },
            400,
        ),
        (
            "/indicators",
            {"level": "output", "name": "n", "unit": "u", "baseline": "NaN", "target": 1},
            422,
        ),
        ("/activities/999999", None, 404),
        ("/activities", {"type": "workshop", "title": "x", "host_id": 2**70}, 422),
    ],
)
def test_bad_input_gets_a_clear_message(api, path, body, status):
    response = api("post" if body is not None else "get", path, body)
    assert response.status_code == status, response.content
    assert response.json()["message"]


def test_an_activity_of_another_project_is_not_found_here(api, partners):
    other = make_project(partners=partners)
    activity = other.activities.create(type="workshop", title="Elsewhere")
    assert api("get", f"/activities/{activity.pk}").status_code == 404


def test_openapi_document_is_still_valid(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert "/api/v1/projects/{project_id}/activities/{activity_id}/complete" in spec["paths"]
