"""Lifecycle of an activity: planned → completed (with what it delivered reported) or cancelled.

Completion needs the evidence of delivery: participants whose attendance is recorded for
activities that gather people, an equipment item handed over for an equipment donation.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.workflow import Transition

from ..models import ActivityStatus, ActivityType
from .permissions import record_refusal

S = ActivityStatus


def recorder_refusal(actor, activity) -> str | None:
    return record_refusal(actor, activity.project)


def has_started(actor, activity) -> str | None:
    if activity.start_date is None:
        return _("Give the dates of the activity before completing it.")
    if activity.start_date > timezone.localdate():
        return _("An activity cannot be completed before it has started.")
    return None


def delivery_reported(actor, activity) -> str | None:
    """What an activity must show to count as delivered (also kept true after completion)."""
    if activity.type == ActivityType.EQUIPMENT_DONATION:
        if activity.equipment.filter(handover_date__isnull=False).exists():
            return None
        return _("Record at least one equipment item with its handover date first.")
    if activity.participants.filter(attended=True).exists():
        return None
    return _("Record at least one participant who attended first.")


ACTIVITY_TRANSITIONS = {
    "complete": Transition(
        frozenset({S.PLANNED}),
        S.COMPLETED,
        recorder_refusal,
        rules=(has_started, delivery_reported),
    ),
    "cancel": Transition(
        frozenset({S.PLANNED}), S.CANCELLED, recorder_refusal, comment_required=True
    ),
}
ACTIVITY_ACTIONS = tuple(ACTIVITY_TRANSITIONS)
