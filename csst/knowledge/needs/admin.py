"""Admin of the knowledge app: vocabularies (admin_vocabularies) and needs.

Needs change status only through the lifecycle (services.change_need_status), via admin actions.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from csst.core.admin import lifecycle_action

from ..models import Need
from .services import change_need_status


def _lifecycle_action(name: str, label):
    return lifecycle_action(change_need_status, name, label, "need")


@admin.register(Need)
class NeedAdmin(SimpleHistoryAdmin):
    list_display = (
        "title",
        "organisation",
        "country",
        "status",
        "urgency",
        "is_demo",
        "updated_at",
    )
    list_filter = ("status", "country", "urgency", "is_demo")
    search_fields = ("title", "problem")
    list_select_related = ("organisation", "country")
    readonly_fields = ("status", "created_at", "updated_at", "created_by")
    autocomplete_fields = ()
    filter_horizontal = ("themes", "sdg_targets")
    actions = [
        _lifecycle_action("open", _("Open the selected needs (screening passed)")),
        _lifecycle_action("withdraw", _("Withdraw the selected needs")),
    ]
