"""Admin of project delivery, for staff corrections: activities with their participants and
equipment, indicators with their values. Completing or cancelling an activity stays in the pages
and the API (its lifecycle checks attendance and handover)."""

from django.contrib import admin

from ..models import Activity, EquipmentItem, Participant, ResultIndicator, ResultValue


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ("organisation",)


class EquipmentInline(admin.TabularInline):
    model = EquipmentItem
    extra = 0
    autocomplete_fields = ("donor", "recipient")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("title", "project", "type", "start_date", "status")
    list_filter = ("type", "status")
    search_fields = ("title", "project__code")
    readonly_fields = ("status",)
    autocomplete_fields = ("host",)
    raw_id_fields = ("project",)
    inlines = [ParticipantInline, EquipmentInline]


class ValueInline(admin.TabularInline):
    model = ResultValue
    extra = 0
    raw_id_fields = ("recorded_by",)


@admin.register(ResultIndicator)
class ResultIndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "project", "level", "unit", "baseline", "target")
    list_filter = ("level",)
    search_fields = ("name", "project__code")
    raw_id_fields = ("project", "country_indicator", "sdg_indicator")
    inlines = [ValueInline]
