"""Projects in the admin: status and modality read-only, endorsements shown but never typed in,
lifecycle through admin actions, modality recomputed after a partner is edited inline."""

import pytest
from django.contrib.auth.models import Permission

from csst.core.models import TransitionLog
from csst.projects.models import Project, ProjectStatus

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/projects/project/"


@pytest.fixture
def staff_client(client, officer):
    officer.user_permissions.add(*Permission.objects.filter(content_type__app_label="projects"))
    client.force_login(officer)
    return client


def test_the_changelist_and_change_page_load_with_read_only_status(staff_client, project):
    assert staff_client.get(CHANGELIST, {"status": "identified"}).status_code == 200
    response = staff_client.get(f"{CHANGELIST}{project.pk}/change/")
    assert response.status_code == 200
    assert b'name="status"' not in response.content
    assert b'name="modality"' not in response.content


def test_formulation_from_the_admin_uses_the_lifecycle(staff_client, officer, project):
    staff_client.post(
        CHANGELIST, {"action": "project_formulate", "_selected_action": [project.pk]}, follow=True
    )
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.FORMULATION
    assert TransitionLog.objects.get(action="formulate").actor == officer


def test_a_refused_action_says_why(staff_client, project):
    response = staff_client.post(
        CHANGELIST, {"action": "project_start", "_selected_action": [project.pk]}, follow=True
    )
    assert project.code in response.content.decode()
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.IDENTIFIED


def test_a_commitment_edited_inline_recomputes_the_modality(staff_client, project):
    partners = list(project.partners.order_by("id"))
    data = {
        "code": project.code,
        "title_fr": project.title_fr,
        "title_en": project.title_en,
        "summary_fr": project.summary_fr,
        "summary_en": project.summary_en,
        "budget_currency": "CHF",
        "budget": "100000",
        "themes": [t.pk for t in project.themes.all()],
        "sdg_targets": [t.pk for t in project.sdg_targets.all()],
        "origin_needs": [n.pk for n in project.origin_needs.all()],
        "partners-TOTAL_FORMS": len(partners),
        "partners-INITIAL_FORMS": len(partners),
        "endorsements-TOTAL_FORMS": 0,
        "endorsements-INITIAL_FORMS": 0,
    }
    for index, partner in enumerate(partners):
        cash = "0" if partner.role == "facilitating" else str(partner.committed_cash)
        data.update(
            {
                f"partners-{index}-id": partner.pk,
                f"partners-{index}-project": project.pk,
                f"partners-{index}-organisation": partner.organisation_id,
                f"partners-{index}-role": partner.role,
                f"partners-{index}-committed_cash": cash,
                f"partners-{index}-committed_in_kind": str(partner.committed_in_kind),
                f"partners-{index}-currency": partner.currency,
                f"partners-{index}-contribution_note": "",
            }
        )
    assert project.modality == "triangular"
    response = staff_client.post(f"{CHANGELIST}{project.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    project.refresh_from_db()
    assert project.modality == "south-south"
