"""Reads of solutions and lessons learned, already limited to what the user may see."""

from django.db.models import Q, QuerySet

from .. import search
from ..models import Solution
from .permissions import PUBLIC_STATUSES, provider_organisations, sees_every_solution


def with_relations(solutions: QuerySet[Solution]) -> QuerySet[Solution]:
    return solutions.select_related("organisation", "country").prefetch_related(
        "themes", "sdg_targets"
    )


def visible_solutions(user) -> QuerySet[Solution]:
    """Bureau staff see every solution; a provider its own organisation's (drafts included);
    everyone else the validated ones."""
    if sees_every_solution(user):
        return Solution.objects.all()
    visible = Q(status__in=PUBLIC_STATUSES)
    owned = provider_organisations(user)
    if owned:
        visible |= Q(organisation_id__in=owned)
    return Solution.objects.filter(visible)


def solutions_for(user, **filters) -> QuerySet[Solution]:
    """Visible solutions with the catalogue filters of `search.filtered` (status, theme…, q)."""
    return with_relations(search.filtered(visible_solutions(user), **filters))
