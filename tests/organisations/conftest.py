"""Fixtures of the registry tests (the personas come from tests/conftest.py)."""

import pytest
from django.utils import translation

from csst.organisations.models import OrganisationType
from tests.factories import OrganisationFactory, real_country


@pytest.fixture
def english():
    """Messages in English, so assertions on them survive the French translation of the UI."""
    with translation.override("en"):
        yield


@pytest.fixture
def nepal(db):
    return real_country("NPL")


@pytest.fixture
def thailand(db):
    return real_country("THA")


@pytest.fixture
def unicef(db):
    return OrganisationFactory(
        name_fr="Fonds des Nations Unies pour l'enfance",
        name_en="United Nations Children's Fund",
        acronym="UNICEF",
        type=OrganisationType.INTERNATIONAL_ORGANISATION,
    )
