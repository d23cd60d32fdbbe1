"""Projects for the delivery tests, created directly in a given status (the lifecycle itself is
tested in test_services.py)."""

import itertools
from datetime import date

import pytest

from csst.knowledge.models import Modality
from csst.projects.models import Activity, Project, ProjectPartner, ProjectStatus

_codes = itertools.count(1)


def make_project(status=ProjectStatus.IN_IMPLEMENTATION, partners=(), code=None) -> Project:
    """A project with partners given as (organisation, role) pairs."""
    project = Project.objects.create(
        code=code or f"CSST-TEST-{next(_codes)}",
        title_fr="Formation au suivi des envois",
        title_en="Item tracking training",
        status=status,
    )
    for organisation, role in partners:
        ProjectPartner.objects.create(project=project, organisation=organisation, role=role)
    return project


def make_activity(project, type=Modality.TRAINING_COURSE, **fields) -> Activity:
    fields = {
        "title": "Course",
        "start_date": date(2024, 3, 4),
        "end_date": date(2024, 3, 8),
    } | fields
    return Activity.objects.create(project=project, type=type, **fields)


@pytest.fixture
def partners(beneficiary_org, provider_org, donor_org):
    return [
        (beneficiary_org, "beneficiary"),
        (provider_org, "pivotal"),
        (donor_org, "facilitating"),
    ]


@pytest.fixture
def project(partners):
    return make_project(ProjectStatus.IN_IMPLEMENTATION, partners)
