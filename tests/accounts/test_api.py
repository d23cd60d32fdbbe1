from datetime import timedelta

import pytest
from django.utils import timezone

from csst.accounts.models import ApiToken

from .conftest import PASSWORD

TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/auth/me"
REVOKE_ALL_URL = "/api/v1/auth/tokens/revoke-all"
# The API answers in the caller's language (Accept-Language; French by default).
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def get_token(client, username="beneficiary", password=PASSWORD):
    return client.post(
        TOKEN_URL,
        {"username": username, "password": password},
        content_type="application/json",
        **EN,
    )


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", **EN}


def test_token_is_issued_for_good_credentials(client, beneficiary):
    response = get_token(client)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "expires_at"}
    assert ApiToken.objects.filter(user=beneficiary).count() == 1


def test_wrong_password_answers_400_json(client, beneficiary):
    response = get_token(client, password="wrong")
    assert response.status_code == 400
    assert response.json() == {"message": "Wrong username or password."}


def test_token_request_without_a_password_answers_422_json(client, db):
    response = client.post(TOKEN_URL, {"username": "x"}, content_type="application/json")
    assert response.status_code == 422
    assert "message" in response.json()


def test_token_request_that_is_not_json_answers_a_client_error(client, db):
    response = client.post(TOKEN_URL, "username=x", content_type="text/plain")
    assert 400 <= response.status_code < 500


def test_me_with_a_bearer_token(client, beneficiary, beneficiary_org):
    raw = get_token(client).json()["token"]
    response = client.get(ME_URL, **bearer(raw))
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "beneficiary"
    assert body["is_staff"] is False
    assert body["memberships"] == [
        {
            "organisation_id": beneficiary_org.pk,
            "organisation": "Nepal Post",
            "role": "beneficiary_focal_point",
            "role_label": "Beneficiary focal point",
            "valid_from": body["memberships"][0]["valid_from"],
            "valid_to": None,
        }
    ]


def test_me_with_the_shared_token_fixture(client, officer, api_token):
    response = client.get(ME_URL, headers=api_token(officer))
    assert response.json()["is_staff"] is True


def test_me_with_a_browser_session(client, provider):
    client.force_login(provider)
    response = client.get(ME_URL)
    assert response.status_code == 200
    assert response.json()["memberships"][0]["role"] == "provider_focal_point"


def test_me_without_credentials_answers_401_json(client, db):
    response = client.get(ME_URL)
    assert response.status_code == 401
    assert response.json()["message"]


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer not-a-token",
        "bearer a b c",
        "Bearer " + "x" * 5000,
        "Bearer ÿÿÿ",
        "Basic dXNlcjpwYXNz",
        "Token abc",
        "garbage",
        " ",
    ],
)
def test_malformed_authorization_header_answers_401_json(client, db, header):
    response = client.get(ME_URL, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["message"]


def test_a_bad_token_is_refused_even_with_a_valid_session(client, beneficiary):
    client.force_login(beneficiary)
    response = client.get(ME_URL, **bearer("not-a-token"))
    assert response.status_code == 401


def test_expired_token_answers_401(client, beneficiary):
    raw = get_token(client).json()["token"]
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(ME_URL, **bearer(raw)).status_code == 401


def test_deleting_the_token_revokes_it(client, beneficiary):
    raw = get_token(client).json()["token"]
    response = client.delete(TOKEN_URL, **bearer(raw))
    assert response.status_code == 204
    assert client.get(ME_URL, **bearer(raw)).status_code == 401
    assert not ApiToken.objects.exists()


def test_deleting_a_token_needs_that_token(client, beneficiary):
    client.force_login(beneficiary)
    response = client.delete(TOKEN_URL)
    assert response.status_code == 401
    assert response.json()["message"]


def test_session_post_without_csrf_token_is_refused(csrf_client, beneficiary):
    get_token(csrf_client)
    csrf_client.force_login(beneficiary)
    response = csrf_client.post(REVOKE_ALL_URL, **EN)
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    assert ApiToken.objects.count() == 1


def test_session_post_with_csrf_token_is_accepted(csrf_client, beneficiary):
    get_token(csrf_client)
    csrf_client.force_login(beneficiary)
    csrf_client.get("/en/accounts/profile/")  # the page sets the CSRF cookie
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(REVOKE_ALL_URL, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json() == {"revoked": 1}


def test_bearer_post_needs_no_csrf_token(csrf_client, beneficiary):
    raw = get_token(csrf_client).json()["token"]
    get_token(csrf_client)
    response = csrf_client.post(REVOKE_ALL_URL, **bearer(raw))
    assert response.status_code == 200
    assert response.json() == {"revoked": 2}
    assert client_cannot_use(csrf_client, raw)


def client_cannot_use(client, raw) -> bool:
    return client.get(ME_URL, **bearer(raw)).status_code == 401


def test_anonymous_post_answers_401_not_a_csrf_error(csrf_client, db):
    response = csrf_client.post(REVOKE_ALL_URL)
    assert response.status_code == 401


def test_token_endpoint_needs_no_csrf_token(csrf_client, beneficiary):
    assert get_token(csrf_client).status_code == 201


def test_openapi_documents_the_token_endpoint_errors(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    post = spec["paths"][TOKEN_URL]["post"]
    assert {"201", "400", "422", "429"} <= set(post["responses"])
    assert "400" in post["description"] and "429" in post["description"]
    assert ME_URL in spec["paths"]
