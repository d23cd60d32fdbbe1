"""Fixtures of the portal tests: a throw-away media root and news items in each status."""

import pytest
from django.utils import translation

from csst.portal.models import NewsStatus

from .builders import news


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a temporary directory, never to the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def draft(db):
    return news()


@pytest.fixture
def in_review(officer):
    return news(NewsStatus.IN_REVIEW, submitted_by=officer)


@pytest.fixture
def published(db):
    return news(NewsStatus.PUBLISHED)


@pytest.fixture
def english():
    """Messages in English, so assertions on them survive the French translation of the UI."""
    with translation.override("en"):
        yield
