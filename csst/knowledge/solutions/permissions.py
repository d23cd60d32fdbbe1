"""Who may do what with solutions and lessons learned.

Each `*_refusal` function returns a translated refusal reason, or None when the user may go ahead;
those taking `(user, solution)` double as workflow guards.
"""

from django.utils.translation import gettext as _

from csst.accounts.models import Role
from csst.accounts.permissions import (
    has_any_role,
    is_bureau_officer,
    is_bureau_staff,
    organisations_of,
)
from csst.countries.classification import south_status

from ..models import SolutionStatus

PUBLIC_STATUSES = frozenset({SolutionStatus.VALIDATED})
# What the provider may edit; the Bureau may complete translations while it awaits validation.
EDITABLE_STATUSES = frozenset({SolutionStatus.DRAFT})
TRANSLATABLE_STATUSES = frozenset({SolutionStatus.SUBMITTED})


def provider_organisations(user) -> set[int]:
    """Organisations the user acts for as provider focal point today."""
    return organisations_of(user, Role.PROVIDER_FOCAL_POINT)


def focal_point_organisations(user) -> set[int]:
    """Organisations the user acts for as any focal point (beneficiary or provider): lessons."""
    return organisations_of(user, (Role.BENEFICIARY_FOCAL_POINT, Role.PROVIDER_FOCAL_POINT))


def sees_every_solution(user) -> bool:
    return bool(user and user.is_authenticated and is_bureau_staff(user))


def is_owner(user, solution) -> bool:
    return solution.organisation_id in provider_organisations(user)


def may_see_confidential(user, solution) -> bool:
    """The review comment and the timeline: the provider organisation and the Bureau."""
    return sees_every_solution(user) or is_owner(user, solution)


# --- The South rule ----------------------------------------------------------------------------


def south_refusal(organisation, on=None) -> str | None:
    """Only organisations of countries that are South on `on` (today) offer solutions; says why."""
    if organisation.country_id is None:
        return _(
            "Only organisations of South countries can offer solutions: %(organisation)s has no "
            "country (international organisations cannot offer solutions)."
        ) % {"organisation": organisation}
    status = south_status(organisation.country_id, on)
    if status.is_south:
        return None
    return _(
        "Only organisations of South countries can offer solutions: %(country)s — %(reason)s"
    ) % {"country": organisation.country.name, "reason": status.reason}


# --- Solutions ---------------------------------------------------------------------------------


def create_refusal(user) -> str | None:
    if provider_organisations(user):
        return None
    return _("Only a provider focal point may offer a solution for its organisation.")


def owner_refusal(user, solution) -> str | None:
    """Submit, revise, edit, evidence: a provider focal point of the solution's organisation."""
    if is_owner(user, solution):
        return None
    return _("Only a provider focal point of %(organisation)s may do this.") % {
        "organisation": solution.organisation
    }


def bureau_officer_refusal(user, solution=None) -> str | None:
    if is_bureau_officer(user):
        return None
    return _("Only a bureau officer may validate, return or re-confirm a solution.")


def archive_refusal(user, solution) -> str | None:
    if is_bureau_officer(user) or is_owner(user, solution):
        return None
    return _("Only a bureau officer or the provider organisation may archive a solution.")


def officer_translates(user, solution) -> bool:
    """While it awaits validation, the Bureau may complete the translation (R12)."""
    return solution.status in TRANSLATABLE_STATUSES and bool(is_bureau_officer(user))


def edit_refusal(user, solution) -> str | None:
    if officer_translates(user, solution):
        return None
    reason = owner_refusal(user, solution)
    if reason:
        return reason
    if solution.status not in EDITABLE_STATUSES:
        return _("Only a draft solution can be edited: revise it first to change it.")
    return None


def evidence_refusal(user, solution) -> str | None:
    """Evidence is part of the content: the provider adds or removes it while it is a draft."""
    reason = owner_refusal(user, solution)
    if reason:
        return reason
    if solution.status not in EDITABLE_STATUSES:
        return _("Evidence can be changed only while the solution is a draft.")
    return None


# --- Lessons learned ---------------------------------------------------------------------------


def reads_lessons(user) -> bool:
    """Lessons are not public: signed-in partners (any role) and the Bureau."""
    return bool(user and user.is_authenticated and has_any_role(user))


def lesson_read_refusal(user) -> str | None:
    if reads_lessons(user):
        return None
    return _("Lessons learned are shared with the partners and the Bureau only.")


def lesson_create_refusal(user, organisation_id: int | None = None) -> str | None:
    """Any focal point for its own organisation, or a bureau officer for any organisation."""
    if is_bureau_officer(user):
        return None
    own = focal_point_organisations(user)
    if own and (organisation_id is None or organisation_id in own):
        return None
    return _(
        "Only a focal point (for its own organisation) or a bureau officer may record a lesson."
    )


def draft_from_lesson_refusal(user, lesson) -> str | None:
    if is_bureau_officer(user) or lesson.organisation_id in provider_organisations(user):
        return None
    return _(
        "Only a provider focal point of %(organisation)s or a bureau officer may turn this lesson "
        "into a solution."
    ) % {"organisation": lesson.organisation}
