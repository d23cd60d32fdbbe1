"""The skeleton: settings, languages, layout, error pages, API plumbing."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from openapi_spec_validator import validate

from csst.portal.views import server_error

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_without_warning():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="csst.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_declares_its_language(client, db, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_root_goes_to_french_by_default(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/fr/"


def test_root_remembers_a_chosen_language(client, db):
    client.cookies["django_language"] = "en"
    assert client.get("/")["Location"] == "/en/"


def test_language_switch_links_to_the_same_page_and_keeps_the_query(client, db):
    html = client.get("/fr/documents/?year=2022").content.decode()
    assert 'href="/en/documents/?year=2022" hreflang="en"' in html


def test_layout_has_landmarks_and_a_skip_link(client, db):
    html = client.get("/en/").content.decode()
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Main navigation"' in html
    assert "Weltpoststrasse 4" in html


def test_french_layout_is_translated(client, db):
    html = client.get("/fr/").content.decode()
    assert "Passer au contenu principal" in html
    assert "Coopération Sud-Sud et triangulaire" in html


@pytest.mark.parametrize(("lang", "text"), [("fr", "Page introuvable"), ("en", "Page not found")])
def test_unknown_page_answers_404_in_the_visitor_language(client, db, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize(("lang", "text"), [("fr", "Erreur du serveur"), ("en", "Server error")])
def test_server_error_page_is_bilingual_and_standalone(lang, text):
    with translation.override(lang):
        response = server_error(RequestFactory().get(f"/{lang}/"))
    assert response.status_code == 500
    assert text in response.content.decode()


def test_api_errors_are_json_with_a_message(client, db):
    response = client.get("/api/v1/news?limit=100000")
    assert response.status_code == 422
    assert response.json()["message"]
    assert client.get("/api/v1/no-such-thing").status_code == 404


def test_openapi_document_is_valid_openapi_3(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)  # raises on any violation of the OpenAPI 3 schema
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/auth/token" in spec["paths"]
    assert spec["info"]["title"]


def test_api_docs_do_not_load_from_a_cdn(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in html.lower()


def test_api_answers_a_body_that_is_not_json_with_a_message(client, db, officer, api_token):
    response = client.post(
        "/api/v1/news", "{not json", content_type="application/json", headers=api_token(officer)
    )
    assert response.status_code == 400
    assert response.json()["message"]
