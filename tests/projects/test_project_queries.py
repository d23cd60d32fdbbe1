"""The project list page and API run a constant number of queries (2 projects vs 20)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from csst.countries.models import Scheme
from csst.projects import services
from csst.projects.models import Project

from ..factories import OrganisationFactory, classify
from ..knowledge.factories import NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def make_projects(officer, provider_org, donor_org, count):
    for _index in range(count):
        beneficiary = OrganisationFactory()
        classify(beneficiary.country, Scheme.NORTH_SOUTH, "south")
        need = NeedFactory(organisation=beneficiary, aligned=True, status="open")
        project = services.create_project_from_need(officer, need)
        services.add_partner(officer, project, provider_org.pk, "pivotal", in_kind=1)
        services.add_partner(officer, project, donor_org.pk, "facilitating", cash=1)


def queries(client, url, **kwargs) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/en/projects/", "/api/v1/projects?limit=50"])
def test_list_query_count_is_constant(client, officer, provider_org, donor_org, url):
    classify(provider_org.country, Scheme.NORTH_SOUTH, "south")
    classify(donor_org.country, Scheme.NORTH_SOUTH, "north")
    client.force_login(officer)
    make_projects(officer, provider_org, donor_org, 2)
    few = queries(client, url)
    make_projects(officer, provider_org, donor_org, 18)
    assert queries(client, url) == few


def test_api_list_with_token_is_constant(client, api_token, officer, provider_org, donor_org):
    headers = api_token(officer)
    make_projects(officer, provider_org, donor_org, 2)
    queries(client, "/api/v1/projects", headers=headers)  # the token's first use is recorded once
    few = queries(client, "/api/v1/projects", headers=headers)
    make_projects(officer, provider_org, donor_org, 18)
    assert queries(client, "/api/v1/projects", headers=headers) == few


def test_the_project_page_query_count_does_not_grow_with_partners(
    client, officer, provider_org, donor_org
):
    make_projects(officer, provider_org, donor_org, 1)
    project = Project.objects.get()
    client.force_login(officer)
    url = f"/en/projects/{project.pk}/"
    queries(client, url)
    few = queries(client, url)
    for _index in range(10):
        services.add_partner(officer, project, OrganisationFactory().pk, "beneficiary")
    assert queries(client, url) == few
