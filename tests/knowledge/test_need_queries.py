"""List pages and API lists run a constant number of queries, whatever the number of needs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import NeedFactory, SdgTargetFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def make_needs(organisation, count):
    theme, target = ThemeFactory(code="drm"), SdgTargetFactory(code="11.5")
    for _index in range(count):
        need = NeedFactory(organisation=organisation, status="open")
        need.themes.add(theme)
        need.sdg_targets.add(target)


def queries(client, url, **kwargs) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/en/knowledge/needs/", "/api/v1/needs?limit=50"])
def test_list_query_count_is_constant(client, beneficiary, beneficiary_org, url):
    client.force_login(beneficiary)
    make_needs(beneficiary_org, 3)
    few = queries(client, url)
    make_needs(beneficiary_org, 27)
    assert queries(client, url) == few


def test_api_list_with_token_is_constant(client, api_token, officer, beneficiary_org):
    headers = api_token(officer)
    make_needs(beneficiary_org, 3)
    queries(client, "/api/v1/needs", headers=headers)  # the token's first use is recorded once
    few = queries(client, "/api/v1/needs", headers=headers)
    make_needs(beneficiary_org, 27)
    assert queries(client, "/api/v1/needs", headers=headers) == few
