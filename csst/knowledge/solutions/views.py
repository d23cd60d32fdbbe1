"""Solution and lesson pages: thin views (parse → one service/selector → render)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from csst.accounts.permissions import is_bureau_officer
from csst.core.errors import DomainError
from csst.core.i18n import missing_translations
from csst.core.pagination import paginate
from csst.core.views import attempt
from csst.core.workflow import available_actions
from csst.countries.classification import south_status
from csst.organisations.models import Organisation

from ..models import Modality, SolutionStatus
from . import selectors, services
from .downloads import evidence_file_response
from .forms import LANGUAGE_NAMES, EvidenceForm, LessonForm, SolutionFilterForm, SolutionForm
from .permissions import (
    create_refusal,
    draft_from_lesson_refusal,
    edit_refusal,
    evidence_refusal,
    focal_point_organisations,
    lesson_create_refusal,
    lesson_read_refusal,
    may_see_confidential,
    officer_translates,
    provider_organisations,
    sees_every_solution,
)
from .workflow import COMMENT_ACTIONS, REQUIRED_TEXTS, SOLUTION_ACTIONS, SOLUTION_TRANSITIONS

PER_PAGE = 20
OWN_SHOWN = 50
QUEUE_SHOWN = 100


def _label(choices, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


# --- Catalogue -----------------------------------------------------------------------------------


def solution_list(request):
    show_status = bool(provider_organisations(request.user)) or sees_every_solution(request.user)
    form = SolutionFilterForm(request.GET, show_status=show_status)
    found = selectors.solutions_for(request.user, **form.filters())
    context = {
        "form": form,
        "may_create": create_refusal(request.user) is None,
        "may_review": sees_every_solution(request.user),
        "own_solutions": list(selectors.own_solutions(request.user)[:OWN_SHOWN]),
        **paginate(request, found, PER_PAGE),
    }
    return render(request, "knowledge/solutions/list.html", context)


def solution_detail(request, pk: int):
    solution = selectors.solution_for(request.user, pk)
    confidential = may_see_confidential(request.user, solution)
    context = {
        "solution": solution,
        "confidential": confidential,
        "timeline": _timeline(solution) if confidential else [],
        "evidence": selectors.evidence_of(solution),
        "south": south_status(solution.country_id),
        "translation_missing": get_language() in missing_translations(solution, REQUIRED_TEXTS),
        "modalities": [_label(Modality, code) for code in solution.modalities],
        "languages": [str(LANGUAGE_NAMES.get(code, code)) for code in solution.languages],
        "actions": available_actions(SOLUTION_TRANSITIONS, solution, request.user),
        "comment_required": {n for n, t in SOLUTION_TRANSITIONS.items() if t.comment_required},
        "comment_actions": COMMENT_ACTIONS,
        "may_edit": edit_refusal(request.user, solution) is None,
        "may_change_evidence": evidence_refusal(request.user, solution) is None,
    }
    return render(request, "knowledge/solutions/detail.html", context)


def _timeline(solution) -> list[dict]:
    return [
        {
            "log": log,
            "from": _label(SolutionStatus, log.from_status),
            "to": _label(SolutionStatus, log.to_status),
        }
        for log in selectors.solution_history(solution)
    ]


@login_required
def solution_create(request):
    reason = create_refusal(request.user)
    if reason:
        messages.error(request, reason)
        return redirect("knowledge:solution_list")
    organisations = list(Organisation.objects.filter(pk__in=provider_organisations(request.user)))
    form = SolutionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            solution = services.create_solution(request.user, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The solution was saved as a draft."))
            return redirect(solution)
    return render(request, "knowledge/solutions/form.html", {"form": form, "solution": None})


@login_required
def solution_edit(request, pk: int):
    solution = selectors.solution_for(request.user, pk)
    reason = edit_refusal(request.user, solution)
    if reason:
        messages.error(request, reason)
        return redirect(solution)
    texts_only = officer_translates(request.user, solution)
    form = SolutionForm(
        request.POST or None, initial=SolutionForm.initial_for(solution), texts_only=texts_only
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_solution(request.user, solution, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The solution was saved."))
            return redirect(solution)
    context = {"form": form, "solution": solution, "texts_only": texts_only}
    return render(request, "knowledge/solutions/form.html", context)


@login_required
@require_POST
def solution_action(request, pk: int, action: str):
    solution = selectors.solution_for(request.user, pk)
    if action not in SOLUTION_ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect(solution)
    comment = request.POST.get("comment", "")[:2000]
    attempt(
        request,
        lambda: services.change_solution_status(request.user, solution, action, comment),
        _("The status of the solution was changed."),
    )
    return redirect(solution)


@login_required
def review_queue(request):
    if not sees_every_solution(request.user):
        raise PermissionDenied(_("The review queue is for the International Bureau."))
    queue = selectors.review_queue(request.user)
    context = {name: list(rows[:QUEUE_SHOWN]) for name, rows in queue.items()}
    return render(request, "knowledge/solutions/review.html", context)


# --- Evidence ------------------------------------------------------------------------------------


@login_required
def evidence_add(request, pk: int):
    solution = selectors.solution_for(request.user, pk)
    reason = evidence_refusal(request.user, solution)
    if reason:
        messages.error(request, reason)
        return redirect(solution)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_evidence(
                request.user, solution, data["title"], data["file"], data["source_url"]
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The evidence was added."))
            return redirect(solution)
    context = {"form": form, "solution": solution}
    return render(request, "knowledge/solutions/evidence_form.html", context)


@login_required
@require_POST
def evidence_remove(request, pk: int, evidence_pk: int):
    evidence = _evidence(request, pk, evidence_pk)
    try:
        services.remove_evidence(request.user, evidence)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The evidence was removed."))
    return redirect(evidence.solution)


def evidence_file(request, pk: int, evidence_pk: int):
    return evidence_file_response(_evidence(request, pk, evidence_pk))


def _evidence(request, pk: int, evidence_pk: int):
    evidence = selectors.evidence_for(request.user, evidence_pk)
    if evidence.solution_id != pk:
        raise Http404
    return evidence


# --- Lessons learned -----------------------------------------------------------------------------


def _require_lesson_reader(request) -> None:
    reason = lesson_read_refusal(request.user)
    if reason:
        raise PermissionDenied(reason)


@login_required
def lesson_list(request):
    _require_lesson_reader(request)
    context = {
        "may_create": lesson_create_refusal(request.user) is None,
        **paginate(request, selectors.lessons(), PER_PAGE),
    }
    return render(request, "knowledge/solutions/lesson_list.html", context)


@login_required
def lesson_detail(request, pk: int):
    _require_lesson_reader(request)
    lesson = selectors.lesson_for(pk)
    context = {
        "lesson": lesson,
        "may_draft": not lesson.solution_id
        and draft_from_lesson_refusal(request.user, lesson) is None,
    }
    return render(request, "knowledge/solutions/lesson_detail.html", context)


def _lesson_organisations(user) -> list[Organisation]:
    """A bureau officer records lessons for any organisation; a focal point for its own."""
    if is_bureau_officer(user):
        return list(Organisation.objects.order_by("name"))
    return list(Organisation.objects.filter(pk__in=focal_point_organisations(user)))


@login_required
def lesson_create(request):
    reason = lesson_create_refusal(request.user)
    if reason:
        messages.error(request, reason)
        return redirect("knowledge:lesson_list")
    form = LessonForm(request.POST or None, organisations=_lesson_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            lesson = services.create_lesson(request.user, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The lesson was recorded."))
            return redirect("knowledge:lesson_detail", lesson.pk)
    return render(request, "knowledge/solutions/lesson_form.html", {"form": form})


@login_required
@require_POST
def lesson_draft_solution(request, pk: int):
    _require_lesson_reader(request)
    lesson = selectors.lesson_for(pk)
    try:
        solution = services.draft_solution_from_lesson(request.user, lesson)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("knowledge:lesson_detail", lesson.pk)
    messages.success(request, _("A draft solution was created from the lesson: complete it."))
    return redirect("knowledge:solution_edit", solution.pk)
