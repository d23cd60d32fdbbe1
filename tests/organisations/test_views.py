"""The directory and the organisation page, in French and English."""

import html as html_module
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from csst.accounts.models import Role
from csst.organisations.models import OrganisationType
from tests.factories import CountryFactory, MembershipFactory, OrganisationFactory, UserFactory

DIRECTORY = "/{lang}/organisations/"


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def names_in(page: str) -> list[str]:
    found = re.findall(r'<a href="/\w\w/organisations/\d+/">([^<]+)</a>', page)
    return [html_module.unescape(name) for name in found]


@pytest.fixture
def ivory_coast_post(db):
    return OrganisationFactory(
        name_fr="La Poste de Côte d'Ivoire",
        name_en="Ivory Coast Post",
        acronym="LPCI",
        country=CountryFactory(iso3="CIV", iso2="CI", m49="384", name_fr="Côte d’Ivoire"),
    )


@pytest.fixture
def page_of(beneficiary_org):
    def page(client, lang="en", organisation=beneficiary_org) -> str:
        return html(client.get(f"/{lang}/organisations/{organisation.pk}/"))

    return page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_directory_answers_in_both_languages_with_one_h1(client, provider_org, lang):
    page = html(client.get(DIRECTORY.format(lang=lang)))
    assert f'<html lang="{lang}">' in page
    assert page.count("<h1") == 1
    assert 'role="search"' in page


def test_names_are_shown_in_the_language_of_the_page(client, provider_org):
    assert "Collège postal Asie-Pacifique" in names_in(html(client.get("/fr/organisations/")))
    assert "Asian-Pacific Postal College" in names_in(html(client.get("/en/organisations/")))


def test_the_directory_filters_by_type(client, provider_org, beneficiary_org, unicef):
    page = html(client.get("/en/organisations/?type=international_organisation"))
    assert names_in(page) == ["United Nations Children's Fund"]


def test_the_directory_filters_by_country(client, provider_org, beneficiary_org, donor_org):
    without_organisations = CountryFactory(iso3="ZZA")
    page = html(client.get("/en/organisations/?country=THA"))
    assert names_in(page) == ["Asian-Pacific Postal College"]
    assert '<option value="THA" selected>Thailand</option>' in page
    # Only countries that have organisations are offered.
    assert '<option value="FRA">France</option>' in page
    assert without_organisations.iso3 not in page


@pytest.mark.parametrize(
    "query", ["Côte", "cote", "COTE D'IVOIRE", "côte d’ivoire", "ivoire poste"]
)
def test_the_search_ignores_accents_case_and_word_order(client, ivory_coast_post, unicef, query):
    page = html(client.get("/fr/organisations/", {"q": query}))
    assert names_in(page) == ["La Poste de Côte d'Ivoire"]


@pytest.mark.parametrize("query", ["ivory coast", "lpci", "Children"])
def test_the_search_finds_either_language_and_the_acronym(client, ivory_coast_post, unicef, query):
    found = names_in(html(client.get("/fr/organisations/", {"q": query})))
    assert len(found) == 1


def test_nothing_found_is_said_plainly(client, unicef, english):
    page = html(client.get("/en/organisations/?q=nothing-like-this"))
    assert "No organisation matches this search." in page


@pytest.mark.parametrize(
    "query", ["type=bogus", "country=ZZZ", "page=999", "page=abc", f"q={'x' * 500}"]
)
def test_wrong_filters_are_ignored_not_an_error(client, unicef, query):
    assert client.get(f"/en/organisations/?{query}").status_code == 200


def test_the_directory_shows_25_organisations_a_page_with_accessible_pagination(client, db):
    for n in range(30):
        OrganisationFactory(name_fr=f"Organisation {n:02d}")
    first = html(client.get("/en/organisations/"))
    assert len(names_in(first)) == 25
    assert 'aria-label="Pages"' in first and 'aria-current="page"' in first
    assert 'rel="next"' in first
    second = html(client.get("/en/organisations/?page=2"))
    assert len(names_in(second)) == 5
    assert "30 organisations" in second


def test_pagination_keeps_the_filters(client, db):
    for n in range(30):
        OrganisationFactory(name_fr=f"Poste {n:02d}")
    page = html(client.get("/en/organisations/?q=poste"))
    assert "?q=poste&amp;page=2" in page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_organisation_page_shows_its_identity(client, page_of, provider_org, lang):
    provider_org.website = "https://www.example.org/appc"
    provider_org.iati_identifier = "XM-TEST-1"
    provider_org.description_fr = "Centre de formation à Bangkok."
    provider_org.description_en = "Training centre in Bangkok."
    provider_org.save()

    page = page_of(client, lang, provider_org)

    assert page.count("<h1") == 1
    name = {"fr": "Collège postal Asie-Pacifique", "en": "Asian-Pacific Postal College"}[lang]
    assert f"<h1>{name} (APPC)</h1>" in page
    assert {"fr": "Thaïlande", "en": "Thailand"}[lang] in page
    assert 'href="https://www.example.org/appc"' in page
    assert "XM-TEST-1" in page
    description = {"fr": "Centre de formation à Bangkok.", "en": "Training centre in Bangkok."}
    assert description[lang] in page
    assert description[{"fr": "en", "en": "fr"}[lang]] not in page


def test_an_international_organisation_has_no_country(client, page_of, unicef, english):
    assert "No country (international body)" in page_of(client, "en", unicef)


def test_the_country_links_to_its_profile(client, page_of):
    assert '<a href="/en/countries/NPL/">Nepal</a>' in page_of(client)
    directory = html(client.get("/fr/organisations/"))
    assert '<a href="/fr/countries/NPL/">Népal</a>' in directory


def test_an_unknown_organisation_is_not_found(client, db):
    assert client.get("/en/organisations/999999/").status_code == 404


def test_current_focal_points_are_public_without_their_emails(client, page_of, beneficiary):
    beneficiary.first_name, beneficiary.last_name = "Sita", "Sharma"
    beneficiary.save()
    page = page_of(client)
    assert "Sita Sharma" in page
    assert "Beneficiary focal point" in page
    assert "beneficiary@example.org" not in page
    assert "mailto:" not in page


def test_signed_in_people_without_a_role_do_not_see_emails(client, page_of, beneficiary, outsider):
    client.force_login(outsider)
    assert "beneficiary@example.org" not in page_of(client)


def test_partners_with_a_role_see_focal_points_emails(client, page_of, beneficiary, donor):
    client.force_login(donor)
    assert 'href="mailto:beneficiary@example.org"' in page_of(client)


def test_past_focal_points_are_shown_to_bureau_staff_only(
    client, page_of, beneficiary_org, officer
):
    today = timezone.localdate()
    former = UserFactory(username="former", first_name="Ram", last_name="Former")
    MembershipFactory(
        user=former,
        organisation=beneficiary_org,
        role=Role.BENEFICIARY_AUTHORITY,
        valid_from=today - timedelta(days=400),
        valid_to=today - timedelta(days=1),
    )
    assert "Ram Former" not in page_of(client)
    client.force_login(officer)
    page = page_of(client)
    assert "Past focal points" in page
    assert "Ram Former" in page and "former@example.org" in page


def test_inactive_accounts_are_not_listed_as_focal_points(client, page_of, beneficiary):
    beneficiary.first_name = "Gone"
    beneficiary.is_active = False
    beneficiary.save()
    page = page_of(client)
    assert "Gone" not in page
    assert "No focal point is registered" in page


def test_the_organisation_page_links_back_to_the_directory(client, page_of):
    assert 'href="/en/organisations/"' in page_of(client)


def test_the_bureau_is_listed_with_its_type(client, bureau, english):
    page = html(client.get("/en/organisations/?type=" + OrganisationType.INTERNATIONAL_BUREAU))
    assert names_in(page) == ["UPU International Bureau"]
