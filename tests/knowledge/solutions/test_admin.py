"""Solutions in the admin: status is read-only; changes go through the lifecycle (admin actions)."""

import pytest
from django.contrib.auth.models import Permission

from csst.knowledge.models import Solution, SolutionStatus

from .factories import LessonFactory, SolutionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/knowledge/solution/"


@pytest.fixture
def staff_client(client, officer):
    officer.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="knowledge").filter(
            codename__regex=r"(solution|solutionevidence|lessonlearned)$"
        )
    )
    client.force_login(officer)
    return client


def test_changelist_and_change_page_with_a_read_only_status(staff_client, provider_org):
    solution = SolutionFactory(organisation=provider_org, status="submitted")
    assert staff_client.get(CHANGELIST, {"status": "submitted"}).status_code == 200
    response = staff_client.get(f"{CHANGELIST}{solution.pk}/change/")
    assert response.status_code == 200
    assert b'name="status"' not in response.content
    assert staff_client.get(f"{CHANGELIST}{solution.pk}/history/").status_code == 200


def test_validating_from_the_admin_uses_the_lifecycle(staff_client, provider_org, officer):
    ready = SolutionFactory(organisation=provider_org, status="submitted")
    mine = SolutionFactory(organisation=provider_org, status="submitted", created_by=officer)
    staff_client.post(
        CHANGELIST,
        {"action": "solution_validate", "_selected_action": [ready.pk, mine.pk]},
        follow=True,
    )
    assert Solution.objects.get(pk=ready.pk).status == SolutionStatus.VALIDATED
    assert Solution.objects.get(pk=mine.pk).status == SolutionStatus.SUBMITTED  # four eyes


def test_lessons_changelist(staff_client, provider_org):
    LessonFactory(organisation=provider_org)
    assert staff_client.get("/en/admin/knowledge/lessonlearned/").status_code == 200
