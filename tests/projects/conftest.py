"""Fixtures of the project pages and API tests (test modules may override them)."""

import pytest

from csst.countries.models import Scheme
from csst.knowledge.models import NeedStatus

from ..factories import classify
from ..knowledge.factories import NeedFactory
from .project_helpers import approved, make_project


@pytest.fixture
def south_north(beneficiary_org, other_beneficiary_org, provider_org, donor_org):
    for org in (beneficiary_org, other_beneficiary_org, provider_org):
        classify(org.country, Scheme.NORTH_SOUTH, "south")
    classify(donor_org.country, Scheme.NORTH_SOUTH, "north")


@pytest.fixture
def need(beneficiary_org):
    return NeedFactory(organisation=beneficiary_org, aligned=True, status=NeedStatus.OPEN)


@pytest.fixture
def project(officer, need, provider_org, donor_org, south_north):
    return make_project(officer, need, provider_org, donor_org)


@pytest.fixture
def approved_project(project, officer, officer2, authority):
    return approved(project, officer, officer2, authority)
