import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.e2e


def french_catalogue_translates(text: str) -> bool:
    with translation.override("fr"):
        return translation.gettext(text) != text


def test_language_switch_moves_from_french_to_english(page):
    page.goto("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    nav = page.locator("nav.main-nav")
    current = page.locator("nav.lang-switch [aria-current]")
    french_nav, french_current = nav.inner_text(), current.inner_text()

    page.locator("nav.lang-switch").get_by_role("link", name="English").click()

    page.wait_for_url(re.compile(r"/en/"))
    assert re.search(r"^https?://[^/]+/en/", page.url)
    assert page.locator("html").get_attribute("lang") == "en"
    # The switch now marks English as the current language ("Français" → "English").
    assert current.inner_text() != french_current
    assert current.inner_text() == "English"
    # The main navigation reads differently once the French catalogue has its translations
    # (make messages); until then both languages show the English source text.
    if french_catalogue_translates("What is SSTC?"):
        assert nav.inner_text() != french_nav
    assert nav.get_by_role("link", name="What is SSTC?").is_visible()
