"""GET /api/v1/search: both sections, compact items, visibility, bad parameters, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from .factories import NeedFactory, ThemeFactory, make_solution

pytestmark = pytest.mark.django_db
URL = "/api/v1/search"


def get(client, expect=200, headers=None, **params):
    response = client.get(URL, params, headers=headers or {})
    assert response.status_code == expect, response.content
    return response.json()


def titles(answer, kind):
    return {item["title"] for item in answer[kind]["items"]}


@pytest.fixture
def records(beneficiary_org, other_beneficiary_org, provider_org):
    theme = ThemeFactory(code="tracking")
    need = NeedFactory(organisation=beneficiary_org, status="open", title="Suivi des colis")
    need.themes.add(theme)
    NeedFactory(organisation=other_beneficiary_org, status="draft", title="Suivi bhoutanais")
    make_solution(provider_org, title_fr="Suivi validé", title_en="Tracking", themes=[theme])
    make_solution(provider_org, status="submitted", title_fr="Suivi soumis")
    return need


def test_answers_both_sections_with_compact_items(client, records):
    answer = get(client, q="suivi")
    assert answer["needs"] == {
        "count": 1,
        "items": [
            {
                "id": records.pk,
                "title": "Suivi des colis",
                "organisation": "Nepal Post",
                "country": "NPL",
                "status": "open",
                "url": records.get_absolute_url(),
                "themes": ["tracking"],
            }
        ],
    }
    assert titles(answer, "solutions") == {"Suivi validé"}


def test_accents_do_not_matter(client, records):
    assert get(client, q="Népal")["needs"]["count"] == 1
    assert get(client, q="valide")["solutions"]["count"] == 1


def test_kind_limits_the_sections(client, records):
    answer = get(client, q="suivi", kind="needs")
    assert answer["needs"]["count"] == 1
    assert answer["solutions"] == {"count": 0, "items": []}


def test_filters(client, records):
    assert get(client, theme="tracking", country="npl")["needs"]["count"] == 1
    assert get(client, region="142", status="validated")["solutions"]["count"] == 1
    assert get(client, status="validated")["needs"]["count"] == 0


def test_limit_and_offset_apply_to_each_section(client, beneficiary_org):
    NeedFactory.create_batch(3, organisation=beneficiary_org, status="open")
    answer = get(client, limit=2, offset=2)
    assert answer["needs"]["count"] == 3 and len(answer["needs"]["items"]) == 1


def test_the_public_sees_only_public_records(client, records):
    answer = get(client, q="suivi")
    assert "Suivi bhoutanais" not in titles(answer, "needs")
    assert "Suivi soumis" not in titles(answer, "solutions")


def test_a_token_shows_what_its_user_may_see(client, api_token, provider, records):
    answer = get(client, q="suivi", headers=api_token(provider))
    assert "Suivi soumis" in titles(answer, "solutions")


def test_another_countrys_focal_point_does_not_see_drafts(
    client, other_country_focal_point, beneficiary_org
):
    NeedFactory(organisation=beneficiary_org, status="draft", title="Brouillon népalais")
    client.force_login(other_country_focal_point)
    assert get(client, q="brouillon")["needs"]["count"] == 0


def test_confidential_notes_are_never_matched(client, beneficiary_org, officer):
    NeedFactory(organisation=beneficiary_org, status="open", internal_notes="zanzibar")
    client.force_login(officer)
    assert get(client, q="zanzibar")["needs"]["count"] == 0


def test_a_bad_token_is_refused(client):
    get(client, 401, headers={"Authorization": "Bearer nope"})


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "projects"},
        {"theme": "no-such-theme"},
        {"sdg": "99.z"},
        {"country": "ZZZ"},
        {"region": "999"},
        {"status": "nonsense"},
        {"kind": "needs", "status": "validated"},
        {"q": "nul\x00byte"},
    ],
)
def test_bad_parameters_answer_400_with_a_message(client, params):
    assert get(client, 400, **params)["message"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"q": "x" * 201}])
def test_out_of_bounds_parameters_answer_422(client, params):
    assert get(client, 422, **params)["message"]


@pytest.mark.parametrize("q", ['"unclosed', "a & b | c", "word:* !x", "((( )", "%_\\", "é" * 200])
def test_odd_words_never_fail(client, records, q):
    get(client, q=q)


def test_the_openapi_document_stays_valid(client):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert "/api/v1/search" in spec["paths"]


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        get(client, **params)
    return len(context.captured_queries)


def test_query_count_is_constant(client, beneficiary_org, provider_org):
    theme = ThemeFactory(code="tracking")

    def add(count):
        for _index in range(count):
            NeedFactory(organisation=beneficiary_org, status="open").themes.add(theme)
            make_solution(provider_org, themes=[theme])

    add(2)
    few = count_queries(client, q="parcels", theme="tracking", limit=50)
    add(18)
    assert count_queries(client, q="parcels", theme="tracking", limit=50) == few


def test_the_needs_list_and_api_use_the_same_search(client, beneficiary_org):
    NeedFactory(organisation=beneficiary_org, status="open", title="Données postales")
    response = client.get("/api/v1/needs", {"q": "DONNEES nepal"})
    assert [item["title"] for item in response.json()["items"]] == ["Données postales"]
    assert (
        "Données postales" in client.get("/fr/knowledge/needs/", {"q": "donnees"}).content.decode()
    )


def test_solution_items_link_to_their_page(client, provider_org):
    solution = make_solution(provider_org, title_fr="Adressage")
    item = get(client, q="adressage")["solutions"]["items"][0]
    assert item["url"] == solution.get_absolute_url()
