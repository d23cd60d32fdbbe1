"""Writes of the accounts app: API tokens."""

import secrets
from datetime import timedelta

from axes.helpers import get_client_ip_address
from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib.auth import authenticate
from django.utils import timezone
from django.utils.translation import gettext as _

from csst.core.errors import DomainError, InvalidInput

from .models import ApiToken, User, hash_token

# A raw token is 43 URL-safe characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 200


class LoginThrottled(DomainError):
    """Too many failed attempts for this username from this address (django-axes)."""

    http_status = 429


def issue_token(request, username: str, password: str) -> tuple[str, ApiToken]:
    """Check the credentials and return a new raw token (shown once) with its record.

    `request` is needed only by the login throttle (django-axes counts failures per username and
    address, exactly as for the login form). Not atomic on purpose: the failure that axes records
    must survive the refusal.
    """
    user = authenticate(request, username=username, password=password)
    if getattr(request, "axes_locked_out", False):
        raise LoginThrottled(_("Too many failed sign-in attempts. Try again later."))
    if user is None or not user.is_active:
        raise InvalidInput(_("Wrong username or password."))
    if settings.AXES_RESET_ON_SUCCESS:
        # The form resets the failure count when the user signs in; do the same for scripts.
        reset_login_failures(ip=get_client_ip_address(request), username=user.get_username())
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        key_hash=hash_token(raw),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_TTL_DAYS),
    )
    return raw, token


def user_for_token(raw: str) -> User | None:
    """The active user a raw token belongs to, if the token exists and has not expired."""
    raw = (raw or "").strip()
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
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


def revoke_token(raw: str) -> int:
    """Delete the token with this raw value; returns how many were deleted (0 or 1)."""
    deleted, _detail = ApiToken.objects.filter(key_hash=hash_token(raw.strip())).delete()
    return deleted


def revoke_all_tokens(user: User) -> int:
    """Delete every API token of `user` (after a leak, or when a script is retired)."""
    deleted, _detail = ApiToken.objects.filter(user=user).delete()
    return deleted
