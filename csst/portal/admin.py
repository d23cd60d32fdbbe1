"""Staff edit the public content here, in French and English side by side.

Admin access comes from the standard model permissions (the "Bureau officers" group); on top of that
only content editors may write, and a news item changes status only through the lifecycle service.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from csst.core.errors import DomainError

from . import services
from .forms import ReturnToDraftForm
from .models import Contact, Document, NewsItem, NewsStatus, Page
from .permissions import is_content_editor


class EditorOnlyAdmin(TranslationAdmin):
    """Model permissions open the admin; writing also needs the content-editor role."""

    # Links typed without a scheme are taken as https (Django 6 default; silences its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return super().has_add_permission(request) and is_content_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and is_content_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and is_content_editor(request.user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Page)
class PageAdmin(EditorOnlyAdmin):
    list_display = ["title", "slug", "updated_at"]


@admin.register(Contact)
class ContactAdmin(EditorOnlyAdmin):
    list_display = ["role", "unit", "phone", "order"]
    list_editable = ["order"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin, EditorOnlyAdmin):
    list_display = ["title", "category", "language", "year", "visibility", "is_demo"]
    list_filter = ["category", "language", "visibility", "is_demo"]
    search_fields = ["title_fr", "title_en"]

    def delete_model(self, request, obj):
        services.delete_document(request.user, obj)  # also removes the stored file

    def delete_queryset(self, request, queryset):
        for document in queryset:
            services.delete_document(request.user, document)


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin, EditorOnlyAdmin):
    list_display = ["title", "status", "published_on", "is_demo", "submitted_by", "published_by"]
    list_filter = ["status", "is_demo"]
    list_select_related = ["submitted_by", "published_by"]
    search_fields = ["title_fr", "title_en"]
    readonly_fields = ["status", "submitted_by", "published_by"]
    actions = ["submit_for_review", "return_to_draft", "publish", "archive"]

    def has_change_permission(self, request, obj=None):
        # Only drafts are edited; the others are shown read-only (their actions stay available).
        editable = obj is None or obj.status == NewsStatus.DRAFT
        return editable and super().has_change_permission(request, obj)

    def _apply(self, request, queryset, action: str, comment: str = "") -> None:
        done = 0
        for item in queryset:
            try:
                services.change_news_status(item, action, request.user, comment)
                done += 1
            except DomainError as refusal:
                messages.error(request, f"{item}: {refusal.message}")
        if done:
            messages.success(request, _("%(count)d news item(s) updated.") % {"count": done})

    @admin.action(description=gettext_lazy("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._apply(request, queryset, "submit")

    @admin.action(description=gettext_lazy("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        self._apply(request, queryset, "publish")

    @admin.action(description=gettext_lazy("Archive"), permissions=["change"])
    def archive(self, request, queryset):
        self._apply(request, queryset, "archive")

    @admin.action(description=gettext_lazy("Return to draft"), permissions=["change"])
    def return_to_draft(self, request, queryset):
        """Asks for the comment first (the author must learn why), then returns the items."""
        form = ReturnToDraftForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self._apply(request, queryset, "return", form.cleaned_data["comment"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Return to draft"),
            "opts": self.model._meta,
            "items": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "portal/admin/return_news.html", context)
