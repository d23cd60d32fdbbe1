"""`classification`: is a country South on a date, and why — on the real reference data."""

from datetime import date

import pytest
from django.utils import translation

from csst.countries.classification import (
    Status,
    classification_on,
    history,
    south_country_ids,
    south_lookup,
    south_status,
    statuses_for,
    value_label,
)
from csst.countries.models import Country


@pytest.mark.parametrize(
    ("iso3", "last_day_as_ldc"),
    [("VUT", date(2020, 12, 3)), ("BTN", date(2023, 12, 12)), ("STP", date(2024, 12, 12))],
)
def test_a_graduated_ldc_is_an_ldc_until_its_graduation_day(country, iso3, last_day_as_ldc):
    graduate = country(iso3)
    before = classification_on(graduate, "un_ldc", last_day_as_ldc)
    after = classification_on(graduate, "un_ldc", date.fromordinal(last_day_as_ldc.toordinal() + 1))
    assert before.value == "ldc"
    assert before.valid_to == last_day_as_ldc
    assert after.value == "not_ldc"
    assert "graduated on" in after.source
    assert after.valid_to is None


def test_graduation_never_rewrites_history(country):
    bhutan = country("BTN")
    assert classification_on(bhutan, "un_ldc", date(2019, 6, 1)).value == "ldc"
    assert classification_on(bhutan, "un_ldc").value == "not_ldc"
    assert classification_on(country("NPL"), "un_ldc").value == "ldc"


def test_korea_is_south_under_the_default_source_and_japan_north(country):
    korea = south_status(country("KOR"), date(2024, 1, 1))
    assert korea == Status(
        scheme="north_south",
        value="south",
        is_south=True,
        source=korea.source,
        valid_from=date(2018, 1, 1),
        valid_to=None,
        is_override=False,
        reason=korea.reason,
    )
    assert "UN M49" in korea.source
    assert south_status(country("JPN")).is_south is False
    assert south_status(country("SGP")).is_south is True


def test_the_reason_is_a_sentence_in_the_active_language(country):
    korea = country("KOR")
    with translation.override("en"):
        english = south_status(korea, date(2024, 1, 1)).reason
    with translation.override("fr"):
        french = south_status(korea, date(2024, 1, 1)).reason
        north = south_status(country("FRA"), date(2024, 1, 1)).reason
        ldc = classification_on(country("NPL"), "un_ldc", date(2024, 1, 1)).reason
    assert english.startswith("South on 2024-01-01: developing country (source: UN M49")
    assert french.startswith("Sud le 2024-01-01 : pays en développement (source : UN M49")
    assert north.startswith("Nord le 2024-01-01 : pays développé")
    assert ldc.startswith("Pays le moins avancé le 2024-01-01")


def test_nothing_known_gives_none_and_says_so(country):
    before_the_data = south_status(country("KOR"), date(2010, 1, 1))
    assert (before_the_data.value, before_the_data.is_south) == (None, None)
    assert before_the_data.source == ""
    with translation.override("en"):
        antarctica = south_status(country("ATA"), date(2024, 1, 1))
    assert antarctica.is_south is None
    assert antarctica.reason == "No value of “North / South” is known on 2024-01-01."
    assert classification_on(country("CRI"), "wb_income", date(2025, 1, 1)).value is None


def test_the_income_group_reason_names_the_group(country):
    with translation.override("en"):
        status = classification_on(country("CRI"), "wb_income", date(2025, 8, 1))
        assert value_label("wb_income", "upper_middle") == "Upper-middle income"
    assert status.value == "high"
    assert status.reason.startswith("World Bank income group on 2025-08-01: High income")


@pytest.mark.parametrize("how_many", [5, 50])
def test_statuses_for_many_countries_is_one_query(country, how_many, django_assert_num_queries):
    countries = list(Country.objects.filter(iso3__gte="AFG").order_by("iso3")[:how_many])
    schemes = ["north_south", "un_ldc", "un_sids", "wb_income"]
    with django_assert_num_queries(1):
        statuses = statuses_for(countries, schemes, date(2024, 1, 1))
    assert len(statuses) == how_many
    assert all(set(by_scheme) == set(schemes) for by_scheme in statuses.values())
    afghanistan = statuses[countries[0].pk]
    assert (afghanistan["north_south"].is_south, afghanistan["un_ldc"].value) == (True, "ldc")


def test_statuses_for_agrees_with_classification_on(country):
    ids = [country(iso3).pk for iso3 in ("VUT", "BTN", "KOR", "ATA")]
    day = date(2021, 1, 1)
    for country_id, by_scheme in statuses_for(ids, ["un_ldc", "north_south"], day).items():
        for scheme, status in by_scheme.items():
            assert status == classification_on(country_id, scheme, day)


def test_south_country_ids_for_filtering(country, django_assert_num_queries):
    with django_assert_num_queries(1):
        south = south_country_ids(date(2024, 1, 1))
    assert len(south) == 182
    assert {country("KOR").pk, country("NPL").pk, country("BRA").pk} <= south
    assert country("JPN").pk not in south
    assert country("ATA").pk not in south


def test_south_lookup_answers_like_south_status_on_every_date_in_one_query(
    country, django_assert_num_queries
):
    ids = [country(iso3).pk for iso3 in ("KOR", "JPN", "NPL", "ATA")]
    with django_assert_num_queries(1):
        is_south = south_lookup(ids)
    for day in (date(2010, 1, 1), date(2024, 1, 1)):
        for country_id in ids:
            assert is_south(country_id, day) == south_status(country_id, day).is_south


def test_history_lists_every_period_newest_first(country):
    periods = history(country("VUT"), "un_ldc")
    assert [(p.value, p.valid_from) for p in periods] == [
        ("not_ldc", date(2020, 12, 4)),
        ("ldc", date(2018, 1, 1)),
    ]
    every_scheme = history(country("VUT"))
    assert {p.scheme for p in every_scheme} == {
        "north_south",
        "un_ldc",
        "un_lldc",
        "un_sids",
        "wb_income",
    }
    assert [p.valid_from for p in every_scheme] == sorted(
        (p.valid_from for p in every_scheme), reverse=True
    )
