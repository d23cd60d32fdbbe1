"""Public pages of the country registry: directory, country profile, world map."""

from django.shortcuts import render

from csst.core.pagination import paginate

from . import selectors
from .forms import DirectoryFilterForm, MapForm

COUNTRIES_PER_PAGE = 50
RESULTS_ID = "country-results"


def country_list(request):
    form = DirectoryFilterForm(request.GET, regions=selectors.region_choices())
    context = {
        "form": form,
        **paginate(request, selectors.directory(form.filters()), COUNTRIES_PER_PAGE),
    }
    context["rows"] = selectors.rows(context["page_obj"].object_list)
    # htmx swaps only the results (filters changed, or a page link followed inside them).
    if request.htmx and request.htmx.target == RESULTS_ID:
        return render(request, "countries/_results.html", {**context, "oob": True})
    return render(request, "countries/list.html", context)


def country_detail(request, iso3: str):
    return render(request, "countries/detail.html", {"profile": selectors.profile(iso3)})


def country_map(request):
    form = MapForm(request.GET, indicators=selectors.map_indicators())
    data = selectors.map_data(indicator=form.indicator())
    return render(request, "countries/map.html", {"form": form, "map": data})
