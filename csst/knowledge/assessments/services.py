"""Every write on self-assessments. Each function is one transaction and takes the acting user."""

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from csst.core.errors import DomainError, InvalidInput, NotAllowed
from csst.core.workflow import transition
from csst.organisations.models import Organisation

from ..models import (
    MATURITY_MAX,
    MATURITY_MIN,
    Answer,
    AssessmentFramework,
    AssessmentItem,
    AssessmentStatus,
    Need,
    SelfAssessment,
)
from ..needs import services as need_services
from ..needs.permissions import focal_point_organisations
from . import selectors
from .permissions import draft_need_refusal, edit_refusal, focal_point_refusal, start_refusal
from .workflow import ASSESSMENT_TRANSITIONS

COMMENT_MAX = 2000


def _organisation(actor, organisation_id) -> Organisation:
    """The organisation the focal point assesses (it must choose when it acts for several)."""
    candidates = focal_point_organisations(actor)
    if organisation_id is None:
        if len(candidates) != 1:
            raise InvalidInput(
                _("Organisation: you are focal point of several organisations, choose one.")
            )
        (organisation_id,) = candidates
    elif organisation_id not in candidates:
        raise NotAllowed(_("Organisation: you are not a focal point of this organisation."))
    organisation = Organisation.objects.get(pk=organisation_id)
    if organisation.country_id is None:
        raise InvalidInput(_("Organisation: only an organisation of a country can assess itself."))
    return organisation


def _active_framework(code: str) -> AssessmentFramework:
    framework = AssessmentFramework.objects.filter(code=code, is_active=True).first()
    if framework is None:
        raise InvalidInput(_("Framework: no open framework has this code."))
    return framework


@transaction.atomic
def start_assessment(actor, framework_code: str, organisation_id: int | None = None):
    """A new draft for the actor's organisation; one draft per organisation and framework."""
    reason = start_refusal(actor)
    if reason:
        raise NotAllowed(reason)
    framework = _active_framework(framework_code)
    organisation = _organisation(actor, organisation_id)
    draft = SelfAssessment.objects.filter(
        framework=framework, organisation=organisation, status=AssessmentStatus.DRAFT
    ).first()
    if draft:
        raise DomainError(
            _(
                "%(organisation)s already has a draft of this self-assessment (no. %(id)d): "
                "continue it."
            )
            % {"organisation": organisation, "id": draft.pk}
        )
    return SelfAssessment.objects.create(
        framework=framework,
        organisation=organisation,
        country_id=organisation.country_id,
        created_by=actor,
    )


def _require_owner(actor, assessment) -> None:
    reason = focal_point_refusal(actor, assessment)
    if reason:
        raise NotAllowed(reason)


def _locked_draft(actor, assessment) -> SelfAssessment:
    """The assessment, locked, once the actor is known to be its focal point and it is a draft."""
    assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    _require_owner(actor, assessment)
    reason = edit_refusal(actor, assessment)
    if reason:
        raise DomainError(reason)
    return assessment


def _items_by_code(framework_id: int) -> dict[str, AssessmentItem | None]:
    items = AssessmentItem.objects.filter(focus_area__framework_id=framework_id)
    by_code: dict[str, AssessmentItem | None] = {}
    for item in items:
        by_code[item.code] = None if item.code in by_code else item  # None marks an ambiguous code
    return by_code


def _checked_answer(row: dict, items: dict) -> tuple[AssessmentItem, int | None, str]:
    code = str(row.get("item", ""))
    item = items.get(code)
    if item is None:
        raise InvalidInput(
            _("Item “%(code)s”: not an item of this framework.") % {"code": code}
            if code not in items
            else _("Item “%(code)s”: the code is ambiguous in this framework.") % {"code": code}
        )
    level = row.get("level")
    if level is not None and (
        isinstance(level, bool)
        or not isinstance(level, int)
        or not MATURITY_MIN <= level <= MATURITY_MAX
    ):
        raise InvalidInput(
            _("Item “%(code)s”: the level must be a whole number from 0 to 4.") % {"code": code}
        )
    comment = str(row.get("comment") or "").strip()
    if len(comment) > COMMENT_MAX:
        raise InvalidInput(
            _("Item “%(code)s”: the comment is too long (2,000 characters at most).")
            % {"code": code}
        )
    return item, level, comment


@transaction.atomic
def save_answers(actor, assessment, answers: list[dict]) -> SelfAssessment:
    """Record answers [{item: code, level: 0–4 or None, comment}] of a draft; partial saves are
    fine and may be repeated. Items not mentioned keep their answer; a bad row changes nothing."""
    assessment = _locked_draft(actor, assessment)
    items = _items_by_code(assessment.framework_id)
    checked = {
        item.pk: (item, level, comment)
        for item, level, comment in (_checked_answer(row, items) for row in answers)
    }
    existing = {answer.item_id: answer for answer in assessment.answers.all()}
    new, changed = [], []
    for item_id, (item, level, comment) in checked.items():
        answer = existing.get(item_id)
        if answer is None:
            if level is None and not comment:
                continue  # nothing to record (the form sends every item, answered or not)
            new.append(Answer(assessment=assessment, item=item, level=level, comment=comment))
        elif (answer.level, answer.comment) != (level, comment):
            answer.level, answer.comment = level, comment
            changed.append(answer)
    Answer.objects.bulk_create(new)
    Answer.objects.bulk_update(changed, ["level", "comment"])
    assessment.save(update_fields=["updated_at"])
    return assessment


@transaction.atomic
def submit_assessment(actor, assessment) -> SelfAssessment:
    """Draft → submitted (every item answered); logged by the workflow engine."""
    assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    transition(ASSESSMENT_TRANSITIONS, assessment, "submit", actor)
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["submitted_at"])
    return assessment


@transaction.atomic
def delete_draft(actor, assessment) -> None:
    assessment = _locked_draft(actor, assessment)
    assessment.delete()


# --- From a gap to a draft need ------------------------------------------------------------------


def _need_language(language: str | None) -> str:
    return (language or translation.get_language() or "fr")[:2]


def _need_texts(view, area_view) -> dict:
    """Title, problem and expected results of the need, written in the active language."""
    area, score = area_view.area, area_view.score
    target_label = view.label(view.target_level)
    weak_lines = [
        f"- {item.statement} ({answer.level} · {getattr(view.label(answer.level), 'label', '')})"
        for item, answer in area_view.weak_items
    ]
    problem = _(
        "Our self-assessment “%(framework)s” rates “%(area)s” at %(score)s out of 4, below the "
        "target level %(target)s (%(label)s)."
    ) % {
        "framework": view.assessment.framework.name,
        "area": area.name,
        "score": formats.number_format(score.score, 2),
        "target": view.target_level,
        "label": getattr(target_label, "label", ""),
    }
    if weak_lines:
        problem += "\n\n" + _("Weak points:") + "\n" + "\n".join(weak_lines)
    return {
        "title": (_("Close the gap in “%(area)s”") % {"area": area.name})[:200],
        "problem": problem,
        "expected_results": _(
            "Reach at least level %(target)s (%(label)s) in “%(area)s”, item by item."
        )
        % {
            "target": view.target_level,
            "label": getattr(target_label, "label", ""),
            "area": area.name,
        },
    }


@transaction.atomic
def draft_need_from_gap(actor, assessment, area_code: str, language: str | None = None) -> Need:
    """A draft need for one gap of a submitted assessment (its organisation's focal point).

    One need per gap: while a need drafted from this gap exists (not withdrawn), another is
    refused with a message naming it, so that the same weakness is not requested twice.
    """
    assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    _require_owner(actor, assessment)
    reason = draft_need_refusal(actor, assessment)
    if reason:
        raise DomainError(reason)
    view = selectors.assessment_view(assessment)
    area_view = view.area(area_code)
    if area_view is None:
        raise InvalidInput(_("Focus area: not an area of this framework."))
    if not area_view.score.is_gap:
        raise DomainError(_("This focus area is not a gap: its maturity reaches the target."))
    if area_view.need is not None:
        raise DomainError(
            _("A need was already drafted from this gap: “%(title)s” (no. %(id)d).")
            % {"title": area_view.need.title, "id": area_view.need.pk}
        )
    language = _need_language(language)
    with translation.override(language):
        texts = _need_texts(view, area_view)
    theme = area_view.area.theme
    need = need_services.create_need(
        actor,
        {
            **texts,
            "language": language,
            "themes": [theme] if theme else [],
            "organisation_id": assessment.organisation_id,
            "self_assessment_id": assessment.pk,
            "is_demo": assessment.is_demo,
        },
    )
    need.focus_area = area_view.area
    need.save(update_fields=["focus_area", "updated_at"])
    return need
