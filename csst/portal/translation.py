"""Translated fields of the portal (one column per language) and their history tables.

History is registered here rather than with `history = HistoricalRecords()` on the model: the
historical table must be built after modeltranslation has added the `_fr`/`_en` columns, or saving
fails (the history model would not know them) and the audit would lose the translations.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Document, NewsItem, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "lead", "body")
    required_languages = {"fr": ("title",), "default": ()}


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    # French is the original: drafts need at least a French title; English comes before publication.
    required_languages = {"fr": ("title",), "default": ()}


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"fr": ("title",), "default": ()}


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("role", "unit", "address")
    required_languages = {"fr": ("role",), "default": ()}


simple_history.register(NewsItem)
simple_history.register(Document)
