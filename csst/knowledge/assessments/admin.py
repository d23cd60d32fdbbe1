"""Admin of assessments (imported by knowledge/admin.py).

Frameworks are configured here by bureau staff: the framework with its maturity labels and focus
areas, then each focus area with its items (Django's admin has no nested inlines). Loaded
frameworks keep their code: the next `load_reference_data` finds them by it and never overwrites
what was changed. Self-assessments belong to their organisations: view only.
"""

from django.contrib import admin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from csst.core.admin import ReadOnlyAdminMixin
from csst.countries.permissions import is_reference_editor

from ..models import (
    Answer,
    AssessmentFramework,
    AssessmentItem,
    FocusArea,
    MaturityLabel,
    SelfAssessment,
)


class EditorOnly:
    """Bureau officers and administrators change frameworks; other staff only read them."""

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and is_reference_editor(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and is_reference_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and is_reference_editor(request.user)


class MaturityLabelInline(EditorOnly, TranslationTabularInline):
    model = MaturityLabel
    extra = 0
    max_num = 5


class FocusAreaInline(EditorOnly, TranslationStackedInline):
    model = FocusArea
    fields = ["code", "name", "description", "weight", "theme", "order"]
    extra = 0
    show_change_link = True  # the items are edited on the focus area's own page


class AssessmentItemInline(EditorOnly, TranslationStackedInline):
    model = AssessmentItem
    fields = ["code", "statement", "guidance", "weight", "order"]
    extra = 0


@admin.register(AssessmentFramework)
class AssessmentFrameworkAdmin(EditorOnly, TranslationAdmin):
    list_display = ["name", "code", "version", "target_level", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name_fr", "name_en"]
    inlines = [MaturityLabelInline, FocusAreaInline]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []


@admin.register(FocusArea)
class FocusAreaAdmin(EditorOnly, TranslationAdmin):
    list_display = ["name", "framework", "code", "weight", "theme", "order"]
    list_filter = ["framework"]
    list_select_related = ["framework", "theme"]
    search_fields = ["code", "name_fr", "name_en"]
    inlines = [AssessmentItemInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["item", "level", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["framework", "organisation", "country", "status", "is_demo", "updated_at"]
    list_filter = ["framework", "status", "is_demo", "country"]
    list_select_related = ["framework", "organisation", "country"]
    inlines = [AnswerInline]
