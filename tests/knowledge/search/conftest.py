import pytest
from django.db import connection

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="French and English stemming is PostgreSQL full-text search; SQLite matches substrings",
)
