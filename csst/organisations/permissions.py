"""Who may maintain the organisation registry, and who sees what of its focal points."""

import rules
from django.utils.translation import gettext as _

from csst.accounts.permissions import (
    has_any_role,
    is_administrator,
    is_bureau_officer,
    is_bureau_staff,
)
from csst.core.errors import NotAllowed

# The registry is kept by the International Bureau: its officers and the administrators.
can_manage_organisations = is_bureau_officer | is_administrator

# Focal points' e-mail addresses: people who act for an organisation (any current role).
can_see_focal_point_emails = has_any_role | is_bureau_staff

# Past focal points (ended memberships): Bureau staff only.
can_see_past_focal_points = is_bureau_staff

rules.add_perm("organisations.manage", can_manage_organisations)


def management_refusal(user) -> str | None:
    """Refusal reason for anyone who may not create or edit organisations."""
    if can_manage_organisations(user):
        return None
    return _("Only bureau officers and administrators may manage the organisation registry.")


def require_manager(user) -> None:
    reason = management_refusal(user)
    if reason:
        raise NotAllowed(reason)
