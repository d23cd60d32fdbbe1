"""Reads of the shared vocabularies (themes, SDG goals, targets, indicators) and form helpers.

Every function runs a fixed number of queries, whatever the number of rows. Texts are in the active
language (modeltranslation, falling back to the other language when a translation is empty).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from csst.core.text import fold

from ..models import SdgGoal, SdgIndicator, SdgTarget, Theme

QUERY_MAX = 100


@dataclass
class ThemeNode:
    theme: Theme
    children: list[ThemeNode]


def themes() -> list[Theme]:
    """Every theme, broader ones in their order, with `parent` loaded (one query)."""
    return list(Theme.objects.select_related("parent").order_by("order", "code"))


def theme_tree() -> list[ThemeNode]:
    """The themes as a tree: top-level themes in order, each with its narrower ones (one query)."""
    rows = themes()
    nodes = {theme.pk: ThemeNode(theme, []) for theme in rows}
    roots = []
    for theme in rows:
        node = nodes[theme.pk]
        if theme.parent_id in nodes:
            nodes[theme.parent_id].children.append(node)
        else:
            roots.append(node)
    return roots


def sdg_goals(with_targets: bool = False) -> QuerySet[SdgGoal]:
    goals = SdgGoal.objects.order_by("number")
    if with_targets:
        goals = goals.prefetch_related(
            Prefetch("targets", queryset=SdgTarget.objects.order_by("order"))
        )
    return goals


def sdg_targets(goal: int | None = None, q: str | None = None) -> list[SdgTarget]:
    """Targets in the official order, of one goal and/or matching words of their code or title.

    `q` matches the French and English titles with accents and case ignored: the 169 targets
    are filtered in Python (one query, no extra search field to keep up to date).
    """
    found = SdgTarget.objects.select_related("goal").order_by("goal__number", "order")
    if goal is not None:
        found = found.filter(goal__number=goal)
    rows = list(found)
    words = fold(q or "").split()
    if not words:
        return rows
    return [
        target
        for target in rows
        if all(word in fold(f"{target.code} {target.title_fr} {target.title_en}") for word in words)
    ]


def sdg_target(code: str) -> SdgTarget:
    """One target by its code ("9.c"), with its goal and its indicators (two queries)."""
    indicators = Prefetch("indicators", queryset=SdgIndicator.objects.order_by("code"))
    return get_object_or_404(
        SdgTarget.objects.select_related("goal").prefetch_related(indicators), code=code.lower()
    )


# ---------------------------------------------------------------------------------------------
# Form helpers (grouped choices for a <select>, in the active language)
# ---------------------------------------------------------------------------------------------


def theme_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """[(broader theme, [(id, name), …]), …]: each top-level theme heads its group and can be
    chosen itself (first in the group), followed by its narrower themes."""
    return [
        (str(node.theme.name), [(t.pk, str(t.name)) for t in (node.theme, *_descendants(node))])
        for node in theme_tree()
    ]


def _descendants(node: ThemeNode) -> list[Theme]:
    found = []
    for child in node.children:
        found.append(child.theme)
        found += _descendants(child)
    return found


def sdg_target_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """[("9. Industry, innovation and infrastructure", [(id, "9.c — Significantly…"), …]), …]."""
    groups = []
    for goal in sdg_goals(with_targets=True):
        label = f"{goal.number}. {goal.short_title or goal.title}"
        groups.append(
            (
                label,
                [(target.pk, f"{target.code} — {target.title}") for target in goal.targets.all()],
            )
        )
    return groups
