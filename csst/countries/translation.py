"""Translated fields; history is registered after them so the audit keeps every language."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Country, CountryClassification, Indicator, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "official_name")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "description", "unit")


# Classification history: overrides and corrections keep their trail (who, when, what before).
simple_history.register(CountryClassification)
