import pytest


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_page_answers_in_each_language_with_its_lang_attribute(client, db, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_root_redirects_to_french_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_openapi_spec_is_served(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/auth/token" in spec["paths"]
