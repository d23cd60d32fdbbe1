"""List pages and API lists run a constant number of queries, whatever the number of solutions."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OrganisationFactory, classify

from ..factories import SdgTargetFactory, ThemeFactory
from .factories import LessonFactory, SolutionFactory

pytestmark = pytest.mark.django_db


def make_solutions(count):
    """Validated solutions of organisations in as many countries (South status per country)."""
    theme, target = ThemeFactory(code="drm"), SdgTargetFactory(code="11.5")
    for index in range(count):
        organisation = OrganisationFactory()
        classify(organisation.country, "north_south", "south")
        solution = SolutionFactory(
            organisation=organisation,
            status="validated",
            reviewed_at=date(2020 + index % 6, 1, 1),
        )
        solution.themes.add(theme)
        solution.sdg_targets.add(target)
        LessonFactory(organisation=organisation).themes.add(theme)


def queries(client, url, **extra) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:300]
    return len(context.captured_queries)


URLS = [
    "/en/knowledge/solutions/",
    "/en/knowledge/solutions/?stale=1&technology_level=medium",
    "/api/v1/solutions?limit=50",
    "/api/v1/solutions?stale=true&q=solution",
    "/en/knowledge/lessons/",
    "/api/v1/lessons?limit=50",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("persona", ["officer", "provider"])
def test_list_query_count_is_constant(client, request, persona, url):
    client.force_login(request.getfixturevalue(persona))
    make_solutions(2)
    few = queries(client, url)
    make_solutions(18)
    assert queries(client, url) == few


@pytest.mark.parametrize("url", URLS[:4])
def test_public_list_query_count_is_constant(client, url):
    make_solutions(2)
    few = queries(client, url)
    make_solutions(18)
    assert queries(client, url) == few


def test_review_queue_query_count_is_constant(client, officer):
    client.force_login(officer)
    make_solutions(2)
    few = queries(client, "/en/knowledge/solutions/review/")
    make_solutions(18)
    assert queries(client, "/en/knowledge/solutions/review/") == few
