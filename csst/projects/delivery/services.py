"""Every write on project delivery. Each function is one transaction, takes the acting user and
raises a domain error (translated) on refusal; bad input changes nothing.

Inputs are dicts of model fields; references may be objects or natural keys: organisations by id,
countries by ISO alpha-3, country indicators (e.g. a 2IPD pillar) and SDG indicators by code.
Totals (gender counts, equipment values) are never stored: selectors compute them.
"""

import csv
import io
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.currencies import currency_code
from csst.core.errors import DomainError, InvalidInput, NotAllowed, check_fields
from csst.core.money import decimal_or_none
from csst.core.workflow import transition
from csst.countries.models import Country, Indicator
from csst.knowledge.models import SdgIndicator
from csst.organisations.models import Organisation

from ..models import (
    Activity,
    ActivityStatus,
    EquipmentItem,
    Gender,
    Participant,
    ParticipantRole,
    Project,
    ResultIndicator,
    ResultValue,
)
from .permissions import person_refusal, status_refusal
from .workflow import ACTIVITY_TRANSITIONS, delivery_reported, has_started

ACTIVITY_FIELDS = frozenset(
    {
        "type",
        "title",
        "description",
        "host",
        "online",
        "place",
        "country",
        "start_date",
        "end_date",
        "cost",
        "cost_currency",
    }
)
PARTICIPANT_FIELDS = frozenset(
    {"name", "country", "organisation", "gender", "role", "attended", "satisfaction"}
)
EQUIPMENT_FIELDS = frozenset(
    {
        "description",
        "quantity",
        "condition",
        "unit_value",
        "currency",
        "donor",
        "recipient",
        "handover_date",
    }
)
INDICATOR_FIELDS = frozenset(
    {
        "level",
        "name",
        "unit",
        "baseline",
        "target",
        "country_indicator",
        "sdg_indicator",
        "final_value_justification",
    }
)
# References given by natural key: (model, lookup).
REFERENCES = {
    "host": (Organisation, "pk"),
    "organisation": (Organisation, "pk"),
    "donor": (Organisation, "pk"),
    "recipient": (Organisation, "pk"),
    "country": (Country, "iso3"),
    "country_indicator": (Indicator, "code"),
    "sdg_indicator": (SdgIndicator, "code"),
}
MONEY_FIELDS = frozenset({"cost", "unit_value"})  # ≥ 0, to the cent
MEASURE_FIELDS = frozenset({"baseline", "target", "actual"})  # any sign, 4 decimals
CURRENCY_FIELDS = frozenset({"cost_currency", "currency"})
TEXT_FIELDS = frozenset({"title", "description", "place", "name", "final_value_justification"})
CSV_MAX_BYTES = 200_000
CSV_MAX_ROWS = 500


# --- Input checking ---------------------------------------------------------------------------


def _label(model, name: str) -> str:
    label = str(model._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]  # not capitalize(): it would lower "2IPD" and "SDG"


def _reference(name: str, value, label: str):
    model, lookup = REFERENCES[name]
    if value is None or value == "" or isinstance(value, model):
        return value or None
    if lookup == "iso3":
        value = str(value).strip().upper()
    try:
        return model.objects.get(**{lookup: value})
    except (model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise InvalidInput(
            _("%(field)s: unknown value “%(value)s”.") % {"field": label, "value": value}
        ) from None


def _converted(model, name: str, value):
    label = _label(model, name)
    if name in REFERENCES:
        return _reference(name, value, label)
    if name in MONEY_FIELDS:
        return decimal_or_none(value, label, 2, minimum=Decimal(0))
    if name in MEASURE_FIELDS:
        return decimal_or_none(value, label, 4)
    if name in CURRENCY_FIELDS:
        return currency_code(value, label)
    if name in TEXT_FIELDS:
        return (value or "").strip()
    return value


def _clean(instance) -> None:
    """Model validation (choices, lengths, required fields) as one translated message."""
    try:
        instance.full_clean(
            exclude=["project", "activity", "indicator", "recorded_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        fields = {field.name for field in instance._meta.get_fields()}
        raise InvalidInput(
            " ".join(
                f"{_label(type(instance), name)}: {' '.join(errors)}"
                if name in fields
                else " ".join(errors)
                for name, errors in exc.message_dict.items()
            )
        ) from exc


def _apply(instance, data: dict, allowed: frozenset) -> None:
    check_fields(data, allowed)
    model = type(instance)
    for name, value in data.items():
        setattr(instance, name, _converted(model, name, value))
    _clean(instance)


def _check_period(start, end) -> None:
    if start and end and end < start:
        raise InvalidInput(_("The end date cannot be before the start date."))


# --- Permission and state guards --------------------------------------------------------------


def _locked_project(project_id: int) -> Project:
    """Writes on one project are serialised, so two people cannot both pass a check."""
    return Project.objects.select_for_update().get(pk=project_id)


def _writable(actor, project_id: int, indicators: bool = False) -> Project:
    """The locked project, once the actor (403) and the project's status (409) allow the write."""
    project = _locked_project(project_id)
    reason = person_refusal(actor, project)
    if reason:
        raise NotAllowed(reason)
    reason = status_refusal(actor, project, indicators)
    if reason:
        raise DomainError(reason)
    return project


def _require_not_cancelled(activity: Activity) -> None:
    if activity.status == ActivityStatus.CANCELLED:
        raise DomainError(_("This activity was cancelled: it can no longer be changed."))


def _keep_delivery_reported(activity: Activity) -> None:
    """A completed activity keeps what made it complete (the transaction rolls back otherwise)."""
    if activity.status != ActivityStatus.COMPLETED:
        return
    reason = has_started(None, activity) or delivery_reported(None, activity)
    if reason:
        raise DomainError(_("The activity is completed. %(reason)s") % {"reason": reason})


def _activity_for_writing(actor, activity: Activity) -> Activity:
    project = _writable(actor, activity.project_id)
    activity = Activity.objects.select_related("project").get(pk=activity.pk)
    activity.project = project
    _require_not_cancelled(activity)
    return activity


# --- Activities -------------------------------------------------------------------------------


def _save_activity(activity: Activity, data: dict) -> Activity:
    _apply(activity, data, ACTIVITY_FIELDS)
    _check_period(activity.start_date, activity.end_date)
    activity.save()
    _keep_delivery_reported(activity)
    return activity


@transaction.atomic
def add_activity(actor, project: Project, data: dict) -> Activity:
    project = _writable(actor, project.pk)
    return _save_activity(Activity(project=project, created_by=actor), data)


@transaction.atomic
def update_activity(actor, activity: Activity, data: dict) -> Activity:
    return _save_activity(_activity_for_writing(actor, activity), data)


@transaction.atomic
def change_activity_status(actor, activity: Activity, action: str, comment: str = "") -> Activity:
    """The one place where an activity's status changes (complete or cancel), logged."""
    activity = _activity_for_writing(actor, activity)
    transition(ACTIVITY_TRANSITIONS, activity, action, actor, comment or "")
    return activity


def complete_activity(actor, activity: Activity) -> Activity:
    return change_activity_status(actor, activity, "complete")


def cancel_activity(actor, activity: Activity, reason: str) -> Activity:
    return change_activity_status(actor, activity, "cancel", reason)


# --- Participants -----------------------------------------------------------------------------


@transaction.atomic
def add_participant(actor, activity: Activity, data: dict) -> Participant:
    activity = _activity_for_writing(actor, activity)
    participant = Participant(activity=activity)
    _apply(participant, data, PARTICIPANT_FIELDS)
    participant.save()
    return participant


@transaction.atomic
def update_participant(actor, participant: Participant, data: dict) -> Participant:
    activity = _activity_for_writing(actor, participant.activity)
    participant = Participant.objects.get(pk=participant.pk)
    _apply(participant, data, PARTICIPANT_FIELDS)
    participant.save()
    _keep_delivery_reported(activity)
    return participant


@transaction.atomic
def remove_participant(actor, participant: Participant) -> None:
    activity = _activity_for_writing(actor, participant.activity)
    Participant.objects.filter(pk=participant.pk).delete()
    _keep_delivery_reported(activity)


CSV_COLUMNS = ("country", "gender", "role", "attended", "satisfaction", "organisation", "name")
TRUE_WORDS = frozenset({"1", "yes", "y", "true", "oui", "o", "x"})


def _csv_rows(upload) -> list[dict]:
    """Rows of a small UTF-8 CSV with a header naming at least country, gender and role."""
    if upload.size > CSV_MAX_BYTES:
        raise InvalidInput(_("The file is too large (200 kB at most)."))
    if not upload.name.lower().endswith(".csv"):
        raise InvalidInput(_("Send a CSV file (.csv)."))
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("The file must be encoded in UTF-8.")) from None
    reader = csv.DictReader(io.StringIO(text))
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if not {"country", "gender", "role"} <= header:
        raise InvalidInput(_("The first line must name the columns country, gender and role."))
    rows = [
        {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()} for row in reader
    ]
    if not rows or len(rows) > CSV_MAX_ROWS:
        raise InvalidInput(_("The file must hold between 1 and 500 participants."))
    return rows


def _participant_data(row: dict) -> dict:
    data = {
        "country": row.get("country", "").upper(),
        "gender": row.get("gender", "").lower() or Gender.UNDISCLOSED,
        "role": row.get("role", "").lower() or ParticipantRole.TRAINEE,
        "attended": row.get("attended", "yes").lower() in TRUE_WORDS,
        "satisfaction": row.get("satisfaction") or None,
        "name": row.get("name", ""),
    }
    if row.get("organisation"):
        data["organisation"] = row["organisation"]
    return data


@transaction.atomic
def import_participants(actor, activity: Activity, upload) -> int:
    """Add every participant of a CSV file, or none: the first bad line names itself."""
    activity = _activity_for_writing(actor, activity)
    participants = []
    for line, row in enumerate(_csv_rows(upload), start=2):
        participant = Participant(activity=activity)
        try:
            _apply(participant, _participant_data(row), PARTICIPANT_FIELDS)
        except InvalidInput as exc:
            raise InvalidInput(
                _("Line %(line)s: %(error)s") % {"line": line, "error": exc.message}
            ) from exc
        participants.append(participant)
    Participant.objects.bulk_create(participants)
    return len(participants)


# --- Equipment --------------------------------------------------------------------------------


def _save_equipment(item: EquipmentItem, data: dict, activity: Activity) -> EquipmentItem:
    _apply(item, data, EQUIPMENT_FIELDS)
    if item.handover_date and item.handover_date > timezone.localdate():
        raise InvalidInput(_("Handover date: record it once the equipment is handed over."))
    item.save()
    _keep_delivery_reported(activity)
    return item


@transaction.atomic
def add_equipment(actor, activity: Activity, data: dict) -> EquipmentItem:
    activity = _activity_for_writing(actor, activity)
    return _save_equipment(EquipmentItem(activity=activity), data, activity)


@transaction.atomic
def update_equipment(actor, item: EquipmentItem, data: dict) -> EquipmentItem:
    activity = _activity_for_writing(actor, item.activity)
    return _save_equipment(EquipmentItem.objects.get(pk=item.pk), data, activity)


@transaction.atomic
def remove_equipment(actor, item: EquipmentItem) -> None:
    activity = _activity_for_writing(actor, item.activity)
    EquipmentItem.objects.filter(pk=item.pk).delete()
    _keep_delivery_reported(activity)


# --- Results framework ------------------------------------------------------------------------


@transaction.atomic
def add_indicator(actor, project: Project, data: dict) -> ResultIndicator:
    project = _writable(actor, project.pk, indicators=True)
    indicator = ResultIndicator(project=project)
    _apply(indicator, data, INDICATOR_FIELDS)
    indicator.save()
    return indicator


@transaction.atomic
def update_indicator(actor, indicator: ResultIndicator, data: dict) -> ResultIndicator:
    _writable(actor, indicator.project_id, indicators=True)
    indicator = ResultIndicator.objects.get(pk=indicator.pk)
    _apply(indicator, data, INDICATOR_FIELDS)
    indicator.save()
    return indicator


def justify_missing_final_value(actor, indicator: ResultIndicator, text: str):
    """Closure needs a final value or the reason there is none (readiness.final_values_given)."""
    if not (text or "").strip():
        raise InvalidInput(_("Say why there is no final value."))
    return update_indicator(actor, indicator, {"final_value_justification": text})


def _check_value(indicator: ResultIndicator, period_end, is_final: bool) -> None:
    if period_end is None:
        raise InvalidInput(_("End of period: a date is expected."))
    if period_end > timezone.localdate():
        raise InvalidInput(_("End of period: a value is recorded once its period has ended."))
    values = indicator.values.all()
    if values.filter(period_end=period_end).exists():
        raise DomainError(_("There is already a value for the period ending on this date."))
    final = values.filter(is_final=True).first()
    if final and (is_final or period_end > final.period_end):
        raise DomainError(
            _("The indicator already has its final value (period ending %(date)s).")
            % {"date": final.period_end.isoformat()}
        )


@transaction.atomic
def record_value(
    actor, indicator: ResultIndicator, period_end, actual, is_final=False, note=""
) -> ResultValue:
    """The actual value for a period: one per period, at most one final (the last one)."""
    _writable(actor, indicator.project_id)
    actual = decimal_or_none(actual, _label(ResultValue, "actual"), 4)
    if actual is None:
        raise InvalidInput(_("Actual: a number is expected."))
    _check_value(indicator, period_end, bool(is_final))
    value = ResultValue(
        indicator=indicator,
        period_end=period_end,
        actual=actual,
        is_final=bool(is_final),
        note=(note or "").strip(),
        recorded_by=actor,
    )
    _clean(value)
    try:
        with transaction.atomic():
            value.save()
    except IntegrityError:  # a concurrent request won the race on the unique constraints
        raise DomainError(
            _("There is already a value for this period, or a final value.")
        ) from None
    return value
