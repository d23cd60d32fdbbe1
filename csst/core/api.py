"""API plumbing shared by every router: JSON errors with a message, and the error schema."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import field_validator

from .errors import DomainError


class Input(Schema):
    """Base of request bodies: NUL characters are refused (PostgreSQL cannot store them)."""

    @field_validator("*", mode="after")
    @classmethod
    def no_nul_character(cls, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValueError(_("NUL characters are not allowed."))
        return value


class Message(Schema):
    message: str


class ValidationMessage(Schema):
    message: str
    detail: list[dict] = []


# Answers declared on endpoints so the OpenAPI spec tells clients what errors look like.
READ_ERRORS = {404: Message, 422: ValidationMessage}
WRITE_ERRORS = {
    400: Message,
    401: Message,
    403: Message,
    404: Message,
    409: Message,
    422: ValidationMessage,
}


def install_error_handlers(api: NinjaAPI) -> None:
    def reply(request, status: int, message: str, **extra):
        return api.create_response(request, {"message": message, **extra}, status=status)

    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        return reply(request, exc.http_status, exc.message)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return reply(request, 404, _("Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return reply(request, 403, str(exc) or _("You are not allowed to do this."))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return reply(request, 401, _("Authentication required: sign in or send a valid token."))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # ninja raises these itself, e.g. for a body that is not JSON; its texts are English only.
        if exc.status_code == 400:
            return reply(request, 400, _("The request body could not be read: send valid JSON."))
        return reply(request, exc.status_code, str(exc))

    @api.exception_handler(ValidationError)
    def invalid_model(request, exc: ValidationError):
        return reply(request, 400, " ".join(exc.messages))

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc: NinjaValidationError):
        detail = [
            {"loc": list(map(str, e.get("loc", []))), "msg": str(e.get("msg", ""))}
            for e in exc.errors
        ]
        return reply(request, 422, _("The request is not valid."), detail=detail)


# One status change of any lifecycle, as the history endpoints list it.
class TransitionOut(Schema):
    action: str
    from_status: str = Field(alias="from")
    to_status: str = Field(alias="to")
    by: str | None = Field(None, description="Username")
    at: datetime
    comment: str


def transition_row(log) -> dict:
    return {
        "action": log.action,
        "from": log.from_status,
        "to": log.to_status,
        "by": log.actor.username if log.actor else None,
        "at": log.at,
        "comment": log.comment,
    }
