"""On PostgreSQL the search runs on the GIN indexes of migration 0003 (same expression)."""

import pytest
from django.db import connection

from csst.knowledge import search
from csst.knowledge.models import Need, Solution

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the GIN indexes exist on PostgreSQL only"
    ),
]


@pytest.mark.parametrize("model", [Need, Solution])
def test_the_search_uses_the_full_text_and_trigram_indexes(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be read whole
        plan = search.matching(model.objects.all(), "formations cote").explain()
    assert f"{table}_search_fts" in plan and f"{table}_search_trgm" in plan
