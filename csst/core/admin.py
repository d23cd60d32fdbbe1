from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .errors import DomainError
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


def lifecycle_action(change_status, action: str, label, model_name: str):
    """An admin action applying `action` through the app's lifecycle function to each selected
    record (`change_status(actor, obj, action)`); refusals are shown, one message per record."""

    def run(modeladmin, request, queryset):
        done = 0
        for obj in queryset:
            try:
                change_status(request.user, obj, action)
            except DomainError as exc:
                modeladmin.message_user(request, f"{obj}: {exc.message}", messages.ERROR)
            else:
                done += 1
        if done:
            modeladmin.message_user(
                request,
                ngettext("%(count)d record changed.", "%(count)d records changed.", done)
                % {"count": done},
            )

    run.__name__ = f"{model_name}_{action}"  # the action's name in the admin form
    run.short_description = label
    return run


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
