"""A project page still renders when nobody is responsible for the project yet."""

import pytest

from csst.projects.models import Project, ProjectStatus

pytestmark = pytest.mark.django_db


def test_a_project_without_a_responsible_officer_shows_a_dash(client):
    project = Project.objects.create(
        code="T-NO-OFFICER", title_fr="Projet", title_en="Project", status=ProjectStatus.APPROVED
    )
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    assert "<dd>—</dd>" in response.content.decode()
