"""List pages and API lists run a number of queries that does not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csst.portal.models import NewsStatus, Visibility

from .builders import document, news


def queries_for(client, url, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(captured)


def add_news(count, officer, officer2):
    for _ in range(count):
        news(NewsStatus.PUBLISHED, submitted_by=officer, published_by=officer2)


def add_documents(count):
    for n in range(count):
        document(year=2000 + n, visibility=[Visibility.PUBLIC, Visibility.PARTNERS][n % 2])


@pytest.mark.parametrize("url", ["/fr/media/", "/api/v1/news"])
def test_news_lists_run_the_same_queries_for_3_and_30_items(client, officer, officer2, url):
    add_news(3, officer, officer2)
    few = queries_for(client, url)
    add_news(27, officer, officer2)
    assert queries_for(client, url) == few


def test_the_editors_news_list_runs_the_same_queries_for_3_and_30_items(
    client, api_token, officer, officer2
):
    headers = api_token(officer)
    client.get("/api/v1/auth/me", headers=headers)  # the token's first use records it once
    add_news(3, officer, officer2)
    few = queries_for(client, "/api/v1/news?limit=100", headers=headers)
    add_news(27, officer, officer2)
    assert queries_for(client, "/api/v1/news?limit=100", headers=headers) == few


@pytest.mark.parametrize("url", ["/fr/documents/", "/api/v1/documents"])
def test_document_lists_run_the_same_queries_for_3_and_30_rows(client, beneficiary, url):
    client.force_login(beneficiary)
    add_documents(3)
    few = queries_for(client, url)
    add_documents(27)
    assert queries_for(client, url) == few
