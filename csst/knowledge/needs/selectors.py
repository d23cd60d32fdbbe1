"""Reads of needs, already limited to what the user may see (rule R13)."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from csst.core.workflow import history

from .. import search
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


def needs_for(
    user,
    status: str | None = None,
    theme: str | None = None,
    sdg_target: str | None = None,
    country: str | None = None,
    region: str | None = None,
    q: str | None = None,
) -> QuerySet[Need]:
    needs = search.filtered(
        visible_needs(user),
        status=status,
        theme=theme,
        sdg_target=sdg_target,
        country=country,
        region=region,
        q=q,
    )
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
