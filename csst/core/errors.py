"""Domain errors: raised by services, turned into clear messages by views and the API."""


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
