"""Writes of the registry: validation by type (country required or forbidden), atomicity, audit."""

import pytest
from django.core.exceptions import ValidationError

from csst.core.errors import DomainError, InvalidInput
from csst.organisations import services
from csst.organisations.models import STATELESS_TYPES, Organisation, OrganisationType
from tests.factories import CountryFactory, OrganisationFactory

NATIONAL_TYPES = [t for t in OrganisationType if t not in STATELESS_TYPES]


def data(**fields) -> dict:
    return {
        "name_fr": "Poste du Népal",
        "name_en": "Nepal Post",
        "type": OrganisationType.DESIGNATED_OPERATOR,
        "country": "NPL",
        **fields,
    }


def test_an_officer_registers_a_designated_operator_in_its_country(officer, nepal):
    organisation = services.create_organisation(
        officer,
        data(acronym=" NP ", website="https://gpo.gov.np/", iati_identifier="NP-SWC-1234"),
    )

    organisation.refresh_from_db()
    assert organisation.country == nepal
    assert organisation.acronym == "NP"
    assert organisation.created_by == officer
    assert organisation.history.get().history_user == officer


def test_the_country_may_be_given_as_a_country_or_a_lower_case_code(officer, nepal):
    first = services.create_organisation(officer, data(country=nepal))
    second = services.create_organisation(
        officer, data(name_fr="Autre", name_en="Other", country="npl")
    )
    assert first.country == second.country == nepal


@pytest.mark.parametrize("type_", NATIONAL_TYPES)
def test_national_types_need_a_country(officer, english, type_):
    with pytest.raises(InvalidInput, match="country: .* needs a country"):
        services.create_organisation(officer, data(type=type_, country=None))
    assert not Organisation.objects.filter(name_en="Nepal Post").exists()


@pytest.mark.parametrize("type_", sorted(STATELESS_TYPES))
def test_international_types_belong_to_no_country(officer, nepal, english, type_):
    with pytest.raises(InvalidInput, match="belongs to no country"):
        services.create_organisation(officer, data(type=type_))
    created = services.create_organisation(officer, data(type=type_, country=None))
    assert created.country is None


def test_an_unknown_country_code_is_refused(officer, english):
    with pytest.raises(InvalidInput, match="Unknown country “XYZ”"):
        services.create_organisation(officer, data(country="XYZ"))


def test_the_name_is_required_in_both_languages(officer, nepal, english):
    with pytest.raises(InvalidInput, match="name_en"):
        services.create_organisation(officer, data(name_en="  "))
    with pytest.raises(InvalidInput, match="name_fr"):
        services.create_organisation(officer, data(name_fr=None))


@pytest.mark.parametrize("identifier", ["XM-DAC-41306", "GB-COH-01234567", "xi-iati-abc"])
def test_iati_identifiers_are_letters_and_digits_joined_by_hyphens(officer, nepal, identifier):
    organisation = services.create_organisation(officer, data(iati_identifier=identifier))
    assert organisation.iati_identifier == identifier


@pytest.mark.parametrize("identifier", ["41306", "XM DAC 41306", "XM--DAC", "-XM-DAC", "XM/DAC-1"])
def test_malformed_iati_identifiers_are_refused(officer, nepal, english, identifier):
    with pytest.raises(InvalidInput, match="iati_identifier: An IATI organisation identifier"):
        services.create_organisation(officer, data(iati_identifier=identifier))


def test_two_organisations_cannot_share_an_iati_identifier(officer, nepal, english):
    services.create_organisation(officer, data(iati_identifier="XM-DAC-41306"))
    with pytest.raises(InvalidInput, match="already has this IATI identifier"):
        services.create_organisation(
            officer, data(name_fr="Autre", name_en="Other", iati_identifier="XM-DAC-41306")
        )


def test_many_organisations_may_have_no_iati_identifier(officer, nepal):
    services.create_organisation(officer, data())
    services.create_organisation(officer, data(name_fr="Autre", name_en="Other"))
    assert Organisation.objects.filter(iati_identifier="", country=nepal).count() == 2


def test_a_name_is_unique_within_a_country_not_across_countries(officer, nepal, thailand, english):
    services.create_organisation(officer, data())
    with pytest.raises(InvalidInput, match="already exists in this country"):
        services.create_organisation(officer, data())
    services.create_organisation(officer, data(country="THA"))
    assert Organisation.objects.filter(name_en="Nepal Post").count() == 2


def test_two_international_organisations_cannot_share_a_name(officer, english):
    io = data(type=OrganisationType.INTERNATIONAL_ORGANISATION, country=None)
    services.create_organisation(officer, io)
    with pytest.raises(InvalidInput, match="without a country already has this name"):
        services.create_organisation(officer, io)


def test_unknown_fields_are_refused(officer, nepal, english):
    with pytest.raises(InvalidInput, match="Unknown fields: search_text"):
        services.create_organisation(officer, data(search_text="x"))


def test_an_update_is_validated_as_a_whole_and_changes_nothing_when_refused(
    officer, beneficiary_org, english
):
    with pytest.raises(InvalidInput, match="belongs to no country"):
        services.update_organisation(
            officer,
            beneficiary_org,
            {"type": OrganisationType.INTERNATIONAL_ORGANISATION, "acronym": "NEW"},
        )
    beneficiary_org.refresh_from_db()
    assert beneficiary_org.type == OrganisationType.DESIGNATED_OPERATOR
    assert beneficiary_org.acronym == ""

    updated = services.update_organisation(
        officer,
        beneficiary_org,
        {"type": OrganisationType.INTERNATIONAL_ORGANISATION, "country": None},
    )
    assert updated.country is None


def test_an_update_records_who_changed_what(officer, beneficiary_org):
    services.update_organisation(
        officer, beneficiary_org, {"name_en": "Nepal Postal Services", "description_en": "DO."}
    )
    latest = beneficiary_org.history.latest()
    assert latest.history_user == officer
    assert latest.name_en == "Nepal Postal Services"
    assert latest.description_en == "DO."


def test_a_lost_race_on_the_name_is_a_conflict_not_a_crash(officer, nepal, monkeypatch):
    services.create_organisation(officer, data())
    # Validation passed in a concurrent request: only the database notices the duplicate.
    monkeypatch.setattr(Organisation, "validate_constraints", lambda self, exclude=None: None)
    with pytest.raises(DomainError) as refusal:
        services.create_organisation(officer, data())
    assert refusal.value.http_status == 409
    assert Organisation.objects.filter(name_en="Nepal Post").count() == 1


def test_search_text_holds_both_names_and_the_acronym_without_accents(db):
    organisation = OrganisationFactory(
        name_fr="Société des Postes de Côte d’Ivoire",
        name_en="Ivory Coast Post",
        acronym="SPCI",
        country=CountryFactory(),
    )
    assert organisation.search_text == "societe des postes de cote d'ivoire ivory coast post spci"
    organisation.acronym = "LPCI"
    organisation.save(update_fields=["acronym"])
    organisation.refresh_from_db()
    assert organisation.search_text.endswith("lpci")


def test_the_model_itself_refuses_a_country_for_the_bureau(nepal):
    # The admin validates through clean(), not through the service.
    bureau = Organisation(
        name_fr="BI", name_en="IB", type=OrganisationType.INTERNATIONAL_BUREAU, country=nepal
    )
    with pytest.raises(ValidationError) as refusal:
        bureau.full_clean()
    assert "country" in refusal.value.message_dict
