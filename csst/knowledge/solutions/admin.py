"""Admin of solutions and lessons learned (imported by knowledge/admin.py).

Statuses change only through the lifecycle (services.change_solution_status), via admin actions;
the rules (four eyes, both languages, South rule) apply there as everywhere.
"""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from csst.core.admin import lifecycle_action

from ..models import LessonLearned, Solution, SolutionEvidence
from .services import change_solution_status


def _lifecycle_action(name: str, label):
    return lifecycle_action(change_solution_status, name, label, "solution")


class EvidenceInline(admin.TabularInline):
    model = SolutionEvidence
    extra = 0
    fields = ("title", "file", "source_url", "created_at")
    readonly_fields = ("created_at",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Solution)
class SolutionAdmin(SimpleHistoryAdmin):
    list_display = (
        "title",
        "organisation",
        "country",
        "status",
        "technology_level",
        "reviewed_at",
        "is_demo",
        "updated_at",
    )
    list_filter = ("status", "technology_level", "country", "is_demo")
    search_fields = ("title_fr", "title_en", "search_text")
    list_select_related = ("organisation", "country")
    readonly_fields = (
        "status",
        "reviewed_at",
        "reviewed_by",
        "created_at",
        "updated_at",
        "created_by",
    )
    filter_horizontal = ("themes", "sdg_targets")
    inlines = [EvidenceInline]
    actions = [
        _lifecycle_action("validate", _("Validate the selected solutions (four eyes)")),
        _lifecycle_action("reconfirm", _("Re-confirm the selected solutions (reviewed today)")),
        _lifecycle_action("archive", _("Archive the selected solutions")),
    ]


@admin.register(LessonLearned)
class LessonLearnedAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "language", "solution", "is_demo", "created_at")
    list_filter = ("language", "is_demo")
    search_fields = ("title", "context", "lesson")
    list_select_related = ("organisation", "solution")
    readonly_fields = ("created_at", "updated_at", "created_by")
    filter_horizontal = ("themes",)
    raw_id_fields = ("solution",)
