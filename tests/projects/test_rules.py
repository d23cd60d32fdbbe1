"""Rule R1 on stored projects: South status on the reference date (R11) and the explanation."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from csst.countries.models import Scheme
from csst.organisations.models import OrganisationType
from csst.projects.modality import Modality
from csst.projects.models import Project, ProjectPartner
from csst.projects.rules import project_modality

from ..factories import OrganisationFactory, classify, real_country

pytestmark = pytest.mark.django_db


def _org(name, iso3=None, **fields):
    country = real_country(iso3) if iso3 else None
    return OrganisationFactory(name_fr=name, name_en=name, country=country, **fields)


def _partner(project, organisation, role, cash=0):
    return ProjectPartner.objects.create(
        project=project, organisation=organisation, role=role, committed_cash=Decimal(cash)
    )


@pytest.fixture
def project():
    for iso3 in ("NPL", "THA"):
        classify(real_country(iso3), Scheme.NORTH_SOUTH, "south")
    classify(real_country("JPN"), Scheme.NORTH_SOUTH, "north")
    project = Project.objects.create(code="T-1", title_fr="Projet", title_en="Project")
    _partner(project, _org("Nepal Post", "NPL"), "beneficiary")
    _partner(project, _org("APPC", "THA"), "pivotal")
    return project


def test_a_japanese_facilitator_that_commits_makes_it_triangular_and_says_why(project):
    _partner(project, _org("Japan Post", "JPN"), "facilitating", cash=50_000)
    with translation.override("en"):
        answer = project_modality(project)
    assert answer.modality == Modality.TRIANGULAR
    assert answer.reason.startswith("Triangular: South = NPL, THA; facilitator = Japan Post")
    assert "CHF 50,000 committed" in answer.reason


def test_the_explanation_is_in_french_for_a_french_reader(project):
    _partner(project, _org("Japan Post", "JPN"), "facilitating", cash=50_000)
    with translation.override("fr"):
        answer = project_modality(project)
    assert answer.reason.startswith("Triangulaire")


def test_an_international_organisation_as_only_facilitator(project):
    upu = _org("UPU", None, type=OrganisationType.INTERNATIONAL_BUREAU)
    _partner(project, upu, "facilitating", cash=10_000)
    assert project_modality(project).modality == Modality.TRIANGULAR


def test_status_is_taken_on_the_approval_date_not_today(project):
    """Thailand reclassified North from 2026: a project approved in 2025 stays triangular."""
    thailand = real_country("THA")
    classify(
        thailand,
        Scheme.NORTH_SOUTH,
        "north",
        valid_from=date(2026, 1, 1),
        is_override=True,
        reason="test",
    )
    _partner(project, _org("Japan Post", "JPN"), "facilitating", cash=50_000)
    project.approved_on = date(2025, 6, 1)
    assert project_modality(project).modality == Modality.TRIANGULAR
    project.approved_on = None  # not approved: today's classification
    assert project_modality(project).modality == Modality.NORTH_SOUTH
