"""Who a user is, as predicates (django-rules). Other apps build their rules on these."""

import rules
from django.utils import timezone

from .models import Role


def roles_of(user, day=None) -> set[str]:
    """The roles a user holds today (or on `day`); cached on the user for the request."""
    if not user or not user.is_authenticated:
        return set()
    key = f"_csst_roles_{day or timezone.localdate()}"
    if not hasattr(user, key):
        setattr(user, key, set(user.memberships.valid_on(day).values_list("role", flat=True)))
    return getattr(user, key)


def organisations_of(user, role: str | None = None, day=None) -> set[int]:
    """Ids of the organisations a user acts for today (optionally in one role)."""
    if not user or not user.is_authenticated:
        return set()
    memberships = user.memberships.valid_on(day)
    if role:
        memberships = memberships.filter(role=role)
    return set(memberships.values_list("organisation_id", flat=True))


def _has_role(role: str):
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        return role in roles_of(user)

    return predicate


is_beneficiary_focal_point = _has_role(Role.BENEFICIARY_FOCAL_POINT)
is_beneficiary_authority = _has_role(Role.BENEFICIARY_AUTHORITY)
is_provider_focal_point = _has_role(Role.PROVIDER_FOCAL_POINT)
is_donor = _has_role(Role.DONOR)
is_bureau_officer = _has_role(Role.BUREAU_OFFICER)
is_finance_officer = _has_role(Role.FINANCE_OFFICER)
is_administrator = _has_role(Role.ADMINISTRATOR) | rules.is_superuser


@rules.predicate
def has_any_role(user) -> bool:
    return bool(roles_of(user))


is_bureau_staff = is_bureau_officer | is_finance_officer | is_administrator
