"""The search page across needs and solutions (/fr/knowledge/search/)."""

from django.shortcuts import render

from .forms import SearchForm
from .sections import page_sections

RESULTS_ID = "search-results"


def search(request):
    form = SearchForm(request.GET)
    context = {"form": form, "sections": page_sections(request, form), "results_id": RESULTS_ID}
    # htmx swaps only the results (the form changed, or a page link was followed inside them).
    if request.htmx and request.htmx.target == RESULTS_ID:
        return render(request, "knowledge/search/_results.html", context)
    return render(request, "knowledge/search/search.html", context)
