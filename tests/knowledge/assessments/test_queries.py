"""Lists and the result page run a constant number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csst.knowledge.models import AssessmentStatus

from ...factories import OrganisationFactory
from .factories import make_assessment, make_framework

pytestmark = pytest.mark.django_db


def queries(client, url, **kwargs) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, response.content[:500]
    return len(context.captured_queries)


def make_assessments(framework, count):
    for _index in range(count):
        make_assessment(OrganisationFactory(), framework)


@pytest.mark.parametrize("url", ["/en/knowledge/assessments/", "/api/v1/assessments?limit=50"])
def test_list_query_count_is_constant(client, officer, url):
    framework = make_framework()
    client.force_login(officer)
    make_assessments(framework, 2)
    few = queries(client, url)
    make_assessments(framework, 18)
    assert queries(client, url) == few


def levels(framework, level):
    return {item.code: level for area in framework.focus_areas.all() for item in area.items.all()}


@pytest.mark.parametrize(
    "path", ["/en/knowledge/assessments/{}/", "/api/v1/assessments/{}/results"]
)
def test_result_page_query_count_does_not_grow_with_items(
    client, beneficiary, beneficiary_org, path
):
    client.force_login(beneficiary)
    small = make_framework(code="small", areas=(("a", 1), ("b", 1)))
    large = make_framework(code="large", areas=(("c", 6), ("d", 6), ("e", 6)))
    counts = [
        queries(
            client,
            path.format(
                make_assessment(
                    beneficiary_org,
                    framework,
                    levels(framework, 1),
                    status=AssessmentStatus.SUBMITTED,
                ).pk
            ),
        )
        for framework in (small, large)
    ]
    assert counts[0] == counts[1]


def test_answer_form_query_count_does_not_grow_with_items(client, beneficiary, beneficiary_org):
    client.force_login(beneficiary)
    small = make_framework(code="small", areas=(("a", 1),))
    large = make_framework(code="large", areas=(("c", 6), ("d", 6)))
    counts = [
        queries(
            client,
            f"/en/knowledge/assessments/"
            f"{make_assessment(beneficiary_org, framework, levels(framework, 2)).pk}/answer/",
        )
        for framework in (small, large)
    ]
    assert counts[0] == counts[1]
