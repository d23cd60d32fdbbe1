from django.utils import timezone

from .models import ApiToken, Membership, User


def current_memberships(user: User):
    """The user's memberships valid today, with their organisation."""
    return Membership.objects.valid_on().filter(user=user).select_related("organisation")


def active_token_count(user: User) -> int:
    return ApiToken.objects.filter(user=user, expires_at__gt=timezone.now()).count()
