import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user
from django.core import mail
from django.utils import timezone, translation
from django.utils.html import escape

from csst.accounts.models import Role
from tests.factories import MembershipFactory

from .conftest import PASSWORD

LANGS = ["fr", "en"]
NEW_PASSWORD = "Berne-Weltpost-2025"


def html(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_login_page_is_served_in_each_language(client, db, lang):
    response = client.get(f"/{lang}/accounts/login/")
    assert response.status_code == 200
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert f'action="/{lang}/accounts/login/"' in page
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert f'href="/{lang}/accounts/password/reset/"' in page


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_password_is_reported_clearly_and_keeps_the_user_out(client, beneficiary, lang):
    response = client.post(
        f"/{lang}/accounts/login/", {"username": "beneficiary", "password": "wrong"}
    )
    assert response.status_code == 200
    page = html(response)
    assert 'role="alert"' in page
    assert f'<html lang="{lang}">' in page
    assert not get_user(client).is_authenticated


def test_wrong_password_message_is_in_french_on_the_french_page(client, beneficiary):
    # Django's own catalogue translates the form's error, so French is checkable already.
    response = client.post("/fr/accounts/login/", {"username": "beneficiary", "password": "x"})
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in html(response)


@pytest.mark.parametrize("lang", LANGS)
def test_signing_in_leads_to_my_account_in_the_same_language(client, beneficiary, lang):
    response = client.post(
        f"/{lang}/accounts/login/", {"username": "beneficiary", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/accounts/profile/"
    assert get_user(client) == beneficiary


def test_signing_in_returns_to_the_page_asked_for(client, beneficiary):
    response = client.post(
        "/en/accounts/login/",
        {"username": "beneficiary", "password": PASSWORD, "next": "/en/actions/"},
    )
    assert response["Location"] == "/en/actions/"


def test_signing_in_never_redirects_to_another_site(client, beneficiary):
    response = client.post(
        "/en/accounts/login/",
        {"username": "beneficiary", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/en/accounts/profile/"


@pytest.mark.parametrize("lang", LANGS)
def test_my_account_requires_signing_in(client, db, lang):
    response = client.get(f"/{lang}/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/accounts/login/?next=/{lang}/accounts/profile/"


@pytest.mark.parametrize("lang", LANGS)
def test_my_account_shows_identity_memberships_and_how_to_get_a_token(client, beneficiary, lang):
    beneficiary.first_name, beneficiary.last_name = "Sita", "Example"
    beneficiary.save()
    client.force_login(beneficiary)
    response = client.get(f"/{lang}/accounts/profile/")
    assert response.status_code == 200
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert "Sita Example" in page
    assert "beneficiary@example.org" in page
    assert "Nepal Post" in page
    with translation.override(lang):
        assert escape(str(Role.BENEFICIARY_FOCAL_POINT.label)) in page
    assert "POST /api/v1/auth/token" in page
    assert f'href="/{lang}/accounts/password/change/"' in page


def test_my_account_lists_only_current_memberships(client, beneficiary, provider_org):
    today = timezone.localdate()
    MembershipFactory(
        user=beneficiary,
        organisation=provider_org,
        role=Role.PROVIDER_FOCAL_POINT,
        valid_from=today - timedelta(days=400),
        valid_to=today - timedelta(days=1),
    )
    client.force_login(beneficiary)
    memberships = client.get("/en/accounts/profile/").context["memberships"]
    assert [m.organisation.name_en for m in memberships] == ["Nepal Post"]


def test_outsider_is_told_they_act_for_no_organisation(client, outsider):
    client.force_login(outsider)
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 200
    assert list(response.context["memberships"]) == []
    assert "You do not act for any organisation" in html(response)


def test_signing_out_with_get_is_refused(client, beneficiary):
    client.force_login(beneficiary)
    assert client.get("/en/accounts/logout/").status_code == 405
    assert get_user(client).is_authenticated


@pytest.mark.parametrize("lang", LANGS)
def test_signing_out_by_post_ends_the_session(client, beneficiary, lang):
    client.force_login(beneficiary)
    response = client.post(f"/{lang}/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/"
    assert not get_user(client).is_authenticated
    with translation.override(lang):
        farewell = escape(translation.gettext("You are signed out."))
    assert farewell in html(client.get(response["Location"]))


def test_header_offers_sign_out_as_a_form(client, beneficiary):
    client.force_login(beneficiary)
    page = html(client.get("/en/accounts/profile/"))
    assert re.search(r'<form method="post" action="/en/accounts/logout/"', page)


def test_password_change_requires_signing_in(client, db):
    response = client.get("/en/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("lang", LANGS)
def test_password_change_works_and_keeps_the_user_signed_in(client, beneficiary, lang):
    client.force_login(beneficiary)
    page = html(client.get(f"/{lang}/accounts/password/change/"))
    assert 'autocomplete="new-password"' in page
    response = client.post(
        f"/{lang}/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/accounts/password/change/done/"
    assert get_user(client).is_authenticated
    beneficiary.refresh_from_db()
    assert beneficiary.check_password(NEW_PASSWORD)
    assert client.get(response["Location"]).status_code == 200


def test_password_change_with_a_wrong_current_password_changes_nothing(client, beneficiary):
    client.force_login(beneficiary)
    response = client.post(
        "/en/accounts/password/change/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html(response)
    beneficiary.refresh_from_db()
    assert beneficiary.check_password(PASSWORD)


@pytest.mark.parametrize("lang", LANGS)
def test_password_reset_email_links_back_in_the_same_language(client, beneficiary, lang):
    response = client.post(f"/{lang}/accounts/password/reset/", {"email": beneficiary.email})
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [beneficiary.email]
    assert "\n" not in message.subject and message.subject
    link = re.search(r"http://testserver(/\S+)", message.body)
    assert link, message.body
    assert link.group(1).startswith(f"/{lang}/accounts/password/reset/")
    assert "beneficiary" in message.body  # reminds the username


def test_password_reset_link_lets_the_user_choose_a_new_password(client, beneficiary):
    client.post("/en/accounts/password/reset/", {"email": beneficiary.email})
    path = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    set_password_path = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/password/reset/complete/"
    beneficiary.refresh_from_db()
    assert beneficiary.check_password(NEW_PASSWORD)
    # The link works once.
    assert not client.get(path, follow=True).context["validlink"]


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, db):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_link_that_is_invalid_says_so(client, db):
    response = client.get("/fr/accounts/password/reset/MQ/bad-token/", follow=True)
    assert response.status_code == 200
    assert not response.context["validlink"]
    assert 'href="/fr/accounts/password/reset/"' in html(response)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "path",
    [
        "accounts/login/",
        "accounts/password/reset/",
        "accounts/password/reset/sent/",
        "accounts/password/reset/complete/",
    ],
)
def test_public_account_pages_render_in_each_language(client, db, lang, path):
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html(response)


def test_signed_in_user_visiting_the_login_page_goes_to_their_account(client, beneficiary):
    client.force_login(beneficiary)
    response = client.get("/en/accounts/login/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
