"""Conditions a project must meet before a transition: workflow rules `(actor, project) -> reason`.

Each returns a translated sentence naming what is missing, or None.
"""

from django.utils.translation import gettext as _

from csst.core.i18n import require_all_languages
from csst.knowledge.models import NeedStatus

from .modality import Role
from .models import ActivityStatus, Decision

# Needs that have passed the ownership gate (R2) and may found a project (R4).
ENDORSED_NEED_STATUSES = frozenset(
    {NeedStatus.ENDORSED, NeedStatus.OPEN, NeedStatus.MATCHED, NeedStatus.CONVERTED}
)


def _names(organisations) -> str:
    return ", ".join(str(organisation) for organisation in organisations)


def _beneficiaries(project):
    return [
        partner.organisation
        for partner in project.partners.filter(role=Role.BENEFICIARY).select_related("organisation")
    ]


def _without_record(project, decision: str) -> list:
    """Beneficiary organisations that have no current record of `decision`."""
    recorded = set(
        project.endorsements.filter(decision=decision, superseded=False).values_list(
            "organisation_id", flat=True
        )
    )
    return [org for org in _beneficiaries(project) if org.pk not in recorded]


def traces_to_endorsed_need(actor, project) -> str | None:
    """R4: demand-driven."""
    if project.origin_needs.filter(status__in=ENDORSED_NEED_STATUSES).exists():
        return None
    return _("The project must trace to at least one need endorsed by its beneficiary (R4).")


def partners_complete(actor, project) -> str | None:
    roles = set(project.partners.values_list("role", flat=True))
    missing = []
    if Role.BENEFICIARY not in roles:
        missing.append(_("a beneficiary partner"))
    if Role.PIVOTAL not in roles:
        missing.append(_("a pivotal partner (the provider)"))
    if missing:
        return _("The project still needs %(missing)s.") % {"missing": _(" and ").join(missing)}
    return None


def every_beneficiary_endorsed(actor, project) -> str | None:
    """R2, the ownership gate: every beneficiary partner, through a person acting for it."""
    missing = _without_record(project, Decision.ENDORSED)
    if not missing:
        return None
    return _(
        "Not every beneficiary has endorsed the project (nothing for me without me); "
        "waiting for: %(organisations)s."
    ) % {"organisations": _names(missing)}


def pivotal_committed(actor, project) -> str | None:
    idle = [
        partner.organisation
        for partner in project.partners.filter(role=Role.PIVOTAL).select_related("organisation")
        if partner.committed_cash + partner.committed_in_kind <= 0
    ]
    if not idle:
        return None
    return _("Every pivotal partner must commit something (cash or in kind): %(names)s.") % {
        "names": _names(idle)
    }


def bilingual(actor, project) -> str | None:
    """R12: an approved project is public, so its title and summary exist in every language."""
    return require_all_languages(project, ["title", "summary"])


def final_report_written(actor, project) -> str | None:
    if (project.final_report or "").strip():
        return None
    return _("Write the final report before closing the project.")


def results_accepted(actor, project) -> str | None:
    missing = _without_record(project, Decision.ACCEPTED)
    if not missing:
        return None
    return _("Every beneficiary must accept the results; waiting for: %(organisations)s.") % {
        "organisations": _names(missing)
    }


def final_values_given(actor, project) -> str | None:
    indicators = list(project.indicators.prefetch_related("values"))
    if not indicators:
        return _("The project has no result indicator: define at least one and report on it.")
    incomplete = [
        indicator.name
        for indicator in indicators
        if not any(value.is_final for value in indicator.values.all())
        and not indicator.final_value_justification.strip()
    ]
    if not incomplete:
        return None
    return _("Give a final value, or say why there is none, for: %(indicators)s.") % {
        "indicators": ", ".join(incomplete)
    }


def activities_reported(actor, project) -> str | None:
    planned = list(
        project.activities.filter(status=ActivityStatus.PLANNED).values_list("title", flat=True)
    )
    if not planned:
        return None
    return _("Complete or cancel these activities first: %(activities)s.") % {
        "activities": ", ".join(planned)
    }


def lesson_recorded(actor, project) -> str | None:
    if project.lessons_learned.exists():
        return None
    return _("Record at least one lesson learned before closing the project.")
