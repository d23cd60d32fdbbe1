"""Translated fields (FR/EN). Needs and lessons stay in the language their authors wrote them in;
solutions are translated before they are validated (R12)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    AssessmentFramework,
    AssessmentItem,
    FocusArea,
    MaturityLabel,
    Need,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
    Solution,
    Theme,
)


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


@register(AssessmentFramework)
class AssessmentFrameworkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(MaturityLabel)
class MaturityLabelTranslation(TranslationOptions):
    fields = ("label", "description")


@register(FocusArea)
class FocusAreaTranslation(TranslationOptions):
    fields = ("name", "description")


@register(AssessmentItem)
class AssessmentItemTranslation(TranslationOptions):
    fields = ("statement", "guidance")


@register(Solution)
class SolutionTranslation(TranslationOptions):
    # Drafts may be in one language; validation makes the solution public, so needs both (R12).
    fields = ("title", "problem_solved", "approach", "results", "transfer_conditions")


simple_history.register(Solution, m2m_fields=["themes", "sdg_targets"])
