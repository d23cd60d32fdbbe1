"""Helpers shared by the thin views of every app."""

from django.contrib import messages

from .errors import DomainError


def attempt(request, call, success: str) -> bool:
    """Run a service call from a POST; its refusal becomes an error message rather than an error
    page, its success a confirmation. True when it went through."""
    try:
        call()
    except DomainError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, success)
    return True
