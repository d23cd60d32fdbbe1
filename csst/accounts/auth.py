"""Authentication for the API: a bearer token for scripts, the session (with CSRF) for the browser.

Rules, the same on every endpoint:
- `Authorization: Bearer <token>` with a valid token identifies the token's user;
- `Authorization: Bearer …` with anything else is refused (401): a bad token never falls back to
  the session, so a script learns at once that its token is wrong;
- other schemes (e.g. `Basic` added by a proxy) are not ours and are ignored;
- the session is accepted only with the CSRF token on unsafe methods (403 otherwise).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from .services import user_for_token


class BearerToken(HttpBearer):
    def __call__(self, request):
        header = request.headers.get(self.header, "").strip()
        if not header:
            return None
        scheme, _sep, raw = header.partition(" ")
        if scheme.lower() != self.openapi_scheme:
            return None
        return self.authenticate(request, raw.strip())

    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is None:
            raise AuthenticationError()
        request.user = user
        return user


class SessionWithCsrf(SessionAuth):
    """The browser's session; unsafe methods need the CSRF token (header `X-CSRFToken`)."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)

    def _get_key(self, request):
        try:
            return super()._get_key(request)
        except HttpError as exc:
            raise PermissionDenied(
                _("CSRF check failed: a signed-in browser must send the X-CSRFToken header.")
            ) from exc


def optional_user(request):
    """For public reads: a bad bearer token is refused (401); otherwise the session or anonymous."""
    user = bearer(request)
    if user:
        return user
    return request.user if request.user.is_authenticated else True


bearer = BearerToken()
session = SessionWithCsrf()
# Endpoints for signed-in users: a token, or a signed-in session (with CSRF on writes).
signed_in = [bearer, session]
# Public endpoints: anyone, identified when possible.
public = [optional_user]
