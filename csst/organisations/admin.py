from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "acronym", "type", "country_iso3"]
    list_filter = ["type"]
    search_fields = ["name_fr", "name_en", "acronym", "country_iso3"]
