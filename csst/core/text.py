"""Text normalisation shared by every search: accents, case and apostrophes do not matter."""

import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def fold(text: str) -> str:
    """'Côte d’Ivoire' → "cote d'ivoire", 'Türkiye' → 'turkiye' (for indexing and for queries)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
