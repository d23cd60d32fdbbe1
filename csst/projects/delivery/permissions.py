"""Who may see and record the delivery of a project (activities, participants, equipment, results).

Reads follow the project: bureau staff see every project, the people of its partner
organisations see their project, the public sees delivery of projects from `approved` on — but
never participants' names (aggregated counts only).

Writes: bureau officers on any project, the focal points and heads of the project's partner
organisations on their own project, only while it is approved or in implementation. Officers may
also define indicators while the project is being formulated. Nobody once closed or cancelled.
Each `*_refusal` returns a translated reason, or None when the user may go ahead.
"""

from django.utils.translation import gettext as _

from csst.accounts.models import Role
from csst.accounts.permissions import is_bureau_officer, organisations_of

from ..models import ProjectStatus
from ..permissions import acting_for, sees_every_project

S = ProjectStatus

PUBLIC_STATUSES = frozenset(
    {S.APPROVED, S.IN_IMPLEMENTATION, S.OPERATIONALLY_CLOSED, S.EVALUATED, S.FINANCIALLY_CLOSED}
)
DELIVERY_STATUSES = frozenset({S.APPROVED, S.IN_IMPLEMENTATION})
# Indicators (the results framework) are designed before approval, by the Bureau.
DESIGN_STATUSES = frozenset({S.FORMULATION, S.PENDING_ENDORSEMENT})
# Donors follow their money but do not report delivery; these roles do.
RECORDING_ROLES = (
    Role.BENEFICIARY_FOCAL_POINT,
    Role.BENEFICIARY_AUTHORITY,
    Role.PROVIDER_FOCAL_POINT,
)


def _partner_ids(project) -> set[int]:
    """Organisation ids of the project's partners, cached on the project for the request."""
    if not hasattr(project, "_delivery_partner_ids"):
        project._delivery_partner_ids = set(
            project.partners.values_list("organisation_id", flat=True)
        )
    return project._delivery_partner_ids


def _recording_organisations(user) -> set[int]:
    return organisations_of(user, RECORDING_ROLES)


def is_partner_person(user, project) -> bool:
    """The user acts (in any role) for one of the project's partner organisations."""
    mine = acting_for(user)
    return bool(mine) and bool(mine & _partner_ids(project))


def may_see_delivery(user, project) -> bool:
    return (
        project.status in PUBLIC_STATUSES
        or sees_every_project(user)
        or is_partner_person(user, project)
    )


def is_insider(user, project) -> bool:
    """The Bureau and the project's partners: participants' names (personal data) and activity
    costs (detailed finance, R13); the public sees counts and totals only."""
    return sees_every_project(user) or is_partner_person(user, project)


def person_refusal(user, project) -> str | None:
    """Who may record: a bureau officer, or a focal point or head of a partner organisation."""
    if is_bureau_officer(user):
        return None
    if _recording_organisations(user) & _partner_ids(project):
        return None
    return _(
        "Only a bureau officer or the focal points of the project's partners may record its "
        "delivery."
    )


def status_refusal(user, project, indicators: bool = False) -> str | None:
    """When: while approved or in implementation (and, for officers' indicators, before)."""
    allowed = DELIVERY_STATUSES
    if indicators and is_bureau_officer(user):
        allowed = DELIVERY_STATUSES | DESIGN_STATUSES
    if project.status in allowed:
        return None
    return _(
        "The project's status is “%(status)s”: its delivery can be recorded only while it is "
        "approved or in implementation."
    ) % {"status": project.get_status_display()}


def record_refusal(user, project) -> str | None:
    """Activities, participants, equipment and indicator values."""
    return person_refusal(user, project) or status_refusal(user, project)


def indicator_refusal(user, project) -> str | None:
    """Define or edit indicators (officers also while the project is being formulated)."""
    return person_refusal(user, project) or status_refusal(user, project, indicators=True)
