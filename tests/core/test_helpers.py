from types import SimpleNamespace

from django.test import RequestFactory
from django.utils import translation

from csst.core.i18n import missing_translations, require_all_languages
from csst.core.templatetags.csst import render_markdown, url_in_language


def test_markdown_is_rendered_and_scripts_are_stripped():
    html = render_markdown("**Bold** [link](https://upu.int)\n\n<script>alert(1)</script>")
    assert "<strong>Bold</strong>" in html
    assert 'href="https://upu.int"' in html and 'rel="noopener noreferrer"' in html
    assert "<script" not in html


def test_markdown_refuses_javascript_links():
    assert "javascript:" not in render_markdown("[x](javascript:alert(1))")


def test_missing_translations_names_each_incomplete_language():
    item = SimpleNamespace(title_fr="Titre", title_en="", body_fr="Texte", body_en="Text")
    assert missing_translations(item, ["title", "body"]) == ["en"]


def test_complete_content_passes_the_bilingual_rule():
    item = SimpleNamespace(title_fr="Titre", title_en="Title")
    assert require_all_languages(item, ["title"]) is None


def test_bilingual_rule_explains_the_refusal_in_the_user_language():
    item = SimpleNamespace(title_fr="  ", title_en="Title")
    with translation.override("en"):
        assert "French" in require_all_languages(item, ["title"])


def test_url_in_language_keeps_path_and_query():
    request = RequestFactory().get("/fr/documents/", {"year": "2022", "q": "appel"})
    with translation.override("fr"):
        url = url_in_language({"request": request}, "en")
    assert url == "/en/documents/?year=2022&q=appel"


def test_partial_date_shows_only_what_is_known():
    from datetime import date

    from csst.core.templatetags.csst import partial_date

    with translation.override("fr"):
        assert partial_date(date(2021, 5, 1), "month") == "mai 2021"
        assert partial_date(date(2022, 1, 1), "year") == "2022"
    with translation.override("en"):
        assert partial_date(date(2019, 5, 7), "day") == "7 May 2019"


def test_fold_ignores_accents_case_and_apostrophe_style():
    from csst.core.text import fold

    assert fold("Côte d’Ivoire") == fold("cote d'ivoire") == "cote d'ivoire"
    assert fold("TÜRKIYE") == "turkiye"
    assert fold("  São   Tomé ") == "sao tome"
