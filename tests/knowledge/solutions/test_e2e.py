"""In a real browser: a provider publishes a solution that a bureau officer validates."""

import pytest
from django.conf import settings
from django.test import Client

from csst.knowledge.models import Solution, SolutionStatus
from tests.e2e.conftest import page  # noqa: F401 — the headless Chromium fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "title_fr": "Cours en ligne EDI",
    "title_en": "EDI e-learning course",
    "problem_solved_fr": "Données douanières saisies à la main.",
    "problem_solved_en": "Customs data keyed by hand.",
    "approach_fr": "Cours en ligne de six semaines.",
    "approach_en": "Six-week online course.",
}


def sign_in(page, live_server, user):  # noqa: F811
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_provider_publishes_and_officer_validates(page, live_server, provider, officer):  # noqa: F811
    sign_in(page, live_server, provider)
    page.goto("/en/knowledge/solutions/new/")
    for name, value in TEXTS.items():
        page.fill(f"[name={name}]", value)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Submit for validation").click()
    page.wait_for_selector("text=Awaiting validation")
    solution = Solution.objects.get()

    sign_in(page, live_server, officer)
    page.goto(f"/en/knowledge/solutions/{solution.pk}/")
    page.fill("#comment-validate", "Checked")
    page.get_by_role("button", name="Validate and publish").click()
    page.wait_for_selector("text=The status of the solution was changed.")
    assert Solution.objects.get().status == SolutionStatus.VALIDATED

    page.context.clear_cookies()
    page.goto("/en/knowledge/solutions/")
    assert page.get_by_role("link", name="EDI e-learning course").is_visible()
