"""Personas of DOMAIN.md §2, shared by every test module."""

import pytest

from csst.accounts.models import Role
from csst.organisations.models import OrganisationType

from .factories import OrganisationFactory, person, real_country

PASSWORD = "secret-pass-123"


@pytest.fixture
def bureau(db):
    return OrganisationFactory(
        name_fr="Bureau international de l'UPU",
        name_en="UPU International Bureau",
        acronym="BI",
        type=OrganisationType.INTERNATIONAL_BUREAU,
        country=None,
    )


@pytest.fixture
def beneficiary_org(db):
    return OrganisationFactory(
        name_fr="Nepal Post", name_en="Nepal Post", country=real_country("NPL")
    )


@pytest.fixture
def other_beneficiary_org(db):
    return OrganisationFactory(
        name_fr="Bhutan Post", name_en="Bhutan Post", country=real_country("BTN")
    )


@pytest.fixture
def provider_org(db):
    return OrganisationFactory(
        name_fr="Collège postal Asie-Pacifique",
        name_en="Asian-Pacific Postal College",
        acronym="APPC",
        type=OrganisationType.TRAINING_CENTRE,
        country=real_country("THA"),
    )


@pytest.fixture
def donor_org(db):
    return OrganisationFactory(
        name_fr="Groupe La Poste",
        name_en="La Poste Group",
        type=OrganisationType.DESIGNATED_OPERATOR,
        country=real_country("FRA"),
    )


@pytest.fixture
def beneficiary(beneficiary_org):
    return person("beneficiary", Role.BENEFICIARY_FOCAL_POINT, beneficiary_org)


@pytest.fixture
def authority(beneficiary_org):
    return person("authority", Role.BENEFICIARY_AUTHORITY, beneficiary_org)


@pytest.fixture
def other_country_focal_point(other_beneficiary_org):
    return person("other_focal_point", Role.BENEFICIARY_FOCAL_POINT, other_beneficiary_org)


@pytest.fixture
def provider(provider_org):
    return person("provider", Role.PROVIDER_FOCAL_POINT, provider_org)


@pytest.fixture
def donor(donor_org):
    return person("donor", Role.DONOR, donor_org)


@pytest.fixture
def officer(bureau):
    return person("officer", Role.BUREAU_OFFICER, bureau, is_staff=True)


@pytest.fixture
def officer2(bureau):
    return person("officer2", Role.BUREAU_OFFICER, bureau, is_staff=True)


@pytest.fixture
def finance(bureau):
    return person("finance", Role.FINANCE_OFFICER, bureau, is_staff=True)


@pytest.fixture
def outsider(db):
    return person("outsider", None)


@pytest.fixture
def api_token(client):
    """Returns a function: persona -> bearer header for the API."""

    def token_for(user) -> dict:
        response = client.post(
            "/api/v1/auth/token",
            {"username": user.username, "password": PASSWORD},
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
        return {"Authorization": f"Bearer {response.json()['token']}"}

    return token_for
