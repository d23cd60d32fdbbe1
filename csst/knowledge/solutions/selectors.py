"""Reads of solutions and lessons learned, already limited to what the user may see."""

import calendar
from datetime import date

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from csst.core.workflow import history

from .. import search
from ..models import LessonLearned, Solution, SolutionEvidence, SolutionStatus
from .permissions import PUBLIC_STATUSES, provider_organisations, sees_every_solution

# A validated solution not reviewed for this many calendar months is stale.
STALE_AFTER_MONTHS = 24


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_cutoff(today: date | None = None) -> date:
    """Reviews before this day are stale (a review exactly 24 months ago is not yet)."""
    return months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)


def stale_condition(today: date | None = None) -> Q:
    return Q(status=SolutionStatus.VALIDATED) & (
        Q(reviewed_at__lt=stale_cutoff(today)) | Q(reviewed_at__isnull=True)
    )


def is_stale(solution: Solution, today: date | None = None) -> bool:
    """Computed, never stored: validated and last reviewed more than 24 months ago."""
    if solution.status != SolutionStatus.VALIDATED:
        return False
    return solution.reviewed_at is None or solution.reviewed_at < stale_cutoff(today)


def with_relations(solutions: QuerySet[Solution]) -> QuerySet[Solution]:
    """Organisation, country, themes and SDG targets, and the `stale` flag as an annotation."""
    stale = ExpressionWrapper(stale_condition(), output_field=BooleanField())
    return (
        solutions.select_related("organisation", "country")
        .prefetch_related("themes", "sdg_targets")
        .annotate(stale=stale)
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
    """Visible solutions with the catalogue filters of `search.filtered` (status, theme…, q),
    plus `technology_level` and `stale` (True: stale only; False: not stale)."""
    technology_level = filters.pop("technology_level", None)
    stale = filters.pop("stale", None)
    solutions = visible_solutions(user)
    if technology_level:
        solutions = solutions.filter(technology_level=technology_level)
    if stale is not None:
        solutions = (
            solutions.filter(stale_condition()) if stale else solutions.exclude(stale_condition())
        )
    return with_relations(search.filtered(solutions, **filters))


def solution_for(user, pk: int) -> Solution:
    """404 for a solution the user may not see, so drafts stay invisible to others."""
    return get_object_or_404(with_relations(visible_solutions(user)), pk=pk)


def own_solutions(user) -> QuerySet[Solution]:
    """Every solution of the organisations the user is provider focal point of."""
    return with_relations(Solution.objects.filter(organisation_id__in=provider_organisations(user)))


def review_queue(user) -> dict[str, QuerySet[Solution]]:
    """For the Bureau: what awaits validation, and what has gone stale."""
    solutions = with_relations(visible_solutions(user))
    return {
        "awaiting": solutions.filter(status=SolutionStatus.SUBMITTED).order_by("updated_at"),
        "stale": solutions.filter(stale_condition()).order_by("reviewed_at"),
    }


def solution_history(solution: Solution):
    """The transition log, oldest first (with the actors)."""
    return history(solution)


def evidence_of(solution: Solution) -> list[SolutionEvidence]:
    return list(solution.evidence.all())


def evidence_for(user, pk: int) -> SolutionEvidence:
    """Evidence of a solution the user may see (404 otherwise)."""
    evidence = get_object_or_404(SolutionEvidence.objects.select_related("solution"), pk=pk)
    if not visible_solutions(user).filter(pk=evidence.solution_id).exists():
        raise Http404
    return evidence


def lessons() -> QuerySet[LessonLearned]:
    return LessonLearned.objects.select_related("organisation", "solution").prefetch_related(
        "themes"
    )


def lesson_for(pk: int) -> LessonLearned:
    return get_object_or_404(lessons(), pk=pk)
