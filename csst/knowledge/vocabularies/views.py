"""Public page of the shared vocabularies: the themes and the SDG goals with their targets."""

from django.shortcuts import render

from . import selectors


def vocabularies(request):
    """Fixed-size reference lists (17 goals, 169 targets): one page, three queries."""
    context = {
        "theme_tree": selectors.theme_tree(),
        "goals": selectors.sdg_goals(with_targets=True),
    }
    return render(request, "knowledge/vocabularies.html", context)
