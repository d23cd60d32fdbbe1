"""Shared vocabularies: the SDG framework and the themes, their loading, API, page and admin."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openapi_spec_validator import validate

from csst.countries.management.commands.load_reference_data import REFERENCE_LOADERS
from csst.knowledge import reference
from csst.knowledge.models import SdgGoal, SdgIndicator, SdgTarget, Theme
from csst.knowledge.vocabularies import selectors as vocabularies

TARGET_9C_EN = (
    "Significantly increase access to information and communications technology and strive to "
    "provide universal and affordable access to the Internet in least developed countries by 2020"
)
TARGET_9C_FR = (
    "Accroître nettement l’accès aux technologies de l’information et des communications et "
    "faire en sorte que tous les habitants des pays les moins avancés aient accès à Internet à "
    "un coût abordable d’ici à 2020"
)
ORE_AREAS = [
    "ecommerce-operational-requirements",
    "ecommerce-visibility",
    "ecommerce-data-quality",
    "ecommerce-supply-chain",
    "ecommerce-reliability",
]


def quiet(*_args) -> None:
    pass


@pytest.fixture
def loaded(db):
    return reference.load(quiet)


def queries_for(client, url, **params) -> tuple[int, dict | str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    body = response.json() if url.startswith("/api/") else response.content.decode()
    return len(captured), body


# -- loading -----------------------------------------------------------------------------------


def test_the_loader_runs_after_the_countries():
    assert REFERENCE_LOADERS.index("csst.knowledge.reference") > REFERENCE_LOADERS.index(
        "csst.countries.reference"
    )


def test_loading_gives_17_goals_169_targets_and_248_indicators(loaded):
    assert SdgGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    assert SdgIndicator.objects.count() == 248
    assert "17 SDG goals, 169 targets, 248 indicators, 15 themes" in loaded
    assert not SdgGoal.objects.filter(title_fr="").exists()
    assert not SdgTarget.objects.filter(title_fr="").exists()
    assert not SdgTarget.objects.filter(title_en="").exists()


def test_target_9c_has_its_official_french_and_english_texts(loaded):
    target = SdgTarget.objects.get(code="9.c")
    assert (target.goal.number, target.title_en, target.title_fr) == (9, TARGET_9C_EN, TARGET_9C_FR)
    indicator = target.indicators.get()
    assert indicator.code == "9.c.1"
    assert indicator.title_en.startswith("Proportion of population covered by a mobile network")
    assert indicator.title_fr.startswith("Proportion de la population ayant accès à un réseau")


def test_goals_have_their_number_apart_and_short_titles_in_both_languages(loaded):
    goal = SdgGoal.objects.get(number=1)
    assert goal.title_en == "End poverty in all its forms everywhere"
    assert goal.title_fr.startswith("Éliminer la pauvreté sous toutes ses formes")
    assert (goal.short_title_en, goal.short_title_fr) == ("No poverty", "Pas de pauvreté")


def test_numbered_targets_come_before_lettered_ones(loaded):
    codes = list(SdgTarget.objects.filter(goal__number=1).values_list("code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]


def test_indicators_follow_the_unsd_2023_list_with_french_only_where_it_is_current(loaded):
    assert SdgIndicator.objects.filter(code="11.5.3").exists()  # added in 2020, not translated
    assert not SdgIndicator.objects.filter(code__in=["1.a.3", "8.9.2", "17.6.2"]).exists()
    untranslated = set(SdgIndicator.objects.filter(title_fr="").values_list("code", flat=True))
    assert untranslated == {"11.5.3", "10.7.2", "5.3.2"}
    assert SdgIndicator.objects.get(code="10.4.2").title_en == (
        "Redistributive impact of fiscal policy"  # footnote marker "2" of the table dropped
    )
    with translation.override("fr"):
        assert SdgIndicator.objects.get(code="10.7.2").title.startswith("Proportion of countries")
    assert SdgIndicator.objects.get(code="1.1.1").unsd_code == "C010101"


def test_a_second_load_writes_nothing(loaded):
    with CaptureQueriesContext(connection) as captured:
        summary = reference.load(quiet)
    writes = [
        q["sql"] for q in captured if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert writes == []
    assert "0 created, 0 updated" in summary


def test_the_loader_corrects_a_changed_sdg_text(loaded):
    SdgTarget.objects.filter(code="9.c").update(title_fr="Texte modifié")
    reference.load(quiet)
    assert SdgTarget.objects.get(code="9.c").title_fr == TARGET_9C_FR


def test_the_themes_form_a_tree_with_the_five_ore_areas_under_e_commerce(loaded):
    tree = vocabularies.theme_tree()
    top = [node.theme.code for node in tree]
    assert top == [
        "ecommerce",
        "quality-of-service",
        "financial-inclusion",
        "drm",
        "digital",
        "sustainability",
        "addressing",
        "regulation",
        "security",
        "training",
    ]
    assert [child.theme.code for child in tree[0].children] == ORE_AREAS
    drm = Theme.objects.get(code="drm")
    assert (drm.name_fr, drm.name_en) == (
        "Gestion des risques de catastrophe",
        "Disaster risk management",
    )
    assert not Theme.objects.filter(description_fr="").exists()
    assert not Theme.objects.filter(description_en="").exists()


def test_a_load_keeps_what_staff_wrote_and_fills_missing_translations(loaded):
    Theme.objects.filter(code="drm").update(name_fr="Risques de catastrophe", name_en="")
    Theme.objects.filter(code="addressing").delete()
    reference.load(quiet)
    drm = Theme.objects.get(code="drm")
    assert (drm.name_fr, drm.name_en) == ("Risques de catastrophe", "Disaster risk management")
    assert Theme.objects.filter(code="addressing").exists()


# -- form helpers --------------------------------------------------------------------------------


def test_theme_choices_are_grouped_by_broader_theme_in_the_active_language(loaded):
    with translation.override("en"):
        choices = vocabularies.theme_choices()
    assert len(choices) == 10
    label, options = choices[0]
    assert label == "E-commerce and operational readiness (ORE)"
    assert [name for _id, name in options][1:] == [
        "Minimum operational requirements",
        "Visibility",
        "Data quality",
        "Supply-chain integration",
        "End-to-end reliability",
    ]
    assert options[0] == (Theme.objects.get(code="ecommerce").pk, label)
    with translation.override("fr"):
        assert vocabularies.theme_choices()[3][0] == "Gestion des risques de catastrophe"


def test_sdg_target_choices_are_grouped_by_goal(loaded):
    with translation.override("fr"):
        choices = vocabularies.sdg_target_choices()
    assert len(choices) == 17
    assert sum(len(options) for _label, options in choices) == 169
    label, options = choices[8]
    assert label.startswith("9. ")
    target = SdgTarget.objects.get(code="9.c")
    assert (target.pk, f"9.c — {TARGET_9C_FR}") in options


# -- API -------------------------------------------------------------------------------------


def test_the_themes_api_lists_every_theme_with_its_parent(client, loaded):
    body = client.get("/api/v1/themes", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["count"] == 15
    visibility = next(item for item in body["items"] if item["code"] == "ecommerce-visibility")
    assert visibility["parent"] == "ecommerce"
    assert (visibility["name_fr"], visibility["name_en"]) == ("Visibilité", "Visibility")
    drm = next(item for item in body["items"] if item["code"] == "drm")
    assert drm["parent"] is None


def test_the_themes_api_runs_the_same_queries_for_few_and_many_themes(client, loaded):
    few, body = queries_for(client, "/api/v1/themes", limit=500)
    parent = Theme.objects.get(code="training")
    for n in range(20):
        Theme.objects.create(
            code=f"extra-{n}", name_fr=f"Thème {n}", name_en=f"Theme {n}", parent=parent
        )
    many, body = queries_for(client, "/api/v1/themes", limit=500)
    assert many == few
    assert body["count"] == 35


def test_the_goals_api_gives_17_goals_and_their_targets_on_request(client, loaded):
    count, body = queries_for(client, "/api/v1/sdg/goals")
    assert body["count"] == 17
    assert body["items"][0]["targets"] is None
    assert body["items"][0]["short_title_fr"] == "Pas de pauvreté"
    with_targets, body = queries_for(client, "/api/v1/sdg/goals", with_targets="true")
    assert sum(len(goal["targets"]) for goal in body["items"]) == 169
    assert with_targets == count + 1  # one prefetch, whatever the number of goals


def test_the_targets_api_filters_by_goal_and_paginates(client, loaded):
    count, body = queries_for(client, "/api/v1/sdg/targets", goal=9)
    assert [item["code"] for item in body["items"]] == [
        "9.1",
        "9.2",
        "9.3",
        "9.4",
        "9.5",
        "9.a",
        "9.b",
        "9.c",
    ]
    all_count, body = queries_for(client, "/api/v1/sdg/targets", limit=10, offset=160)
    assert body["count"] == 169
    assert [item["code"] for item in body["items"]][-1] == "17.19"
    assert all_count == count


def test_the_targets_api_searches_both_languages_ignoring_accents(client, loaded):
    french = client.get("/api/v1/sdg/targets", {"q": "acces INTERNET cout abordable"}).json()
    english = client.get("/api/v1/sdg/targets", {"q": "affordable access to the internet"}).json()
    assert [item["code"] for item in french["items"]] == ["9.c"]
    assert "9.c" in [item["code"] for item in english["items"]]
    assert french["items"][0]["title_fr"] == TARGET_9C_FR


def test_a_target_comes_with_its_indicators(client, loaded):
    count, body = queries_for(client, "/api/v1/sdg/targets/9.C")
    assert (body["code"], body["goal"], body["title_en"]) == ("9.c", 9, TARGET_9C_EN)
    assert [i["code"] for i in body["indicators"]] == ["9.c.1"]
    assert body["indicators"][0]["unsd_code"]
    bigger, body = queries_for(client, "/api/v1/sdg/targets/17.18")
    assert len(body["indicators"]) == 3
    assert bigger == count


def test_an_unknown_target_answers_404_with_a_message(client, loaded):
    response = client.get("/api/v1/sdg/targets/18.1")
    assert response.status_code == 404
    assert response.json()["message"]


def test_bad_filters_answer_422(client, loaded):
    assert client.get("/api/v1/sdg/targets", {"goal": 18}).status_code == 422
    assert client.get("/api/v1/sdg/targets", {"limit": 0}).status_code == 422


# -- page --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, theme, target",
    [
        ("fr", "Gestion des risques de catastrophe", "Accroître nettement l’accès"),
        ("en", "Disaster risk management", "Significantly increase access"),
    ],
)
def test_the_vocabularies_page_shows_themes_and_targets_in_each_language(
    client, loaded, lang, theme, target
):
    count, html = queries_for(client, f"/{lang}/knowledge/vocabularies/")
    assert f'<html lang="{lang}">' in html
    assert theme in html
    assert target.replace("’", "&#x27;") in html or target in html
    assert html.count("<details") == 17
    assert 'id="sdg-target-9.c"' in html
    assert 'id="theme-ecommerce-visibility"' in html
    assert count <= 4


def test_the_vocabularies_page_works_before_anything_is_loaded(client, db):
    count, html = queries_for(client, "/en/knowledge/vocabularies/")
    assert "No theme has been loaded yet." in html


# -- admin -------------------------------------------------------------------------------------


@pytest.fixture
def officer_client(client, officer):
    officer.user_permissions.add(*Permission.objects.filter(content_type__app_label="knowledge"))
    client.force_login(officer)
    return client


def test_an_officer_edits_a_theme_in_the_admin(officer_client, loaded):
    drm = Theme.objects.get(code="drm")
    response = officer_client.post(
        f"/en/admin/knowledge/theme/{drm.pk}/change/",
        {
            "name_fr": "Gestion des risques de catastrophe (GRC)",
            "name_en": "Disaster risk management (DRM)",
            "description_fr": drm.description_fr,
            "description_en": drm.description_en,
            "parent": "",
            "order": drm.order,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    drm.refresh_from_db()
    assert (drm.code, drm.name_en) == ("drm", "Disaster risk management (DRM)")


def test_loaded_themes_cannot_be_deleted_and_sdgs_are_read_only(officer_client, loaded):
    drm = Theme.objects.get(code="drm")
    assert officer_client.get(f"/en/admin/knowledge/theme/{drm.pk}/delete/").status_code == 403
    target = SdgTarget.objects.get(code="9.c")
    page = officer_client.get(f"/en/admin/knowledge/sdgtarget/{target.pk}/change/")
    assert page.status_code == 200
    assert TARGET_9C_EN in page.content.decode()
    assert officer_client.get("/en/admin/knowledge/sdgtarget/add/").status_code == 403
    assert officer_client.get("/en/admin/knowledge/sdggoal/").status_code == 200
    assert officer_client.get("/en/admin/knowledge/sdgindicator/").status_code == 200


def test_the_vocabulary_endpoints_are_valid_openapi(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    paths = set(spec["paths"])
    assert {
        "/api/v1/themes",
        "/api/v1/sdg/goals",
        "/api/v1/sdg/targets",
        "/api/v1/sdg/targets/{code}",
    } <= paths


def test_a_codelist_with_a_dtd_is_refused(tmp_path, monkeypatch):
    (tmp_path / "bad.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><codelist>&a;</codelist>'
    )
    monkeypatch.setattr(reference, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="DTDs and entities are not accepted"):
        reference._codelist("bad.xml")
