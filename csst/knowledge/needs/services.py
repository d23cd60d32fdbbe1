"""Every write on needs. Each function is one transaction and takes the acting user."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from csst.core.errors import DomainError, InvalidInput, NotAllowed, check_fields
from csst.core.workflow import transition
from csst.organisations.models import Organisation

from ..inputs import WORKING_LANGUAGES, by_code, check_choices
from ..models import Modality, Need, SdgTarget, SelfAssessment, Theme, Urgency
from .permissions import (
    edit_refusal,
    focal_point_organisations,
    focal_point_refusal,
    require_creator,
)
from .workflow import NEED_TRANSITIONS

NEED_FIELDS = frozenset(
    {
        "title",
        "language",
        "problem",
        "expected_results",
        "national_priority_reference",
        "themes",
        "sdg_targets",
        "preferred_modalities",
        "languages",
        "urgency",
        "internal_notes",
        "is_demo",
        "self_assessment_id",
    }
)
# Fields set as given, None included (the texts turn None into "").
NULLABLE = frozenset({"is_demo", "self_assessment_id"})


def _check_self_assessment(need: Need, assessment_id) -> None:
    """A need may only cite a self-assessment of its own organisation (None unlinks it)."""
    if assessment_id is None:
        return
    if not SelfAssessment.objects.filter(
        pk=assessment_id, organisation_id=need.organisation_id
    ).exists():
        raise InvalidInput(
            _("Linked self-assessment: choose a self-assessment of the requesting organisation.")
        )


def _apply(need: Need, data: dict) -> tuple[list | None, list | None]:
    """Set the plain fields; return the themes and SDG targets to set (None: unchanged)."""
    data = dict(data)
    themes = sdg_targets = None
    if "themes" in data:
        themes = by_code(Theme, data.pop("themes"), _("Themes"))
    if "sdg_targets" in data:
        sdg_targets = by_code(SdgTarget, data.pop("sdg_targets"), _("SDG targets"))
    if "preferred_modalities" in data:
        data["preferred_modalities"] = check_choices(
            data["preferred_modalities"], Modality.values, _("Preferred modalities")
        )
    if "languages" in data:
        data["languages"] = check_choices(
            data["languages"], WORKING_LANGUAGES, _("Working languages")
        )
    if "self_assessment_id" in data:
        _check_self_assessment(need, data["self_assessment_id"])
        if data["self_assessment_id"] != need.self_assessment_id:
            need.focus_area = None  # the area belonged to the previous assessment's framework
    if "urgency" in data and data["urgency"] not in Urgency.values:
        raise InvalidInput(_("Urgency: unknown value."))
    for name, value in data.items():
        setattr(need, name, "" if value is None and name not in NULLABLE else value)
    try:
        need.full_clean()
    except ValidationError as exc:
        messages = [
            f"{Need._meta.get_field(name).verbose_name}: {' '.join(errors)}"
            if name in {f.name for f in Need._meta.get_fields()}
            else " ".join(errors)
            for name, errors in exc.message_dict.items()
        ]
        raise InvalidInput(" ".join(messages)) from exc
    return themes, sdg_targets


def _requesting_organisation(actor, organisation_id) -> Organisation:
    candidates = focal_point_organisations(actor)
    if organisation_id is None:
        if len(candidates) != 1:
            raise InvalidInput(
                _("Organisation: you are focal point of several organisations, choose one.")
            )
        (organisation_id,) = candidates
    elif organisation_id not in candidates:
        raise NotAllowed(_("Organisation: you are not a focal point of this organisation."))
    organisation = Organisation.objects.select_related("country").get(pk=organisation_id)
    if organisation.country_id is None:
        raise InvalidInput(_("Organisation: a need must come from an organisation of a country."))
    return organisation


@transaction.atomic
def create_need(actor, data: dict) -> Need:
    """A new draft need for the actor's organisation (as beneficiary focal point)."""
    require_creator(actor)
    data = dict(data)
    organisation_id = data.pop("organisation_id", None)
    check_fields(data, NEED_FIELDS)
    organisation = _requesting_organisation(actor, organisation_id)
    need = Need(organisation=organisation, country_id=organisation.country_id, created_by=actor)
    themes, sdg_targets = _apply(need, data)
    need.save()
    if themes is not None:
        need.themes.set(themes)
    if sdg_targets is not None:
        need.sdg_targets.set(sdg_targets)
    return need


@transaction.atomic
def update_need(actor, need: Need, data: dict) -> Need:
    """Edit a draft or returned need (a focal point of its own organisation)."""
    check_fields(data, NEED_FIELDS)
    need = Need.objects.select_for_update().get(pk=need.pk)
    reason = focal_point_refusal(actor, need)
    if reason:
        raise NotAllowed(reason)
    reason = edit_refusal(actor, need)
    if reason:
        raise DomainError(reason)
    themes, sdg_targets = _apply(need, data)
    need.save()
    if themes is not None:
        need.themes.set(themes)
    if sdg_targets is not None:
        need.sdg_targets.set(sdg_targets)
    return need


@transaction.atomic
def change_need_status(actor, need: Need, action: str, comment: str = "") -> Need:
    """The one place where a need's status changes; every transition is logged by the engine."""
    # Locked so that two people acting at once cannot both pass the guards.
    need = Need.objects.select_for_update().get(pk=need.pk)
    transition(NEED_TRANSITIONS, need, action, actor, comment or "")
    if action in ("open", "return", "close") and comment.strip():
        need.screening_comment = comment.strip()
        need.save(update_fields=["screening_comment", "updated_at"])
    return need
