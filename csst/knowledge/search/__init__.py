"""Search and filters shared by needs and solutions (both carry `search_text`, themes, SDG targets,
a country and a status).

`matching` is the one text search: every word of the query must be found, accents and case aside
(the query is folded like `search_text`). How a word is found depends on the database:

- everywhere, as a substring of `search_text` (partial words match: "format" finds "formation"),
  a trailing plural "s" of a long word aside ("formations" finds "formation");
- on PostgreSQL also as a French or English stem ("trained" finds "training"), through a GIN
  index on the same expression as in postgres.py; the substring test uses a pg_trgm GIN index.

`by_relevance` puts the records where the words appear earliest (title first) on top;
`filtered` applies the catalogue filters. See docs/decisions/0010-postgresql-full-text-search.md.
"""

from .engine import by_relevance, filtered, matching, query_words

__all__ = ["by_relevance", "filtered", "matching", "query_words"]
