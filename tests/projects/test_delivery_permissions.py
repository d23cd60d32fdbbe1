"""Who sees and records delivery, on the pages and in the API (rules R2 and R13)."""

from datetime import date

import pytest

from csst.projects.delivery import services
from csst.projects.models import ProjectStatus

from ..factories import real_country
from .delivery_factories import make_activity, make_project

pytestmark = pytest.mark.django_db

SECRET_NAME = "Sita Sharma"


@pytest.fixture
def matrix_project(beneficiary_org, donor_org, provider_org, officer):
    """Nepal Post (beneficiary) and La Poste (facilitating); APPC delivers another project."""
    make_project(partners=[(provider_org, "pivotal")])
    project = make_project(
        ProjectStatus.IN_IMPLEMENTATION,
        [(beneficiary_org, "beneficiary"), (donor_org, "facilitating")],
    )
    activity = make_activity(project, cost=1500, cost_currency="CHF")
    real_country("NPL")
    services.add_participant(
        officer,
        activity,
        {"name": SECRET_NAME, "country": "NPL", "gender": "female", "role": "trainee"},
    )
    return project


PERSONAS = {
    # persona: (sees names, may record)
    "officer": (True, True),
    "beneficiary": (True, True),
    "authority": (True, True),
    "donor": (True, False),
    "other_country_focal_point": (False, False),
    "provider": (False, False),
    "outsider": (False, False),
    None: (False, False),
}


def _login(client, request, persona):
    if persona:
        client.force_login(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", PERSONAS)
def test_activity_page_shows_names_and_cost_to_the_bureau_and_partners_only(
    client, request, matrix_project, persona
):
    _login(client, request, persona)
    activity = matrix_project.activities.get()
    response = client.get(f"/en/projects/activities/{activity.pk}/")
    assert response.status_code == 200
    sees_names, may_record = PERSONAS[persona]
    content = response.content.decode()
    assert (SECRET_NAME in content) is sees_names
    assert ("1,500.00" in content) is sees_names
    assert "1 women" in content  # the public sees the counts
    assert ("Add a participant" in content) is may_record


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_lists_participants_to_the_bureau_and_partners_only(
    client, request, matrix_project, persona
):
    _login(client, request, persona)
    activity = matrix_project.activities.get()
    url = f"/api/v1/projects/{matrix_project.pk}/activities/{activity.pk}/participants"
    response = client.get(url)
    sees_names, _may_record = PERSONAS[persona]
    assert response.status_code == (200 if sees_names else 403)
    if sees_names:
        assert response.json()["items"][0]["name"] == SECRET_NAME
    summary = client.get(f"/api/v1/projects/{matrix_project.pk}/activities/{activity.pk}")
    assert summary.json()["attended_by_gender"]["female"] == 1
    assert (summary.json()["cost"] == "1500.00") is sees_names  # detailed finance (R13)


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_writes_need_an_officer_or_a_partner_focal_point(
    client, request, matrix_project, persona
):
    _login(client, request, persona)
    response = client.post(
        f"/api/v1/projects/{matrix_project.pk}/activities",
        {"type": "workshop", "title": "Customs data workshop", "start_date": "2024-02-01"},
        content_type="application/json",
    )
    _sees_names, may_record = PERSONAS[persona]
    expected = 201 if may_record else (401 if persona is None else 403)
    assert response.status_code == expected, response.content
    assert ("message" in response.json()) is not may_record


@pytest.mark.parametrize("persona", PERSONAS)
def test_add_activity_page_is_offered_to_recorders_only(client, request, matrix_project, persona):
    _login(client, request, persona)
    response = client.get(f"/en/projects/delivery/{matrix_project.pk}/activities/new/")
    _sees_names, may_record = PERSONAS[persona]
    if persona is None:
        assert response.status_code == 302 and "/accounts/login" in response["Location"]
    else:
        assert response.status_code == (200 if may_record else 302)


@pytest.mark.parametrize(
    ("persona", "visible"),
    [("officer", True), ("beneficiary", True), ("donor", True), ("outsider", False), (None, False)],
)
def test_delivery_of_a_project_in_formulation_is_hidden_from_the_public(
    client, request, beneficiary_org, donor_org, persona, visible
):
    project = make_project(
        ProjectStatus.FORMULATION, [(beneficiary_org, "beneficiary"), (donor_org, "facilitating")]
    )
    _login(client, request, persona)
    for url in (
        f"/en/projects/delivery/{project.pk}/activities/",
        f"/en/projects/delivery/{project.pk}/results/",
        f"/api/v1/projects/{project.pk}/activities",
        f"/api/v1/projects/{project.pk}/indicators",
    ):
        assert client.get(url).status_code == (200 if visible else 404), url


def test_a_partner_cannot_record_on_a_closed_project(client, beneficiary, beneficiary_org):
    project = make_project(ProjectStatus.EVALUATED, [(beneficiary_org, "beneficiary")])
    client.force_login(beneficiary)
    response = client.post(
        f"/api/v1/projects/{project.pk}/indicators",
        {"level": "output", "name": "Staff trained", "unit": "people", "baseline": 0, "target": 9},
        content_type="application/json",
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 409
    assert "“Evaluated”" in response.json()["message"]


def test_a_refused_page_write_explains_why(client, donor, matrix_project):
    client.force_login(donor)
    response = client.get(f"/en/projects/delivery/{matrix_project.pk}/activities/new/", follow=True)
    assert "focal points of the project" in response.content.decode()


def test_public_results_page_shows_the_chart_data_and_its_table(client, officer, matrix_project):
    indicator = services.add_indicator(
        officer,
        matrix_project,
        {"level": "output", "name": "Staff trained", "unit": "people", "baseline": 0, "target": 40},
    )
    services.record_value(officer, indicator, date(2024, 6, 30), 10)
    response = client.get(f"/en/projects/delivery/{matrix_project.pk}/results/")
    content = response.content.decode()
    assert 'id="progress-chart-data"' in content
    assert "25.0 %" in content
    assert "chart.umd.min.js" in content
