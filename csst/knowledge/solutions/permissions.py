"""Who may do what with solutions and lessons learned.

Each `*_refusal` function returns a translated refusal reason, or None when the user may go ahead.
"""

from django.utils import timezone

from csst.accounts.models import Role
from csst.accounts.permissions import is_bureau_staff, organisations_of

from ..models import SolutionStatus

PUBLIC_STATUSES = frozenset({SolutionStatus.VALIDATED})


def provider_organisations(user) -> set[int]:
    """Organisations the user acts for as provider focal point today (cached for the request)."""
    if not user or not user.is_authenticated:
        return set()
    key = f"_csst_provider_orgs_{timezone.localdate()}"
    if not hasattr(user, key):
        setattr(user, key, organisations_of(user, Role.PROVIDER_FOCAL_POINT))
    return getattr(user, key)


def sees_every_solution(user) -> bool:
    return bool(user and user.is_authenticated and is_bureau_staff(user))
