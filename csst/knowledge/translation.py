"""Translated vocabularies (FR/EN). Needs stay in the language their requester wrote them in."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Need, SdgGoal, SdgIndicator, SdgTarget, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(SdgGoal)
class SdgGoalTranslation(TranslationOptions):
    fields = ("title", "short_title")


@register(SdgTarget)
class SdgTargetTranslation(TranslationOptions):
    fields = ("title",)


@register(SdgIndicator)
class SdgIndicatorTranslation(TranslationOptions):
    fields = ("title",)


simple_history.register(Need, m2m_fields=["themes", "sdg_targets"])
