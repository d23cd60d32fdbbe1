"""Who a user is, as predicates (django-rules). Other apps build their rules on these."""

from collections.abc import Iterable

import rules
from django.utils import timezone

from .models import Role


def _memberships_of(user, day) -> list[tuple[str, int]]:
    """(role, organisation id) of the memberships valid on `day`; cached on the user for the
    request, since every permission check of a page asks again."""
    key = f"_csst_memberships_{day or timezone.localdate()}"
    if not hasattr(user, key):
        memberships = user.memberships.valid_on(day).values_list("role", "organisation_id")
        setattr(user, key, list(memberships))
    return getattr(user, key)


def roles_of(user, day=None) -> set[str]:
    """The roles a user holds today (or on `day`)."""
    if not user or not user.is_authenticated:
        return set()
    return {role for role, _organisation in _memberships_of(user, day)}


def organisations_of(user, role: str | Iterable[str] | None = None, day=None) -> set[int]:
    """Ids of the organisations a user acts for today (or on `day`), in any role or in the
    given role(s)."""
    if not user or not user.is_authenticated:
        return set()
    roles = {role} if isinstance(role, str) else set(role or ())
    return {org for held, org in _memberships_of(user, day) if not roles or held in roles}


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
