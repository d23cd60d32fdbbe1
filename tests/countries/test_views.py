"""The country pages: directory (filters, search, pagination), profile, world map — FR and EN."""

import json
import re

import pytest
from django.utils import translation

from csst.organisations.models import Organisation, OrganisationType
from tests.factories import CountryFactory

from .world import OVERRIDE_REASON, add_2ipd, build_world  # noqa: F401

LIST = "/{lang}/countries/"


@pytest.fixture
def world(db):
    return build_world()


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def listed(response) -> list[str]:
    """ISO3 codes of the countries in the directory table, in order."""
    return re.findall(r"<td><code>([A-Z0-9]{3})</code></td>", html(response))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", ["countries/", "countries/map/", "countries/FJI/"])
def test_every_country_page_answers_in_both_languages_with_one_h1(client, world, lang, path):
    page = html(client.get(f"/{lang}/{path}"))
    assert f'<html lang="{lang}">' in page
    assert page.count("<h1") == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_directory_lists_every_country_with_its_count(client, world, lang):
    response = client.get(LIST.format(lang=lang))
    assert sorted(listed(response)) == sorted(
        ["CIV", "TUR", "FJI", "VUT", "NPL", "FRA", "CHE", "EGY"]
    )
    assert "8" in re.search(r'id="country-count"[^>]*>([^<]*)<', html(response)).group(1)


def test_the_directory_is_sorted_by_name_in_the_language_accents_ignored(client, world):
    french = listed(client.get("/fr/countries/"))
    assert french.index("EGY") < french.index("FJI")  # Égypte before Fidji, not after Vanuatu
    english = listed(client.get("/en/countries/"))
    assert english.index("CHE") > english.index("NPL")  # Switzerland after Nepal


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_directory_filters_south_and_north(client, world, lang):
    south = listed(client.get(LIST.format(lang=lang), {"status": "south"}))
    north = listed(client.get(LIST.format(lang=lang), {"status": "north"}))
    assert sorted(south) == ["CIV", "EGY", "FJI", "NPL", "TUR", "VUT"]  # TUR by override
    assert sorted(north) == ["CHE", "FRA"]


def test_the_directory_filters_ldc_today_so_a_graduated_country_is_not_one(client, world):
    assert listed(client.get("/en/countries/", {"group": "ldc"})) == ["NPL"]
    assert sorted(listed(client.get("/en/countries/", {"group": "sids"}))) == ["FJI", "VUT"]


def test_the_directory_filters_a_region_or_a_sub_region(client, world):
    assert sorted(listed(client.get("/en/countries/", {"region": "009"}))) == ["FJI", "VUT"]
    assert sorted(listed(client.get("/en/countries/", {"region": "054"}))) == ["FJI", "VUT"]
    assert sorted(listed(client.get("/en/countries/", {"region": "002"}))) == ["CIV", "EGY"]
    assert listed(client.get("/en/countries/", {"region": "011"})) == ["CIV"]


def test_the_directory_filters_income_and_combines_filters(client, world):
    high = listed(client.get("/en/countries/", {"income": "high"}))
    assert sorted(high) == ["CHE", "FRA"]
    both = listed(client.get("/en/countries/", {"income": "lower_middle", "region": "009"}))
    assert both == ["VUT"]


def test_the_directory_filters_upu_membership(client, world):
    CountryFactory(iso3="ATA", iso2="AQ", m49="010", name_en="Antarctica", upu_member=False)
    assert listed(client.get("/en/countries/", {"upu_member": "no"})) == ["ATA"]
    assert "ATA" not in listed(client.get("/en/countries/", {"upu_member": "yes"}))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "query, iso3",
    [("cote", "CIV"), ("Côte", "CIV"), ("CÔTE D'IVOIRE", "CIV"), ("turkiye", "TUR"),
     ("Türkiye", "TUR"), ("nepal", "NPL"), ("suisse", "CHE"), ("switzerland", "CHE")],
)  # fmt: skip
def test_search_ignores_accents_case_and_language(client, world, lang, query, iso3):
    assert listed(client.get(LIST.format(lang=lang), {"q": query})) == [iso3]


def test_search_finds_an_iso_code(client, world):
    assert listed(client.get("/en/countries/", {"q": "fji"})) == ["FJI"]


def test_a_wrong_filter_value_is_ignored_not_an_error(client, world):
    response = client.get("/en/countries/", {"status": "east", "region": "x\x00", "group": "g20"})
    assert len(listed(response)) == 8


def test_a_search_without_result_says_so(client, world, english):
    assert "No country matches these filters." in html(client.get("/en/countries/", {"q": "zzz"}))


def test_the_south_badge_carries_its_reason(client, world):
    page = html(client.get("/en/countries/", {"q": "turkiye"}))
    badge = re.search(r'<span class="badge south" title="([^"]*)">', page)
    assert badge and badge.group(1)
    assert "visually-hidden" in page


def test_the_directory_is_paginated_by_50(client, world):
    CountryFactory.create_batch(50)
    first = client.get("/en/countries/")
    assert len(listed(first)) == 50
    second = client.get("/en/countries/", {"page": 2})
    assert len(listed(second)) == 8
    assert 'rel="prev"' in html(second)


def test_htmx_filters_get_only_the_results_and_the_count(client, world):
    response = client.get(
        "/fr/countries/",
        {"status": "north"},
        headers={"HX-Request": "true", "HX-Target": "country-results"},
    )
    page = html(response)
    assert "<html" not in page
    assert sorted(listed(response)) == ["CHE", "FRA"]
    assert 'id="country-count"' in page and 'hx-swap-oob="true"' in page


def test_the_filter_form_works_with_and_without_htmx(client, world):
    page = html(client.get("/en/countries/"))
    assert 'method="get"' in page
    assert 'hx-get="/en/countries/"' in page and 'hx-push-url="true"' in page
    assert 'hx-target="#country-results"' in page


# --- Profile --------------------------------------------------------------------------------


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_the_profile_shows_names_codes_region_and_upu_facts(client, world, english):
    page = html(client.get("/en/countries/FJI/"))
    for text in ["Fidji", "Fiji", "FJI", "FJ", "242", "Oceania", "Melanesia", "Post Fiji"]:
        assert text in page
    assert 'lang="fr">Fidji<' in page


def test_the_profile_shows_other_language_names(client, world):
    page = html(client.get("/en/countries/TUR/"))
    assert 'lang="ru"' in page and "Турция" in page


def test_the_iso3_code_is_case_insensitive(client, world):
    assert "Fidji" in html(client.get("/fr/countries/fji/"))


@pytest.mark.parametrize("path", ["ZZZ", "FJIX", "F1J", "000"])
def test_an_unknown_country_is_not_found(client, world, path):
    assert client.get(f"/fr/countries/{path}/").status_code == 404


def test_the_profile_shows_the_classification_now_with_source_and_reason(client, world):
    from csst.countries.classification import south_status

    with translation.override("en"):
        reason = south_status(world.npl).reason
    page = html(client.get("/en/countries/NPL/"))
    assert reason and reason in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "UN M49 (test)" in page
    assert "Least developed country" in page and "Landlocked developing country" in page


def test_the_profile_history_marks_an_override_with_its_reason(client, world, english):
    page = html(client.get("/en/countries/TUR/"))
    assert "History of the classifications" in page
    assert OVERRIDE_REASON in page
    assert 'class="override"' in page
    assert "Officer override" in page
    assert "UPU International Bureau" in page  # the override's source


def test_the_profile_history_keeps_a_graduation(client, world, english):
    page = html(client.get("/en/countries/VUT/"))
    history = page[page.index("History of the classifications") :]
    assert "Least developed country" in history
    assert "3 December 2020" in history


def test_illustrative_values_are_labelled_in_the_table_and_the_chart(client, world, english):
    page = html(client.get("/en/countries/FJI/"))
    assert "Illustrative values — not UPU measurements." in page
    assert "illustrative values, not UPU measurements" in page  # chart title and caption
    assert 'id="indicator-chart-data"' in page
    chart = json.loads(
        re.search(r'id="indicator-chart-data" type="application/json">(.*?)</script>', page).group(
            1
        )
    )
    assert chart["illustrative"] is True
    assert {d["code"] for d in chart["datasets"]} >= {"2ipd", "2ipd-r1"}
    assert chart["labels"] == ["2019", "2020", "2021"]


def test_imported_values_carry_no_illustrative_notice(client, world, english):
    page = html(client.get("/en/countries/NPL/"))
    assert "Indicators" in page and "UPU 2IPD (imported, test)" in page
    assert "not UPU measurements" not in page


def test_values_of_a_single_date_show_a_table_but_no_chart(client, world, english):
    add_2ipd(world.civ, [21.0], illustrative=False)
    page = html(client.get("/en/countries/CIV/"))
    assert "Latest value of each indicator" in page and "21.0" in page
    assert 'id="indicator-chart"' not in page and "chart.umd.min.js" not in page


def test_the_profile_without_values_says_so(client, world, english):
    page = html(client.get("/en/countries/FRA/"))
    assert "No indicator value is recorded for this country." in page
    assert "chart.umd.min.js" not in page


def test_the_profile_lists_similar_countries_with_reasons(client, world, english):
    page = html(client.get("/en/countries/FJI/"))
    peers = page[page.index("Similar countries") :]
    assert 'href="/en/countries/VUT/"' in peers
    assert "Same sub-region: Melanesia" in peers
    assert "Also a small island developing State" in peers


def test_the_peer_reasons_are_in_french_on_the_french_page(client, world):
    page = html(client.get("/fr/countries/FJI/"))
    assert "Mélanésie" in page[page.index('id="peers-heading"') :]


def test_the_profile_lists_the_organisations_of_the_country(client, world, english):
    Organisation.objects.create(
        name_fr="Post Fiji", name_en="Post Fiji", type=OrganisationType.DESIGNATED_OPERATOR,
        country=world.fji,
    )  # fmt: skip
    page = html(client.get("/en/countries/FJI/"))
    organisations = page[page.index('id="organisations-heading"') :]
    assert "Post Fiji" in organisations


# --- Map --------------------------------------------------------------------------------------


def map_payload(page: str) -> dict:
    found = re.search(r'id="map-data" type="application/json">(.*?)</script>', page)
    return json.loads(found.group(1))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_map_page_carries_south_north_by_m49_code(client, world, lang):
    page = html(client.get(f"/{lang}/countries/map/"))
    data = map_payload(page)
    assert data["mode"] == "south_north"
    assert data["values"]["242"] == "south" and data["values"]["250"] == "north"
    assert data["values"]["792"] == "south"  # the override wins
    assert data["countries"]["384"]["iso3"] == "CIV"
    assert "countries-110m.json" in page and "d3-geo.min.js" in page
    assert "not UPU measurements" not in page


def test_the_map_links_to_profiles_and_has_a_table_fallback(client, world, english):
    page = html(client.get("/en/countries/map/"))
    assert 'data-profile-url="/en/countries/AAA/"' in page
    table = page[page.index('id="map-table"') :]
    assert 'href="/en/countries/FJI/"' in table
    assert "South" in table and "North" in table


def test_the_map_coloured_by_an_indicator_says_the_values_are_illustrative(client, world, english):
    page = html(client.get("/en/countries/map/", {"colour": "2ipd"}))
    data = map_payload(page)
    assert data["mode"] == "indicator"
    assert data["values"] == {"242": 44.0, "548": 33.5, "524": 27.0}  # the latest values
    assert len(data["bins"]) == 6
    assert "Illustrative values — not UPU measurements." in page


def test_an_unknown_map_indicator_falls_back_to_south_north(client, world):
    assert map_payload(html(client.get("/en/countries/map/", {"colour": "nope"})))["mode"] == (
        "south_north"
    )


def test_the_vendored_map_and_chart_files_are_served(client, world):
    from django.contrib.staticfiles import finders

    for path in [
        "data/countries-110m.json",
        "js/vendor/d3-geo.min.js",
        "js/vendor/d3-array.min.js",
        "js/vendor/topojson-client.min.js",
        "js/vendor/chart.umd.min.js",
        "js/country-map.js",
        "js/country-chart.js",
    ]:
        assert finders.find(path), path
    with open(finders.find("data/countries-110m.json"), encoding="utf-8") as topology:
        ids = {g.get("id") for g in json.load(topology)["objects"]["countries"]["geometries"]}
    assert {"242", "250", "384", "792", "524"} <= ids  # ISO numeric = M49 codes
