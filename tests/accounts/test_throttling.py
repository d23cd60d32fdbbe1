"""Login throttling (django-axes): the sign-in form and the token endpoint count failures together
per username and address, and both refuse with 429 once the limit is reached."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user

from .conftest import PASSWORD

TOKEN_URL = "/api/v1/auth/token"


def bad_form_login(client, lang="en", username="beneficiary"):
    return client.post(f"/{lang}/accounts/login/", {"username": username, "password": "wrong"})


def token_request(client, password, username="beneficiary"):
    return client.post(
        TOKEN_URL,
        {"username": username, "password": password},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_form_shows_the_locked_out_page_with_429_after_the_limit(
    client, beneficiary, throttle_after_three, lang
):
    for _ in range(throttle_after_three - 1):
        assert bad_form_login(client, lang).status_code == 200
    response = bad_form_login(client, lang)
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert 'role="alert"' in page
    assert f'href="/{lang}/accounts/password/reset/"' in page


def test_locked_out_user_cannot_sign_in_even_with_the_right_password(
    client, beneficiary, throttle_after_three
):
    for _ in range(throttle_after_three):
        bad_form_login(client)
    response = client.post("/en/accounts/login/", {"username": "beneficiary", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert not get_user(client).is_authenticated


def test_locked_out_page_says_when_to_try_again(
    client, beneficiary, throttle_after_three, settings
):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    for _ in range(throttle_after_three):
        response = bad_form_login(client)
    assert "in 15 minutes" in response.content.decode()


def test_lockout_concerns_one_username_only(client, beneficiary, provider, throttle_after_three):
    for _ in range(throttle_after_three):
        bad_form_login(client)
    response = client.post("/en/accounts/login/", {"username": "provider", "password": PASSWORD})
    assert response.status_code == 302
    assert get_user(client) == provider


def test_token_endpoint_answers_400_then_429_json(client, beneficiary, throttle_after_three):
    for _ in range(throttle_after_three - 1):
        response = token_request(client, "wrong")
        assert response.status_code == 400
        assert response.json() == {"message": "Wrong username or password."}
    response = token_request(client, "wrong")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert "Too many failed" in response.json()["message"]
    assert int(response["Retry-After"]) > 0


def test_locked_out_script_gets_no_token_even_with_the_right_password(
    client, beneficiary, throttle_after_three
):
    for _ in range(throttle_after_three):
        token_request(client, "wrong")
    response = token_request(client, PASSWORD)
    assert response.status_code == 429
    assert "token" not in response.json()


def test_form_and_api_failures_add_up(client, beneficiary, throttle_after_three):
    for _ in range(throttle_after_three):
        bad_form_login(client)
    assert token_request(client, PASSWORD).status_code == 429


def test_api_failures_lock_the_form_too(client, beneficiary, throttle_after_three):
    for _ in range(throttle_after_three):
        token_request(client, "wrong")
    response = client.post("/en/accounts/login/", {"username": "beneficiary", "password": PASSWORD})
    assert response.status_code == 429


def test_a_successful_token_request_resets_the_failure_count(
    client, beneficiary, throttle_after_three
):
    for _ in range(throttle_after_three - 1):
        token_request(client, "wrong")
    assert token_request(client, PASSWORD).status_code == 201
    for _ in range(throttle_after_three - 1):
        assert token_request(client, "wrong").status_code == 400
