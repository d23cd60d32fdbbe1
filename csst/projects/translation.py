"""Translated fields (FR/EN); history is registered after them so the audit keeps every language."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Project, ProjectPartner


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary")


simple_history.register(Project, m2m_fields=["themes", "sdg_targets", "origin_needs"])
simple_history.register(ProjectPartner)
