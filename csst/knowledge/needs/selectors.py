"""Reads of needs, already limited to what the user may see (rule R13)."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from csst.core.text import fold
from csst.core.workflow import history

from ..models import Need
from .permissions import PUBLIC_STATUSES, own_organisations, sees_every_need

FILTERS = ("status", "theme", "sdg_target", "country", "region", "q")


def _with_relations(needs: QuerySet[Need]) -> QuerySet[Need]:
    return needs.select_related("organisation", "country").prefetch_related("themes", "sdg_targets")


def visible_needs(user) -> QuerySet[Need]:
    """Bureau staff see every need; the requesting organisation its own (drafts included);
    everyone else what the public sees (open, matched, converted)."""
    if sees_every_need(user):
        return Need.objects.all()
    visible = Q(status__in=PUBLIC_STATUSES)
    owned = own_organisations(user)
    if owned:
        visible |= Q(organisation_id__in=owned)
    return Need.objects.filter(visible)


def search(needs: QuerySet[Need], q: str) -> QuerySet[Need]:
    """Every word of `q` in the title or problem statement; accents and case do not matter.

    Without a folded search column, the texts are folded here (one query over the candidates):
    fine for thousands of needs; a `search_text` column would let the database do it.
    """
    words = fold(q).split()
    if not words:
        return needs
    matching = [
        pk
        for pk, title, problem in needs.values_list("pk", "title", "problem")
        if all(word in fold(f"{title} {problem}") for word in words)
    ]
    return needs.filter(pk__in=matching)


def needs_for(
    user,
    status: str | None = None,
    theme: str | None = None,
    sdg_target: str | None = None,
    country: str | None = None,
    region: str | None = None,
    q: str | None = None,
) -> QuerySet[Need]:
    needs = visible_needs(user)
    if status:
        needs = needs.filter(status=status)
    if theme:
        needs = needs.filter(themes__code=theme)
    if sdg_target:
        needs = needs.filter(sdg_targets__code=sdg_target)
    if country:
        needs = needs.filter(country__iso3=country.upper())
    if region:
        needs = needs.filter(
            Q(country__region__m49=region)
            | Q(country__subregion__m49=region)
            | Q(country__intermediate_region__m49=region)
        )
    if q:
        needs = search(needs, q)
    if theme or sdg_target:
        needs = needs.distinct()
    return _with_relations(needs)


def organisation_needs(user) -> QuerySet[Need]:
    """Every need of the organisations the user acts for (focal point or authority)."""
    return _with_relations(Need.objects.filter(organisation_id__in=own_organisations(user)))


def need_for(user, pk: int) -> Need:
    """404 for a need the user may not see, so drafts stay invisible to others."""
    return get_object_or_404(_with_relations(visible_needs(user)), pk=pk)


def need_history(need: Need):
    """The transition log of a need, oldest first (with the actors)."""
    return history(need)
