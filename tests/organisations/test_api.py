"""/api/v1/organisations: public reads, writes by bureau officers, errors as JSON."""

import pytest
from django.test import Client
from openapi_spec_validator import validate

from csst.organisations.models import Organisation
from tests.factories import CountryFactory, OrganisationFactory, UserFactory

URL = "/api/v1/organisations"
ITEM_FIELDS = {
    "id",
    "name",
    "name_fr",
    "name_en",
    "acronym",
    "type",
    "type_label",
    "country",
    "website",
    "iati_identifier",
}
NEW = {
    "name_fr": "Poste du Népal",
    "name_en": "Nepal Postal Services",
    "acronym": "NPS",
    "type": "designated_operator",
    "country": "NPL",
    "website": "https://www.example.org/",
    "iati_identifier": "NP-TEST-1",
}


def send(client, method, url, headers=None, data=None):
    return getattr(client, method)(url, data, content_type="application/json", headers=headers)


def test_the_list_is_public_and_paginated(client, provider_org, unicef):
    body = client.get(URL).json()
    assert body["count"] == 2
    assert {item["name_en"] for item in body["items"]} == {
        "Asian-Pacific Postal College",
        "United Nations Children's Fund",
    }
    assert set(body["items"][0]) == ITEM_FIELDS
    page = client.get(f"{URL}?limit=1&offset=1").json()
    assert page["count"] == 2 and len(page["items"]) == 1


def test_items_carry_the_country_code_or_null(client, provider_org, unicef):
    items = {item["acronym"]: item for item in client.get(URL).json()["items"]}
    assert items["APPC"]["country"] == "THA"
    assert items["APPC"]["type"] == "training_centre"
    assert items["UNICEF"]["country"] is None
    assert items["UNICEF"]["type"] == "international_organisation"


def test_name_and_type_label_follow_the_request_language(client, provider_org):
    english = client.get(URL, headers={"Accept-Language": "en"}).json()["items"][0]
    assert english["name"] == "Asian-Pacific Postal College"
    assert english["type_label"] == "Training centre"
    french = client.get(URL, headers={"Accept-Language": "fr"}).json()["items"][0]
    assert french["name"] == "Collège postal Asie-Pacifique"
    assert french["name_en"] == "Asian-Pacific Postal College"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=international_organisation", {"UNICEF"}),
        ("country=THA", {"APPC"}),
        ("country=tha", {"APPC"}),
        ("q=college", {"APPC"}),
        ("q=Collège%20postal", {"APPC"}),
        ("q=enfance", {"UNICEF"}),
        ("country=FRA", set()),
    ],
)
def test_the_list_filters(client, provider_org, unicef, query, expected):
    items = client.get(f"{URL}?{query}").json()["items"]
    assert {item["acronym"] for item in items} == expected


@pytest.mark.parametrize(
    "query", ["type=bogus", "country=NP", "country=N1L", f"q={'x' * 101}", "limit=-1", "offset=x"]
)
def test_malformed_filters_answer_422_with_a_message(client, unicef, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 422
    assert response.json()["message"]


def test_the_detail_has_the_current_focal_points_but_never_emails(
    client, beneficiary_org, beneficiary, authority
):
    beneficiary.first_name, beneficiary.last_name = "Sita", "Sharma"
    beneficiary.save()
    response = client.get(f"{URL}/{beneficiary_org.pk}", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    body = response.json()
    assert body["country"] == "NPL"
    assert {"description", "description_fr", "description_en"} <= set(body)
    points = {point["role"]: point for point in body["focal_points"]}
    assert points["beneficiary_focal_point"] == {
        "name": "Sita Sharma",
        "role": "beneficiary_focal_point",
        "role_label": "Beneficiary focal point",
    }
    assert set(points) == {"beneficiary_focal_point", "beneficiary_authority"}
    assert "@" not in response.content.decode()


def test_even_bureau_officers_get_no_emails_from_the_api(client, api_token, officer, beneficiary):
    organisation = beneficiary.memberships.get().organisation
    response = client.get(f"{URL}/{organisation.pk}", headers=api_token(officer))
    assert "@" not in response.content.decode()


def test_an_unknown_organisation_is_404_json(client, db):
    response = client.get(f"{URL}/999999")
    assert response.status_code == 404
    assert response.json()["message"]


def test_a_bad_token_on_a_public_read_is_401(client, db):
    response = client.get(URL, headers={"Authorization": "Bearer nonsense"})
    assert response.status_code == 401


def test_an_officer_creates_an_organisation_with_a_bearer_token(client, api_token, officer, nepal):
    response = send(client, "post", URL, api_token(officer), NEW)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["country"] == "NPL"
    assert body["focal_points"] == []
    created = Organisation.objects.get(pk=body["id"])
    assert created.name_en == "Nepal Postal Services"
    assert created.created_by == officer


def test_an_international_organisation_is_created_without_a_country(client, api_token, officer):
    otif = {
        "name_fr": "Organisation intergouvernementale pour les transports internationaux "
        "ferroviaires",
        "name_en": "Intergovernmental Organisation for International Carriage by Rail",
        "acronym": "OTIF",
        "type": "international_organisation",
    }
    response = send(client, "post", URL, api_token(officer), otif)
    assert response.status_code == 201, response.content
    assert response.json()["country"] is None


@pytest.mark.parametrize("persona", ["outsider", "beneficiary", "donor", "provider", "finance"])
def test_other_personas_get_403(client, api_token, request, persona, nepal):
    user = request.getfixturevalue(persona)
    response = send(client, "post", URL, api_token(user), NEW)
    assert response.status_code == 403
    assert response.json()["message"]
    assert not Organisation.objects.filter(name_en=NEW["name_en"]).exists()


def test_anonymous_writes_get_401(client, nepal, unicef):
    assert send(client, "post", URL, data=NEW).status_code == 401
    assert send(client, "patch", f"{URL}/{unicef.pk}", data={"acronym": "X"}).status_code == 401


def test_a_signed_in_browser_needs_the_csrf_token(officer, nepal):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer)
    response = send(browser, "post", URL, data=NEW)
    assert response.status_code == 403


@pytest.mark.parametrize(
    "change",
    [
        {"name_fr": None},
        {"name_en": ""},
        {"type": "bogus"},
        {"country": "NP"},
        {"acronym": "A" * 31},
        {"name_fr": "x\x00y"},
        {"unexpected": 1, "type": 42},
    ],
)
def test_malformed_input_answers_422(client, api_token, officer, nepal, change):
    response = send(client, "post", URL, api_token(officer), {**NEW, **change})
    assert response.status_code == 422, response.content
    assert response.json()["message"]


@pytest.mark.parametrize(
    "change, words",
    [
        ({"country": None}, "needs a country"),
        ({"country": "XYZ"}, "Unknown country"),
        ({"type": "restricted_union"}, "belongs to no country"),
        ({"iati_identifier": "not an id"}, "IATI organisation identifier"),
        ({"website": "not a url"}, "website"),
    ],
)
def test_input_refused_by_the_rules_answers_400_and_creates_nothing(
    client, api_token, officer, nepal, change, words
):
    response = send(
        client, "post", URL, {**api_token(officer), "Accept-Language": "en"}, {**NEW, **change}
    )
    assert response.status_code == 400, response.content
    assert words in response.json()["message"]
    assert not Organisation.objects.filter(name_en=NEW["name_en"]).exists()


def test_a_body_that_is_not_json_answers_400(client, api_token, officer):
    response = client.post(
        URL, "{not json", content_type="application/json", headers=api_token(officer)
    )
    assert response.status_code == 400
    assert response.json()["message"]


def test_a_duplicate_answers_400_with_the_reason(client, api_token, officer, nepal):
    headers = {**api_token(officer), "Accept-Language": "en"}
    assert send(client, "post", URL, headers, NEW).status_code == 201
    response = send(client, "post", URL, headers, NEW)
    assert response.status_code == 400
    assert "already exists in this country" in response.json()["message"]


def test_an_officer_patches_only_the_fields_sent(client, api_token, officer, provider_org):
    response = send(
        client,
        "patch",
        f"{URL}/{provider_org.pk}",
        api_token(officer),
        {"website": "https://www.example.org/appc", "description_en": "Bangkok."},
    )
    assert response.status_code == 200, response.content
    provider_org.refresh_from_db()
    assert provider_org.website == "https://www.example.org/appc"
    assert provider_org.description_en == "Bangkok."
    assert provider_org.acronym == "APPC"
    assert provider_org.country.iso3 == "THA"


def test_a_patch_can_turn_an_organisation_international_by_removing_its_country(
    client, api_token, officer, beneficiary_org
):
    headers = api_token(officer)
    url = f"{URL}/{beneficiary_org.pk}"
    refused = send(client, "patch", url, headers, {"type": "international_organisation"})
    assert refused.status_code == 400
    response = send(
        client, "patch", url, headers, {"type": "international_organisation", "country": None}
    )
    assert response.status_code == 200
    assert response.json()["country"] is None


def test_a_patch_cannot_null_a_required_field(client, api_token, officer, provider_org):
    response = send(
        client, "patch", f"{URL}/{provider_org.pk}", api_token(officer), {"name_fr": None}
    )
    assert response.status_code == 422


def test_patching_an_unknown_organisation_is_404(client, api_token, officer):
    response = send(client, "patch", f"{URL}/999999", api_token(officer), {"acronym": "X"})
    assert response.status_code == 404


def test_an_outsider_cannot_patch(client, api_token, outsider, provider_org):
    response = send(
        client, "patch", f"{URL}/{provider_org.pk}", api_token(outsider), {"acronym": "X"}
    )
    assert response.status_code == 403
    provider_org.refresh_from_db()
    assert provider_org.acronym == "APPC"


def test_a_superuser_may_write_too(client, api_token, db):
    root = UserFactory(username="root", is_superuser=True)
    CountryFactory(iso3="NPL", iso2="NP", m49="524")
    assert send(client, "post", URL, api_token(root), NEW).status_code == 201


def test_the_openapi_description_of_the_registry_is_valid(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    operations = spec["paths"]["/api/v1/organisations"]
    assert {"get", "post"} <= set(operations)
    assert "422" in operations["get"]["responses"]
    assert {"get", "patch"} <= set(spec["paths"]["/api/v1/organisations/{organisation_id}"])


def test_list_items_in_creation_order_do_not_matter_ordering_is_by_name(client, db):
    for name in ["Zeta Post", "Alpha Post", "Mu Post"]:
        OrganisationFactory(name_fr=name, name_en=name)
    names = [item["name"] for item in client.get(URL).json()["items"]]
    assert names == ["Alpha Post", "Mu Post", "Zeta Post"]
