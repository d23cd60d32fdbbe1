"""Every write on projects and their partners and endorsements. Each function is one transaction,
takes the acting user and raises a domain error (with a message in the user's language) on refusal.
"""

from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.currencies import currency_code
from csst.core.errors import DomainError, InvalidInput, NotAllowed, check_fields
from csst.core.money import decimal_or_none
from csst.core.workflow import transition
from csst.knowledge.inputs import by_code
from csst.knowledge.models import Need, SdgTarget, Theme
from csst.knowledge.needs.workflow import NEED_CONVERSION
from csst.knowledge.solutions.permissions import focal_point_organisations
from csst.knowledge.solutions.services import create_lesson
from csst.organisations.models import Organisation

from .modality import Role
from .models import Decision, Endorsement, Project, ProjectPartner, ProjectStatus
from .permissions import beneficiary_refusal, lesson_refusal, officer_refusal
from .readiness import ENDORSED_NEED_STATUSES
from .rules import project_modality
from .workflow import PROJECT_TRANSITIONS

S = ProjectStatus
# After these, the project is history: nothing about it changes any more.
FROZEN_STATUSES = frozenset(
    {S.OPERATIONALLY_CLOSED, S.EVALUATED, S.FINANCIALLY_CLOSED, S.CANCELLED}
)
# Statuses in which beneficiaries may (re-)endorse.
ENDORSABLE_STATUSES = frozenset({S.PENDING_ENDORSEMENT, S.APPROVED, S.IN_IMPLEMENTATION})
# A budget change larger than this share of the endorsed budget asks for endorsement again (R2).
BUDGET_TOLERANCE = Decimal("0.20")

PROJECT_FIELDS = frozenset(
    {
        "title_fr",
        "title_en",
        "summary_fr",
        "summary_en",
        "start_date",
        "end_date",
        "budget",
        "budget_currency",
        "themes",
        "sdg_targets",
        "origin_needs",
        "is_demo",
    }
)


def _require_officer(actor) -> None:
    reason = officer_refusal(actor)
    if reason:
        raise NotAllowed(reason)


def _require_open(project: Project) -> None:
    if project.status in FROZEN_STATUSES:
        raise DomainError(
            _("The project is %(status)s: it can no longer be changed.")
            % {"status": project.get_status_display().lower()}
        )


def _locked(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


# --- Scope and re-endorsement (R2) ------------------------------------------------------------


def scope_of(project: Project) -> dict:
    """What the beneficiaries endorse: scope (themes, SDG targets, needs), beneficiaries, budget."""
    return {
        "themes": sorted(project.themes.values_list("code", flat=True)),
        "sdg_targets": sorted(project.sdg_targets.values_list("code", flat=True)),
        "needs": sorted(project.origin_needs.values_list("pk", flat=True)),
        "beneficiaries": sorted(
            project.partners.filter(role=Role.BENEFICIARY).values_list("organisation_id", flat=True)
        ),
        "budget": str(project.budget) if project.budget is not None else None,
    }


def _budget_moved(before: str | None, after: str | None) -> bool:
    if before is None or after is None:
        return before != after
    before, after = Decimal(before), Decimal(after)
    if before == 0:
        return after != 0
    return abs(after - before) > before * BUDGET_TOLERANCE


def changes_needing_endorsement(endorsed: dict, current: dict) -> list[str]:
    """Which endorsed elements changed enough to ask the beneficiaries again."""
    if not endorsed:
        return []
    changed = [
        key
        for key in ("themes", "sdg_targets", "needs", "beneficiaries")
        if endorsed.get(key) != current.get(key)
    ]
    if _budget_moved(endorsed.get("budget"), current.get("budget")):
        changed.append("budget")
    return changed


def _after_change(project: Project) -> None:
    """Recompute the modality (R1) and, when the endorsed scope moved, ask again (R2)."""
    project.modality = project_modality(project).modality.value
    current = scope_of(project)
    if changes_needing_endorsement(project.endorsed_scope, current):
        project.endorsements.filter(decision=Decision.ENDORSED, superseded=False).update(
            superseded=True
        )
        project.endorsed_scope = current
    project.save(update_fields=["modality", "endorsed_scope", "updated_at", "search_text"])


@transaction.atomic
def refresh_derived(project: Project) -> None:
    """After a change made outside these services (the admin): modality and endorsed scope."""
    _after_change(_locked(project))


# --- Projects ---------------------------------------------------------------------------------


def _needs(ids) -> list[Need]:
    ids = [int(pk) for pk in ids or []]
    needs = list(Need.objects.filter(pk__in=ids))
    if len(needs) != len(set(ids)):
        raise InvalidInput(_("Origin needs: unknown need."))
    return needs


def _apply(project: Project, data: dict) -> dict:
    """Set plain fields; return the many-to-many values to set after saving."""
    check_fields(data, PROJECT_FIELDS)
    data = dict(data)
    relations = {}
    if "themes" in data:
        relations["themes"] = by_code(Theme, data.pop("themes"), _("Themes"))
    if "sdg_targets" in data:
        relations["sdg_targets"] = by_code(SdgTarget, data.pop("sdg_targets"), _("SDG targets"))
    if "origin_needs" in data:
        relations["origin_needs"] = _needs(data.pop("origin_needs"))
    if "budget_currency" in data:
        data["budget_currency"] = currency_code(data["budget_currency"] or "CHF", _("Currency"))
    for name, value in data.items():
        setattr(project, name, value)
    try:
        project.full_clean(exclude=["code", "modality"])
    except ValidationError as exc:
        messages = (" ".join(errors) for errors in exc.message_dict.values())
        raise InvalidInput(" ".join(messages)) from exc
    if project.start_date and project.end_date and project.end_date < project.start_date:
        raise InvalidInput(_("The end date cannot be before the start date."))
    return relations


def next_code(year: int) -> str:
    prefix = f"CSST-{year}-"
    taken = Project.objects.filter(code__startswith=prefix).count()
    return f"{prefix}{taken + 1:03d}"


@transaction.atomic
def create_project(actor, data: dict) -> Project:
    """A new project, identified by a bureau officer (usually from an endorsed need)."""
    _require_officer(actor)
    project = Project(
        code=next_code(timezone.localdate().year),
        responsible_officer=actor,
        created_by=actor,
    )
    relations = _apply(project, data)
    project.save()
    for name, values in relations.items():
        getattr(project, name).set(values)
    _after_change(project)
    return project


@transaction.atomic
def create_project_from_need(actor, need: Need) -> Project:
    """Turn an endorsed need into a project: its themes, SDG targets (R3) and its requester as the
    first beneficiary partner; the title waits for its translation in the other language."""
    _require_officer(actor)
    if need.status not in ENDORSED_NEED_STATUSES:
        raise DomainError(_("Only a need endorsed by its beneficiary can become a project (R4)."))
    project = create_project(
        actor,
        {
            f"title_{need.language}": need.title,
            f"summary_{need.language}": need.expected_results or need.problem,
            "themes": list(need.themes.values_list("code", flat=True)),
            "sdg_targets": list(need.sdg_targets.values_list("code", flat=True)),
            "origin_needs": [need.pk],
        },
    )
    ProjectPartner.objects.create(
        project=project, organisation=need.organisation, role=Role.BENEFICIARY, created_by=actor
    )
    _after_change(project)
    return project


@transaction.atomic
def update_project(actor, project: Project, data: dict) -> Project:
    _require_officer(actor)
    project = _locked(project)
    _require_open(project)
    relations = _apply(project, data)
    project.save()
    for name, values in relations.items():
        getattr(project, name).set(values)
    _after_change(project)
    return project


# --- Partners ---------------------------------------------------------------------------------


def _amount(value, label) -> Decimal:
    """A commitment: zero when empty, never negative."""
    return decimal_or_none(value, label, 2, minimum=Decimal(0)) or Decimal(0)


@transaction.atomic
def add_partner(
    actor,
    project: Project,
    organisation_id: int,
    role: str,
    cash=0,
    in_kind=0,
    currency="CHF",
    note: str = "",
) -> ProjectPartner:
    _require_officer(actor)
    project = _locked(project)
    _require_open(project)
    if role not in {r.value for r in Role}:
        raise InvalidInput(_("Role: unknown value."))
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise InvalidInput(_("Organisation: unknown organisation."))
    if project.partners.filter(organisation=organisation, role=role).exists():
        raise DomainError(_("This organisation already has this role in the project."))
    partner = ProjectPartner.objects.create(
        project=project,
        organisation=organisation,
        role=role,
        committed_cash=_amount(cash, _("Committed cash")),
        committed_in_kind=_amount(in_kind, _("Committed in kind")),
        currency=currency_code(currency or "CHF", _("Currency")),
        contribution_note=note,
        created_by=actor,
    )
    _after_change(project)
    return partner


@transaction.atomic
def update_partner(actor, partner: ProjectPartner, cash=None, in_kind=None, note=None):
    _require_officer(actor)
    project = _locked(partner.project)
    _require_open(project)
    if cash is not None:
        partner.committed_cash = _amount(cash, _("Committed cash"))
    if in_kind is not None:
        partner.committed_in_kind = _amount(in_kind, _("Committed in kind"))
    if note is not None:
        partner.contribution_note = note
    partner.save()
    _after_change(project)
    return partner


@transaction.atomic
def remove_partner(actor, partner: ProjectPartner) -> None:
    _require_officer(actor)
    project = _locked(partner.project)
    _require_open(project)
    project.endorsements.filter(organisation_id=partner.organisation_id).update(superseded=True)
    partner.delete()
    _after_change(project)


# --- Endorsements and lifecycle ---------------------------------------------------------------


def _record(actor, project, organisation_id: int, decision: str, comment: str) -> Endorsement:
    reason = beneficiary_refusal(actor, project, organisation_id)
    if reason:
        raise NotAllowed(reason)
    project.endorsements.filter(organisation_id=organisation_id, decision=decision).update(
        superseded=True
    )
    return Endorsement.objects.create(
        project=project,
        organisation_id=organisation_id,
        person=actor,
        decision=decision,
        comment=(comment or "").strip(),
    )


@transaction.atomic
def endorse(actor, project: Project, organisation_id: int, agree: bool = True, comment=""):
    """A beneficiary's endorsement (or refusal) of the project, by a person acting for it (R2)."""
    project = _locked(project)
    if project.status not in ENDORSABLE_STATUSES:
        raise DomainError(_("The project is not waiting for endorsements."))
    if not agree and not (comment or "").strip():
        raise DomainError(_("Say why the project is declined: a comment is required."))
    decision = Decision.ENDORSED if agree else Decision.DECLINED
    if not agree:  # a refusal withdraws an earlier endorsement of the same organisation
        project.endorsements.filter(
            organisation_id=organisation_id, decision=Decision.ENDORSED
        ).update(superseded=True)
    return _record(actor, project, organisation_id, decision, comment)


@transaction.atomic
def accept_results(actor, project: Project, organisation_id: int, comment="") -> Endorsement:
    """At closure, each beneficiary accepts the results (R2 applies to the end as well)."""
    project = _locked(project)
    if project.status != S.IN_IMPLEMENTATION:
        raise DomainError(_("Results are accepted while the project is in implementation."))
    return _record(actor, project, organisation_id, Decision.ACCEPTED, comment)


@transaction.atomic
def change_project_status(actor, project: Project, action: str, comment: str = "") -> Project:
    """The one place where a project's status changes; every transition is logged."""
    project = _locked(project)
    transition(PROJECT_TRANSITIONS, project, action, actor, comment or "")
    return _after_transition(actor, project, action, comment or "")


@transaction.atomic
def arrange_demo_status(actor, project: Project, action: str, why: str) -> Project:
    """Demo data only: a historical case recorded after the fact, whose beneficiaries have no
    demo person to endorse. The readiness rules are skipped (never the permission) and `why`,
    naming what they would have refused, is logged with the transition."""
    project = _locked(project)
    if not project.is_demo:
        raise NotAllowed(_("Only demo projects may be arranged."))
    relaxed = {action: replace(PROJECT_TRANSITIONS[action], rules=())}
    transition(relaxed, project, action, actor, why)
    return _after_transition(actor, project, action, why)


def _after_transition(actor, project: Project, action: str, comment: str) -> Project:
    """What a transition records besides the status (who asked, who approved, the reason)."""
    if action == "request_endorsement":
        project.approval_requested_by = actor
        project.endorsed_scope = scope_of(project)
    elif action == "approve":
        project.approved_on = timezone.localdate()
        project.approved_by = actor
        project.modality = project_modality(project).modality.value  # as of approval (R11)
        _mark_needs_converted(actor, project)
    elif action == "cancel":
        project.cancel_reason = comment.strip()
    project.save()
    return project


def _mark_needs_converted(actor, project: Project) -> None:
    """The origin needs became this project (need lifecycle: → converted, logged)."""
    for need in project.origin_needs.select_for_update().filter(
        status__in=NEED_CONVERSION["convert"].sources
    ):
        transition(NEED_CONVERSION, need, "convert", actor, project.code)


@transaction.atomic
def write_final_report(actor, project: Project, text: str) -> Project:
    _require_officer(actor)
    project = _locked(project)
    if project.status != S.IN_IMPLEMENTATION:
        raise DomainError(_("The final report is written while the project is in implementation."))
    project.final_report = (text or "").strip()
    project.save(update_fields=["final_report", "updated_at"])
    return project


# --- Lessons learned --------------------------------------------------------------------------


def _lesson_organisation_id(actor, project: Project, organisation_id) -> int:
    """The partner organisation the lesson belongs to: the one given, or the only partner
    organisation the actor is focal point of, or (for an officer) the first beneficiary."""
    partners = list(project.partners.order_by("role", "id").values_list("organisation_id", "role"))
    partner_ids = {org for org, _role in partners}
    if organisation_id is None:
        own = sorted(partner_ids & focal_point_organisations(actor))
        beneficiaries = [org for org, role in partners if role == Role.BENEFICIARY]
        if len(own) == 1:
            organisation_id = own[0]
        elif officer_refusal(actor) is None and beneficiaries:
            organisation_id = beneficiaries[0]
    if organisation_id not in partner_ids:
        raise InvalidInput(_("Organisation: choose a partner organisation of the project."))
    return organisation_id


@transaction.atomic
def record_lesson(actor, project: Project, data: dict):
    """A lesson learned by the project (≥ 1 to close it), kept in the knowledge catalogue so
    that it can seed a solution; by an officer or a focal point of a partner organisation."""
    project = _locked(project)
    if project.status == S.CANCELLED:
        raise DomainError(_("The project is cancelled: it can no longer be changed."))
    reason = lesson_refusal(actor, project)
    if reason:
        raise NotAllowed(reason)
    data = dict(data)
    organisation_id = _lesson_organisation_id(actor, project, data.pop("organisation_id", None))
    lesson = create_lesson(
        actor, {**data, "organisation_id": organisation_id, "is_demo": project.is_demo}
    )
    project.lessons_learned.add(lesson)
    return lesson
