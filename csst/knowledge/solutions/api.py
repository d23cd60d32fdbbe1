"""JSON API of solutions (/api/v1/solutions) and lessons learned (/api/v1/lessons).

Translated texts come as `title_fr`, `title_en`… plus `title` in the request's language (with the
other language as fallback). The review comment is null for callers who may not see it.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status
from pydantic import field_validator

from csst.accounts.auth import public, signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message, TransitionOut, transition_row
from csst.core.errors import NotAllowed
from csst.countries.classification import south_status, statuses_for
from csst.countries.models import Scheme

from ..inputs import WORKING_LANGUAGES
from ..models import Modality, Solution, SolutionStatus, TechnologyLevel
from ..needs.api import ThemeOut
from . import selectors, services
from .downloads import evidence_file_response
from .permissions import lesson_read_refusal, may_see_confidential
from .workflow import SOLUTION_ACTIONS, TRANSLATED_FIELDS

solutions_router = Router(tags=["solutions"])
lessons_router = Router(tags=["lessons learned"])

TEXT_MAX = 20_000
PUBLIC_READ_ERRORS = {**READ_ERRORS, 401: Message}
SIGNED_IN_READ_ERRORS = {**READ_ERRORS, 401: Message, 403: Message}
Code = str
BILINGUAL = [f"{name}{suffix}" for name in TRANSLATED_FIELDS for suffix in ("", "_fr", "_en")]


# --- Solutions: output ---------------------------------------------------------------------------


class SouthStatusOut(Schema):
    is_south: bool | None = Field(description="Today; null when no classification is known")
    reason: str = Field(description="Why, as of which date and from which source")


class SolutionOut(Schema):
    id: int
    status: SolutionStatus
    title: str
    title_fr: str
    title_en: str
    problem_solved: str
    problem_solved_fr: str
    problem_solved_en: str
    approach: str
    approach_fr: str
    approach_en: str
    results: str
    results_fr: str
    results_en: str
    transfer_conditions: str
    transfer_conditions_fr: str
    transfer_conditions_en: str
    organisation_id: int
    organisation: str
    country: str = Field(description="ISO alpha-3")
    south_status: SouthStatusOut
    technology_level: TechnologyLevel
    indicative_cost: Decimal | None
    cost_currency: str = Field(description="ISO 4217 code; empty without a cost")
    languages: list[str]
    modalities: list[str]
    themes: list[ThemeOut]
    sdg_targets: list[str] = Field(description="SDG target codes, e.g. 9.c")
    reviewed_at: date | None
    stale: bool = Field(description="Validated and not reviewed for more than 24 months")
    is_demo: bool
    created_at: datetime
    updated_at: datetime
    review_comment: str | None = Field(
        None, description="Confidential: the provider organisation and the Bureau only"
    )

    @field_validator(*BILINGUAL, mode="before", check_fields=False)
    @classmethod
    def empty_not_null(cls, value):
        return value or ""

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.iso3

    @staticmethod
    def resolve_south_status(obj) -> dict:
        status = getattr(obj, "south", None) or south_status(obj.country_id)
        return {"is_south": status.is_south, "reason": status.reason}

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())

    @staticmethod
    def resolve_sdg_targets(obj) -> list[str]:
        return [target.code for target in obj.sdg_targets.all()]

    @staticmethod
    def resolve_stale(obj) -> bool:
        stale = getattr(obj, "stale", None)
        return selectors.is_stale(obj) if stale is None else bool(stale)

    @staticmethod
    def resolve_review_comment(obj, context) -> str | None:
        request = (context or {}).get("request")
        if request and may_see_confidential(request.user, obj):
            return obj.review_comment
        return None


class SolutionPage(Schema):
    items: list[SolutionOut]
    count: int


class EvidenceOut(Schema):
    id: int
    title: str
    source_url: str
    file_url: str | None = Field(None, description="Download link when a file is stored")
    created_at: datetime

    @staticmethod
    def resolve_file_url(obj) -> str | None:
        if not obj.file:
            return None
        return reverse("api:solution_evidence_file", args=[obj.solution_id, obj.pk])


# --- Solutions: input ----------------------------------------------------------------------------


class SolutionPatch(Input):
    title_fr: str | None = Field(None, max_length=200)
    title_en: str | None = Field(None, max_length=200)
    problem_solved_fr: str | None = Field(None, max_length=TEXT_MAX)
    problem_solved_en: str | None = Field(None, max_length=TEXT_MAX)
    approach_fr: str | None = Field(None, max_length=TEXT_MAX)
    approach_en: str | None = Field(None, max_length=TEXT_MAX)
    results_fr: str | None = Field(None, max_length=TEXT_MAX)
    results_en: str | None = Field(None, max_length=TEXT_MAX)
    transfer_conditions_fr: str | None = Field(None, max_length=TEXT_MAX)
    transfer_conditions_en: str | None = Field(None, max_length=TEXT_MAX)
    technology_level: TechnologyLevel | None = None
    indicative_cost: Decimal | None = Field(
        None, ge=0, max_digits=14, decimal_places=2, description="With cost_currency"
    )
    cost_currency: str | None = Field(None, max_length=3, description="ISO 4217, e.g. USD")
    languages: list[Literal[WORKING_LANGUAGES]] | None = Field(None, max_length=10)
    modalities: list[Modality] | None = Field(None, max_length=10)
    themes: list[Code] | None = Field(None, max_length=50, description="Theme codes")
    sdg_targets: list[Code] | None = Field(None, max_length=50, description="SDG target codes")


class SolutionIn(SolutionPatch):
    organisation_id: int | None = Field(
        None, ge=1, description="Required when you are focal point of several organisations"
    )


# Sent as null, these are cleared (a cost and its currency go together); others are left as is.
CLEARABLE = {"indicative_cost", "cost_currency"}


def _changes(payload: Schema) -> dict:
    return {
        name: value
        for name, value in payload.dict(exclude_unset=True).items()
        if value is not None or name in CLEARABLE
    }


class ActionIn(Input):
    comment: str = Field("", max_length=2000)


class EvidenceIn(Input):
    title: str = Field(min_length=1, max_length=300)
    source_url: str = Field("", max_length=500)


class SolutionFilters(Schema):
    status: SolutionStatus | None = None
    theme: str | None = Field(None, max_length=60, description="Theme code")
    sdg_target: str | None = Field(None, max_length=8, description="SDG target code, e.g. 9.c")
    country: str | None = Field(None, min_length=3, max_length=3, description="ISO alpha-3")
    region: str | None = Field(None, max_length=3, description="UN M49 region code")
    technology_level: TechnologyLevel | None = None
    stale: bool | None = Field(None, description="true: stale only; false: not stale")
    q: str | None = Field(None, max_length=200, description="Words of the texts or names")
    limit: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.API_PAGE_MAX)
    offset: int = Field(0, ge=0, le=10_000_000)


def _with_south_status(solutions: list) -> list:
    """South status of every row in one query (shown with each solution)."""
    statuses = statuses_for({s.country_id for s in solutions}, [Scheme.NORTH_SOUTH])
    for solution in solutions:
        solution.south = statuses[solution.country_id][Scheme.NORTH_SOUTH]
    return solutions


def _solution(request, solution_id: int):
    return selectors.solution_for(request.user, solution_id)


# --- Solutions: endpoints ------------------------------------------------------------------------


@solutions_router.get(
    "",
    response={200: SolutionPage, **PUBLIC_READ_ERRORS},
    auth=public,
    summary="Solutions the caller may see (the public sees validated ones)",
)
def list_solutions(request, filters: Query[SolutionFilters]):
    criteria = filters.dict()
    limit, offset = criteria.pop("limit"), criteria.pop("offset")
    found = selectors.solutions_for(request.user, **criteria)
    page = list(found[offset : offset + limit])
    return {"items": _with_south_status(page), "count": found.count()}


@solutions_router.post(
    "",
    response={201: SolutionOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Offer a solution (provider focal point of a South organisation); starts as a draft",
)
def create_solution(request, payload: SolutionIn):
    solution = services.create_solution(request.user, _changes(payload))
    return Status(201, _solution(request, solution.pk))


@solutions_router.get(
    "/{int:solution_id}", response={200: SolutionOut, **PUBLIC_READ_ERRORS}, auth=public
)
def get_solution(request, solution_id: int):
    return _solution(request, solution_id)


@solutions_router.patch(
    "/{int:solution_id}",
    response={200: SolutionOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Edit a draft (provider); complete translations while it awaits validation (Bureau)",
)
def update_solution(request, solution_id: int, payload: SolutionPatch):
    services.update_solution(request.user, _solution(request, solution_id), _changes(payload))
    return _solution(request, solution_id)


@solutions_router.post(
    "/{int:solution_id}/actions/{action}",
    response={200: SolutionOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Change the status: submit, validate, return, reconfirm, revise, archive",
)
def change_solution_status(
    request, solution_id: int, action: Literal[SOLUTION_ACTIONS], payload: ActionIn | None = None
):
    comment = payload.comment if payload else ""
    services.change_solution_status(request.user, _solution(request, solution_id), action, comment)
    return _solution(request, solution_id)


@solutions_router.get(
    "/{int:solution_id}/history",
    response={200: list[TransitionOut], **PUBLIC_READ_ERRORS, 403: Message},
    auth=public,
    by_alias=True,
    summary="Transition log (the provider organisation and the Bureau)",
)
def get_solution_history(request, solution_id: int):
    solution = _solution(request, solution_id)
    if not may_see_confidential(request.user, solution):
        raise NotAllowed(
            _("Only the provider organisation and the Bureau may see the history of a solution.")
        )
    return [transition_row(log) for log in selectors.solution_history(solution)]


@solutions_router.get(
    "/{int:solution_id}/evidence",
    response={200: list[EvidenceOut], **PUBLIC_READ_ERRORS},
    auth=public,
)
def list_evidence(request, solution_id: int):
    return selectors.evidence_of(_solution(request, solution_id))


@solutions_router.post(
    "/{int:solution_id}/evidence",
    response={201: EvidenceOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Add evidence (provider, drafts): multipart with a file (PDF, Office), a link, or both",
)
def add_evidence(
    request, solution_id: int, payload: Form[EvidenceIn], file: File[UploadedFile] = None
):
    evidence = services.add_evidence(
        request.user,
        _solution(request, solution_id),
        payload.title,
        upload=file,
        source_url=payload.source_url,
    )
    return Status(201, evidence)


def _evidence(request, solution_id: int, evidence_id: int):
    evidence = selectors.evidence_for(request.user, evidence_id)
    if evidence.solution_id != solution_id:
        raise Http404
    return evidence


@solutions_router.get(
    "/{int:solution_id}/evidence/{int:evidence_id}/file",
    response=PUBLIC_READ_ERRORS,
    auth=public,
    url_name="solution_evidence_file",
    summary="Download an evidence file (permission-checked)",
    openapi_extra={
        "responses": {
            "200": {"description": "The file", "content": {"application/octet-stream": {}}}
        }
    },
)
def get_evidence_file(request, solution_id: int, evidence_id: int):
    return evidence_file_response(_evidence(request, solution_id, evidence_id))


@solutions_router.delete(
    "/{int:solution_id}/evidence/{int:evidence_id}",
    response={204: None, **WRITE_ERRORS},
    auth=signed_in,
    summary="Remove evidence (provider, drafts)",
)
def remove_evidence(request, solution_id: int, evidence_id: int):
    services.remove_evidence(request.user, _evidence(request, solution_id, evidence_id))
    return Status(204, None)


# --- Lessons learned -----------------------------------------------------------------------------


class LessonOut(Schema):
    id: int
    organisation_id: int
    organisation: str
    title: str
    language: str
    context: str
    lesson: str
    recommendation: str
    themes: list[ThemeOut]
    solution_id: int | None = Field(description="The draft solution it became, if any")
    is_demo: bool
    created_at: datetime

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())


class LessonIn(Input):
    organisation_id: int | None = Field(
        None, ge=1, description="Required for bureau officers and focal points of several"
    )
    title: str = Field(min_length=1, max_length=200)
    language: Literal["fr", "en"]
    context: str = Field(min_length=1, max_length=TEXT_MAX)
    lesson: str = Field(min_length=1, max_length=TEXT_MAX)
    recommendation: str = Field("", max_length=TEXT_MAX)
    themes: list[Code] = Field([], max_length=50, description="Theme codes")


def _require_lesson_reader(request) -> None:
    reason = lesson_read_refusal(request.user)
    if reason:
        raise NotAllowed(reason)


@lessons_router.get(
    "",
    response={200: list[LessonOut], **SIGNED_IN_READ_ERRORS},
    auth=signed_in,
    summary="Lessons learned (partners and the Bureau; not public)",
)
@paginate(LimitOffsetPagination)
def list_lessons(request):
    _require_lesson_reader(request)
    return selectors.lessons()


@lessons_router.post(
    "",
    response={201: LessonOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Record a lesson (a focal point for its organisation, a bureau officer for any)",
)
def create_lesson(request, payload: LessonIn):
    lesson = services.create_lesson(request.user, payload.dict())
    return Status(201, selectors.lesson_for(lesson.pk))


@lessons_router.get(
    "/{int:lesson_id}", response={200: LessonOut, **SIGNED_IN_READ_ERRORS}, auth=signed_in
)
def get_lesson(request, lesson_id: int):
    _require_lesson_reader(request)
    return selectors.lesson_for(lesson_id)


@lessons_router.post(
    "/{int:lesson_id}/draft-solution",
    response={201: SolutionOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Turn the lesson into a draft solution of its organisation (South rule applies)",
)
def draft_solution(request, lesson_id: int):
    _require_lesson_reader(request)
    solution = services.draft_solution_from_lesson(request.user, selectors.lesson_for(lesson_id))
    return Status(201, selectors.with_relations(Solution.objects).get(pk=solution.pk))
