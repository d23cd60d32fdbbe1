"""Writes of the accounts app: API tokens."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.errors import DomainError, InvalidInput

from .models import ApiToken, User, hash_token


class LoginThrottled(DomainError):
    http_status = 429


@transaction.atomic
def issue_token(request, username: str, password: str) -> tuple[str, ApiToken]:
    """Check the credentials (throttled like the login form) and return a new raw token."""
    user = authenticate(request, username=username, password=password)
    if getattr(request, "axes_locked_out", False):
        raise LoginThrottled(_("Too many failed attempts. Try again later."))
    if user is None or not user.is_active:
        raise InvalidInput(_("Wrong username or password."))
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        key_hash=hash_token(raw),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_TTL_DAYS),
    )
    return raw, token


def user_for_token(raw: str) -> User | None:
    """The active user a raw token belongs to, if the token exists and has not expired."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), expires_at__gt=now, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_token(raw: str) -> None:
    ApiToken.objects.filter(key_hash=hash_token(raw)).delete()
