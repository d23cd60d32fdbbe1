"""Admin for staff: users with their memberships, memberships, API tokens (read-only)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["organisation", "role", "valid_from", "valid_to"]
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "memberships__role"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "role", "valid_from", "valid_to"]
    list_filter = ["role", "organisation"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    autocomplete_fields = ["user", "organisation"]
    date_hierarchy = "valid_from"


class TokenValidityFilter(admin.SimpleListFilter):
    title = _("validity")
    parameter_name = "valid"

    def lookups(self, request, model_admin):
        return [("yes", _("Valid")), ("no", _("Expired"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(expires_at__gt=now)
        if self.value() == "no":
            return queryset.filter(expires_at__lte=now)
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued only through the API and cannot be edited; deleting one revokes it.

    The stored value is a SHA-256 hash, never the token; only a short fingerprint is shown so that
    staff can tell tokens apart."""

    list_display = ["user", "fingerprint", "created_at", "expires_at", "last_used_at", "is_valid"]
    list_filter = [TokenValidityFilter]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "fingerprint", "created_at", "expires_at", "last_used_at"]
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description=_("fingerprint"))
    def fingerprint(self, token: ApiToken) -> str:
        return f"{token.key_hash[:8]}…"

    @admin.display(description=_("valid"), boolean=True)
    def is_valid(self, token: ApiToken) -> bool:
        return token.expires_at > timezone.now()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
