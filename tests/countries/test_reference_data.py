"""Loading the real reference files: countries, regions, UPU membership, dated classifications."""

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from csst.core.text import fold
from csst.countries import reference
from csst.countries.models import Country, CountryClassification, Indicator, Region, UpuGroup
from tests.factories import classify


def test_every_m49_country_and_territory_is_loaded_with_its_regions(country):
    assert Country.objects.count() == 248
    assert Region.objects.count() == 29
    nepal = country("NPL")
    assert (nepal.iso2, nepal.m49) == ("NP", "524")
    assert (nepal.region.name_en, nepal.region.name_fr) == ("Asia", "Asie")
    assert nepal.subregion.name_fr == "Asie méridionale"
    assert nepal.subregion.parent == nepal.region
    kenya = country("KEN")
    assert kenya.intermediate_region.name_en == "Eastern Africa"
    assert kenya.intermediate_region.parent == kenya.subregion  # Sub-Saharan Africa
    assert country("NAM").iso2 == "NA"  # not read as "missing"
    assert country("ATA").region is None


def test_the_2017_upu_list_has_192_members_two_of_them_collective(country):
    members = reference.read_upu_members()
    assert len(members) == 192
    collective = [m.name for m in members if m.iso2 is None]
    assert collective == [
        "Aruba, Curaçao and Sint Maarten",
        "Overseas Territories (United Kingdom of Great Britain and Northern Ireland)",
    ]
    flagged = Country.objects.filter(upu_member=True)
    assert flagged.count() == 190
    assert Counter(flagged.values_list("upu_group", flat=True)) == {
        UpuGroup.AFRICA: 54,
        UpuGroup.SOUTHERN_ASIA_OCEANIA: 48,  # + UK overseas territories
        UpuGroup.AMERICAS: 35,  # + Aruba, Curaçao and Sint Maarten
        UpuGroup.WESTERN_EUROPE: 28,
        UpuGroup.EASTERN_EUROPE_NORTHERN_ASIA: 25,
    }


def test_a_member_carries_its_upu_group_and_designated_operator(country):
    korea = country("KOR")
    assert korea.upu_member
    assert (korea.upu_group, korea.designated_operator) == (
        UpuGroup.SOUTHERN_ASIA_OCEANIA,
        "Korea Post",
    )
    assert country("ALB").upu_group == UpuGroup.WESTERN_EUROPE  # as in the UPU list


@pytest.mark.parametrize("iso3", ["GRL", "PRI", "HKG", "MAC", "ABW"])
def test_territories_are_loaded_but_are_not_upu_members_in_their_own_right(country, iso3):
    territory = country(iso3)
    assert not territory.upu_member
    assert not territory.is_independent
    assert territory.upu_group == ""


def test_names_keep_their_diacritics_and_search_ignores_them(country):
    ivory_coast = country("CIV")
    assert ivory_coast.name_fr == "Côte d’Ivoire"
    assert ivory_coast.name_en == "Côte d’Ivoire"
    assert ivory_coast.official_name_en == "Republic of Côte d'Ivoire"
    assert fold("cote d'ivoire") in ivory_coast.search_text
    turkiye = country("TUR")
    assert (turkiye.name_fr, turkiye.name_en) == ("Türkiye", "Türkiye")
    assert turkiye.official_name_en == "Republic of Türkiye"
    # The name in the 2017 UPU list stays searchable.
    assert "turkey" in turkiye.search_text.split("\n")
    assert Country.objects.filter(search_text__contains=fold("Swaziland")).get().iso3 == "SWZ"


def test_official_names_other_languages_and_spoken_languages(country):
    korea = country("KOR")
    assert (korea.name_fr, korea.name_en) == ("République de Corée", "Republic of Korea")
    france = country("FRA")
    assert (france.official_name_fr, france.official_name_en) == (
        "République française",
        "French Republic",
    )
    assert korea.other_names == {
        "es": "República de Corea",
        "ru": "Республика Корея",
        "zh": "大韩民国",
        "ar": "جمهورية كوريا",
    }
    assert korea.languages == ["ko-KR", "en"]
    assert "republica de corea" in korea.search_text


def test_rows_without_iso_code_are_skipped_and_reported(reference_data):
    skipped = "\n".join(reference.read_reference().skipped)
    assert "Sark (M49 680): no ISO code" in skipped
    assert "TWN (Taiwan): not in the UN M49 list" in skipped
    assert "Aruba, Curaçao and Sint Maarten: collective member without ISO code" in skipped


def _count(scheme, value, day):
    return CountryClassification.objects.valid_on(day).filter(scheme=scheme, value=value).count()


def test_ldc_counts_follow_the_three_vintages(country):
    assert _count("un_ldc", "ldc", date(2019, 1, 1)) == 47  # ≈2018 list
    assert _count("un_ldc", "ldc", date(2024, 10, 1)) == 45  # September 2024 M49 list
    assert _count("un_ldc", "ldc", date(2025, 8, 1)) == 44  # current list
    assert _count("un_lldc", "lldc", date(2025, 8, 1)) == 32
    assert _count("un_sids", "sids", date(2025, 8, 1)) == 53


def test_graduation_dates_lie_between_the_vintages_that_show_them(reference_data):
    assert reference.VINTAGE_2018.starts < reference.LDC_GRADUATIONS["VUT"][0]
    assert reference.LDC_GRADUATIONS["BTN"][0] < reference.VINTAGE_2024.starts
    assert reference.VINTAGE_2024.starts < reference.LDC_GRADUATIONS["STP"][0]
    assert reference.LDC_GRADUATIONS["STP"][0] < reference.VINTAGE_CURRENT.starts


def test_north_south_default_comes_from_the_un_developed_developing_list(country):
    day = date(2024, 1, 1)
    assert _count("north_south", "north", day) == 65
    assert _count("north_south", "south", day) == 182
    assert not CountryClassification.objects.filter(country=country("ATA"), scheme="north_south")


def test_income_groups_fy2024_and_fy2026_with_the_fy2025_gap(country):
    costa_rica = country("CRI")

    def income(day):
        rows = CountryClassification.objects.valid_on(day).filter(
            country=costa_rica, scheme="wb_income"
        )
        return [row.value for row in rows]

    assert income(date(2024, 1, 1)) == ["upper_middle"]
    assert income(date(2025, 1, 1)) == []  # FY2025 is not in the data
    assert income(date(2025, 7, 1)) == ["high"]
    ethiopia = CountryClassification.objects.valid_on(date(2025, 8, 1)).get(
        country=country("ETH"), scheme="wb_income"
    )
    assert ethiopia.value == "not_classified"


def test_sources_fit_and_predefined_indicators_exist(country):
    assert (
        max(len(s) for s in CountryClassification.objects.values_list("source", flat=True)) <= 300
    )
    two_ipd = Indicator.objects.get(code="2ipd")
    assert two_ipd.name_fr == "Indice intégré pour le développement postal (2IPD)"
    assert sorted(two_ipd.components.values_list("code", flat=True)) == [
        "2ipd-r1",
        "2ipd-r2",
        "2ipd-r3",
        "2ipd-r4",
    ]
    assert Indicator.objects.get(code="2ipd-r4").name_fr == "2IPD — Résilience"
    assert two_ipd.scale_max == 100


def test_a_second_load_changes_nothing_in_few_queries(country, django_assert_max_num_queries):
    before = list(CountryClassification.objects.order_by("pk").values())
    with django_assert_max_num_queries(20):
        summary = reference.load(lambda line: None)
    assert "0 created, 0 updated, 0 removed" in summary
    assert list(CountryClassification.objects.order_by("pk").values()) == before


def test_the_loader_repairs_sourced_rows_but_never_touches_overrides(country, officer):
    korea = country("KOR")
    sourced = CountryClassification.objects.get(country=korea, scheme="north_south")
    sourced.value = "north"
    sourced.save()
    override = classify(
        korea,
        "north_south",
        "north",
        valid_from=date(2025, 1, 1),
        is_override=True,
        reason="Member of the OECD DAC",
        source="Officer override",
    )
    stray = classify(korea, "un_ldc", "ldc", valid_from=date(2010, 1, 1), source="stale")

    summary = reference.load(lambda line: None)

    assert "0 created, 1 updated, 1 removed" in summary
    sourced.refresh_from_db()
    assert sourced.value == "south"
    assert not CountryClassification.objects.filter(pk=stray.pk).exists()
    override.refresh_from_db()
    assert (override.value, override.reason) == ("north", "Member of the OECD DAC")


def test_the_command_prints_a_line_per_step_and_a_summary(country):
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert [line[:5] for line in lines[:5]] == ["[1/5]", "[2/5]", "[3/5]", "[4/5]", "[5/5]"]
    assert "192 in the 2017 list" in lines[2]
    assert lines[-1].startswith("Reference data ready: 29 regions, 248 countries")


def test_renames_since_2017_are_established_by_the_data(country):
    names_2017 = {member.iso2: member.name for member in reference.read_upu_members()}
    for iso3, (old, new) in reference.UPU_RENAMED_SINCE_2017.items():
        member = country(iso3)
        assert (names_2017[member.iso2], member.name_en) == (old, new)
        assert member.upu_member
        assert fold(old) in member.search_text


def test_stored_values_are_lower_case_codes(country):
    values = set(CountryClassification.objects.values_list("scheme", "value").distinct())
    assert {value for scheme, value in values if scheme == "wb_income"} == {
        "low",
        "lower_middle",
        "upper_middle",
        "high",
        "not_classified",
    }
    assert {value for scheme, value in values if scheme == "north_south"} == {"north", "south"}
