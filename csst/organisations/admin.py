"""Staff maintain the registry here; focal points are shown read-only (they are edited as
memberships, in the accounts admin)."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from csst.accounts.models import Membership

from .models import Organisation
from .permissions import can_manage_organisations


class FocalPointInline(admin.TabularInline):
    """Every membership of the organisation, current and past, newest first (read-only)."""

    model = Membership
    extra = 0
    fields = ["user", "role", "valid_from", "valid_to"]
    readonly_fields = fields
    ordering = ["-valid_from", "role"]
    can_delete = False
    show_change_link = True
    verbose_name = _("focal point")
    verbose_name_plural = _("focal points (memberships, edited with the users)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "acronym", "type", "country"]
    list_filter = ["type", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name_fr", "name_en", "acronym", "iati_identifier", "country__iso3"]
    fields = [
        "name",
        "acronym",
        "type",
        "country",
        "website",
        "iati_identifier",
        "description",
    ]
    inlines = [FocalPointInline]
    # Links typed without a scheme are taken as https (Django 6 default; silences its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # Model permissions open the admin; writing also needs the registry manager role.
    def has_add_permission(self, request):
        return super().has_add_permission(request) and can_manage_organisations(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and can_manage_organisations(
            request.user
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_manage_organisations(
            request.user
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
