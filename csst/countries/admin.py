"""Reference data in the admin.

Countries and sourced classifications come from `csst load_reference_data` and are shown
read-only (the next load would undo an edit). Officers override a classification through a form
that calls `services.override_classification`, and end one through `services.end_override`;
overrides are never deleted, so their history stays. Indicators and their values are maintained
by bureau officers and administrators.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from csst.core.admin import ReadOnlyAdminMixin
from csst.core.errors import InvalidInput

from . import services
from .models import Country, CountryClassification, Indicator, IndicatorValue
from .permissions import is_reference_editor


class ClassificationInline(admin.TabularInline):
    """Every period of every scheme, newest first (read-only here)."""

    model = CountryClassification
    extra = 0
    fields = ["scheme", "value", "valid_from", "valid_to", "is_override", "source", "reason"]
    readonly_fields = fields
    ordering = ["scheme", "-valid_from"]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(ReadOnlyAdminMixin, TranslationAdmin):
    """Loaded from the data files: viewing only (model "view" permission)."""

    list_display = ["iso3", "name", "region", "subregion", "upu_member", "upu_group"]
    list_filter = ["upu_member", "upu_group", "is_independent", "region"]
    list_select_related = ["region", "subregion"]
    search_fields = ["iso3", "iso2", "m49", "name_fr", "name_en", "search_text"]
    readonly_fields = [
        "iso3",
        "iso2",
        "m49",
        "name",
        "official_name",
        "other_names",
        "region",
        "subregion",
        "intermediate_region",
        "languages",
        "is_independent",
        "upu_member",
        "upu_group",
        "designated_operator",
    ]
    fields = readonly_fields
    inlines = [ClassificationInline]


class OverrideForm(forms.ModelForm):
    """A new officer override; saved by services.override_classification."""

    class Meta:
        model = CountryClassification
        fields = ["country", "scheme", "value", "valid_from", "valid_to", "reason"]
        help_texts = {
            "value": gettext_lazy(
                "north_south: north or south · un_ldc: ldc or not_ldc · un_lldc: lldc or "
                "not_lldc · un_sids: sids or not_sids · wb_income: low, lower_middle, "
                "upper_middle, high or not_classified"
            ),
            "valid_to": gettext_lazy("Last day of the override; leave empty for open-ended."),
        }

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.clean_override(
                    data.get("scheme"),
                    data.get("value"),
                    data.get("valid_from"),
                    data.get("valid_to"),
                    data.get("reason"),
                )
            except InvalidInput as refusal:
                raise ValidationError(refusal.message) from refusal
        return data


class EndOverrideForm(forms.ModelForm):
    """Ending an override: its last day and why; saved by services.end_override."""

    class Meta:
        model = CountryClassification
        fields = ["valid_to", "end_reason"]

    def clean(self):
        data = super().clean()
        valid_to, reason = data.get("valid_to"), (data.get("end_reason") or "").strip()
        if not valid_to:
            self.add_error("valid_to", _("Give the last day of the override."))
        elif valid_to < self.instance.valid_from:
            self.add_error("valid_to", _("The end date cannot be before the start date."))
        if not reason:
            self.add_error("end_reason", _("A reason is required."))
        return data


@admin.register(CountryClassification)
class CountryClassificationAdmin(SimpleHistoryAdmin):
    list_display = ["country", "scheme", "value", "valid_from", "valid_to", "is_override"]
    list_filter = ["scheme", "is_override", "value"]
    list_select_related = ["country"]
    search_fields = ["country__iso3", "country__name_fr", "country__name_en", "value"]
    autocomplete_fields = ["country"]
    ordering = ["country__iso3", "scheme", "-valid_from"]
    view_fields = [
        "country",
        "scheme",
        "value",
        "valid_from",
        "valid_to",
        "source",
        "is_override",
        "reason",
        "end_reason",
        "created_by",
        "created_at",
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = OverrideForm if obj is None else EndOverrideForm
        if obj is not None:
            kwargs["fields"] = ["valid_to", "end_reason"]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return OverrideForm.Meta.fields if obj is None else self.view_fields

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        if obj.is_override and self.has_change_permission(request, obj):
            return [name for name in self.view_fields if name not in ("valid_to", "end_reason")]
        return self.view_fields

    def has_add_permission(self, request):
        return super().has_add_permission(request) and is_reference_editor(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj) and is_reference_editor(request.user)
        return allowed and (obj is None or obj.is_override)

    def has_delete_permission(self, request, obj=None):
        return False  # sourced rows come from the data; overrides are ended, not deleted

    def save_model(self, request, obj, form, change):
        if change:
            saved = services.end_override(
                request.user, obj, form.cleaned_data["valid_to"], form.cleaned_data["end_reason"]
            )
        else:
            saved = services.override_classification(
                request.user,
                obj.country,
                obj.scheme,
                obj.value,
                obj.valid_from,
                obj.reason,
                obj.valid_to,
            )
        obj.pk, obj.source, obj.created_by = saved.pk, saved.source, saved.created_by
        obj.is_override, obj._state.adding = True, False


class EditorOnly:
    """Model permissions open the admin; writing also needs bureau officer or administrator."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and is_reference_editor(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and is_reference_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and is_reference_editor(request.user)


@admin.register(Indicator)
class IndicatorAdmin(EditorOnly, TranslationAdmin):
    list_display = ["code", "name", "unit", "scale_min", "scale_max", "parent", "is_predefined"]
    list_filter = ["is_predefined"]
    search_fields = ["code", "name_fr", "name_en"]

    def get_readonly_fields(self, request, obj=None):
        return ["code", "is_predefined"] if obj and obj.is_predefined else ["is_predefined"]

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_predefined)


@admin.register(IndicatorValue)
class IndicatorValueAdmin(EditorOnly, admin.ModelAdmin):
    list_display = ["indicator", "country", "date", "value", "is_illustrative", "source"]
    list_filter = ["indicator", "is_illustrative"]
    list_select_related = ["indicator", "country"]
    search_fields = ["country__iso3", "country__name_fr", "country__name_en", "indicator__code"]
    autocomplete_fields = ["country"]
    date_hierarchy = "date"
    readonly_fields = ["imported_by"]

    def save_model(self, request, obj, form, change):
        obj.imported_by = request.user
        super().save_model(request, obj, form, change)
