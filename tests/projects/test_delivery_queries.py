"""Delivery lists run a constant number of queries, whatever the number of rows."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csst.knowledge.models import Modality
from csst.projects.models import EquipmentItem, Participant, ResultIndicator, ResultValue

from ..factories import real_country
from . import delivery_factories
from .delivery_factories import make_activity, make_project

pytestmark = pytest.mark.django_db

# Shared fixtures of the delivery tests.
partners = delivery_factories.partners


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries)


def add_activities(project, count, officer):
    nepal = real_country("NPL")
    organisation = project.partners.first().organisation
    for index in range(count):
        activity = make_activity(project, type=Modality.EQUIPMENT_DONATION, title=f"A{index}")
        Participant.objects.create(activity=activity, country=nepal, gender="female", role="expert")
        EquipmentItem.objects.create(
            activity=activity,
            description="Scanner",
            quantity=2,
            condition="new",
            unit_value=100,
            donor=organisation,
            recipient=organisation,
        )


def add_indicators(project, count, officer):
    for index in range(count):
        indicator = ResultIndicator.objects.create(
            project=project, level="output", name=f"I{index}", unit="n", baseline=0, target=10
        )
        for month in (6, 12):
            ResultValue.objects.create(
                indicator=indicator,
                period_end=date(2024, month, 28),
                actual=month,
                recorded_by=officer,
            )


@pytest.mark.parametrize(
    ("url", "add"),
    [
        ("/en/projects/delivery/{pk}/activities/", add_activities),
        ("/api/v1/projects/{pk}/activities?limit=50", add_activities),
        ("/en/projects/delivery/{pk}/results/", add_indicators),
        ("/api/v1/projects/{pk}/indicators?limit=50", add_indicators),
    ],
)
def test_list_query_count_is_constant(client, officer, partners, url, add):
    client.force_login(officer)
    project = make_project(partners=partners)
    url = url.format(pk=project.pk)
    add(project, 2, officer)
    few = queries(client, url)
    add(project, 18, officer)
    assert queries(client, url) == few


def test_activity_panel_for_the_project_page_is_constant(client, officer, partners):
    client.force_login(officer)
    project = make_project(partners=partners)
    url = f"/en/projects/delivery/{project.pk}/activities/"
    add_activities(project, 2, officer)
    with CaptureQueriesContext(connection) as few:
        client.get(url, headers={"HX-Request": "true"})
    add_activities(project, 18, officer)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)


def test_activity_page_query_count_is_constant(client, officer, partners):
    client.force_login(officer)
    project = make_project(partners=partners)
    add_activities(project, 1, officer)
    activity = project.activities.get()
    nepal, organisation = real_country("NPL"), partners[0][0]

    def add_rows(count):
        for _index in range(count):
            Participant.objects.create(
                activity=activity,
                country=nepal,
                organisation=organisation,
                gender="male",
                role="trainee",
            )
            EquipmentItem.objects.create(
                activity=activity,
                description="Scale",
                quantity=1,
                condition="new",
                donor=organisation,
                recipient=organisation,
            )

    url = f"/en/projects/activities/{activity.pk}/"
    add_rows(2)
    few = queries(client, url)
    add_rows(18)
    assert queries(client, url) == few
