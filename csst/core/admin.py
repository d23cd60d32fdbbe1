from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import TransitionLog

admin.site.site_header = _("CSST platform — administration")
admin.site.site_title = _("CSST administration")
admin.site.index_title = _("Reference data and content")


class ReadOnlyAdminMixin:
    """For records that only the platform writes (logs, loaded reference data): view only."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TransitionLog)
class TransitionLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "at",
        "content_type",
        "object_id",
        "action",
        "from_status",
        "to_status",
        "actor",
    ]
    list_filter = ["content_type", "action"]
    list_select_related = ["content_type", "actor"]
