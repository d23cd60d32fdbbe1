"""Delivery services: activities, participants, equipment and the results framework."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from csst.core.errors import DomainError, InvalidInput, NotAllowed
from csst.core.models import TransitionLog
from csst.countries.models import Indicator
from csst.knowledge.models import Modality, SdgIndicator
from csst.projects.delivery import selectors, services
from csst.projects.models import ActivityStatus, Participant, ProjectStatus, ResultValue

from ..factories import real_country
from ..knowledge.factories import SdgTargetFactory
from . import delivery_factories
from .delivery_factories import make_activity, make_project

pytestmark = pytest.mark.django_db

# Shared fixtures of the delivery tests.
partners = delivery_factories.partners
project = delivery_factories.project


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def participant(activity, gender="female", attended=True, **fields):
    data = {"country": "NPL", "gender": gender, "role": "trainee", "attended": attended}
    return services.add_participant(activity.created_by, activity, data | fields)


@pytest.fixture
def course(officer, project):
    real_country("NPL")
    return services.add_activity(
        officer,
        project,
        {
            "type": Modality.TRAINING_COURSE,
            "title": "E-commerce operations course",
            "host": project.partners.get(role="pivotal").organisation_id,
            "place": "Bangkok",
            "country": "THA",
            "start_date": date(2024, 5, 6),
            "end_date": date(2024, 5, 10),
            "cost": "12500.455",
            "cost_currency": "chf",
        },
    )


def test_an_activity_keeps_decimal_money_and_a_checked_currency(course):
    assert course.cost == Decimal("12500.46")
    assert course.cost_currency == "CHF"
    assert course.country.iso3 == "THA"
    assert course.status == ActivityStatus.PLANNED


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cost_currency", "XYZ", "ISO 4217"),
        ("cost", "-1", "cannot be negative"),
        ("cost", "lots", "a number is expected"),
        ("end_date", date(2024, 5, 1), "end date cannot be before"),
        ("type", "party", "Type"),
        ("country", "ZZZ", "unknown value"),
        ("colour", "red", "Unknown fields"),
    ],
)
def test_bad_activity_input_is_refused_and_changes_nothing(officer, course, field, value, message):
    with pytest.raises(InvalidInput, match=message):
        services.update_activity(officer, course, {field: value})
    course.refresh_from_db()
    assert course.title == "E-commerce operations course"


def test_completing_a_course_needs_a_participant_who_attended(officer, course):
    participant(course, attended=False)
    with pytest.raises(DomainError, match="participant who attended"):
        services.complete_activity(officer, course)
    participant(course, gender="male")
    services.complete_activity(officer, course)
    course.refresh_from_db()
    assert course.status == ActivityStatus.COMPLETED
    assert TransitionLog.objects.filter(action="complete", object_id=course.pk).exists()


def test_an_activity_that_has_not_started_cannot_be_completed(officer, project):
    start = timezone.localdate() + timedelta(days=3)
    future = make_activity(project, start_date=start, end_date=start)
    with pytest.raises(DomainError, match="before it has started"):
        services.complete_activity(officer, future)


def test_gender_disaggregated_counts_are_computed_from_the_participants(officer, course):
    for gender in ("female", "female", "male", "undisclosed"):
        participant(course, gender=gender, satisfaction=4)
    participant(course, gender="female", attended=False, satisfaction=2)
    activity = selectors.activity_for(officer, course.pk)
    assert (activity.female_count, activity.male_count, activity.undisclosed_count) == (2, 1, 1)
    assert (activity.participant_count, activity.attended_count) == (5, 4)
    assert activity.average_satisfaction == pytest.approx(3.6)
    totals = selectors.project_totals(course.project)
    assert (totals["attended_count"], totals["female_count"]) == (4, 2)


def test_the_last_attendee_of_a_completed_course_cannot_be_removed(officer, course):
    attendee = participant(course)
    services.complete_activity(officer, course)
    with pytest.raises(DomainError, match="completed"):
        services.remove_participant(officer, attendee)
    assert Participant.objects.filter(pk=attendee.pk).exists()


def test_a_completed_activity_cannot_move_into_the_future(officer, course):
    participant(course)
    services.complete_activity(officer, course)
    later = timezone.localdate() + timedelta(days=30)
    with pytest.raises(DomainError, match="before it has started"):
        services.update_activity(officer, course, {"start_date": later, "end_date": later})


def test_a_cancelled_activity_needs_a_reason_and_is_then_frozen(officer, course):
    with pytest.raises(DomainError, match="comment is required"):
        services.cancel_activity(officer, course, "")
    services.cancel_activity(officer, course, "Postponed by the host")
    with pytest.raises(DomainError, match="cancelled"):
        participant(course)


@pytest.fixture
def donation(officer, project):
    return make_activity(project, type=Modality.EQUIPMENT_DONATION, title="Green computers")


def test_two_hundred_green_computers_are_representable(officer, donation, partners):
    beneficiary = partners[0][0]
    item = services.add_equipment(
        officer,
        donation,
        {
            "description": "Refurbished (green) desktop computers",
            "quantity": 200,
            "condition": "refurbished",
            "unit_value": "150.00",
            "currency": "USD",
            "donor": partners[2][0].pk,
            "recipient": beneficiary.pk,
            "handover_date": date(2023, 6, 1),
        },
    )
    assert selectors.equipment_value(item) == Decimal("30000.00")
    activity = selectors.attach_equipment_values([selectors.activity_for(officer, donation.pk)])[0]
    assert activity.equipment_quantity == 200
    assert activity.equipment_values == [("USD", Decimal("30000.00"))]


def test_an_equipment_donation_is_completed_once_something_is_handed_over(
    officer, donation, partners
):
    data = {
        "description": "Laptops",
        "quantity": 5,
        "condition": "new",
        "donor": partners[2][0].pk,
        "recipient": partners[0][0].pk,
    }
    item = services.add_equipment(officer, donation, data)
    with pytest.raises(DomainError, match="handover date"):
        services.complete_activity(officer, donation)
    services.update_equipment(officer, item, {"handover_date": date(2024, 1, 15)})
    services.complete_activity(officer, donation)
    with pytest.raises(InvalidInput, match="at least 1|greater than or equal"):
        services.update_equipment(officer, item, {"quantity": 0})


def test_nothing_is_recorded_once_the_project_is_closed(officer, partners):
    closed = make_project(ProjectStatus.OPERATIONALLY_CLOSED, partners)
    with pytest.raises(DomainError, match="Operationally closed"):
        services.add_activity(officer, closed, {"type": "workshop", "title": "Late workshop"})


def test_people_outside_the_partners_cannot_record_delivery(
    project, other_country_focal_point, donor, outsider, beneficiary, provider
):
    data = {"type": "workshop", "title": "Workshop"}
    for person in (other_country_focal_point, donor, outsider):
        with pytest.raises(NotAllowed):
            services.add_activity(person, project, data)
    for person in (beneficiary, provider):
        assert services.add_activity(person, project, data).pk


def test_officers_may_define_indicators_during_formulation_but_partners_may_not(
    officer, beneficiary, partners
):
    draft = make_project(ProjectStatus.FORMULATION, partners)
    data = {
        "level": "output",
        "name": "Staff trained",
        "unit": "people",
        "baseline": 0,
        "target": 40,
    }
    assert services.add_indicator(officer, draft, data).target == Decimal("40")
    with pytest.raises(DomainError):
        services.add_indicator(beneficiary, draft, data)


@pytest.fixture
def indicator(officer, project):
    target = SdgTargetFactory(code="9.c")
    SdgIndicator.objects.create(target=target, code="9.c.1", title="Mobile network coverage")
    Indicator.objects.get_or_create(code="2ipd-r1", defaults={"name": "Reliability"})
    return services.add_indicator(
        officer,
        project,
        {
            "level": "outcome",
            "name": "Share of items with EDI events",
            "unit": "%",
            "baseline": "20",
            "target": "80",
            "sdg_indicator": "9.c.1",
            "country_indicator": "2ipd-r1",
        },
    )


def test_an_indicator_links_to_an_sdg_indicator_and_a_2ipd_pillar_by_code(indicator):
    assert indicator.sdg_indicator.code == "9.c.1"
    assert indicator.country_indicator.code == "2ipd-r1"


def test_values_give_progress_towards_the_target(officer, indicator):
    services.record_value(officer, indicator, date(2024, 6, 30), "50")
    services.record_value(officer, indicator, date(2024, 12, 31), "68", is_final=True)
    (row,) = selectors.indicators_of(indicator.project)
    assert [value.progress for value in row.values.all()] == [Decimal("50.0"), Decimal("80.0")]
    assert row.final.actual == Decimal("68")
    chart = selectors.progress_chart([row])
    assert chart["labels"] == ["2024-06-30", "2024-12-31"]
    assert chart["datasets"][0]["data"] == [50.0, 80.0]


def test_progress_is_undefined_when_target_equals_baseline():
    assert selectors.progress(Decimal(5), Decimal(5), Decimal(7)) is None
    assert selectors.progress(Decimal(10), Decimal(0), Decimal(4)) == Decimal("60.0")


def test_one_value_per_period_and_only_one_final_value(officer, indicator):
    services.record_value(officer, indicator, date(2024, 6, 30), "40", is_final=True)
    with pytest.raises(DomainError, match="already a value"):
        services.record_value(officer, indicator, date(2024, 6, 30), "45")
    with pytest.raises(DomainError, match="final value"):
        services.record_value(officer, indicator, date(2024, 3, 31), "30", is_final=True)
    with pytest.raises(DomainError, match="final value"):
        services.record_value(officer, indicator, date(2024, 9, 30), "30")
    assert ResultValue.objects.filter(indicator=indicator).count() == 1


def test_a_value_for_a_period_not_yet_ended_is_refused(officer, indicator):
    with pytest.raises(InvalidInput, match="ended"):
        services.record_value(officer, indicator, timezone.localdate() + timedelta(days=1), 1)


def test_a_justification_stands_in_for_a_missing_final_value(officer, indicator):
    with pytest.raises(InvalidInput):
        services.justify_missing_final_value(officer, indicator, "  ")
    services.justify_missing_final_value(officer, indicator, "Survey postponed to 2026.")
    indicator.refresh_from_db()
    assert indicator.final_value_justification == "Survey postponed to 2026."


def test_participants_are_imported_from_a_small_csv_all_or_nothing(officer, course):
    real_country("BTN")
    good = "country,gender,role,attended,satisfaction\nNPL,female,trainee,yes,5\nBTN,male,,no,\n"
    upload = SimpleUploadedFile("people.csv", good.encode(), content_type="text/csv")
    assert services.import_participants(officer, course, upload) == 2
    bad = "country,gender,role\nNPL,female,trainee\nNPL,robot,trainee\n"
    upload = SimpleUploadedFile("people.csv", bad.encode(), content_type="text/csv")
    with pytest.raises(InvalidInput, match="Line 3"):
        services.import_participants(officer, course, upload)
    assert course.participants.count() == 2
