"""JSON API of projects: /api/v1/projects (mounted in config/api.py).

The modality is computed (rule R1) and comes with its reason in the request's language.
Transitions are POST actions; a rule that refuses answers 409 with its message, a person who may
not act answers 403. The timeline and who endorsed are for the Bureau and the partners.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from csst.accounts.auth import public, signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message, TransitionOut, transition_row
from csst.core.errors import NotAllowed
from csst.knowledge.needs.api import ThemeOut
from csst.knowledge.needs.selectors import need_for
from csst.knowledge.solutions.api import LessonIn, LessonOut

from . import selectors, services
from .delivery.api import delivery_router
from .modality import Modality, Role
from .models import Decision, ProjectStatus
from .workflow import PROJECT_ACTIONS

projects_router = Router(tags=["projects"])

TEXT_MAX = 20_000
MONEY_MAX = Decimal("1e15")
PUBLIC_READ_ERRORS = {**READ_ERRORS, 401: Message}
Code = str


def money(default):
    return Field(default, ge=0, le=MONEY_MAX, max_digits=18, decimal_places=2)


# --- Output -----------------------------------------------------------------------------------


class PartnerOut(Schema):
    id: int
    organisation_id: int
    organisation: str
    country: str | None = Field(description="ISO alpha-3; null for an international organisation")
    role: Role
    committed_cash: Decimal
    committed_in_kind: Decimal
    currency: str
    contribution_note: str

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_country(obj) -> str | None:
        country = obj.organisation.country
        return country.iso3 if country else None


class NeedRefOut(Schema):
    id: int
    title: str
    organisation: str
    status: str

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)


class EndorsementOut(Schema):
    id: int
    organisation_id: int
    organisation: str
    by: str = Field(description="Username of the person acting for the organisation")
    decision: Decision
    comment: str
    at: datetime
    superseded: bool

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_by(obj) -> str:
        return obj.person.username


class ProjectOut(Schema):
    id: int
    code: str
    status: ProjectStatus
    title: str
    title_fr: str
    title_en: str
    summary: str
    summary_fr: str
    summary_en: str
    modality: Modality = Field(description="Computed from the partners (rule R1)")
    modality_reason: str = Field(description="Why, in the request's language")
    themes: list[ThemeOut]
    sdg_targets: list[str] = Field(description="SDG target codes, e.g. 9.c")
    origin_needs: list[NeedRefOut]
    partners: list[PartnerOut]
    start_date: date | None
    end_date: date | None
    budget: Decimal | None
    budget_currency: str
    responsible_officer: str | None = Field(description="Username")
    approved_on: date | None
    approved_by: str | None = Field(description="Username")
    cancel_reason: str
    final_report: str
    is_demo: bool
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.title or obj.title_fr or obj.title_en or ""

    @staticmethod
    def resolve_title_fr(obj) -> str:
        return obj.title_fr or ""

    @staticmethod
    def resolve_title_en(obj) -> str:
        return obj.title_en or ""

    @staticmethod
    def resolve_summary(obj) -> str:
        return obj.summary or ""

    @staticmethod
    def resolve_summary_fr(obj) -> str:
        return obj.summary_fr or ""

    @staticmethod
    def resolve_summary_en(obj) -> str:
        return obj.summary_en or ""

    @staticmethod
    def resolve_modality(obj) -> str:
        return obj.modality or Modality.OTHER.value

    @staticmethod
    def resolve_modality_reason(obj) -> str:
        return selectors.modality_of(obj).reason

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())

    @staticmethod
    def resolve_sdg_targets(obj) -> list[str]:
        return [target.code for target in obj.sdg_targets.all()]

    @staticmethod
    def resolve_origin_needs(obj) -> list:
        return list(obj.origin_needs.all())

    @staticmethod
    def resolve_partners(obj) -> list:
        return selectors.partners_in_order(obj)

    @staticmethod
    def resolve_responsible_officer(obj) -> str | None:
        return obj.responsible_officer.username if obj.responsible_officer_id else None

    @staticmethod
    def resolve_approved_by(obj) -> str | None:
        return obj.approved_by.username if obj.approved_by_id else None


class ProjectFilters(Schema):
    modality: Modality | None = None
    status: ProjectStatus | None = None
    theme: str | None = Field(None, max_length=60, description="Theme code (narrower included)")
    sdg_target: str | None = Field(None, max_length=8, description="SDG target (9.c) or goal (9)")
    country: str | None = Field(
        None, min_length=3, max_length=3, description="ISO alpha-3 of any partner"
    )
    region: str | None = Field(None, max_length=3, description="UN M49 region code, any level")
    partner: int | None = Field(None, ge=1, le=2**31 - 1, description="Organisation id")
    q: str | None = Field(None, max_length=200, description="Words of the code, title or summary")


# --- Input ------------------------------------------------------------------------------------


class ProjectPatch(Input):
    title_fr: str | None = Field(None, max_length=250)
    title_en: str | None = Field(None, max_length=250)
    summary_fr: str | None = Field(None, max_length=TEXT_MAX)
    summary_en: str | None = Field(None, max_length=TEXT_MAX)
    start_date: date | None = None
    end_date: date | None = None
    budget: Decimal | None = money(None)
    budget_currency: str | None = Field(None, min_length=3, max_length=3)
    themes: list[Code] | None = Field(None, max_length=50, description="Theme codes")
    sdg_targets: list[Code] | None = Field(None, max_length=50, description="SDG target codes")
    origin_needs: list[int] | None = Field(None, max_length=50, description="Need ids")


class ProjectIn(ProjectPatch):
    need_id: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="An endorsed need to turn into the project (themes, SDG targets, requester)",
    )


class PartnerIn(Input):
    organisation_id: int = Field(ge=1, le=2**31 - 1)
    role: Role
    committed_cash: Decimal = money(Decimal(0))
    committed_in_kind: Decimal = money(Decimal(0))
    currency: str = Field("CHF", min_length=3, max_length=3)
    contribution_note: str = Field("", max_length=300)


class PartnerPatch(Input):
    committed_cash: Decimal | None = money(None)
    committed_in_kind: Decimal | None = money(None)
    contribution_note: str | None = Field(None, max_length=300)


class EndorsementIn(Input):
    organisation_id: int = Field(ge=1, le=2**31 - 1, description="The beneficiary you act for")
    agree: bool = Field(True, description="False to decline (a comment is then required)")
    comment: str = Field("", max_length=2000)


class AcceptanceIn(Input):
    organisation_id: int = Field(ge=1, le=2**31 - 1, description="The beneficiary you act for")
    comment: str = Field("", max_length=2000)


class ActionIn(Input):
    comment: str = Field("", max_length=2000)


class FinalReportIn(Input):
    text: str = Field(min_length=1, max_length=TEXT_MAX)


def _changes(payload: Schema, exclude=()) -> dict:
    """Fields sent and not null (null means "leave as is")."""
    data = payload.dict(exclude_unset=True, exclude=set(exclude))
    return {name: value for name, value in data.items() if value is not None}


class ProjectPagination(LimitOffsetPagination):
    """Limit/offset, with the modality reasons of the page computed together (constant queries)."""

    def paginate_queryset(self, queryset, pagination, **params):
        page = super().paginate_queryset(queryset, pagination, **params)
        page["items"] = selectors.with_modalities(page["items"])
        return page


def _project(request, project_id: int):
    return selectors.project_for(request.user, project_id)


def _insider_project(request, project_id: int):
    """The timeline and who endorsed are for the Bureau and the partners' people."""
    project = _project(request, project_id)
    if not selectors.is_insider(request.user, project):
        raise NotAllowed(_("Only the Bureau and the partners may see this record of a project."))
    return project


# --- Endpoints --------------------------------------------------------------------------------


@projects_router.get(
    "",
    response={200: list[ProjectOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="Projects the caller may see (the public sees them from approval on)",
)
@paginate(ProjectPagination)
def list_projects(request, filters: Query[ProjectFilters]):
    return (
        selectors.projects_for(request.user, **filters.dict())
        .select_related("responsible_officer", "approved_by")
        .prefetch_related("origin_needs__organisation")
    )


@projects_router.post(
    "",
    response={201: ProjectOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Create a project (bureau officer), from an endorsed need when `need_id` is given",
)
def create_project(request, payload: ProjectIn):
    data = _changes(payload, exclude={"need_id"})
    if payload.need_id:
        need = need_for(request.user, payload.need_id)
        project = services.create_project_from_need(request.user, need)
        if data:
            services.update_project(request.user, project, data)
    else:
        project = services.create_project(request.user, data)
    return Status(201, _project(request, project.pk))


@projects_router.get(
    "/{int:project_id}", response={200: ProjectOut, **PUBLIC_READ_ERRORS}, auth=public
)
def get_project(request, project_id: int):
    return _project(request, project_id)


@projects_router.patch(
    "/{int:project_id}",
    response={200: ProjectOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Edit a project (bureau officer); a change of scope asks for endorsement again",
)
def update_project(request, project_id: int, payload: ProjectPatch):
    services.update_project(request.user, _project(request, project_id), _changes(payload))
    return _project(request, project_id)


@projects_router.post(
    "/{int:project_id}/partners",
    response={201: PartnerOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Add a partner in an SSTC role (bureau officer)",
)
def add_partner(request, project_id: int, payload: PartnerIn):
    partner = services.add_partner(
        request.user,
        _project(request, project_id),
        payload.organisation_id,
        payload.role,
        cash=payload.committed_cash,
        in_kind=payload.committed_in_kind,
        currency=payload.currency,
        note=payload.contribution_note,
    )
    return Status(201, partner)


def _partner(request, project_id: int, partner_id: int):
    project = _project(request, project_id)
    return get_object_or_404(
        project.partners.select_related("organisation__country"), pk=partner_id
    )


@projects_router.patch(
    "/{int:project_id}/partners/{int:partner_id}",
    response={200: PartnerOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Change what a partner commits (bureau officer)",
)
def update_partner(request, project_id: int, partner_id: int, payload: PartnerPatch):
    return services.update_partner(
        request.user,
        _partner(request, project_id, partner_id),
        cash=payload.committed_cash,
        in_kind=payload.committed_in_kind,
        note=payload.contribution_note,
    )


@projects_router.delete(
    "/{int:project_id}/partners/{int:partner_id}",
    response={204: None, **WRITE_ERRORS},
    auth=signed_in,
    summary="Remove a partner (bureau officer)",
)
def remove_partner(request, project_id: int, partner_id: int):
    services.remove_partner(request.user, _partner(request, project_id, partner_id))
    return Status(204, None)


@projects_router.post(
    "/{int:project_id}/endorsements",
    response={201: EndorsementOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Endorse or decline the project for a beneficiary you act for (rule R2)",
)
def endorse(request, project_id: int, payload: EndorsementIn):
    endorsement = services.endorse(
        request.user,
        _project(request, project_id),
        payload.organisation_id,
        agree=payload.agree,
        comment=payload.comment,
    )
    return Status(201, endorsement)


@projects_router.get(
    "/{int:project_id}/endorsements",
    response={200: list[EndorsementOut], **PUBLIC_READ_ERRORS, 403: Message},
    auth=public,
    summary="Endorsements and acceptances, superseded ones included (the Bureau and the partners)",
)
def list_endorsements(request, project_id: int):
    project = _insider_project(request, project_id)
    return list(project.endorsements.all())


@projects_router.post(
    "/{int:project_id}/acceptances",
    response={201: EndorsementOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Accept the results for a beneficiary you act for (before closure)",
)
def accept_results(request, project_id: int, payload: AcceptanceIn):
    acceptance = services.accept_results(
        request.user, _project(request, project_id), payload.organisation_id, payload.comment
    )
    return Status(201, acceptance)


@projects_router.put(
    "/{int:project_id}/final-report",
    response={200: ProjectOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Write the final report (bureau officer, while in implementation)",
)
def write_final_report(request, project_id: int, payload: FinalReportIn):
    services.write_final_report(request.user, _project(request, project_id), payload.text)
    return _project(request, project_id)


@projects_router.post(
    "/{int:project_id}/lessons",
    response={201: LessonOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Record a lesson learned by the project (officer, or a partner's focal point)",
)
def record_lesson(request, project_id: int, payload: LessonIn):
    data = payload.dict(exclude_none=True)
    lesson = services.record_lesson(request.user, _project(request, project_id), data)
    return Status(201, lesson)


@projects_router.post(
    "/{int:project_id}/actions/{action}",
    response={200: ProjectOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Change the status: " + ", ".join(PROJECT_ACTIONS),
)
def change_status(
    request, project_id: int, action: Literal[PROJECT_ACTIONS], payload: ActionIn | None = None
):
    comment = payload.comment if payload else ""
    services.change_project_status(request.user, _project(request, project_id), action, comment)
    return _project(request, project_id)


@projects_router.get(
    "/{int:project_id}/history",
    response={200: list[TransitionOut], **PUBLIC_READ_ERRORS, 403: Message},
    auth=public,
    by_alias=True,
    summary="Transition log (the Bureau and the partners)",
)
def get_history(request, project_id: int):
    project = _insider_project(request, project_id)
    return [transition_row(log) for log in selectors.project_history(project)]


projects_router.add_router("", delivery_router)
