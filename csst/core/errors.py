"""Domain errors: raised by services, turned into clear messages by views and the API."""

from django.utils.translation import gettext as _


class DomainError(Exception):
    """A business rule refused the operation; carries the user's message, translated."""

    http_status = 409

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """The input is malformed or incomplete."""

    http_status = 400


class NotAllowed(DomainError):
    """The acting user may not do this."""

    http_status = 403


def check_fields(data: dict, allowed) -> None:
    """Refuse input naming fields a service does not take (a typo must not pass in silence)."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise InvalidInput(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)})
