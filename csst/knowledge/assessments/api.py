"""JSON API of self-assessments, mounted at /api/v1/assessments (`assessments_router`).

Frameworks are readable by any signed-in user; assessments by their organisation's people and
bureau staff only (404 for anyone else, as on the pages).
"""

from datetime import datetime
from decimal import Decimal

from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from csst.accounts.auth import signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message

from ..models import AssessmentStatus
from ..needs import selectors as need_selectors
from ..needs.api import NeedOut
from . import selectors, services

assessments_router = Router(tags=["assessments"], auth=signed_in)

SIGNED_IN_READ_ERRORS = {**READ_ERRORS, 401: Message}
Slug = Field(max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")


# --- Frameworks -----------------------------------------------------------------------------------


class FrameworkSummary(Schema):
    code: str
    name: str
    description: str
    version: str
    target_level: int = Field(description="An area whose weighted maturity is below it is a gap")
    is_active: bool


class LabelOut(Schema):
    level: int
    label: str
    description: str


class ItemOut(Schema):
    code: str
    statement: str
    guidance: str
    weight: Decimal


class AreaOut(Schema):
    code: str
    name: str
    description: str
    weight: Decimal
    theme: str | None = Field(None, description="Code of the theme a need drafted from a gap has")
    items: list[ItemOut]

    @staticmethod
    def resolve_theme(obj) -> str | None:
        return obj.theme.code if obj.theme else None

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class FrameworkOut(FrameworkSummary):
    maturity_labels: list[LabelOut]
    focus_areas: list[AreaOut]

    @staticmethod
    def resolve_maturity_labels(obj) -> list:
        return list(obj.maturity_labels.all())

    @staticmethod
    def resolve_focus_areas(obj) -> list:
        return list(obj.focus_areas.all())


@assessments_router.get(
    "/frameworks",
    response={200: list[FrameworkSummary], **SIGNED_IN_READ_ERRORS},
    summary="Frameworks open to new self-assessments",
)
@paginate(LimitOffsetPagination)
def list_frameworks(request):
    return selectors.active_frameworks()


@assessments_router.get(
    "/frameworks/{code}",
    response={200: FrameworkOut, **SIGNED_IN_READ_ERRORS},
    summary="A framework with its maturity scale, focus areas and items",
)
def get_framework(request, code: str):
    return selectors.framework_by_code(code)


# --- Assessments ----------------------------------------------------------------------------------


class AssessmentSummary(Schema):
    id: int
    framework: str = Field(description="Framework code")
    organisation_id: int
    organisation: str
    country: str = Field(description="ISO alpha-3")
    status: AssessmentStatus
    submitted_at: datetime | None
    is_demo: bool
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_framework(obj) -> str:
        return obj.framework.code

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.iso3


class AnswerOut(Schema):
    item: str = Field(description="Item code")
    area: str = Field(description="Focus area code")
    level: int | None
    comment: str


class AssessmentOut(AssessmentSummary):
    answers: list[AnswerOut]

    @staticmethod
    def resolve_answers(obj) -> list[dict]:
        return [
            {
                "item": answer.item.code,
                "area": answer.item.focus_area.code,
                "level": answer.level,
                "comment": answer.comment,
            }
            for answer in obj.answers.select_related("item__focus_area")
        ]


class AnswerIn(Input):
    item: str = Field(max_length=60, description="Item code")
    level: int | None = Field(None, ge=0, le=4, description="0 absent … 4 optimised; null: unset")
    comment: str = Field("", max_length=services.COMMENT_MAX)


class AssessmentIn(Input):
    framework: str = Slug
    organisation_id: int | None = Field(
        None, ge=1, description="Required when you are focal point of several organisations"
    )


class AssessmentPatch(Input):
    answers: list[AnswerIn] = Field(max_length=500)


class AssessmentFilters(Schema):
    framework: str | None = Field(None, max_length=60, description="Framework code")
    status: AssessmentStatus | None = None
    country: str | None = Field(None, min_length=3, max_length=3, description="ISO alpha-3")


class AreaResultOut(Schema):
    code: str
    name: str
    score: Decimal | None = Field(description="Weighted maturity 0–4 of the answered items")
    answered: int
    total: int
    unanswered: list[str] = Field(description="Codes of the items not answered")
    weak_items: list[str] = Field(description="Codes of the items below the target, weakest first")
    is_gap: bool
    need_id: int | None = Field(None, description="The need already drafted from this gap")


class ResultsOut(Schema):
    assessment_id: int
    status: AssessmentStatus
    target_level: int
    overall: Decimal | None
    completeness: Decimal = Field(description="Percent of the items answered")
    answered: int
    total: int
    areas: list[AreaResultOut]
    gaps: list[str] = Field(description="Codes of the focus areas that are gaps")


def _detail(request, assessment_id: int):
    return selectors.assessment_for(request.user, assessment_id)


def _results(view) -> dict:
    item_codes = {item.pk: item.code for area in view.areas for item in area.items}
    areas = [
        {
            "code": area.area.code,
            "name": area.area.name,
            "score": area.score.score,
            "answered": area.score.answered,
            "total": area.score.total,
            "unanswered": [item_codes[pk] for pk in area.score.unanswered],
            "weak_items": [item_codes[pk] for pk in area.score.weak_items],
            "is_gap": area.score.is_gap,
            "need_id": area.need.pk if area.need else None,
        }
        for area in view.areas
    ]
    results = view.results
    return {
        "assessment_id": view.assessment.pk,
        "status": view.assessment.status,
        "target_level": view.target_level,
        "overall": results.overall,
        "completeness": results.completeness,
        "answered": results.answered,
        "total": results.total,
        "areas": areas,
        "gaps": [area["code"] for area in areas if area["is_gap"]],
    }


@assessments_router.get(
    "",
    response={200: list[AssessmentSummary], **SIGNED_IN_READ_ERRORS},
    summary="Self-assessments the caller may see (its organisations'; all for bureau staff)",
)
@paginate(LimitOffsetPagination)
def list_assessments(request, filters: Query[AssessmentFilters]):
    return selectors.assessments_for(request.user, **filters.dict())


@assessments_router.post(
    "",
    response={201: AssessmentOut, **WRITE_ERRORS},
    summary="Start a self-assessment (beneficiary focal point); it starts as a draft",
)
def start_assessment(request, payload: AssessmentIn):
    assessment = services.start_assessment(request.user, payload.framework, payload.organisation_id)
    return Status(201, _detail(request, assessment.pk))


@assessments_router.get(
    "/{int:assessment_id}", response={200: AssessmentOut, **SIGNED_IN_READ_ERRORS}
)
def get_assessment(request, assessment_id: int):
    return _detail(request, assessment_id)


@assessments_router.patch(
    "/{int:assessment_id}",
    response={200: AssessmentOut, **WRITE_ERRORS},
    summary="Save answers of a draft (partial saves allowed, as often as needed)",
)
def save_answers(request, assessment_id: int, payload: AssessmentPatch):
    assessment = selectors.assessment_for(request.user, assessment_id)
    services.save_answers(request.user, assessment, [row.dict() for row in payload.answers])
    return _detail(request, assessment_id)


@assessments_router.delete(
    "/{int:assessment_id}",
    response={204: None, **WRITE_ERRORS},
    summary="Delete a draft (its organisation's focal point)",
)
def delete_assessment(request, assessment_id: int):
    assessment = selectors.assessment_for(request.user, assessment_id)
    services.delete_draft(request.user, assessment)
    return Status(204, None)


@assessments_router.post(
    "/{int:assessment_id}/submit",
    response={200: AssessmentOut, **WRITE_ERRORS},
    summary="Submit (every item answered); a submitted self-assessment is read-only",
)
def submit_assessment(request, assessment_id: int):
    assessment = selectors.assessment_for(request.user, assessment_id)
    services.submit_assessment(request.user, assessment)
    return _detail(request, assessment_id)


@assessments_router.get(
    "/{int:assessment_id}/results",
    response={200: ResultsOut, **SIGNED_IN_READ_ERRORS},
    summary="Maturity per focus area, overall score, completeness and gaps",
)
def get_results(request, assessment_id: int):
    assessment = selectors.assessment_for(request.user, assessment_id)
    return _results(selectors.assessment_view(assessment))


@assessments_router.post(
    "/{int:assessment_id}/gaps/{area_code}/draft-need",
    response={201: NeedOut, **WRITE_ERRORS},
    summary="Draft a need from a gap of a submitted self-assessment (one need per gap)",
)
def draft_need(request, assessment_id: int, area_code: str):
    assessment = selectors.assessment_for(request.user, assessment_id)
    need = services.draft_need_from_gap(request.user, assessment, area_code)
    return Status(201, need_selectors.need_for(request.user, need.pk))
