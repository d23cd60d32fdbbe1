"""Who may do what with self-assessments (the diagnosis belongs to the organisation).

Each `*_refusal` function returns a translated refusal reason, or None when the user may go ahead;
they double as workflow guards `(actor, assessment) -> reason`.
"""

from django.utils.translation import gettext as _

from ..models import AssessmentStatus
from ..needs.permissions import focal_point_organisations, own_organisations, sees_every_need


def sees_every_assessment(user) -> bool:
    """Bureau staff, as for needs."""
    return sees_every_need(user)


def may_see(user, assessment) -> bool:
    """The organisation's own people (focal point, authority) and bureau staff; nobody else."""
    return sees_every_assessment(user) or assessment.organisation_id in own_organisations(user)


def start_refusal(user) -> str | None:
    if focal_point_organisations(user):
        return None
    return _("Only a beneficiary focal point may start a self-assessment for its organisation.")


def focal_point_refusal(user, assessment) -> str | None:
    """Answer, submit, delete, draft a need: a focal point of the assessment's organisation."""
    if assessment.organisation_id in focal_point_organisations(user):
        return None
    return _(
        "Only a focal point of %(organisation)s may do this: the self-assessment belongs to "
        "its organisation."
    ) % {"organisation": assessment.organisation}


def edit_refusal(user, assessment) -> str | None:
    reason = focal_point_refusal(user, assessment)
    if reason:
        return reason
    if assessment.status != AssessmentStatus.DRAFT:
        return _("This self-assessment was submitted: it can no longer be changed.")
    return None


def draft_need_refusal(user, assessment) -> str | None:
    reason = focal_point_refusal(user, assessment)
    if reason:
        return reason
    if assessment.status != AssessmentStatus.SUBMITTED:
        return _("Submit the self-assessment before drafting needs from its gaps.")
    return None
