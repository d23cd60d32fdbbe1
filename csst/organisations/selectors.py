"""Reads of the organisation registry (one query per list, whatever the number of rows)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from csst.accounts.models import Membership
from csst.core.text import fold
from csst.countries.models import Country

from .models import Organisation
from .permissions import can_see_focal_point_emails, can_see_past_focal_points


def organisations(
    type: str | None = None, country: str | None = None, q: str | None = None
) -> QuerySet[Organisation]:
    """The registry, filtered by type, country (ISO alpha-3) and words of the names or acronym.

    The search ignores accents, case and word order: "cote ivoire" finds "Côte d'Ivoire".
    """
    found = Organisation.objects.select_related("country")
    if type:
        found = found.filter(type=type)
    if country:
        found = found.filter(country__iso3=country.strip().upper())
    for word in fold(q or "").split():
        found = found.filter(search_text__contains=word)
    # By name in the request's language (modeltranslation), then id for a stable pagination.
    return found.order_by("name", "pk")


def countries_with_organisations() -> QuerySet[Country]:
    """Countries that have at least one organisation, by name (for the directory's filter)."""
    return (
        Country.objects.filter(organisations__isnull=False)
        .distinct()
        .only("iso3", "name_fr", "name_en")
        .order_by("name")
    )


def organisation(pk: int) -> Organisation:
    """Any organisation (the registry is public), with its country; 404 if there is none."""
    return get_object_or_404(Organisation.objects.select_related("country"), pk=pk)


def current_focal_points(organisation: Organisation, day=None) -> QuerySet[Membership]:
    """People acting for the organisation today (or on `day`), by role then name."""
    return (
        Membership.objects.valid_on(day)
        .filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "pk")
    )


def past_focal_points(organisation: Organisation, day=None) -> QuerySet[Membership]:
    """Memberships that ended before today (or `day`), most recent first."""
    day = day or timezone.localdate()
    return (
        Membership.objects.filter(organisation=organisation, valid_to__lt=day)
        .select_related("user")
        .order_by("-valid_to", "role", "pk")
    )


def organisation_profile(user, pk: int) -> dict:
    """What the organisation page shows to `user`: e-mails and past focal points are not public."""
    found = organisation(pk)
    return {
        "organisation": found,
        "focal_points": list(current_focal_points(found)),
        "show_emails": can_see_focal_point_emails(user),
        "past_focal_points": (
            list(past_focal_points(found)) if can_see_past_focal_points(user) else None
        ),
    }
