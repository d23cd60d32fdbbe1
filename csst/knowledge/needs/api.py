"""JSON API of needs: /api/v1/needs (mounted in config/api.py as `needs_router`).

Confidential fields (internal_notes, screening_comment) are null for callers who may not see them.
"""

from datetime import datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from csst.accounts.auth import public, signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message, TransitionOut, transition_row
from csst.core.errors import NotAllowed

from ..models import Modality, NeedStatus, Urgency
from . import selectors, services
from .permissions import may_see_confidential
from .workflow import NEED_ACTIONS

needs_router = Router(tags=["needs"])

TEXT_MAX = 20_000
PUBLIC_READ_ERRORS = {**READ_ERRORS, 401: Message}
Code = str


class ThemeOut(Schema):
    code: str
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.name or ""


class NeedOut(Schema):
    id: int
    status: NeedStatus
    title: str
    language: str
    problem: str
    expected_results: str
    national_priority_reference: str
    organisation_id: int
    organisation: str
    country: str = Field(description="ISO alpha-3")
    themes: list[ThemeOut]
    sdg_targets: list[str] = Field(description="SDG target codes, e.g. 9.c")
    preferred_modalities: list[str]
    languages: list[str]
    urgency: Urgency
    is_demo: bool
    self_assessment_id: int | None = Field(
        None, description="The self-assessment this need comes from, if any"
    )
    focus_area: str | None = Field(
        None, description="Code of the focus area whose gap this need answers, if any"
    )
    created_at: datetime
    updated_at: datetime
    internal_notes: str | None = Field(
        None, description="Confidential: the requesting organisation and the Bureau only"
    )
    screening_comment: str | None = Field(
        None, description="Confidential: the requesting organisation and the Bureau only"
    )

    @staticmethod
    def resolve_organisation(obj) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.iso3

    @staticmethod
    def resolve_focus_area(obj) -> str | None:
        return obj.focus_area.code if obj.focus_area_id else None

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())

    @staticmethod
    def resolve_sdg_targets(obj) -> list[str]:
        return [target.code for target in obj.sdg_targets.all()]

    @staticmethod
    def resolve_internal_notes(obj, context) -> str | None:
        return obj.internal_notes if _confidential(obj, context) else None

    @staticmethod
    def resolve_screening_comment(obj, context) -> str | None:
        return obj.screening_comment if _confidential(obj, context) else None


def _confidential(obj, context) -> bool:
    request = (context or {}).get("request")
    return bool(request) and may_see_confidential(request.user, obj)


class NeedPatch(Input):
    title: str | None = Field(None, min_length=1, max_length=200)
    language: Literal["fr", "en"] | None = None
    problem: str | None = Field(None, min_length=1, max_length=TEXT_MAX)
    expected_results: str | None = Field(None, max_length=TEXT_MAX)
    national_priority_reference: str | None = Field(None, max_length=300)
    themes: list[Code] | None = Field(None, max_length=50, description="Theme codes")
    sdg_targets: list[Code] | None = Field(None, max_length=50, description="SDG target codes")
    preferred_modalities: list[Modality] | None = Field(None, max_length=10)
    languages: list[Literal[services.WORKING_LANGUAGES]] | None = Field(None, max_length=10)
    urgency: Urgency | None = None
    internal_notes: str | None = Field(None, max_length=TEXT_MAX)
    self_assessment_id: int | None = Field(
        None, ge=1, description="A self-assessment of the requesting organisation"
    )


class NeedIn(NeedPatch):
    title: str = Field(min_length=1, max_length=200)
    problem: str = Field(min_length=1, max_length=TEXT_MAX)
    organisation_id: int | None = Field(
        None, ge=1, description="Required when you are focal point of several organisations"
    )


class ActionIn(Input):
    comment: str = Field("", max_length=2000)


class NeedFilters(Schema):
    status: NeedStatus | None = None
    theme: str | None = Field(None, max_length=60, description="Theme code")
    sdg_target: str | None = Field(None, max_length=8, description="SDG target code, e.g. 9.c")
    country: str | None = Field(None, min_length=3, max_length=3, description="ISO alpha-3")
    region: str | None = Field(None, max_length=3, description="UN M49 region code")
    q: str | None = Field(None, max_length=200, description="Words of the title or problem")


def _changes(payload: Schema) -> dict:
    """Fields sent (null means "leave as is" except for texts that may be emptied)."""
    return {
        name: value for name, value in payload.dict(exclude_unset=True).items() if value is not None
    }


@needs_router.get(
    "",
    response={200: list[NeedOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="Needs the caller may see (the public sees open, matched and converted needs)",
)
@paginate(LimitOffsetPagination)
def list_needs(request, filters: Query[NeedFilters]):
    return selectors.needs_for(request.user, **filters.dict()).select_related("focus_area")


@needs_router.get("/{int:need_id}", response={200: NeedOut, **PUBLIC_READ_ERRORS}, auth=public)
def get_need(request, need_id: int):
    return selectors.need_for(request.user, need_id)


@needs_router.get(
    "/{int:need_id}/history",
    response={200: list[TransitionOut], **PUBLIC_READ_ERRORS, 403: Message},
    auth=public,
    by_alias=True,
    summary="Transition log (the requesting organisation and the Bureau)",
)
def get_need_history(request, need_id: int):
    need = selectors.need_for(request.user, need_id)
    if not may_see_confidential(request.user, need):
        raise NotAllowed(
            _("Only the requesting organisation and the Bureau may see the history of a need.")
        )
    return [transition_row(log) for log in selectors.need_history(need)]


@needs_router.post(
    "",
    response={201: NeedOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Express a need (beneficiary focal point); it starts as a draft",
)
def create_need(request, payload: NeedIn):
    need = services.create_need(request.user, _changes(payload))
    return Status(201, selectors.need_for(request.user, need.pk))


@needs_router.patch(
    "/{int:need_id}",
    response={200: NeedOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Edit a draft or returned need (its organisation's focal point)",
)
def update_need(request, need_id: int, payload: NeedPatch):
    need = selectors.need_for(request.user, need_id)
    services.update_need(request.user, need, _changes(payload))
    return selectors.need_for(request.user, need_id)


@needs_router.post(
    "/{int:need_id}/{action}",
    response={200: NeedOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Change the status: submit, endorse, open, return, revise, close, withdraw",
)
def change_need_status(
    request, need_id: int, action: Literal[NEED_ACTIONS], payload: ActionIn | None = None
):
    need = selectors.need_for(request.user, need_id)
    comment = payload.comment if payload else ""
    services.change_need_status(request.user, need, action, comment)
    return selectors.need_for(request.user, need_id)
