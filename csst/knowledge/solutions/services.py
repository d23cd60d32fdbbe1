"""Every write on solutions and lessons learned. Each function is one transaction, takes the acting
user and raises a DomainError (with a translated message) when a rule refuses."""

import secrets
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.currencies import is_active_currency
from csst.core.errors import DomainError, InvalidInput, NotAllowed, check_fields
from csst.core.workflow import transition
from csst.organisations.models import Organisation
from csst.portal.uploads import extension_of

# Shared field checks of the knowledge app (codes of themes/SDG targets, lists of choices).
from ..inputs import WORKING_LANGUAGES, by_code, check_choices
from ..models import LessonLearned, Modality, SdgTarget, Solution, SolutionEvidence, Theme
from .permissions import (
    create_refusal,
    draft_from_lesson_refusal,
    edit_refusal,
    evidence_refusal,
    focal_point_organisations,
    lesson_create_refusal,
    officer_translates,
    owner_refusal,
    provider_organisations,
    south_refusal,
)
from .workflow import REQUIRED_TEXTS, REVIEW_ACTIONS, SOLUTION_TRANSITIONS, TRANSLATED_FIELDS

LANGS = ("fr", "en")
TEXT_FIELDS = frozenset(f"{name}_{lang}" for name in TRANSLATED_FIELDS for lang in LANGS)
SOLUTION_FIELDS = TEXT_FIELDS | {
    "technology_level",
    "indicative_cost",
    "cost_currency",
    "languages",
    "modalities",
    "themes",
    "sdg_targets",
    "is_demo",
}
LESSON_FIELDS = frozenset(
    {"title", "language", "context", "lesson", "recommendation", "themes", "is_demo"}
)
MAX_COST = Decimal("999999999999.99")  # max_digits=14, decimal_places=2


def _raise_invalid(obj, exc: ValidationError):
    fields = {f.name: f for f in obj._meta.get_fields()}
    messages = [
        f"{fields[name].verbose_name}: {' '.join(errors)}" if name in fields else " ".join(errors)
        for name, errors in exc.message_dict.items()
    ]
    raise InvalidInput(" ".join(messages)) from exc


def _full_clean(obj, exclude=None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        _raise_invalid(obj, exc)


# --- Field checks ------------------------------------------------------------------------------


def _cost(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        cost = Decimal(str(value))
    except InvalidOperation as exc:
        raise InvalidInput(_("Indicative cost: a number is expected.")) from exc
    if not cost.is_finite() or cost < 0 or cost > MAX_COST:
        raise InvalidInput(_("Indicative cost: a positive amount or zero is expected."))
    return cost.quantize(Decimal("0.01"))


def check_cost_and_currency(cost: Decimal | None, currency: str) -> None:
    """An indicative cost needs a valid ISO 4217 currency, and a currency needs a cost."""
    if currency and not is_active_currency(currency):
        raise InvalidInput(
            _("Currency: “%(code)s” is not an active ISO 4217 code.") % {"code": currency}
        )
    if cost is not None and not currency:
        raise InvalidInput(_("Currency: an indicative cost needs its currency."))
    if currency and cost is None:
        raise InvalidInput(_("Indicative cost: a currency is given without an amount."))


def _has_required_texts(solution: Solution) -> bool:
    """A draft may be in one language, but complete in that one (title, problem, approach)."""
    return any(
        all((getattr(solution, f"{name}_{lang}", "") or "").strip() for name in REQUIRED_TEXTS)
        for lang in LANGS
    )


def _normalised(data: dict) -> dict:
    """Lists checked against their choices, cost as Decimal, currency upper-case."""
    checks = {
        "modalities": (Modality.values, _("Forms of transfer")),
        "languages": (WORKING_LANGUAGES, _("Languages")),
    }
    data = dict(data)
    for name, (allowed, label) in checks.items():
        if name in data:
            data[name] = check_choices(data[name] or [], allowed, label)
    if "indicative_cost" in data:
        data["indicative_cost"] = _cost(data["indicative_cost"])
    if "cost_currency" in data:
        data["cost_currency"] = (data["cost_currency"] or "").strip().upper()
    return data


def _apply(solution: Solution, data: dict) -> tuple[list | None, list | None]:
    """Set the plain fields; return the themes and SDG targets to set (None: unchanged)."""
    data = _normalised(data)
    themes = by_code(Theme, data.pop("themes"), _("Themes")) if "themes" in data else None
    sdg_targets = None
    if "sdg_targets" in data:
        sdg_targets = by_code(SdgTarget, data.pop("sdg_targets"), _("SDG targets"))
    for name, value in data.items():
        setattr(solution, name, value if value is not None or name == "indicative_cost" else "")
    check_cost_and_currency(solution.indicative_cost, solution.cost_currency)
    if not _has_required_texts(solution):
        raise InvalidInput(
            _("Give at least the title, the problem solved and the approach in one language.")
        )
    _full_clean(solution, exclude=["search_text"])
    return themes, sdg_targets


def _save_with_relations(solution: Solution, themes, sdg_targets) -> Solution:
    solution.save()
    if themes is not None:
        solution.themes.set(themes)
    if sdg_targets is not None:
        solution.sdg_targets.set(sdg_targets)
    return solution


# --- Solutions ---------------------------------------------------------------------------------


def _one_of(candidates: set[int], organisation_id, several_message, not_yours_message) -> int:
    if organisation_id is None:
        if len(candidates) != 1:
            raise InvalidInput(several_message)
        (organisation_id,) = candidates
    elif organisation_id not in candidates:
        raise NotAllowed(not_yours_message)
    return organisation_id


def _provider_organisation(actor, organisation_id) -> Organisation:
    organisation_id = _one_of(
        provider_organisations(actor),
        organisation_id,
        _("Organisation: you are provider focal point of several organisations, choose one."),
        _("Organisation: you are not a provider focal point of this organisation."),
    )
    return Organisation.objects.select_related("country").get(pk=organisation_id)


def _require_south(organisation: Organisation) -> None:
    reason = south_refusal(organisation)
    if reason:
        raise DomainError(reason)


@transaction.atomic
def create_solution(actor, data: dict) -> Solution:
    """A new draft solution of the actor's organisation, which must be South today."""
    reason = create_refusal(actor)
    if reason:
        raise NotAllowed(reason)
    data = dict(data)
    organisation_id = data.pop("organisation_id", None)
    check_fields(data, SOLUTION_FIELDS)
    organisation = _provider_organisation(actor, organisation_id)
    _require_south(organisation)
    solution = Solution(
        organisation=organisation, country_id=organisation.country_id, created_by=actor
    )
    return _save_with_relations(solution, *_apply(solution, data))


@transaction.atomic
def update_solution(actor, solution: Solution, data: dict) -> Solution:
    """The provider edits its drafts; the Bureau may complete translations while it awaits
    validation (texts only)."""
    check_fields(data, SOLUTION_FIELDS)
    solution = Solution.objects.select_for_update().get(pk=solution.pk)
    if officer_translates(actor, solution):
        if not set(data) <= TEXT_FIELDS:
            raise NotAllowed(
                _("While a solution awaits validation, the Bureau may only complete its texts.")
            )
    else:
        _require(owner_refusal(actor, solution), NotAllowed)
        _require(edit_refusal(actor, solution), DomainError)
    return _save_with_relations(solution, *_apply(solution, data))


def _require(reason: str | None, error=DomainError) -> None:
    if reason:
        raise error(reason)


@transaction.atomic
def change_solution_status(actor, solution: Solution, action: str, comment: str = "") -> Solution:
    """The one place where a solution's status changes; every transition is logged."""
    # Locked so that two officers acting at once cannot both pass the guards.
    solution = (
        Solution.objects.select_for_update(of=("self",))
        .select_related("organisation__country")
        .get(pk=solution.pk)
    )
    comment = (comment or "").strip()
    transition(SOLUTION_TRANSITIONS, solution, action, actor, comment)
    changed = []
    if action in REVIEW_ACTIONS:
        solution.reviewed_at, solution.reviewed_by = timezone.localdate(), actor
        changed += ["reviewed_at", "reviewed_by"]
    if comment and action in {*REVIEW_ACTIONS, "return"}:
        solution.review_comment = comment
        changed.append("review_comment")
    if changed:
        solution.save(update_fields=[*changed, "updated_at"])
    return solution


# --- Evidence ----------------------------------------------------------------------------------


@transaction.atomic
def add_evidence(actor, solution: Solution, title: str, upload=None, source_url: str = ""):
    """A document (checked: size, type, first bytes; stored under a random name) or a link."""
    solution = Solution.objects.select_for_update().get(pk=solution.pk)
    _require(owner_refusal(actor, solution), NotAllowed)
    _require(evidence_refusal(actor, solution), DomainError)
    evidence = SolutionEvidence(
        solution=solution,
        title=(title or "").strip(),
        source_url=(source_url or "").strip(),
        created_by=actor,
    )
    if upload is not None:
        evidence.file = upload
    _full_clean(evidence)
    if upload is not None:
        # The uploader's file name is never reused nor revealed (see csst.portal.uploads).
        evidence.file.name = f"{secrets.token_hex(16)}{extension_of(upload.name)}"
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(actor, evidence: SolutionEvidence) -> None:
    solution = Solution.objects.select_for_update().get(pk=evidence.solution_id)
    _require(owner_refusal(actor, solution), NotAllowed)
    _require(evidence_refusal(actor, solution), DomainError)
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    if name:
        # Only once the row is really gone: a rolled-back delete must keep its file.
        transaction.on_commit(lambda: storage.delete(name))


# --- Lessons learned ---------------------------------------------------------------------------


def _lesson_organisation(actor, organisation_id) -> Organisation:
    _require(lesson_create_refusal(actor, organisation_id), NotAllowed)
    if organisation_id is None:
        organisation_id = _one_of(
            focal_point_organisations(actor),
            None,
            _("Organisation: choose the organisation the lesson belongs to."),
            "",
        )
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise InvalidInput(_("Organisation: unknown organisation."))
    return organisation


@transaction.atomic
def create_lesson(actor, data: dict) -> LessonLearned:
    """A lesson of the actor's organisation (focal point) or of any organisation (officer)."""
    data = dict(data)
    organisation = _lesson_organisation(actor, data.pop("organisation_id", None))
    check_fields(data, LESSON_FIELDS)
    themes = by_code(Theme, data.pop("themes", []), _("Themes"))
    lesson = LessonLearned(organisation=organisation, created_by=actor)
    for name, value in data.items():
        setattr(lesson, name, value if value is not None or name == "is_demo" else "")
    _full_clean(lesson)
    lesson.save()
    lesson.themes.set(themes)
    return lesson


# Lesson field → solution field, written in the lesson's language.
LESSON_TO_SOLUTION = {
    "title": "title",
    "context": "problem_solved",
    "lesson": "approach",
    "recommendation": "transfer_conditions",
}


@transaction.atomic
def draft_solution_from_lesson(actor, lesson: LessonLearned) -> Solution:
    """Turn a lesson into a draft solution of the lesson's organisation (South rule applies)."""
    lesson = (
        LessonLearned.objects.select_for_update(of=("self",))
        .select_related("organisation__country")
        .get(pk=lesson.pk)
    )
    _require(draft_from_lesson_refusal(actor, lesson), NotAllowed)
    if lesson.solution_id:
        raise DomainError(_("This lesson was already turned into a solution."))
    _require_south(lesson.organisation)
    solution = Solution(
        organisation=lesson.organisation,
        country_id=lesson.organisation.country_id,
        created_by=actor,
        is_demo=lesson.is_demo,
    )
    for source, target in LESSON_TO_SOLUTION.items():
        setattr(solution, f"{target}_{lesson.language}", getattr(lesson, source))
    _full_clean(solution, exclude=["search_text"])
    solution.save()
    solution.themes.set(lesson.themes.all())
    lesson.solution = solution
    lesson.save(update_fields=["solution", "updated_at"])
    return solution
