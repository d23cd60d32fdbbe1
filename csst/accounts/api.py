from datetime import datetime

from django.views.decorators.csrf import csrf_exempt
from ninja import Router, Schema
from ninja.responses import Status

from csst.core.api import Message, ValidationMessage

from .auth import bearer, signed_in
from .selectors import current_memberships
from .services import issue_token, revoke_token

router = Router(tags=["auth"])


class Credentials(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str
    expires_at: datetime


class MembershipOut(Schema):
    organisation_id: int
    organisation: str
    role: str


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
    summary="Exchange a username and password for a bearer token",
)
@csrf_exempt
def create_token(request, credentials: Credentials):
    raw, token = issue_token(request, credentials.username, credentials.password)
    return Status(201, {"token": raw, "expires_at": token.expires_at})


@router.delete("/token", auth=bearer, response={204: None, 401: Message}, summary="Revoke this token")
def delete_token(request):
    revoke_token(request.headers["Authorization"].partition(" ")[2].strip())
    return Status(204, None)


@router.get("/me", auth=signed_in, response={200: MeOut, 401: Message}, summary="Who am I")
def me(request):
    user = request.user
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_staff": user.is_staff,
        "memberships": [
            {"organisation_id": m.organisation_id, "organisation": str(m.organisation),
             "role": m.role}
            for m in current_memberships(user)
        ],
    }
