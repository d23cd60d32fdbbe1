"""Translated fields; history is registered after them so the audit keeps every language."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name",)


simple_history.register(Organisation)
