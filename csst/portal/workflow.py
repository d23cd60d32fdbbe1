"""Lifecycle of a news item: draft → in review → published → archived (and back to draft).

Guards return a translated refusal reason, or None when the actor may go ahead.
"""

from django.utils.translation import gettext as _

from csst.core.i18n import require_all_languages
from csst.core.workflow import Transition

from .models import NEWS_TRANSLATED_FIELDS, NewsStatus
from .permissions import editor_refusal


def complete_in_every_language(actor, item) -> str | None:
    return require_all_languages(item, list(NEWS_TRANSLATED_FIELDS))


def second_person(actor, item) -> str | None:
    """Four eyes (R10): whoever submitted an item for review may not publish it too."""
    if item.submitted_by_id is not None and item.submitted_by_id == actor.pk:
        return _("A second person must publish this item: you submitted it for review.")
    return None


NEWS_TRANSITIONS = {
    "submit": Transition(frozenset({NewsStatus.DRAFT}), NewsStatus.IN_REVIEW, editor_refusal),
    "return": Transition(
        frozenset({NewsStatus.IN_REVIEW}), NewsStatus.DRAFT, editor_refusal, comment_required=True
    ),
    "publish": Transition(
        frozenset({NewsStatus.IN_REVIEW}),
        NewsStatus.PUBLISHED,
        editor_refusal,
        rules=(complete_in_every_language, second_person),
    ),
    "archive": Transition(frozenset({NewsStatus.PUBLISHED}), NewsStatus.ARCHIVED, editor_refusal),
}

NEWS_ACTIONS = tuple(NEWS_TRANSITIONS)
