"""Delivery records in the admin: staff open activities and indicators; status stays read-only."""

import pytest
from django.contrib.auth.models import Permission

from csst.projects.models import ResultIndicator, ResultLevel

from .delivery_factories import make_activity, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, officer):
    officer.user_permissions.add(*Permission.objects.filter(content_type__app_label="projects"))
    client.force_login(officer)
    return client


def test_activities_open_in_the_admin_with_a_read_only_status(staff_client):
    activity = make_activity(make_project())
    assert staff_client.get("/en/admin/projects/activity/").status_code == 200
    response = staff_client.get(f"/en/admin/projects/activity/{activity.pk}/change/")
    assert response.status_code == 200
    assert b'name="status"' not in response.content


def test_indicators_open_in_the_admin(staff_client):
    indicator = ResultIndicator.objects.create(
        project=make_project(),
        level=ResultLevel.OUTPUT,
        name="Staff trained",
        unit="people",
        baseline=0,
        target=10,
    )
    assert staff_client.get("/en/admin/projects/resultindicator/").status_code == 200
    page = staff_client.get(f"/en/admin/projects/resultindicator/{indicator.pk}/change/")
    assert page.status_code == 200


def test_people_without_staff_rights_are_sent_to_the_login(client, beneficiary):
    client.force_login(beneficiary)
    response = client.get("/en/admin/projects/activity/")
    assert response.status_code == 302
