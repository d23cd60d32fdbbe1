"""Officer overrides of a classification: reason required, officers only, history kept."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from csst.core.errors import InvalidInput, NotAllowed
from csst.countries.classification import history, south_country_ids, south_status
from csst.countries.models import CountryClassification
from csst.countries.services import end_override, override_classification

REASON = "Korea Post acts as a donor in the Pacific programme (decision of 2025-01-10)."


@pytest.fixture
def korea(country):
    return country("KOR")


def test_an_override_wins_from_its_start_date_and_says_why(korea, officer):
    override = override_classification(
        officer, korea, "north_south", "north", date(2025, 1, 1), REASON
    )

    after = south_status(korea, date(2025, 6, 1))
    assert (after.is_south, after.is_override, after.valid_from) == (False, True, date(2025, 1, 1))
    with translation.override("en"):
        reason = south_status(korea, date(2025, 6, 1)).reason
    assert reason == f"North (developed) on 2025-06-01 (override by a Bureau officer): {REASON}"
    assert south_status(korea, date(2024, 12, 31)).is_south is True  # the sourced value
    assert korea.pk not in south_country_ids(date(2025, 6, 1))
    assert (override.created_by, override.is_override) == (officer, True)
    assert "officer" in override.source


def test_history_keeps_the_sourced_value_and_marks_the_override(korea, officer):
    override_classification(officer, korea, "north_south", "north", date(2025, 1, 1), REASON)
    periods = history(korea, "north_south")
    assert [(p.value, p.is_override) for p in periods] == [("north", True), ("south", False)]
    audit = periods[0].history.get()
    assert (audit.history_type, audit.history_user) == ("+", officer)


def test_ending_an_override_brings_back_the_sourced_value(korea, officer, officer2):
    override = override_classification(
        officer, korea, "north_south", "north", date(2025, 1, 1), REASON
    )

    end_override(officer2, override, date(2025, 12, 31), "Programme closed.")

    override.refresh_from_db()
    assert (override.valid_to, override.end_reason) == (date(2025, 12, 31), "Programme closed.")
    assert south_status(korea, date(2025, 12, 31)).is_override is True
    assert south_status(korea, date(2026, 1, 1)).is_south is True
    latest = override.history.first()
    assert (latest.history_user, latest.history_change_reason) == (officer2, "end_override")
    assert override.history.count() == 2


@pytest.mark.parametrize("persona", ["beneficiary", "provider", "donor", "finance", "outsider"])
def test_only_bureau_officers_may_override(korea, persona, request):
    actor = request.getfixturevalue(persona)
    before = CountryClassification.objects.count()
    with pytest.raises(NotAllowed):
        override_classification(actor, korea, "north_south", "north", date(2025, 1, 1), REASON)
    assert CountryClassification.objects.count() == before


def test_the_refusal_is_translated(korea, outsider):
    with translation.override("fr"), pytest.raises(NotAllowed) as refusal:
        override_classification(outsider, korea, "north_south", "north", date(2025, 1, 1), REASON)
    assert refusal.value.message.startswith("Seuls les fonctionnaires du Bureau international")


def test_an_administrator_may_override(korea, db):
    from tests.factories import UserFactory

    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    override_classification(admin, korea, "un_ldc", "ldc", date(2025, 1, 1), "Test of the rule.")
    assert CountryClassification.objects.filter(is_override=True).count() == 1


@pytest.mark.parametrize(
    ("scheme", "value", "valid_from", "valid_to", "reason"),
    [
        ("north_south", "north", date(2025, 1, 1), None, "   "),
        ("north_south", "developed", date(2025, 1, 1), None, REASON),
        ("wb_income", "Upper middle", date(2025, 1, 1), None, REASON),
        ("colour", "blue", date(2025, 1, 1), None, REASON),
        ("north_south", "north", None, None, REASON),
        ("north_south", "north", date(2025, 1, 1), date(2024, 1, 1), REASON),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    korea, officer, scheme, value, valid_from, valid_to, reason
):
    before = CountryClassification.objects.count()
    with pytest.raises(InvalidInput):
        override_classification(officer, korea, scheme, value, valid_from, reason, valid_to)
    assert CountryClassification.objects.count() == before


def test_ending_needs_a_reason_an_officer_and_an_override(korea, officer, outsider):
    override = override_classification(
        officer, korea, "north_south", "north", date(2025, 1, 1), REASON
    )
    with pytest.raises(InvalidInput):
        end_override(officer, override, date(2025, 6, 30), "")
    with pytest.raises(NotAllowed):
        end_override(outsider, override, date(2025, 6, 30), "No.")
    with pytest.raises(InvalidInput):
        end_override(officer, override, date(2024, 6, 30), "Before its start.")
    sourced = CountryClassification.objects.get(
        country=korea, scheme="north_south", is_override=False
    )
    with pytest.raises(InvalidInput):
        end_override(officer, sourced, date(2025, 6, 30), "Sourced rows are not ended.")
    override.refresh_from_db()
    assert override.valid_to is None
    sourced.refresh_from_db()
    assert sourced.valid_to is None


# -- admin ----------------------------------------------------------------------------------

ADMIN = "/en/admin/countries/countryclassification/"


@pytest.fixture
def officer_client(client, officer):
    officer.user_permissions.add(*Permission.objects.filter(content_type__app_label="countries"))
    client.force_login(officer)
    return client


def test_an_override_made_in_the_admin_goes_through_the_service(officer_client, officer, korea):
    response = officer_client.post(
        f"{ADMIN}add/",
        {
            "country": korea.pk,
            "scheme": "north_south",
            "value": "north",
            "valid_from": "2025-01-01",
            "valid_to": "",
            "reason": REASON,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    override = CountryClassification.objects.get(is_override=True)
    assert (override.created_by, override.reason) == (officer, REASON)
    assert override.history.get().history_user == officer


def test_the_admin_refuses_an_override_without_reason(officer_client, korea):
    response = officer_client.post(
        f"{ADMIN}add/",
        {
            "country": korea.pk,
            "scheme": "north_south",
            "value": "north",
            "valid_from": "2025-01-01",
        },
    )
    assert response.status_code == 200
    assert not CountryClassification.objects.filter(is_override=True).exists()


def test_the_admin_ends_an_override_and_shows_sourced_rows_read_only(
    officer_client, officer, korea
):
    override = override_classification(
        officer, korea, "north_south", "north", date(2025, 1, 1), REASON
    )
    response = officer_client.post(
        f"{ADMIN}{override.pk}/change/",
        {"valid_to": "2025-03-31", "end_reason": "Programme closed."},
    )
    assert response.status_code == 302
    override.refresh_from_db()
    assert (override.valid_to, override.end_reason) == (date(2025, 3, 31), "Programme closed.")

    sourced = CountryClassification.objects.get(country=korea, scheme="un_ldc")
    page = officer_client.get(f"{ADMIN}{sourced.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    refused = officer_client.post(f"{ADMIN}{sourced.pk}/change/", {"valid_to": "2025-03-31"})
    assert refused.status_code == 403
    assert officer_client.get(f"{ADMIN}{sourced.pk}/delete/").status_code == 403


def test_countries_are_read_only_in_the_admin(officer_client, korea):
    page = officer_client.get(f"/en/admin/countries/country/{korea.pk}/change/")
    assert page.status_code == 200
    assert "Korea Post" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    listing = officer_client.get("/en/admin/countries/country/", {"q": "coree"})
    assert "Republic of Korea" in listing.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "countries/countryclassification/",
        "countries/countryclassification/add/",
        "countries/indicator/",
        "countries/indicatorvalue/",
        "countries/indicatorvalue/add/",
        "countries/country/",
    ],
)
def test_the_reference_admin_pages_open(officer_client, path):
    assert officer_client.get(f"/en/admin/{path}").status_code == 200


def test_predefined_indicators_keep_their_code_in_the_admin(officer_client, country):
    from csst.countries.models import Indicator

    two_ipd = Indicator.objects.get(code="2ipd")
    page = officer_client.get(f"/en/admin/countries/indicator/{two_ipd.pk}/change/")
    assert 'name="code"' not in page.content.decode()
    delete = officer_client.get(f"/en/admin/countries/indicator/{two_ipd.pk}/delete/")
    assert delete.status_code == 403
