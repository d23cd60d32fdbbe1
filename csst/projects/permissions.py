"""Who may do what with projects (rules R2 ownership and R10 four eyes).

Each `*_refusal` function returns a translated refusal reason, or None when the user may go ahead;
they double as workflow guards `(actor, project) -> reason`.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from csst.accounts.models import Role
from csst.accounts.permissions import is_bureau_officer, is_bureau_staff, organisations_of
from csst.knowledge.solutions.permissions import focal_point_organisations

from .modality import Role as PartnerRole

# A person acts for a beneficiary as its focal point or its head (DOMAIN §2).
BENEFICIARY_ROLES = (Role.BENEFICIARY_FOCAL_POINT, Role.BENEFICIARY_AUTHORITY)


def acting_for(user) -> set[int]:
    """Every organisation the user acts for today, in any role."""
    return organisations_of(user)


def beneficiary_organisations(user) -> set[int]:
    """Organisations for which the user may speak as a beneficiary (focal point or authority)."""
    return organisations_of(user, BENEFICIARY_ROLES)


def sees_every_project(user) -> bool:
    return bool(user and user.is_authenticated and is_bureau_staff(user))


def partner_filter(user) -> Q:
    """Projects in which one of the user's organisations is a partner."""
    return Q(partners__organisation_id__in=acting_for(user))


def officer_refusal(user, project=None) -> str | None:
    if is_bureau_officer(user):
        return None
    return _("Only a bureau officer may do this.")


def second_officer_refusal(user, project) -> str | None:
    """Approval: a bureau officer other than the one who sent the project for approval (R10)."""
    reason = officer_refusal(user, project)
    if reason:
        return reason
    if project.approval_requested_by_id == user.pk:
        return _(
            "Four eyes: you sent this project for endorsement and approval, so another bureau "
            "officer must approve it."
        )
    return None


def beneficiary_refusal(user, project, organisation_id: int) -> str | None:
    """Endorse or accept results: a person acting for that beneficiary partner (R2)."""
    is_beneficiary = project.partners.filter(
        organisation_id=organisation_id, role=PartnerRole.BENEFICIARY
    ).exists()
    if not is_beneficiary:
        return _("This organisation is not a beneficiary partner of the project.")
    if organisation_id in beneficiary_organisations(user):
        return None
    return _(
        "Only a person acting for the beneficiary (its focal point or its head) may endorse "
        "for it: nothing for me without me."
    )


def lesson_refusal(user, project) -> str | None:
    """Lessons of a project: a bureau officer, or a focal point of one of its partners."""
    if officer_refusal(user) is None:
        return None
    partners = {partner.organisation_id for partner in project.partners.all()}
    if partners & focal_point_organisations(user):
        return None
    return _("Only a bureau officer or a focal point of a partner records lessons of a project.")
