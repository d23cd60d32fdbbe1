"""Helpers for bilingual content (rule R12: public content is published in every language)."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _


def content_languages() -> list[str]:
    return list(settings.MODELTRANSLATION_LANGUAGES)


def missing_translations(obj: Any, fields: list[str]) -> list[str]:
    """Languages in which one of `fields` is empty on obj (modeltranslation `<field>_<lang>`)."""
    return [
        lang
        for lang in content_languages()
        if any(not (getattr(obj, f"{name}_{lang}", "") or "").strip() for name in fields)
    ]


def require_all_languages(obj: Any, fields: list[str]) -> str | None:
    """Refusal reason naming the missing languages, or None when the content is complete."""
    missing = missing_translations(obj, fields)
    if not missing:
        return None
    names = dict(settings.LANGUAGES)
    return _("The text must exist in every language before publication; missing: %(langs)s.") % {
        "langs": ", ".join(str(names.get(code, code)) for code in missing)
    }
