"""Needs in the admin: status is read-only; changes go through the lifecycle (admin actions)."""

import pytest
from django.contrib.auth.models import Permission

from csst.core.models import TransitionLog
from csst.knowledge.models import Need, NeedStatus

from .factories import NeedFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/knowledge/need/"


@pytest.fixture
def staff_client(client, officer):
    officer.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="knowledge", codename__endswith="need")
    )
    client.force_login(officer)
    return client


def test_the_changelist_and_change_page_load_with_a_read_only_status(staff_client, beneficiary_org):
    need = NeedFactory(organisation=beneficiary_org, status="endorsed", aligned=True)
    assert staff_client.get(CHANGELIST, {"status": "endorsed"}).status_code == 200
    response = staff_client.get(f"{CHANGELIST}{need.pk}/change/")
    assert response.status_code == 200
    assert b'name="status"' not in response.content


def test_opening_from_the_admin_uses_the_lifecycle(staff_client, officer, beneficiary_org):
    ready = NeedFactory(organisation=beneficiary_org, status="endorsed", aligned=True)
    draft = NeedFactory(organisation=beneficiary_org)
    staff_client.post(
        CHANGELIST, {"action": "need_open", "_selected_action": [ready.pk, draft.pk]}, follow=True
    )
    assert Need.objects.get(pk=ready.pk).status == NeedStatus.OPEN
    assert Need.objects.get(pk=draft.pk).status == NeedStatus.DRAFT
    assert TransitionLog.objects.get().actor == officer


def test_the_openapi_spec_describes_the_needs(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/needs/{need_id}/{action}" in spec["paths"]
