"""Fixtures of the accounts tests (the personas come from tests/conftest.py)."""

import pytest
from django.test import Client, RequestFactory

from tests.conftest import PASSWORD

__all__ = ["PASSWORD"]


@pytest.fixture
def api_request():
    """A bare request, as the token service receives it from the API (django-axes needs one)."""
    return RequestFactory().post("/api/v1/auth/token", REMOTE_ADDR="192.0.2.10")


@pytest.fixture
def csrf_client():
    """A browser-like client: Django's test client skips CSRF checks unless told otherwise."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def throttle_after_three(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3
