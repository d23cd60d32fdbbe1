"""The search page /fr/knowledge/search/: both sections, filters, visibility, odd input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csst.knowledge.search.sections import PER_PAGE

from .factories import NeedFactory, SdgTargetFactory, ThemeFactory, make_solution

pytestmark = pytest.mark.django_db
URL = "/fr/knowledge/search/"


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def records(beneficiary_org, other_beneficiary_org, provider_org):
    """Public and private needs and solutions about parcel tracking."""
    return {
        "open_need": NeedFactory(
            organisation=beneficiary_org, status="open", title="Suivi des colis au Népal"
        ),
        "own_draft": NeedFactory(
            organisation=beneficiary_org, status="draft", title="Suivi brouillon népalais"
        ),
        "other_draft": NeedFactory(
            organisation=other_beneficiary_org, status="draft", title="Suivi brouillon bhoutanais"
        ),
        "validated": make_solution(provider_org, title_fr="Suivi validé", title_en="Tracking"),
        "submitted": make_solution(
            provider_org, status="submitted", title_fr="Suivi soumis", title_en="Pending tracking"
        ),
    }


def test_the_public_sees_open_needs_and_validated_solutions_only(client, records):
    html = page(client, q="suivi")
    assert "Suivi des colis au Népal" in html and "Suivi validé" in html
    for hidden in ("brouillon", "Suivi soumis"):
        assert hidden not in html


def test_a_focal_point_sees_their_own_drafts_not_another_countrys(client, beneficiary, records):
    client.force_login(beneficiary)
    html = page(client, q="suivi")
    assert "Suivi brouillon népalais" in html
    assert "bhoutanais" not in html and "Suivi soumis" not in html


def test_another_countrys_focal_point_does_not_see_drafts(
    client, other_country_focal_point, records
):
    client.force_login(other_country_focal_point)
    html = page(client, q="suivi")
    assert "népalais" not in html and "Suivi soumis" not in html


def test_the_provider_sees_its_solution_awaiting_validation(client, provider, records):
    client.force_login(provider)
    assert "Suivi soumis" in page(client, q="suivi")


def test_results_show_organisation_country_themes_and_status(client, beneficiary_org):
    need = NeedFactory(organisation=beneficiary_org, status="open", title="Adressage")
    need.themes.add(ThemeFactory(code="addressing", name_fr="Adressage postal"))
    html = page(client, q="adressage")
    assert "Nepal Post" in html and "Népal" in html and "Adressage postal" in html
    assert "status-open" in html and need.get_absolute_url() in html


def test_the_words_found_are_marked_in_an_excerpt(client, beneficiary_org):
    NeedFactory(organisation=beneficiary_org, status="open", problem="Les données <b>manquent</b>.")
    html = page(client, q="donnees")
    assert "Les <mark>données</mark> &lt;b&gt;manquent" in html


def test_looking_in_one_kind_shows_one_section(client, records):
    html = page(client, q="suivi", kind="solutions")
    assert "Suivi validé" in html and "Suivi des colis" not in html
    assert 'id="search-needs"' not in html


def test_every_filter_is_offered_and_applied(client, records, beneficiary_org):
    theme, target = ThemeFactory(code="tracking"), SdgTargetFactory(code="9.c")
    records["open_need"].themes.add(theme)
    records["open_need"].sdg_targets.add(target)
    html = page(client, theme="tracking", sdg="9", country="NPL", region="142", status="open")
    assert "Suivi des colis au Népal" in html and "Suivi validé" not in html
    for name in ("q", "kind", "theme", "sdg", "country", "region", "status"):
        assert f'name="{name}"' in html


def test_a_status_of_the_other_kind_is_an_error_not_a_crash(client, records):
    html = page(client, kind="needs", status="validated")
    assert 'class="error"' in html


def test_each_section_pages_on_its_own(client, beneficiary_org, provider_org):
    NeedFactory.create_batch(PER_PAGE + 1, organisation=beneficiary_org, status="open")
    for _index in range(PER_PAGE + 1):
        make_solution(provider_org)
    html = page(client, needs_page=2)
    assert "needs_page=2" in html and "solutions_page=2" in html
    assert html.count("search-hit-needs") == 1
    assert html.count("search-hit-solutions") == PER_PAGE


def test_htmx_gets_only_the_results(client, records):
    response = client.get(
        URL, {"q": "suivi"}, headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    html = response.content.decode()
    assert "Suivi validé" in html and "<form" not in html


@pytest.mark.parametrize(
    "q", ['"unclosed', "a & b | c", "word:* !x", "nul\x00byte", "é" * 1000, "((( ) )"]
)
def test_odd_input_never_fails(client, records, q):
    response = client.get(URL, {"q": q, "country": "<script>", "sdg": "99.z", "needs_page": "x"})
    assert response.status_code == 200


def test_the_english_page_works(client, records):
    assert client.get("/en/knowledge/search/", {"q": "tracking"}).status_code == 200


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        page(client, **params)
    return len(context.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_count_is_constant(client, beneficiary, beneficiary_org, provider_org, signed_in):
    if signed_in:
        client.force_login(beneficiary)
    theme = ThemeFactory(code="tracking")

    def add(count):
        for _index in range(count):
            NeedFactory(organisation=beneficiary_org, status="open").themes.add(theme)
            make_solution(provider_org, themes=[theme])

    add(2)
    few = count_queries(client, q="parcels", theme="tracking")
    add(18)
    assert count_queries(client, q="parcels", theme="tracking") == few
