"""Frameworks are configured in the admin by bureau officers; assessments are view only."""

import pytest
from django.contrib.auth.models import Permission

from .factories import make_assessment, make_framework

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/knowledge"


@pytest.fixture
def staff_client(client, officer):
    officer.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="knowledge",
            content_type__model__in=[
                "assessmentframework",
                "maturitylabel",
                "focusarea",
                "assessmentitem",
                "selfassessment",
                "answer",
            ],
        )
    )
    client.force_login(officer)
    return client


def test_framework_page_edits_labels_and_areas_and_area_page_edits_items(staff_client):
    framework = make_framework()
    page = staff_client.get(f"{ADMIN}/assessmentframework/{framework.pk}/change/")
    assert page.status_code == 200
    content = page.content.decode()
    assert 'name="maturity_labels-0-label_fr"' in content
    assert 'name="focus_areas-0-name_en"' in content
    area = framework.focus_areas.first()
    page = staff_client.get(f"{ADMIN}/focusarea/{area.pk}/change/")
    assert 'name="items-0-statement_fr"' in page.content.decode()


def test_assessments_are_view_only(staff_client, beneficiary_org):
    assessment = make_assessment(beneficiary_org, make_framework(), {"data-1": 2})
    page = staff_client.get(f"{ADMIN}/selfassessment/{assessment.pk}/change/")
    assert page.status_code == 200
    assert b'name="status"' not in page.content  # read only: no input
    assert b'name="answers-0-level"' not in page.content
    assert staff_client.get(f"{ADMIN}/selfassessment/add/").status_code == 403
