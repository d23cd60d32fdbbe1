"""Self-assessment pages: thin views (parse → one service/selector → render)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from csst.core.errors import DomainError
from csst.core.pagination import paginate
from csst.organisations.models import Organisation

from ..needs.permissions import focal_point_organisations
from . import selectors, services
from .forms import AssessmentFilterForm, StartForm, answers_from_post
from .permissions import draft_need_refusal, edit_refusal, start_refusal

PER_PAGE = 20


def _start_form(user, data=None) -> StartForm:
    organisations = Organisation.objects.filter(pk__in=focal_point_organisations(user))
    return StartForm(
        data, frameworks=list(selectors.active_frameworks()), organisations=list(organisations)
    )


@login_required
def assessment_list(request):
    form = AssessmentFilterForm(request.GET)
    may_start = start_refusal(request.user) is None
    context = {
        "form": form,
        "start_form": _start_form(request.user) if may_start else None,
        **paginate(request, selectors.assessments_for(request.user, **form.filters()), PER_PAGE),
    }
    return render(request, "knowledge/assessments/list.html", context)


@login_required
@require_POST
def assessment_start(request):
    form = _start_form(request.user, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an open framework to start a self-assessment."))
        return redirect("knowledge:assessment_list")
    try:
        assessment = services.start_assessment(
            request.user,
            form.cleaned_data["framework"],
            form.cleaned_data.get("organisation_id"),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("knowledge:assessment_list")
    messages.success(request, _("The self-assessment was started: answer at your own pace."))
    return redirect("knowledge:assessment_answer", assessment.pk)


@login_required
def assessment_detail(request, pk: int):
    assessment = selectors.assessment_for(request.user, pk)
    view = selectors.assessment_view(assessment)
    context = {
        "view": view,
        "assessment": assessment,
        "may_edit": edit_refusal(request.user, assessment) is None,
        "may_draft_need": draft_need_refusal(request.user, assessment) is None,
        "chart": _chart_data(view),
    }
    return render(request, "knowledge/assessments/detail.html", context)


def _chart_data(view) -> dict:
    scored = [area for area in view.areas if area.score.score is not None]
    return {
        "labels": [area.area.name for area in scored],
        "scores": [float(area.score.score) for area in scored],
        "target": view.target_level,
        "score_label": _("Maturity (0–4)"),
        "target_label": _("Target level"),
    }


@login_required
def assessment_answer(request, pk: int):
    assessment = selectors.assessment_for(request.user, pk)
    reason = edit_refusal(request.user, assessment)
    if reason:
        messages.error(request, reason)
        return redirect(assessment)
    view = selectors.assessment_view(assessment)
    if request.method == "POST":
        return _save(request, view)
    return render(request, "knowledge/assessments/answer.html", {"view": view})


def _save(request, view):
    assessment = view.assessment
    items = [item for area in view.areas for item in area.items]
    try:
        services.save_answers(request.user, assessment, answers_from_post(request.POST, items))
        if "submit" in request.POST:
            services.submit_assessment(request.user, assessment)
            messages.success(request, _("The self-assessment was submitted. Here are its results."))
            return redirect(assessment)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your answers were saved; you can come back to them later."))
    return redirect("knowledge:assessment_answer", assessment.pk)


@login_required
@require_POST
def assessment_delete(request, pk: int):
    assessment = selectors.assessment_for(request.user, pk)
    try:
        services.delete_draft(request.user, assessment)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(assessment)
    messages.success(request, _("The draft self-assessment was deleted."))
    return redirect("knowledge:assessment_list")


@login_required
@require_POST
def assessment_draft_need(request, pk: int, area: str):
    assessment = selectors.assessment_for(request.user, pk)
    try:
        need = services.draft_need_from_gap(request.user, assessment, area)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(assessment)
    messages.success(
        request,
        _("A draft need was written from this gap: complete it (SDG targets, national priority)."),
    )
    return redirect("knowledge:need_edit", need.pk)
