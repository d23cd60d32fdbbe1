"""Authentication for the API: a bearer token for scripts, the session (with CSRF) for the browser."""

from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from .services import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        return user


def optional_user(request):
    """For public reads: a bad token is refused (401); no token means the session or anonymous."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, raw = header.partition(" ")
        user = user_for_token(raw.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise AuthenticationError()
        request.user = user
    return request.user if request.user.is_authenticated else True


bearer = BearerToken()
# Endpoints that change things: a token, or a signed-in session with a CSRF token.
signed_in = [bearer, django_auth]
# Public endpoints: anyone, identified when possible.
public = [optional_user]
