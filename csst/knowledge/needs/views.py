"""Need pages: thin views (parse → one service/selector → render)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from csst.core.errors import DomainError
from csst.core.pagination import paginate
from csst.core.views import attempt
from csst.core.workflow import available_actions
from csst.organisations.models import Organisation

from ..models import Modality, NeedStatus
from . import selectors, services
from .forms import NeedFilterForm, NeedForm
from .permissions import (
    create_refusal,
    edit_refusal,
    focal_point_organisations,
    may_see_confidential,
)
from .workflow import COMMENT_ACTIONS, NEED_ACTIONS, NEED_TRANSITIONS

NEEDS_PER_PAGE = 20
MY_NEEDS_SHOWN = 50


def need_list(request):
    form = NeedFilterForm(request.GET)
    found = selectors.needs_for(request.user, **form.filters())
    context = {
        "form": form,
        "may_create": create_refusal(request.user) is None,
        "my_needs": list(selectors.organisation_needs(request.user)[:MY_NEEDS_SHOWN]),
        **paginate(request, found, NEEDS_PER_PAGE),
    }
    return render(request, "knowledge/needs_list.html", context)


def need_detail(request, pk: int):
    need = selectors.need_for(request.user, pk)
    confidential = may_see_confidential(request.user, need)
    context = {
        "need": need,
        "confidential": confidential,
        "timeline": _timeline(need) if confidential else [],
        "modalities": [_label(Modality, code) for code in need.preferred_modalities],
        "actions": available_actions(NEED_TRANSITIONS, need, request.user),
        "comment_required": {
            name for name, spec in NEED_TRANSITIONS.items() if spec.comment_required
        },
        "comment_actions": COMMENT_ACTIONS,
        "may_edit": edit_refusal(request.user, need) is None,
    }
    return render(request, "knowledge/needs_detail.html", context)


def _label(choices, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


def _timeline(need) -> list[dict]:
    return [
        {
            "log": log,
            "from": _label(NeedStatus, log.from_status),
            "to": _label(NeedStatus, log.to_status),
        }
        for log in selectors.need_history(need)
    ]


def _organisations(user):
    return list(Organisation.objects.filter(pk__in=focal_point_organisations(user)))


@login_required
def need_create(request):
    reason = create_refusal(request.user)
    if reason:
        messages.error(request, reason)
        return redirect("knowledge:need_list")
    organisations = _organisations(request.user)
    form = NeedForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.create_need(request.user, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The need was saved as a draft."))
            return redirect(need)
    return render(request, "knowledge/needs_form.html", {"form": form, "need": None})


@login_required
def need_edit(request, pk: int):
    need = selectors.need_for(request.user, pk)
    reason = edit_refusal(request.user, need)
    if reason:
        messages.error(request, reason)
        return redirect(need)
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_need(request.user, need, form.service_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The need was saved."))
            return redirect(need)
    return render(request, "knowledge/needs_form.html", {"form": form, "need": need})


@login_required
@require_POST
def need_action(request, pk: int, action: str):
    need = selectors.need_for(request.user, pk)
    if action not in NEED_ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect(need)
    comment = request.POST.get("comment", "")[:2000]
    attempt(
        request,
        lambda: services.change_need_status(request.user, need, action, comment),
        _("The status of the need was changed."),
    )
    return redirect(need)
