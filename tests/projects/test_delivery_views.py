"""Delivery pages: forms go through the services, refusals are shown, partials load with htmx."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string

from csst.knowledge.models import Modality
from csst.projects.models import ActivityStatus

from ..factories import real_country
from . import delivery_factories
from .delivery_factories import make_activity

pytestmark = pytest.mark.django_db

# Shared fixtures of the delivery tests.
partners = delivery_factories.partners
project = delivery_factories.project


@pytest.fixture
def signed_in(client, beneficiary):
    client.force_login(beneficiary)
    return client


def test_a_partner_adds_an_activity_from_the_page(signed_in, project):
    response = signed_in.post(
        f"/en/projects/delivery/{project.pk}/activities/new/",
        {
            "type": Modality.WORKSHOP,
            "title": "Addressing workshop",
            "start_date": "2024-02-05",
            "end_date": "2024-02-06",
            "cost": "1200.50",
            "cost_currency": "USD",
        },
    )
    activity = project.activities.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/projects/activities/{activity.pk}/"
    assert activity.cost_currency == "USD"


def test_a_refused_form_keeps_the_input_and_says_why(signed_in, project):
    response = signed_in.post(
        f"/en/projects/delivery/{project.pk}/activities/new/",
        {
            "type": Modality.WORKSHOP,
            "title": "Backwards",
            "start_date": "2024-02-05",
            "end_date": "2024-02-01",
            "cost_currency": "CHF",
        },
    )
    assert response.status_code == 200
    assert "end date cannot be before" in response.content.decode()
    assert not project.activities.exists()


def test_participants_equipment_and_completion_through_the_pages(signed_in, project, partners):
    real_country("NPL")
    activity = make_activity(project, type=Modality.TRAINING_COURSE)
    base = f"/en/projects/activities/{activity.pk}"
    response = signed_in.post(
        f"{base}/participants/new/",
        {
            "country": real_country("NPL").pk,
            "gender": "female",
            "role": "trainee",
            "attended": "on",
        },
    )
    assert response.status_code == 302
    response = signed_in.post(
        f"{base}/equipment/new/",
        {
            "description": "Barcode scanners",
            "quantity": 3,
            "condition": "new",
            "unit_value": "80",
            "currency": "CHF",
            "donor": partners[2][0].pk,
            "recipient": partners[0][0].pk,
        },
    )
    assert response.status_code == 302
    page = signed_in.get(f"{base}/").content.decode()
    assert "240.00" in page and "1 women" in page
    signed_in.post(f"{base}/complete/")
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.COMPLETED


def test_completion_refused_on_the_page_shows_the_reason(signed_in, project):
    activity = make_activity(project, type=Modality.EQUIPMENT_DONATION)
    response = signed_in.post(f"/en/projects/activities/{activity.pk}/complete/", follow=True)
    assert "handover date" in response.content.decode()


def test_participants_are_imported_from_a_csv_page(signed_in, project):
    real_country("NPL")
    activity = make_activity(project)
    upload = SimpleUploadedFile(
        "people.csv", b"country,gender,role\nNPL,female,trainee\nNPL,male,expert\n"
    )
    response = signed_in.post(
        f"/en/projects/activities/{activity.pk}/participants/import/", {"file": upload}
    )
    assert response.status_code == 302
    assert activity.participants.count() == 2


def test_an_indicator_and_a_value_through_the_pages(signed_in, client, officer, project):
    client.force_login(officer)
    response = client.post(
        f"/en/projects/delivery/{project.pk}/results/new/",
        {"level": "output", "name": "Staff trained", "unit": "people", "baseline": 0, "target": 20},
    )
    assert response.status_code == 302
    indicator = project.indicators.get()
    response = client.post(
        f"/en/projects/indicators/{indicator.pk}/values/new/",
        {"period_end": date(2024, 6, 30).isoformat(), "actual": "5", "is_final": "on"},
    )
    assert response.status_code == 302
    assert indicator.values.get().is_final


def test_project_page_partials_load_the_panels_with_htmx(project, rf):
    html = render_to_string("projects/delivery/_activities.html", {"project": project})
    html += render_to_string("projects/delivery/_results.html", {"project": project})
    assert f'hx-get="/fr/projects/delivery/{project.pk}/activities/"' in html or (
        f'hx-get="/en/projects/delivery/{project.pk}/activities/"' in html
    )
    assert f"/delivery/{project.pk}/results/" in html


def test_results_panel_is_a_fragment(client, project):
    response = client.get(
        f"/en/projects/delivery/{project.pk}/results/", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


def test_a_participant_is_edited_and_removed_from_the_pages(signed_in, project):
    nepal = real_country("NPL")
    activity = make_activity(project)
    person = activity.participants.create(country=nepal, gender="male", role="trainee")
    response = signed_in.post(
        f"/en/projects/participants/{person.pk}/edit/",
        {"country": nepal.pk, "gender": "female", "role": "expert", "satisfaction": 5},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.gender, person.role, person.attended) == ("female", "expert", False)
    signed_in.post(f"/en/projects/participants/{person.pk}/delete/")
    assert not activity.participants.exists()


def test_outsiders_cannot_edit_participants(client, outsider, project):
    activity = make_activity(project)
    person = activity.participants.create(
        country=real_country("NPL"), gender="male", role="trainee"
    )
    client.force_login(outsider)
    response = client.post(f"/en/projects/participants/{person.pk}/delete/")
    assert response.status_code == 302
    assert activity.participants.exists()
