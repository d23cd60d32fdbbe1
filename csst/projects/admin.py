"""Admin of projects: partners and endorsements inline; the status changes only through the
lifecycle (services.change_project_status), via admin actions; the modality is computed."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from csst.core.admin import lifecycle_action

from .delivery import admin as delivery_admin  # noqa: F401  (registers the delivery models)
from .models import Endorsement, Project, ProjectPartner
from .services import change_project_status, refresh_derived


def _lifecycle_action(name: str, label):
    return lifecycle_action(change_project_status, name, label, "project")


class PartnerInline(admin.TabularInline):
    model = ProjectPartner
    extra = 0
    fields = (
        "organisation",
        "role",
        "committed_cash",
        "committed_in_kind",
        "currency",
        "contribution_note",
    )
    autocomplete_fields = ()
    raw_id_fields = ("organisation",)


class EndorsementInline(admin.TabularInline):
    """Endorsements are a beneficiary's word (R2): shown, never typed in by staff."""

    model = Endorsement
    extra = 0
    can_delete = False
    fields = ("organisation", "person", "decision", "comment", "at", "superseded")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("code", "title", "status", "modality", "approved_on", "is_demo", "updated_at")
    list_filter = ("status", "modality", "is_demo")
    search_fields = ("code", "title_fr", "title_en")
    readonly_fields = (
        "status",
        "modality",
        "approved_on",
        "approved_by",
        "approval_requested_by",
        "endorsed_scope",
        "cancel_reason",
        "created_at",
        "updated_at",
        "created_by",
    )
    filter_horizontal = ("themes", "sdg_targets", "origin_needs", "lessons_learned")
    raw_id_fields = ("responsible_officer",)
    inlines = [PartnerInline, EndorsementInline]
    actions = [
        _lifecycle_action("formulate", _("Start formulation of the selected projects")),
        _lifecycle_action("start", _("Start implementation of the selected projects")),
        _lifecycle_action("evaluate", _("Mark the selected projects as evaluated")),
        _lifecycle_action("close_financially", _("Close the selected projects financially")),
    ]

    def save_related(self, request, form, formsets, change):
        """Partners or scope edited here: recompute the modality and re-endorsement (R1, R2)."""
        super().save_related(request, form, formsets, change)
        refresh_derived(form.instance)
