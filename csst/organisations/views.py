"""Public pages of the registry: thin views (parse → one selector → render)."""

from django.shortcuts import render

from csst.core.pagination import paginate

from . import selectors
from .forms import OrganisationFilterForm

ORGANISATIONS_PER_PAGE = 25


def directory(request):
    form = OrganisationFilterForm(request.GET, countries=selectors.countries_with_organisations())
    found = selectors.organisations(**form.filters())
    context = {"form": form, **paginate(request, found, ORGANISATIONS_PER_PAGE)}
    return render(request, "organisations/directory.html", context)


def detail(request, pk: int):
    context = selectors.organisation_profile(request.user, pk)
    return render(request, "organisations/detail.html", context)
