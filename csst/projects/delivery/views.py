"""Delivery pages: thin views (parse → one service/selector → render).

The project page includes `_activities.html` and `_results.html`, which load the panels below with
htmx (`activity_list` and `indicator_list` answer an htmx request with the panel alone).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from csst.core.errors import DomainError
from csst.core.pagination import paginate
from csst.core.views import attempt
from csst.core.workflow import available_actions

from . import selectors, services
from .forms import (
    ActivityForm,
    CancelForm,
    EquipmentForm,
    IndicatorForm,
    ParticipantForm,
    ParticipantImportForm,
    ValueForm,
)
from .permissions import indicator_refusal, is_insider, record_refusal
from .workflow import ACTIVITY_TRANSITIONS

ACTIVITIES_PER_PAGE = 20
PANEL_ROWS = 10  # the project page shows the first activities, the list page all of them
PARTICIPANTS_PER_PAGE = 50
FORM_TEMPLATE = "projects/delivery/form.html"


def _activities_url(project_id: int) -> str:
    return reverse("projects:activity_list", args=[project_id])


def _activity_url(activity_id: int) -> str:
    return reverse("projects:activity_detail", args=[activity_id])


def _results_url(project_id: int) -> str:
    return reverse("projects:indicator_list", args=[project_id])


def _form_page(request, form, save, back_url: str, context: dict, success: str, next_url=None):
    """Show the form; on a valid POST call `save(data)` and go back (or to `next_url(saved)`),
    or show the refusal on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, success)
            return redirect(next_url(saved) if next_url else back_url)
    return render(request, FORM_TEMPLATE, {"form": form, "cancel_url": back_url, **context})


def _refused(request, reason: str | None, url: str):
    """A redirect with the refusal as a message, or None when the user may go ahead."""
    if not reason:
        return None
    messages.error(request, reason)
    return redirect(url)


# --- Activities -------------------------------------------------------------------------------


@vary_on_headers("HX-Request")  # the same URL answers the htmx panel and the full page
def activity_list(request, project_pk: int):
    project = selectors.project_for(request.user, project_pk)
    activities = selectors.activities_of(project)
    context = {
        "project": project,
        "may_record": record_refusal(request.user, project) is None,
        "totals": selectors.project_totals(project),
    }
    if request.htmx:
        context["activities"] = selectors.attach_equipment_values(activities[:PANEL_ROWS])
        context["more"] = activities.count() > PANEL_ROWS
        return render(request, "projects/delivery/_activity_panel.html", context)
    context.update(paginate(request, activities, ACTIVITIES_PER_PAGE))
    context["activities"] = selectors.attach_equipment_values(context["page_obj"].object_list)
    return render(request, "projects/delivery/activity_list.html", context)


def activity_detail(request, pk: int):
    activity = selectors.activity_for(request.user, pk)
    project = activity.project
    insider = is_insider(request.user, project)
    context = {
        "activity": activity,
        "project": project,
        "may_record": record_refusal(request.user, project) is None,
        "insider": insider,
        "actions": available_actions(ACTIVITY_TRANSITIONS, activity, request.user),
        "cancel_form": CancelForm(),
        "equipment": [
            (item, selectors.equipment_value(item)) for item in selectors.equipment_of(activity)
        ],
    }
    if insider:
        context.update(
            paginate(request, selectors.participants_of(activity), PARTICIPANTS_PER_PAGE)
        )
    return render(request, "projects/delivery/activity_detail.html", context)


@login_required
def activity_create(request, project_pk: int):
    project = selectors.project_for(request.user, project_pk)
    refused = _refused(request, record_refusal(request.user, project), _activities_url(project.pk))
    if refused:
        return refused
    return _form_page(
        request,
        ActivityForm(request.POST or None),
        lambda data: services.add_activity(request.user, project, data),
        _activities_url(project.pk),
        {"project": project, "title": _("Add an activity")},
        _("The activity was added."),
        next_url=lambda activity: _activity_url(activity.pk),
    )


@login_required
def activity_edit(request, pk: int):
    activity = selectors.activity_for(request.user, pk)
    url = _activity_url(activity.pk)
    refused = _refused(request, record_refusal(request.user, activity.project), url)
    if refused:
        return refused
    return _form_page(
        request,
        ActivityForm(request.POST or None, instance=activity),
        lambda data: services.update_activity(request.user, activity, data),
        url,
        {"project": activity.project, "title": _("Edit the activity")},
        _("The activity was saved."),
    )


@login_required
@require_POST
def activity_action(request, pk: int, action: str):
    activity = selectors.activity_for(request.user, pk)
    comment = request.POST.get("comment", "")[:2000]
    attempt(
        request,
        lambda: services.change_activity_status(request.user, activity, action, comment),
        _("The status of the activity was changed."),
    )
    return redirect(_activity_url(activity.pk))


# --- Participants and equipment ---------------------------------------------------------------


def _activity_form(request, activity_pk: int, form_class, save, title: str, success: str):
    """Add something to an activity (participant, equipment, CSV import)."""
    activity = selectors.activity_for(request.user, activity_pk)
    url = _activity_url(activity.pk)
    refused = _refused(request, record_refusal(request.user, activity.project), url)
    if refused:
        return refused
    form = form_class(request.POST or None, request.FILES or None)
    context = {"project": activity.project, "activity": activity, "title": title}
    return _form_page(request, form, lambda data: save(activity, data), url, context, success)


@login_required
def participant_create(request, activity_pk: int):
    return _activity_form(
        request,
        activity_pk,
        ParticipantForm,
        lambda activity, data: services.add_participant(request.user, activity, data),
        _("Add a participant"),
        _("The participant was added."),
    )


@login_required
def participant_import(request, activity_pk: int):
    return _activity_form(
        request,
        activity_pk,
        ParticipantImportForm,
        lambda activity, data: services.import_participants(request.user, activity, data["file"]),
        _("Import participants from a CSV file"),
        _("The participants were imported."),
    )


@login_required
def equipment_create(request, activity_pk: int):
    return _activity_form(
        request,
        activity_pk,
        EquipmentForm,
        lambda activity, data: services.add_equipment(request.user, activity, data),
        _("Add an equipment item"),
        _("The equipment item was added."),
    )


def _edit_part(request, obj, form_class, update, title: str):
    """Edit a participant or an equipment item of an activity."""
    activity = obj.activity
    url = _activity_url(activity.pk)
    refused = _refused(request, record_refusal(request.user, activity.project), url)
    if refused:
        return refused
    return _form_page(
        request,
        form_class(request.POST or None, instance=obj),
        lambda data: update(request.user, obj, data),
        url,
        {"project": activity.project, "activity": activity, "title": title},
        _("Saved."),
    )


@login_required
def participant_edit(request, pk: int):
    participant = selectors.participant_for(request.user, pk)
    return _edit_part(
        request,
        participant,
        ParticipantForm,
        services.update_participant,
        _("Edit the participant"),
    )


@login_required
def equipment_edit(request, pk: int):
    item = selectors.equipment_item_for(request.user, pk)
    return _edit_part(
        request, item, EquipmentForm, services.update_equipment, _("Edit the equipment item")
    )


def _remove(request, obj, remove):
    try:
        remove(request.user, obj)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Removed."))
    return redirect(_activity_url(obj.activity_id))


@login_required
@require_POST
def participant_delete(request, pk: int):
    return _remove(
        request, selectors.participant_for(request.user, pk), services.remove_participant
    )


@login_required
@require_POST
def equipment_delete(request, pk: int):
    return _remove(
        request, selectors.equipment_item_for(request.user, pk), services.remove_equipment
    )


# --- Results framework ------------------------------------------------------------------------


@vary_on_headers("HX-Request")
def indicator_list(request, project_pk: int):
    project = selectors.project_for(request.user, project_pk)
    indicators = selectors.indicators_of(project)
    context = {
        "project": project,
        "indicators": indicators,
        "may_define": indicator_refusal(request.user, project) is None,
        "may_record": record_refusal(request.user, project) is None,
        "chart": selectors.progress_chart(indicators),
    }
    template = "_indicator_panel.html" if request.htmx else "indicator_list.html"
    return render(request, f"projects/delivery/{template}", context)


@login_required
def indicator_create(request, project_pk: int):
    project = selectors.project_for(request.user, project_pk)
    url = _results_url(project.pk)
    refused = _refused(request, indicator_refusal(request.user, project), url)
    if refused:
        return refused
    return _form_page(
        request,
        IndicatorForm(request.POST or None),
        lambda data: services.add_indicator(request.user, project, data),
        url,
        {"project": project, "title": _("Add a result indicator")},
        _("The indicator was added."),
    )


@login_required
def indicator_edit(request, pk: int):
    indicator = selectors.indicator_for(request.user, pk)
    url = _results_url(indicator.project_id)
    refused = _refused(request, indicator_refusal(request.user, indicator.project), url)
    if refused:
        return refused
    return _form_page(
        request,
        IndicatorForm(request.POST or None, instance=indicator),
        lambda data: services.update_indicator(request.user, indicator, data),
        url,
        {"project": indicator.project, "title": _("Edit the result indicator")},
        _("The indicator was saved."),
    )


@login_required
def value_create(request, indicator_pk: int):
    indicator = selectors.indicator_for(request.user, indicator_pk)
    url = _results_url(indicator.project_id)
    refused = _refused(request, record_refusal(request.user, indicator.project), url)
    if refused:
        return refused
    return _form_page(
        request,
        ValueForm(request.POST or None),
        lambda data: services.record_value(request.user, indicator, **data),
        url,
        {
            "project": indicator.project,
            "title": _("Record a value of “%(name)s”") % {"name": indicator.name},
        },
        _("The value was recorded."),
    )
