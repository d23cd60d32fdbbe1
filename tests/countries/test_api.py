"""/api/v1/countries: the list with filters, one country as of a date, peers, indicator values."""

import pytest

from tests.factories import CountryFactory

from .world import OVERRIDE_REASON, VANUATU_GRADUATION, build_world  # noqa: F401

COUNTRIES = "/api/v1/countries"


@pytest.fixture
def world(db):
    return build_world()


def get(client, url, lang="en", **params):
    response = client.get(url, params, headers={"Accept-Language": lang})
    return response


def codes(body) -> list[str]:
    return [item["iso3"] for item in body["items"]]


def test_the_list_carries_codes_names_classification_and_groups(client, world):
    body = get(client, COUNTRIES, q="vanuatu").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["iso3"] == "VUT" and item["iso2"] == "VU" and item["m49"] == "548"
    assert item["name"] == item["name_en"] == "Vanuatu" and item["name_fr"] == "Vanuatu"
    assert item["is_south"] is True
    classification = item["classification"]
    assert classification["scheme"] == "north_south" and classification["value"] == "south"
    assert classification["source"] == "UN M49 (test)" and classification["reason"]
    assert classification["valid_from"] == "2000-01-01" and classification["valid_to"] is None
    assert classification["is_override"] is False
    assert item["region"] == {"m49": "009", "name": "Oceania"}
    assert item["subregion"] == {"m49": "054", "name": "Melanesia"}
    assert item["groups"] == ["sids"]  # no longer an LDC
    assert item["income"] == "lower_middle"
    assert item["upu_member"] is True and item["upu_group"] == "IV"
    assert item["url"] == "/en/countries/VUT/"


def test_names_follow_the_request_language(client, world):
    item = get(client, COUNTRIES, lang="fr", q="switzerland").json()["items"][0]
    assert item["name"] == "Suisse" and item["name_en"] == "Switzerland"
    assert item["subregion"]["name"] == "Europe de l’Ouest"


def test_an_override_answers_with_its_reason(client, world):
    item = get(client, COUNTRIES, q="turkiye").json()["items"][0]
    assert item["is_south"] is True
    assert item["classification"]["is_override"] is True
    assert item["classification"]["source"] == "UPU International Bureau"
    assert item["classification"]["valid_from"] == "2024-01-01"


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"south": "true"}, ["CIV", "EGY", "FJI", "NPL", "TUR", "VUT"]),
        ({"south": "false"}, ["CHE", "FRA"]),
        ({"group": "ldc"}, ["NPL"]),
        ({"group": "lldc"}, ["NPL"]),
        ({"group": "sids"}, ["FJI", "VUT"]),
        ({"region": "142"}, ["NPL", "TUR"]),
        ({"region": "054"}, ["FJI", "VUT"]),
        ({"income": "high"}, ["CHE", "FRA"]),
        ({"income": "upper_middle", "south": "true"}, ["FJI", "TUR"]),
        ({"q": "cote"}, ["CIV"]),
        ({"q": "Côte"}, ["CIV"]),
        ({"q": "TÜRKIYE"}, ["TUR"]),
    ],
)
def test_the_list_filters_like_the_directory(client, world, params, expected):
    body = get(client, COUNTRIES, **params).json()
    assert sorted(codes(body)) == expected
    assert body["count"] == len(expected)


def test_the_upu_member_filter(client, world):
    CountryFactory(iso3="ATA", iso2="AQ", m49="010", name_en="Antarctica", upu_member=False)
    assert codes(get(client, COUNTRIES, upu_member="false").json()) == ["ATA"]
    assert get(client, COUNTRIES, upu_member="true").json()["count"] == 8


def test_the_list_is_paginated_with_limit_and_offset(client, world):
    first = get(client, COUNTRIES, limit=3).json()
    rest = get(client, COUNTRIES, limit=10, offset=3).json()
    assert first["count"] == rest["count"] == 8
    assert len(first["items"]) == 3 and len(rest["items"]) == 5
    assert not set(codes(first)) & set(codes(rest))


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"offset": 10**9},
        {"south": "maybe"},
        {"group": "g20"},
        {"income": "rich"},
        {"region": "Asia"},
        {"q": "x" * 101},
    ],
)
def test_bad_parameters_answer_422_json(client, world, params):
    response = get(client, COUNTRIES, **params)
    assert response.status_code == 422
    assert response.json()["message"]


def test_a_nul_character_in_the_search_is_harmless(client, world):
    assert get(client, COUNTRIES, q="co\x00te").status_code == 200


def test_one_country_with_every_classification(client, world):
    body = get(client, f"{COUNTRIES}/npl").json()
    assert body["iso3"] == "NPL" and body["name"] == "Nepal"
    assert set(body["classifications"]) == {
        "north_south", "un_ldc", "un_lldc", "un_sids", "wb_income", "upu_td_group",
    }  # fmt: skip
    assert body["classifications"]["un_ldc"]["value"] == "ldc"
    assert body["classifications"]["un_ldc"]["reason"]
    assert body["classifications"]["un_sids"]["value"] in (None, "")
    assert body["groups"] == ["ldc", "lldc"]
    assert body["languages"] == ["ne"]


def test_one_country_shows_other_names(client, world):
    assert get(client, f"{COUNTRIES}/TUR").json()["other_names"]["ru"] == "Турция"


def test_as_of_a_date_before_and_after_a_graduation(client, world):
    before = get(client, f"{COUNTRIES}/VUT", on="2020-12-01").json()
    after = get(client, f"{COUNTRIES}/VUT", on=VANUATU_GRADUATION.isoformat()).json()
    assert before["as_of"] == "2020-12-01"
    assert before["classifications"]["un_ldc"]["value"] == "ldc"
    assert "ldc" in before["groups"]
    assert after["classifications"]["un_ldc"]["value"] in (None, "")
    assert "ldc" not in after["groups"]


def test_as_of_a_date_before_an_override(client, world):
    before = get(client, f"{COUNTRIES}/TUR", on="2023-06-30").json()
    assert before["is_south"] is False
    now = get(client, f"{COUNTRIES}/TUR").json()
    assert now["is_south"] is True and now["classification"]["is_override"] is True


def test_an_override_gives_the_officers_reason(client, world):
    assert OVERRIDE_REASON in get(client, f"{COUNTRIES}/TUR").json()["classification"]["reason"]


@pytest.mark.parametrize("path", ["ZZZ", "ZZZ/peers", "ZZZ/indicators", "FJIX", "F1J/peers"])
def test_an_unknown_country_answers_404_json(client, world, path):
    response = get(client, f"{COUNTRIES}/{path}")
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize("on", ["2020-13-01", "yesterday", "2020-02-30"])
def test_a_bad_date_answers_422(client, world, on):
    response = get(client, f"{COUNTRIES}/FJI", on=on)
    assert response.status_code == 422
    assert response.json()["message"]


def test_peers_answer_with_scores_and_reasons(client, world):
    body = get(client, f"{COUNTRIES}/FJI/peers").json()
    assert body["count"] == len(body["items"]) >= 1
    first = body["items"][0]
    assert first["iso3"] == "VUT" and first["name"] == "Vanuatu"
    assert isinstance(first["score"], float)
    texts = [reason["text"] for reason in first["reasons"]]
    assert "Same sub-region: Melanesia" in texts
    assert "Also a small island developing State" in texts
    assert {reason["code"] for reason in first["reasons"]} >= {"subregion", "group"}
    assert all(isinstance(reason["params"], dict) for reason in first["reasons"])
    assert "FJI" not in codes(body)


def test_peer_reasons_follow_the_request_language(client, world):
    body = get(client, f"{COUNTRIES}/FJI/peers", lang="fr").json()
    assert "Mélanésie" in " ".join(r["text"] for r in body["items"][0]["reasons"])


@pytest.mark.parametrize("limit, status", [(1, 200), (50, 200), (0, 422), (51, 422)])
def test_peers_limit_is_bounded(client, world, limit, status):
    response = get(client, f"{COUNTRIES}/FJI/peers", limit=limit)
    assert response.status_code == status
    if status == 200:
        assert len(response.json()["items"]) <= limit


def test_indicator_values_of_a_country(client, world):
    body = get(client, f"{COUNTRIES}/FJI/indicators", limit=100).json()
    assert body["count"] == 15  # 5 indicators x 3 years
    value = body["items"][0]
    assert set(value) == {
        "indicator",
        "indicator_name",
        "date",
        "value",
        "source",
        "is_illustrative",
    }
    assert value["is_illustrative"] is True
    assert isinstance(value["value"], float)


def test_indicator_values_filtered_by_indicator(client, world):
    body = get(client, f"{COUNTRIES}/NPL/indicators", indicator="2ipd").json()
    assert [(v["date"], v["value"]) for v in body["items"]] == [
        ("2019-12-31", 25.0),
        ("2020-12-31", 27.0),
    ]
    assert {v["indicator_name"] for v in body["items"]} == {"2IPD score"}
    assert all(v["is_illustrative"] is False for v in body["items"])


def test_a_bad_indicator_code_answers_422(client, world):
    assert get(client, f"{COUNTRIES}/NPL/indicators", indicator="a b").status_code == 422
