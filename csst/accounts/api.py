"""`/api/v1/auth/…`: bearer tokens for scripts, and who the caller is."""

from datetime import date, datetime

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from ninja import Router, Schema
from ninja.responses import Status

from csst.core.api import Message, ValidationMessage

from .auth import bearer, signed_in
from .selectors import current_memberships
from .services import LoginThrottled, issue_token, revoke_all_tokens, revoke_token

router = Router(tags=["auth"])


class Credentials(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str
    expires_at: datetime


class RevokedOut(Schema):
    revoked: int


class MembershipOut(Schema):
    organisation_id: int
    organisation: str
    role: str
    role_label: str
    valid_from: date
    valid_to: date | None


class MeOut(Schema):
    username: str
    first_name: str
    last_name: str
    email: str
    is_staff: bool
    memberships: list[MembershipOut]


@router.post(
    "/token",
    auth=None,
    response={201: TokenOut, 400: Message, 422: ValidationMessage, 429: Message},
    summary="Exchange a username and password for a bearer token (400: wrong; 429: throttled)",
    description=(
        'Send `{"username", "password"}`; the answer `{"token", "expires_at"}` is shown '
        "once: send it as `Authorization: Bearer <token>`. A wrong username or password (or an "
        'inactive account) answers **400** `{"message"}`. Failures are counted per username and '
        "address together with the sign-in form: after `AXES_FAILURE_LIMIT` failures every "
        'attempt answers **429** `{"message"}` with a `Retry-After` header until the cool-off '
        "period has passed."
    ),
)
@csrf_exempt
def create_token(request: HttpRequest, credentials: Credentials, response: HttpResponse):
    try:
        raw, token = issue_token(request, credentials.username, credentials.password)
    except LoginThrottled as refusal:
        # django-axes flagged the request: its middleware would replace this JSON answer with the
        # HTML lockout page. The refusal is decided and recorded, so the flag has done its job.
        request.axes_locked_out = False
        cool_off = get_cool_off(request)
        if cool_off:
            response["Retry-After"] = str(int(cool_off.total_seconds()))
        return Status(429, {"message": refusal.message})
    return Status(201, {"token": raw, "expires_at": token.expires_at})


@router.delete(
    "/token",
    auth=bearer,
    response={204: None, 401: Message},
    summary="Revoke the bearer token sent with this request",
)
def delete_token(request: HttpRequest):
    revoke_token(request.headers["Authorization"].strip().partition(" ")[2])
    return Status(204, None)


@router.post(
    "/tokens/revoke-all",
    auth=signed_in,
    response={200: RevokedOut, 401: Message, 403: Message},
    summary="Revoke every API token of the signed-in user",
    description="With a session, the CSRF token is required (header `X-CSRFToken`).",
)
def revoke_all(request: HttpRequest):
    return {"revoked": revoke_all_tokens(request.auth)}


@router.get(
    "/me",
    auth=signed_in,
    response={200: MeOut, 401: Message},
    summary="Who am I: the user and their current memberships",
)
def me(request: HttpRequest):
    user = request.auth
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_staff": user.is_staff,
        "memberships": [
            {
                "organisation_id": m.organisation_id,
                "organisation": str(m.organisation),
                "role": m.role,
                "role_label": m.get_role_display(),
                "valid_from": m.valid_from,
                "valid_to": m.valid_to,
            }
            for m in current_memberships(user)
        ],
    }
