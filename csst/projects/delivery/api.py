"""JSON API of project delivery: activities, participants, equipment, indicators and values.

Mounted inside /api/v1/projects. Reads follow the project's visibility (the public sees delivery
from approval on, participants only as counts); writes need a bureau officer or a focal point of
a partner while the project is approved or in implementation.
"""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from csst.accounts.auth import public, signed_in
from csst.core.api import READ_ERRORS, WRITE_ERRORS, Input, Message
from csst.core.errors import NotAllowed

from ..models import (
    ActivityStatus,
    ActivityType,
    Condition,
    Gender,
    ParticipantRole,
    ResultLevel,
)
from . import selectors, services
from .permissions import is_insider

delivery_router = Router(tags=["project delivery"])

PUBLIC_READ_ERRORS = {**READ_ERRORS, 401: Message}
TEXT_MAX = 20_000
Iso3 = Field(None, min_length=3, max_length=3, description="ISO alpha-3 country code")
Currency = Field(None, min_length=3, max_length=3, description="ISO 4217 code, e.g. CHF")
Money = Field(None, ge=0, max_digits=18, decimal_places=2)
Measure = Field(None, max_digits=18, decimal_places=4)
MAX_ID = 2**63 - 1  # larger ids cannot exist in the database
OrganisationId = Field(None, ge=1, le=MAX_ID, description="Organisation id")


# --- Schemas ----------------------------------------------------------------------------------


class AmountOut(Schema):
    currency: str
    total: Decimal


class GenderCounts(Schema):
    female: int
    male: int
    other: int
    undisclosed: int


class ActivityOut(Schema):
    id: int
    project_id: int
    type: ActivityType
    title: str
    description: str
    status: ActivityStatus
    host_id: int | None
    host: str | None
    online: bool
    place: str
    country: str | None = Field(None, description="ISO alpha-3")
    start_date: date | None
    end_date: date | None
    cost: Decimal | None = Field(None, description="The Bureau and the partners only (R13)")
    cost_currency: str
    participant_count: int
    attended_count: int
    attended_by_gender: GenderCounts = Field(
        description="Participants who attended, by gender (computed)"
    )
    average_satisfaction: float | None = Field(None, description="1 to 5")
    equipment_count: int
    equipment_quantity: int
    equipment_values: list[AmountOut] = Field(
        description="Quantity × value per unit, summed per currency (computed)"
    )

    @staticmethod
    def resolve_host(obj) -> str | None:
        return str(obj.host) if obj.host_id else None

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country.iso3 if obj.country_id else None

    @staticmethod
    def resolve_cost(obj, context) -> Decimal | None:
        request = (context or {}).get("request")
        return obj.cost if request and is_insider(request.user, obj.project) else None

    @staticmethod
    def resolve_attended_by_gender(obj) -> dict:
        return {gender: getattr(obj, f"{gender}_count") for gender in Gender.values}

    @staticmethod
    def resolve_average_satisfaction(obj) -> float | None:
        average = obj.average_satisfaction
        return None if average is None else round(average, 2)

    @staticmethod
    def resolve_equipment_values(obj) -> list[dict]:
        return [{"currency": code, "total": total} for code, total in obj.equipment_values]


class ActivityPatch(Input):
    type: ActivityType | None = None
    title: str | None = Field(None, min_length=1, max_length=250)
    description: str | None = Field(None, max_length=TEXT_MAX)
    host_id: int | None = OrganisationId
    online: bool | None = None
    place: str | None = Field(None, max_length=200)
    country: str | None = Iso3
    start_date: date | None = None
    end_date: date | None = None
    cost: Decimal | None = Money
    cost_currency: str | None = Currency


class ActivityIn(ActivityPatch):
    type: ActivityType
    title: str = Field(min_length=1, max_length=250)


class CommentIn(Input):
    comment: str = Field("", max_length=2000)


class ParticipantOut(Schema):
    id: int
    name: str | None = Field(None, description="Only for the Bureau and the project's partners")
    country: str
    organisation_id: int | None
    organisation: str | None
    gender: Gender
    role: ParticipantRole
    attended: bool
    satisfaction: int | None

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.iso3

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return str(obj.organisation) if obj.organisation_id else None


class ParticipantPatch(Input):
    name: str | None = Field(None, max_length=200)
    country: str | None = Iso3
    organisation_id: int | None = OrganisationId
    gender: Gender | None = None
    role: ParticipantRole | None = None
    attended: bool | None = None
    satisfaction: int | None = Field(None, ge=1, le=5)


class ParticipantIn(ParticipantPatch):
    country: str = Field(min_length=3, max_length=3, description="ISO alpha-3")
    gender: Gender
    role: ParticipantRole


class EquipmentOut(Schema):
    id: int
    description: str
    quantity: int
    condition: Condition
    unit_value: Decimal | None
    currency: str
    total_value: Decimal | None = Field(None, description="Quantity × value per unit (computed)")
    donor_id: int
    donor: str
    recipient_id: int
    recipient: str
    handover_date: date | None

    @staticmethod
    def resolve_total_value(obj) -> Decimal | None:
        return selectors.equipment_value(obj)

    @staticmethod
    def resolve_donor(obj) -> str:
        return str(obj.donor)

    @staticmethod
    def resolve_recipient(obj) -> str:
        return str(obj.recipient)


class EquipmentIn(Input):
    description: str = Field(min_length=1, max_length=250)
    quantity: int = Field(ge=1, le=10_000_000)
    condition: Condition
    unit_value: Decimal | None = Money
    currency: str | None = Currency
    donor_id: int = Field(ge=1, le=MAX_ID, description="Organisation id")
    recipient_id: int = Field(ge=1, le=MAX_ID, description="Organisation id")
    handover_date: date | None = None


class EquipmentPatch(Input):
    description: str | None = Field(None, min_length=1, max_length=250)
    quantity: int | None = Field(None, ge=1, le=10_000_000)
    condition: Condition | None = None
    unit_value: Decimal | None = Money
    currency: str | None = Currency
    donor_id: int | None = OrganisationId
    recipient_id: int | None = OrganisationId
    handover_date: date | None = None


class ValueOut(Schema):
    id: int
    period_end: date
    actual: Decimal
    is_final: bool
    note: str
    progress_percent: Decimal | None = Field(
        None, description="(actual − baseline) / (target − baseline) × 100"
    )

    @staticmethod
    def resolve_progress_percent(obj) -> Decimal | None:
        return obj.progress


class IndicatorOut(Schema):
    id: int
    project_id: int
    level: ResultLevel
    name: str
    unit: str
    baseline: Decimal
    target: Decimal
    country_indicator: str | None = Field(None, description="Country indicator code, e.g. 2ipd-r1")
    sdg_indicator: str | None = Field(None, description="SDG indicator code, e.g. 9.c.1")
    final_value_justification: str
    values: list[ValueOut]
    progress_percent: Decimal | None = Field(None, description="Progress of the latest value")

    @staticmethod
    def resolve_country_indicator(obj) -> str | None:
        return obj.country_indicator.code if obj.country_indicator_id else None

    @staticmethod
    def resolve_sdg_indicator(obj) -> str | None:
        return obj.sdg_indicator.code if obj.sdg_indicator_id else None

    @staticmethod
    def resolve_values(obj) -> list:
        return list(obj.values.all())

    @staticmethod
    def resolve_progress_percent(obj) -> Decimal | None:
        return obj.progress


class IndicatorPatch(Input):
    level: ResultLevel | None = None
    name: str | None = Field(None, min_length=1, max_length=250)
    unit: str | None = Field(None, min_length=1, max_length=40)
    baseline: Decimal | None = Measure
    target: Decimal | None = Measure
    country_indicator: str | None = Field(None, max_length=40, description="e.g. 2ipd-r1")
    sdg_indicator: str | None = Field(None, max_length=12, description="e.g. 9.c.1")
    final_value_justification: str | None = Field(None, max_length=TEXT_MAX)


class IndicatorIn(IndicatorPatch):
    level: ResultLevel
    name: str = Field(min_length=1, max_length=250)
    unit: str = Field(min_length=1, max_length=40)
    baseline: Decimal = Field(max_digits=18, decimal_places=4)
    target: Decimal = Field(max_digits=18, decimal_places=4)


class ValueIn(Input):
    period_end: date
    actual: Decimal = Field(max_digits=18, decimal_places=4)
    is_final: bool = False
    note: str = Field("", max_length=300)


# --- Helpers ----------------------------------------------------------------------------------

# API names of references → the service's field names.
RENAMED = {"host_id": "host", "organisation_id": "organisation", "donor_id": "donor"}
RENAMED |= {"recipient_id": "recipient"}


def _changes(payload: Schema) -> dict:
    """Fields sent, with references renamed; null means "leave as is" except for links."""
    nullable = {"host_id", "organisation_id", "country_indicator", "sdg_indicator", "country"}
    data = payload.dict(exclude_unset=True)
    return {
        RENAMED.get(name, name): value
        for name, value in data.items()
        if value is not None or name in nullable
    }


class ActivityPagination(LimitOffsetPagination):
    """Limit/offset, with the equipment values of the page computed together (one query)."""

    def paginate_queryset(self, queryset, pagination, **params):
        page = super().paginate_queryset(queryset, pagination, **params)
        page["items"] = selectors.attach_equipment_values(page["items"])
        return page


class IndicatorPagination(LimitOffsetPagination):
    def paginate_queryset(self, queryset, pagination, **params):
        page = super().paginate_queryset(queryset, pagination, **params)
        page["items"] = selectors.with_progress(page["items"])
        return page


def _activity(request, project_id: int, activity_id: int):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    return selectors.attach_equipment_values([activity])[0]


def _indicator(request, project_id: int, indicator_id: int):
    indicator = selectors.indicator_for(request.user, indicator_id, project_id)
    return selectors.with_progress([indicator])[0]


def _require_names(request, project) -> None:
    if not is_insider(request.user, project):
        raise NotAllowed(
            _(
                "Participants are listed for the Bureau and the project's partners only; "
                "the activity shows their counts."
            )
        )


# --- Activities -------------------------------------------------------------------------------


@delivery_router.get(
    "/{int:project_id}/activities",
    response={200: list[ActivityOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="Activities of a project, with participant and equipment figures",
)
@paginate(ActivityPagination)
def list_activities(request, project_id: int):
    return selectors.activities_of(selectors.project_for(request.user, project_id))


@delivery_router.post(
    "/{int:project_id}/activities",
    response={201: ActivityOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Add an activity (officer, or a focal point of a partner)",
)
def create_activity(request, project_id: int, payload: ActivityIn):
    project = selectors.project_for(request.user, project_id)
    activity = services.add_activity(request.user, project, _changes(payload))
    return Status(201, _activity(request, project_id, activity.pk))


@delivery_router.get(
    "/{int:project_id}/activities/{int:activity_id}",
    response={200: ActivityOut, **PUBLIC_READ_ERRORS},
    auth=public,
)
def get_activity(request, project_id: int, activity_id: int):
    return _activity(request, project_id, activity_id)


@delivery_router.patch(
    "/{int:project_id}/activities/{int:activity_id}",
    response={200: ActivityOut, **WRITE_ERRORS},
    auth=signed_in,
)
def update_activity(request, project_id: int, activity_id: int, payload: ActivityPatch):
    activity = _activity(request, project_id, activity_id)
    services.update_activity(request.user, activity, _changes(payload))
    return _activity(request, project_id, activity_id)


def _change_status(request, project_id, activity_id, action, comment=""):
    activity = _activity(request, project_id, activity_id)
    services.change_activity_status(request.user, activity, action, comment)
    return _activity(request, project_id, activity_id)


@delivery_router.post(
    "/{int:project_id}/activities/{int:activity_id}/complete",
    response={200: ActivityOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Complete: needs a participant who attended, or equipment handed over for a donation",
)
def complete_activity(request, project_id: int, activity_id: int):
    return _change_status(request, project_id, activity_id, "complete")


@delivery_router.post(
    "/{int:project_id}/activities/{int:activity_id}/cancel",
    response={200: ActivityOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Cancel a planned activity (with a reason)",
)
def cancel_activity(request, project_id: int, activity_id: int, payload: CommentIn):
    return _change_status(request, project_id, activity_id, "cancel", payload.comment)


# --- Participants -----------------------------------------------------------------------------


@delivery_router.get(
    "/{int:project_id}/activities/{int:activity_id}/participants",
    response={200: list[ParticipantOut], **PUBLIC_READ_ERRORS, 403: Message},
    auth=public,
    summary="Participants (the Bureau and the partners; the public sees counts on the activity)",
)
@paginate(LimitOffsetPagination)
def list_participants(request, project_id: int, activity_id: int):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    _require_names(request, activity.project)
    return selectors.participants_of(activity)


@delivery_router.post(
    "/{int:project_id}/activities/{int:activity_id}/participants",
    response={201: ParticipantOut, **WRITE_ERRORS},
    auth=signed_in,
)
def add_participant(request, project_id: int, activity_id: int, payload: ParticipantIn):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    participant = services.add_participant(request.user, activity, _changes(payload))
    return Status(201, participant)


def _participant_of(request, project_id: int, activity_id: int, participant_id: int):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    return selectors.get_participant(activity, participant_id)


@delivery_router.patch(
    "/{int:project_id}/activities/{int:activity_id}/participants/{int:participant_id}",
    response={200: ParticipantOut, **WRITE_ERRORS},
    auth=signed_in,
)
def update_participant(
    request, project_id: int, activity_id: int, participant_id: int, payload: ParticipantPatch
):
    participant = _participant_of(request, project_id, activity_id, participant_id)
    return services.update_participant(request.user, participant, _changes(payload))


@delivery_router.delete(
    "/{int:project_id}/activities/{int:activity_id}/participants/{int:participant_id}",
    response={204: None, **WRITE_ERRORS},
    auth=signed_in,
)
def remove_participant(request, project_id: int, activity_id: int, participant_id: int):
    participant = _participant_of(request, project_id, activity_id, participant_id)
    services.remove_participant(request.user, participant)
    return Status(204, None)


# --- Equipment --------------------------------------------------------------------------------


@delivery_router.get(
    "/{int:project_id}/activities/{int:activity_id}/equipment",
    response={200: list[EquipmentOut], **PUBLIC_READ_ERRORS},
    auth=public,
)
@paginate(LimitOffsetPagination)
def list_equipment(request, project_id: int, activity_id: int):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    return selectors.equipment_of(activity)


@delivery_router.post(
    "/{int:project_id}/activities/{int:activity_id}/equipment",
    response={201: EquipmentOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Add an equipment item (its value is quantity × value per unit)",
)
def add_equipment(request, project_id: int, activity_id: int, payload: EquipmentIn):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    item = services.add_equipment(request.user, activity, _changes(payload))
    return Status(201, selectors.get_equipment_item(activity, item.pk))


@delivery_router.patch(
    "/{int:project_id}/activities/{int:activity_id}/equipment/{int:item_id}",
    response={200: EquipmentOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Edit an equipment item, e.g. record its handover date",
)
def update_equipment(
    request, project_id: int, activity_id: int, item_id: int, payload: EquipmentPatch
):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    item = selectors.get_equipment_item(activity, item_id)
    services.update_equipment(request.user, item, _changes(payload))
    return selectors.get_equipment_item(activity, item_id)


@delivery_router.delete(
    "/{int:project_id}/activities/{int:activity_id}/equipment/{int:item_id}",
    response={204: None, **WRITE_ERRORS},
    auth=signed_in,
)
def remove_equipment(request, project_id: int, activity_id: int, item_id: int):
    activity = selectors.activity_for(request.user, activity_id, project_id)
    services.remove_equipment(request.user, selectors.get_equipment_item(activity, item_id))
    return Status(204, None)


# --- Results framework ------------------------------------------------------------------------


@delivery_router.get(
    "/{int:project_id}/indicators",
    response={200: list[IndicatorOut], **PUBLIC_READ_ERRORS},
    auth=public,
    summary="Result indicators with their values and progress",
)
@paginate(IndicatorPagination)
def list_indicators(request, project_id: int):
    return selectors.indicator_rows(selectors.project_for(request.user, project_id))


@delivery_router.post(
    "/{int:project_id}/indicators",
    response={201: IndicatorOut, **WRITE_ERRORS},
    auth=signed_in,
)
def create_indicator(request, project_id: int, payload: IndicatorIn):
    project = selectors.project_for(request.user, project_id)
    indicator = services.add_indicator(request.user, project, _changes(payload))
    return Status(201, _indicator(request, project_id, indicator.pk))


@delivery_router.get(
    "/{int:project_id}/indicators/{int:indicator_id}",
    response={200: IndicatorOut, **PUBLIC_READ_ERRORS},
    auth=public,
)
def get_indicator(request, project_id: int, indicator_id: int):
    return _indicator(request, project_id, indicator_id)


@delivery_router.patch(
    "/{int:project_id}/indicators/{int:indicator_id}",
    response={200: IndicatorOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Edit an indicator, or say why it has no final value",
)
def update_indicator(request, project_id: int, indicator_id: int, payload: IndicatorPatch):
    indicator = _indicator(request, project_id, indicator_id)
    services.update_indicator(request.user, indicator, _changes(payload))
    return _indicator(request, project_id, indicator_id)


@delivery_router.post(
    "/{int:project_id}/indicators/{int:indicator_id}/values",
    response={201: IndicatorOut, **WRITE_ERRORS},
    auth=signed_in,
    summary="Record the actual value for a period (one per period; at most one final)",
)
def record_value(request, project_id: int, indicator_id: int, payload: ValueIn):
    indicator = _indicator(request, project_id, indicator_id)
    services.record_value(request.user, indicator, **payload.dict())
    return Status(201, _indicator(request, project_id, indicator_id))
