"""GIN indexes for the search across needs and solutions, on PostgreSQL only (no-op elsewhere).

- `<table>_search_fts`: the French + English document vector. Its expression must stay identical
  to csst/knowledge/search/postgres.py `_vector()` (Django's SearchVector adds the COALESCE).
- `<table>_search_trgm`: pg_trgm trigrams of `search_text`, for the substring test
  (LIKE '%word%'). Needs the pg_trgm extension: created here if missing (a trusted extension
  since PostgreSQL 13: the database owner may create it). See docs/decisions/0010.
"""

from django.db import migrations

TABLES = ("knowledge_need", "knowledge_solution")
VECTOR = (
    "(to_tsvector('french'::regconfig, COALESCE(search_text, ''))"
    " || to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
)


def _on_postgresql(schema_editor) -> bool:
    return schema_editor.connection.vendor == "postgresql"


def create_indexes(apps, schema_editor):
    if not _on_postgresql(schema_editor):
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_fts ON {table} USING gin ({VECTOR})"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table}"
            " USING gin (search_text gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    # The extension stays: other code may use it, and dropping it needs more rights.
    if not _on_postgresql(schema_editor):
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_fts")
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_assessments_solutions_lessons")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
