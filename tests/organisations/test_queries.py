"""The directory, the organisation page and the API run a number of queries that does not grow with
the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csst.accounts.models import Role
from tests.factories import MembershipFactory, OrganisationFactory


def queries_for(client, url, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(captured)


def add_organisations(count):
    """Each in its own country, with a focal point."""
    for _ in range(count):
        MembershipFactory(organisation=OrganisationFactory(), role=Role.BENEFICIARY_FOCAL_POINT)


@pytest.mark.parametrize(
    "url", ["/fr/organisations/", "/en/organisations/?q=organisation", "/api/v1/organisations"]
)
def test_registry_lists_run_the_same_queries_for_3_and_30_organisations(client, db, url):
    add_organisations(3)
    few = queries_for(client, url)
    add_organisations(27)
    assert queries_for(client, url) == few


def test_a_signed_in_partner_runs_the_same_queries_for_3_and_30_organisations(client, donor):
    client.force_login(donor)
    add_organisations(3)
    few = queries_for(client, "/en/organisations/")
    add_organisations(27)
    assert queries_for(client, "/en/organisations/") == few


def add_focal_points(organisation, count):
    for _ in range(count):
        MembershipFactory(organisation=organisation, role=Role.BENEFICIARY_AUTHORITY)
        MembershipFactory(
            organisation=organisation,
            role=Role.BENEFICIARY_FOCAL_POINT,
            valid_from="2020-01-01",
            valid_to="2020-12-31",
        )


@pytest.mark.parametrize("persona", [None, "donor", "officer"])
def test_the_organisation_page_runs_the_same_queries_for_3_and_30_focal_points(
    client, request, beneficiary_org, persona
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = f"/en/organisations/{beneficiary_org.pk}/"
    add_focal_points(beneficiary_org, 3)
    few = queries_for(client, url)
    add_focal_points(beneficiary_org, 27)
    assert queries_for(client, url) == few


def test_the_api_detail_runs_the_same_queries_for_3_and_30_focal_points(client, beneficiary_org):
    url = f"/api/v1/organisations/{beneficiary_org.pk}"
    add_focal_points(beneficiary_org, 3)
    few = queries_for(client, url)
    add_focal_points(beneficiary_org, 27)
    assert queries_for(client, url) == few
