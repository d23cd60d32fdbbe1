"""Excerpts of a record's text around the searched words, the words marked (only for the rows
shown: a few hundred characters each, folded in Python)."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from csst.core.text import fold

from .words import substring_of

TEXT_READ = 2_000  # characters of the text looked at
BEFORE, LENGTH = 60, 220  # characters of context kept before the first hit, and in all


def _folded_by_position(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in `text` (so that a hit
    found in folded text is marked in the original, accents kept)."""
    chars, positions = [], []
    for index, char in enumerate(text):
        folded = fold(char) if not char.isspace() else " "
        chars.append(folded)
        positions += [index] * len(folded)
    return "".join(chars), positions


def _word_end(folded: str, end: int) -> int:
    """A hit is marked up to the end of its word ("donnee" marks "données")."""
    while end < len(folded) and folded[end].isalnum():
        end += 1
    return end


def _hits(folded: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) in `folded` of every occurrence of the words, in order, not overlapping."""
    spans = []
    for word in {substring_of(word) for word in words}:
        start = folded.find(word)
        while start != -1:
            end = _word_end(folded, start + len(word))
            spans.append((start, end))
            start = folded.find(word, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, words: list[str]) -> SafeString:
    """HTML: about LENGTH characters of `text` around the first hit, hits in <mark>."""
    text = " ".join((text or "")[:TEXT_READ].split())
    folded, positions = _folded_by_position(text)
    hits = [(positions[s], positions[e - 1] + 1) for s, e in _hits(folded, words)]
    start = max(0, hits[0][0] - BEFORE) if hits else 0
    end = min(len(text), start + LENGTH)
    pairs, cursor = [], start
    for hit_start, hit_end in hits:
        if hit_start < cursor or hit_end > end:
            continue
        pairs.append((text[cursor:hit_start], text[hit_start:hit_end]))
        cursor = hit_end
    return format_html(
        "{}{}{}{}",
        "…" if start else "",
        format_html_join("", "{}<mark>{}</mark>", pairs),
        text[cursor:end],
        "…" if end < len(text) else "",
    )
