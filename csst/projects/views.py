"""Project pages: thin views (parse → one service/selector → render).

Reads go through the selectors (a project the user may not see is a 404); writes through the
services, whose refusals (rules R1, R2, R4, R10…) come back as messages on the project page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from csst.core.errors import DomainError
from csst.core.pagination import paginate
from csst.core.views import attempt
from csst.core.workflow import available_actions
from csst.knowledge.needs.selectors import need_for
from csst.knowledge.solutions.forms import LessonForm
from csst.knowledge.solutions.permissions import focal_point_organisations

from . import selectors, services
from .forms import FinalReportForm, PartnerForm, ProjectFilterForm, ProjectForm
from .modality import Role
from .models import ProjectStatus
from .permissions import beneficiary_organisations, lesson_refusal, officer_refusal
from .workflow import COMMENT_ACTIONS, PROJECT_ACTIONS, PROJECT_TRANSITIONS

PROJECTS_PER_PAGE = 20
TEXT_MAX = 2000


def _require_officer(user) -> None:
    reason = officer_refusal(user)
    if reason:
        raise PermissionDenied(reason)


# --- Reading ----------------------------------------------------------------------------------


def project_list(request):
    form = ProjectFilterForm(request.GET)
    found = selectors.projects_for(request.user, **form.filters())
    context = {
        "form": form,
        "may_create": officer_refusal(request.user) is None,
        **paginate(request, found, PROJECTS_PER_PAGE),
    }
    context["cards"] = [
        {"project": project, "countries": selectors.countries_of(project)}
        for project in context["page_obj"]
    ]
    return render(request, "projects/list.html", context)


def _speaking_for(user, project, statuses) -> list:
    """Beneficiary partners the user may speak for (endorse, accept results) in these states."""
    if project.status not in statuses:
        return []
    own = beneficiary_organisations(user)
    return [
        p.organisation
        for p in selectors.partners_in_order(project)
        if p.role == Role.BENEFICIARY and p.organisation_id in own
    ]


def _may_record_lesson(user, project) -> bool:
    return project.status != ProjectStatus.CANCELLED and lesson_refusal(user, project) is None


def project_detail(request, pk: int):
    project = selectors.project_for(request.user, pk)
    insider = selectors.is_insider(request.user, project)
    is_officer = officer_refusal(request.user) is None
    open_for_changes = project.status not in services.FROZEN_STATUSES
    context = {
        "project": project,
        "modality": selectors.modality_of(project),
        "corners": selectors.triangle(project),
        "partners": selectors.partners_in_order(project),
        "countries": selectors.countries_of(project),
        "insider": insider,
        "timeline": _timeline(project) if insider else [],
        "actions": available_actions(PROJECT_TRANSITIONS, project, request.user),
        "comment_actions": COMMENT_ACTIONS,
        "comment_required": {n for n, t in PROJECT_TRANSITIONS.items() if t.comment_required},
        "endorse_for": _speaking_for(request.user, project, services.ENDORSABLE_STATUSES),
        "accept_for": _speaking_for(request.user, project, {ProjectStatus.IN_IMPLEMENTATION}),
        "may_manage": is_officer and open_for_changes,
        "may_report": is_officer and project.status == ProjectStatus.IN_IMPLEMENTATION,
        "may_record_lesson": _may_record_lesson(request.user, project),
        **selectors.endorsement_state(project),
    }
    return render(request, "projects/detail.html", context)


def _timeline(project) -> list[dict]:
    labels = dict(ProjectStatus.choices)
    return [
        {
            "log": log,
            "from": labels.get(log.from_status, log.from_status),
            "to": labels.get(log.to_status, log.to_status),
        }
        for log in selectors.project_history(project)
    ]


# --- Creating and editing ---------------------------------------------------------------------


def _project_form(request, project=None):
    initial = ProjectForm.initial_for(project) if project else None
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if project:
                project = services.update_project(request.user, project, form.service_data())
            else:
                project = services.create_project(request.user, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The project was saved."))
            return redirect(project)
    return render(request, "projects/form.html", {"form": form, "project": project})


@login_required
def project_create(request):
    _require_officer(request.user)
    return _project_form(request)


@login_required
def project_edit(request, pk: int):
    _require_officer(request.user)
    return _project_form(request, selectors.project_for(request.user, pk))


@login_required
@require_POST
def project_from_need(request, need_pk: int):
    """ "Turn into a project": an endorsed need becomes a project (R4), first step of the path."""
    need = need_for(request.user, need_pk)
    try:
        project = services.create_project_from_need(request.user, need)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(need)
    messages.success(
        request, _("The project %(code)s was created from the need.") % {"code": project.code}
    )
    return redirect(project)


# --- Partners ---------------------------------------------------------------------------------


@login_required
def partner_add(request, pk: int):
    _require_officer(request.user)
    project = selectors.project_for(request.user, pk)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_partner(
                request.user,
                project,
                data["organisation"].pk,
                data["role"],
                cash=data["committed_cash"],
                in_kind=data["committed_in_kind"],
                currency=data["currency"],
                note=data["contribution_note"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The partner was added."))
            return redirect(project)
    context = {"form": form, "project": project, "partner": None}
    return render(request, "projects/partner_form.html", context)


def _partner(request, pk: int, partner_pk: int):
    _require_officer(request.user)
    project = selectors.project_for(request.user, pk)
    return project, get_object_or_404(project.partners.all(), pk=partner_pk)


@login_required
def partner_edit(request, pk: int, partner_pk: int):
    project, partner = _partner(request, pk, partner_pk)
    initial = {
        "committed_cash": partner.committed_cash,
        "committed_in_kind": partner.committed_in_kind,
        "contribution_note": partner.contribution_note,
    }
    form = PartnerForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_partner(
                request.user,
                partner,
                cash=data["committed_cash"],
                in_kind=data["committed_in_kind"],
                note=data["contribution_note"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The commitment was saved."))
            return redirect(project)
    context = {"form": form, "project": project, "partner": partner}
    return render(request, "projects/partner_form.html", context)


@login_required
@require_POST
def partner_remove(request, pk: int, partner_pk: int):
    project, partner = _partner(request, pk, partner_pk)
    attempt(
        request,
        lambda: services.remove_partner(request.user, partner),
        _("The partner was removed."),
    )
    return redirect(project)


# --- Endorsements, lifecycle, closure ---------------------------------------------------------


def _organisation_id(request) -> int | None:
    try:
        return int(request.POST.get("organisation_id", ""))
    except ValueError:
        return None


@login_required
@require_POST
def endorse(request, pk: int):
    project = selectors.project_for(request.user, pk)
    agree = request.POST.get("decision") != "decline"
    comment = request.POST.get("comment", "")[:TEXT_MAX]
    attempt(
        request,
        lambda: services.endorse(request.user, project, _organisation_id(request), agree, comment),
        _("Your endorsement was recorded.") if agree else _("Your refusal was recorded."),
    )
    return redirect(project)


@login_required
@require_POST
def accept(request, pk: int):
    project = selectors.project_for(request.user, pk)
    comment = request.POST.get("comment", "")[:TEXT_MAX]
    attempt(
        request,
        lambda: services.accept_results(request.user, project, _organisation_id(request), comment),
        _("Your acceptance of the results was recorded."),
    )
    return redirect(project)


@login_required
@require_POST
def project_action(request, pk: int, action: str):
    project = selectors.project_for(request.user, pk)
    if action not in PROJECT_ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect(project)
    comment = request.POST.get("comment", "")[:TEXT_MAX]
    attempt(
        request,
        lambda: services.change_project_status(request.user, project, action, comment),
        _("The status of the project was changed."),
    )
    return redirect(project)


@login_required
def final_report(request, pk: int):
    _require_officer(request.user)
    project = selectors.project_for(request.user, pk)
    form = FinalReportForm(request.POST or None, initial={"text": project.final_report})
    if request.method == "POST" and form.is_valid():
        try:
            services.write_final_report(request.user, project, form.cleaned_data["text"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The final report was saved."))
            return redirect(project)
    return render(request, "projects/final_report.html", {"form": form, "project": project})


def _lesson_organisations(user, project) -> list:
    """Partner organisations a lesson may belong to: any for an officer, else the user's own."""
    own = None if officer_refusal(user) is None else focal_point_organisations(user)
    partners = selectors.partners_in_order(project)
    found = {
        p.organisation.pk: p.organisation
        for p in partners
        if own is None or p.organisation_id in own
    }
    return list(found.values())


@login_required
def lesson_add(request, pk: int):
    project = selectors.project_for(request.user, pk)
    if not _may_record_lesson(request.user, project):
        raise PermissionDenied(_("Only the Bureau and the partners record lessons of a project."))
    organisations = _lesson_organisations(request.user, project)
    form = LessonForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_lesson(request.user, project, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The lesson was recorded."))
            return redirect(project)
    return render(request, "projects/lesson_form.html", {"form": form, "project": project})
