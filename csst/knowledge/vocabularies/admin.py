"""Shared vocabularies in the admin.

Themes are the platform's own vocabulary: bureau officers and administrators edit them (names and
descriptions in French and English, the broader theme, the order) and may add new ones; the themes
that `load_reference_data` defines cannot be deleted (the next load would bring them back). SDG
goals, targets and indicators come from the official files: view only.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from csst.core.admin import ReadOnlyAdminMixin
from csst.countries.permissions import is_reference_editor

from ..models import SdgGoal, SdgIndicator, SdgTarget, Theme
from ..reference import THEMES

LOADED_THEME_CODES = frozenset(definition["code"] for definition in THEMES)


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "code", "parent", "order"]
    list_filter = ["parent"]
    list_select_related = ["parent"]
    search_fields = ["code", "name_fr", "name_en", "description_fr", "description_en"]
    ordering = ["order", "code"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj and obj.code in LOADED_THEME_CODES else []

    def has_add_permission(self, request):
        return super().has_add_permission(request) and is_reference_editor(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and is_reference_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj) and is_reference_editor(request.user)
        return allowed and not (obj and obj.code in LOADED_THEME_CODES)


class TargetInline(admin.TabularInline):
    model = SdgTarget
    fields = ["code", "title"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class IndicatorInline(TargetInline):
    model = SdgIndicator
    fields = ["code", "title", "unsd_code"]
    readonly_fields = fields
    show_change_link = False


@admin.register(SdgGoal)
class SdgGoalAdmin(ReadOnlyAdminMixin, TranslationAdmin):
    list_display = ["number", "short_title", "title"]
    search_fields = ["title_fr", "title_en", "short_title_fr", "short_title_en"]
    inlines = [TargetInline]


@admin.register(SdgTarget)
class SdgTargetAdmin(ReadOnlyAdminMixin, TranslationAdmin):
    list_display = ["code", "goal", "title"]
    list_filter = ["goal"]
    list_select_related = ["goal"]
    search_fields = ["code", "title_fr", "title_en"]
    inlines = [IndicatorInline]


@admin.register(SdgIndicator)
class SdgIndicatorAdmin(ReadOnlyAdminMixin, TranslationAdmin):
    list_display = ["code", "target", "unsd_code", "title"]
    list_select_related = ["target"]
    search_fields = ["code", "unsd_code", "title_fr", "title_en"]
