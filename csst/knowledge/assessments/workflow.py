"""Lifecycle of a self-assessment: draft → submitted (its organisation's focal point, every item
answered). Submitted assessments are read-only."""

from django.utils.translation import ngettext

from csst.core.workflow import Transition

from ..models import AssessmentItem, AssessmentStatus
from .permissions import focal_point_refusal

S = AssessmentStatus


def unanswered_items(assessment):
    """Items of the assessment's framework without a level, in the framework's order."""
    answered = assessment.answers.filter(level__isnull=False).values("item_id")
    return AssessmentItem.objects.filter(focus_area__framework_id=assessment.framework_id).exclude(
        pk__in=answered
    )


def complete(actor, assessment) -> str | None:
    """Every item must be answered: a partial diagnosis would hide gaps."""
    missing = unanswered_items(assessment).count()
    if not missing:
        return None
    return ngettext(
        "Answer every item before submitting: %(count)d item is still unanswered.",
        "Answer every item before submitting: %(count)d items are still unanswered.",
        missing,
    ) % {"count": missing}


ASSESSMENT_TRANSITIONS = {
    "submit": Transition(frozenset({S.DRAFT}), S.SUBMITTED, focal_point_refusal, rules=(complete,)),
}
