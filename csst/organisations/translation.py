"""Translated fields; history is registered after them so the audit keeps every language."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    # An organisation's name is public: it is required in French and in English (the same name
    # when it is not translated); the description is optional in both.
    required_languages = ("fr", "en")


simple_history.register(Organisation)
