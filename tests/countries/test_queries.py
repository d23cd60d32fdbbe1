"""Country pages and API lists run a number of queries that does not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CountryFactory, RegionFactory, classify

from .world import add_2ipd, build_world  # noqa: F401


def queries_for(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return len(captured)


def add_countries(count: int, start: int) -> None:
    oceania = RegionFactory(m49="009", name_fr="Océanie", name_en="Oceania")
    for n in range(start, start + count):
        made = CountryFactory(region=oceania, subregion=oceania, languages=["en"])
        classify(made, "north_south", "south" if n % 2 else "north")
        classify(made, "un_sids", "sids")
        classify(made, "wb_income", "low")
        if n % 3 == 0:
            classify(made, "un_ldc", "ldc")
        add_2ipd(made, [20.0 + n % 30], illustrative=True)


@pytest.mark.parametrize(
    "url, params",
    [
        ("/fr/countries/", {}),
        ("/en/countries/", {"status": "south", "group": "sids", "income": "low"}),
        ("/fr/countries/", {"q": "pays", "region": "009"}),
        ("/api/v1/countries", {"limit": 100}),
        ("/api/v1/countries", {"south": "true", "group": "sids", "income": "low", "limit": 100}),
        ("/fr/countries/map/", {}),
        ("/fr/countries/map/", {"colour": "2ipd"}),
    ],
)
def test_lists_and_the_map_run_the_same_queries_for_5_and_50_countries(client, db, url, params):
    add_countries(5, 0)
    few = queries_for(client, url, **params)
    add_countries(45, 5)
    assert queries_for(client, url, **params) == few


def test_the_profile_page_runs_a_bounded_number_of_queries(client, db):
    world = build_world()
    add_countries(5, 0)
    few = queries_for(client, "/en/countries/FJI/")
    add_countries(45, 5)
    many = queries_for(client, "/en/countries/FJI/")
    assert many == few
    assert many <= 15
    assert queries_for(client, f"/en/countries/{world.npl.iso3}/") == few


@pytest.mark.parametrize("suffix", ["", "/peers", "/indicators"])
def test_one_country_in_the_api_runs_bounded_queries(client, db, suffix):
    build_world()
    add_countries(5, 0)
    few = queries_for(client, f"/api/v1/countries/FJI{suffix}")
    add_countries(45, 5)
    assert queries_for(client, f"/api/v1/countries/FJI{suffix}") == few
