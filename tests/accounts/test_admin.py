import pytest
from django.test import Client

from csst.accounts.models import ApiToken, Membership
from tests.factories import UserFactory

from .conftest import PASSWORD


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def token(client, beneficiary):
    response = client.post(
        "/api/v1/auth/token",
        {"username": "beneficiary", "password": PASSWORD},
        content_type="application/json",
    )
    return response.json()["token"], ApiToken.objects.get()


def test_user_page_shows_memberships_inline(admin_client, beneficiary):
    response = admin_client.get(f"/en/admin/accounts/user/{beneficiary.pk}/change/")
    assert response.status_code == 200
    assert "memberships-TOTAL_FORMS" in response.content.decode()


def test_staff_can_open_the_new_user_form(admin_client):
    assert admin_client.get("/fr/admin/accounts/user/add/").status_code == 200


def test_user_list_filters_by_role(admin_client, beneficiary, provider):
    response = admin_client.get("/en/admin/accounts/user/?memberships__role=provider_focal_point")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [provider]


def test_membership_list_filters_by_role_and_organisation(admin_client, beneficiary, provider):
    org = beneficiary.memberships.get().organisation
    response = admin_client.get(f"/en/admin/accounts/membership/?organisation__id__exact={org.pk}")
    assert response.status_code == 200
    assert [m.user for m in response.context["cl"].result_list] == [beneficiary]
    response = admin_client.get("/fr/admin/accounts/membership/?role__exact=provider_focal_point")
    assert [m.user for m in response.context["cl"].result_list] == [provider]
    assert Membership.objects.count() == 2


def test_token_admin_never_shows_the_hash(admin_client, token):
    _raw, record = token
    for url in ["/en/admin/accounts/apitoken/", f"/en/admin/accounts/apitoken/{record.pk}/change/"]:
        response = admin_client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert record.key_hash not in page
        assert record.key_hash[:8] in page  # a short fingerprint, to tell tokens apart


def test_tokens_cannot_be_added_or_edited_in_the_admin(admin_client, token):
    _raw, record = token
    assert admin_client.get("/en/admin/accounts/apitoken/add/").status_code == 403
    response = admin_client.post(
        f"/en/admin/accounts/apitoken/{record.pk}/change/", {"expires_at": "2099-01-01"}
    )
    assert response.status_code == 403


def test_deleting_a_token_in_the_admin_revokes_it(admin_client, client, token):
    raw, record = token
    response = admin_client.post(
        f"/en/admin/accounts/apitoken/{record.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_organisation_admin_still_works(admin_client, beneficiary):
    assert admin_client.get("/en/admin/organisations/organisation/").status_code == 200
