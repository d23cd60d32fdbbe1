"""The words of a query, folded like `search_text` (accents, case and apostrophes aside)."""

import unicodedata

from csst.core.text import fold

# A longer query is cut: the extra words add nothing but cost (one condition per word).
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
# "formations" finds "formation"; shorter words ("bus", "pays") keep their "s".
PLURAL_MIN_LENGTH = 5


def _printable(text: str) -> str:
    """Control characters (NUL included, which PostgreSQL refuses) become spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def query_words(q: str | None) -> list[str]:
    """'Côte d’Ivoire  formations' → ["cote", "d'ivoire", "formations"] (bounded in number)."""
    words = fold(_printable(q or "")).split()
    return [word[:MAX_WORD_LENGTH] for word in words[:MAX_WORDS]]


def substring_of(word: str) -> str:
    """What must appear in `search_text` for `word` to match: the word, singular if plural."""
    if len(word) >= PLURAL_MIN_LENGTH and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
