"""Who may do what with needs (rule R2, « rien pour moi sans moi »).

Each `*_refusal` function returns a translated refusal reason, or None when the user may go ahead;
they double as workflow guards `(actor, need) -> reason`.
"""

from django.utils.translation import gettext as _

from csst.accounts.models import Role
from csst.accounts.permissions import (
    is_beneficiary_focal_point,
    is_bureau_officer,
    is_bureau_staff,
    organisations_of,
)
from csst.core.errors import NotAllowed

from ..models import NeedStatus

# What the public (and anyone outside the requesting organisation and the Bureau) may see.
PUBLIC_STATUSES = frozenset({NeedStatus.OPEN, NeedStatus.MATCHED, NeedStatus.CONVERTED})
EDITABLE_STATUSES = frozenset({NeedStatus.DRAFT, NeedStatus.RETURNED})
CONFIDENTIAL_FIELDS = ("internal_notes", "screening_comment")


def focal_point_organisations(user) -> set[int]:
    return organisations_of(user, Role.BENEFICIARY_FOCAL_POINT)


def authority_organisations(user) -> set[int]:
    return organisations_of(user, Role.BENEFICIARY_AUTHORITY)


def own_organisations(user) -> set[int]:
    """Organisations whose needs the user owns (as focal point or authority)."""
    return focal_point_organisations(user) | authority_organisations(user)


def sees_every_need(user) -> bool:
    return bool(user and user.is_authenticated and is_bureau_staff(user))


def may_see_confidential(user, need) -> bool:
    """Internal notes and screening comments: the requesting organisation and the Bureau."""
    return sees_every_need(user) or need.organisation_id in own_organisations(user)


def _organisation_name(need) -> str:
    return str(need.organisation)


def create_refusal(user) -> str | None:
    if is_beneficiary_focal_point(user):
        return None
    return _("Only a beneficiary focal point may express a need for its organisation.")


def require_creator(user) -> None:
    reason = create_refusal(user)
    if reason:
        raise NotAllowed(reason)


def focal_point_refusal(user, need) -> str | None:
    """Submit, revise and edit: a focal point of the need's own organisation."""
    if need.organisation_id in focal_point_organisations(user):
        return None
    return _(
        "Only a focal point of %(organisation)s may do this: the need belongs to its "
        "organisation (nothing for me without me)."
    ) % {"organisation": _organisation_name(need)}


def edit_refusal(user, need) -> str | None:
    reason = focal_point_refusal(user, need)
    if reason:
        return reason
    if need.status not in EDITABLE_STATUSES:
        return _("Only a draft or returned need can be edited.")
    return None


def authority_refusal(user, need) -> str | None:
    """Endorsement: only the head (beneficiary authority) of the need's own organisation."""
    if need.organisation_id in authority_organisations(user):
        return None
    return _(
        "Only the authority of %(organisation)s may endorse this need: nothing is approved "
        "for a beneficiary without its own endorsement (nothing for me without me)."
    ) % {"organisation": _organisation_name(need)}


def bureau_officer_refusal(user, need=None) -> str | None:
    if is_bureau_officer(user):
        return None
    return _("Only a bureau officer may screen, return or close a need.")


def owner_refusal(user, need) -> str | None:
    """Withdrawal: the beneficiary's own people only (focal point or authority)."""
    if need.organisation_id in own_organisations(user):
        return None
    return _(
        "Only the people of %(organisation)s may withdraw its need (nothing for me without me)."
    ) % {"organisation": _organisation_name(need)}
