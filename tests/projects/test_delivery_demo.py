"""The delivery demo: real cases of DOMAIN.md §1, idempotent, illustrative figures labelled."""

from decimal import Decimal

import pytest

from csst.accounts import demo as accounts_demo
from csst.countries import demo as countries_demo
from csst.organisations import demo as organisations_demo
from csst.projects import demo as projects_demo
from csst.projects.delivery import demo, selectors
from csst.projects.models import (
    Activity,
    EquipmentItem,
    Participant,
    Project,
    ProjectStatus,
    ResultValue,
)

from .delivery_factories import make_project

pytestmark = pytest.mark.django_db


def quiet(message):
    return None


@pytest.fixture
def demo_projects(db):
    for module in (countries_demo, organisations_demo, accounts_demo):
        module.load(quiet)
    projects_demo.load(quiet)
    for code in demo.DELIVERY:
        if not Project.objects.filter(code=code).exists():
            make_project(ProjectStatus.IN_IMPLEMENTATION, code=code)


def counts():
    return [model.objects.count() for model in (Activity, Participant, EquipmentItem, ResultValue)]


def test_loading_the_delivery_demo_twice_creates_no_duplicates(demo_projects):
    summary = demo.load(quiet)
    first = counts()
    assert "\n" not in summary and "skipped" not in summary
    assert demo.load(quiet) and counts() == first
    assert all(first)


def test_the_200_green_computers_of_korea_post_reach_pacific_operators(demo_projects):
    demo.load(quiet)
    items = EquipmentItem.objects.filter(activity__project__code="CSST-DEMO-KOREA-PC")
    assert sum(item.quantity for item in items) == 200
    assert sum(selectors.equipment_value(item) for item in items) == Decimal("60000.00")
    assert {item.donor.name_en for item in items} == {"Korea Post"}
    assert {item.recipient.country.iso3 for item in items} <= {"PNG", "FJI", "WSM", "TON", "VUT"}
    assert all(item.condition == "refurbished" and item.handover_date for item in items)
    assert all("illustrative" in item.description for item in items)


def test_appc_participants_are_anonymous(demo_projects):
    demo.load(quiet)
    participants = Participant.objects.filter(activity__project__code="CSST-DEMO-APPC")
    assert participants.count() > 10
    assert not participants.exclude(name="").exists()


def test_missing_projects_are_named_in_the_summary(db):
    summary = demo.load(quiet)
    assert "skipped: CSST-DEMO-APPC" in summary
    assert Activity.objects.count() == 0
