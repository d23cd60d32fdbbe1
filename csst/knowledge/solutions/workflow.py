"""Lifecycle of a solution: the transitions table, pure.

draft → submitted (provider) → validated (bureau officer: four eyes R10, FR+EN R12, South rule)
or back to draft (returned, with a comment); validated → validated (re-confirmed: resets the
review date that drives the stale flag) or → draft (revised by the provider);
draft, submitted, validated → archived (officer or provider).
"""

from django.utils.translation import gettext as _

from csst.core.i18n import require_all_languages
from csst.core.workflow import Transition, history

from ..models import SolutionStatus
from .permissions import archive_refusal, bureau_officer_refusal, owner_refusal, south_refusal

S = SolutionStatus
TRANSLATED_FIELDS = ["title", "problem_solved", "approach", "results", "transfer_conditions"]
# Published texts must exist in every language; results and transfer conditions may stay empty.
REQUIRED_TEXTS = ["title", "problem_solved", "approach"]


def still_south(actor, solution) -> str | None:
    """The South rule again: the country may have been reclassified since creation (R11)."""
    return south_refusal(solution.organisation)


def bilingual(actor, solution) -> str | None:
    """R12: public content in French and English (drafts may be in one language)."""
    texts = [
        name
        for name in TRANSLATED_FIELDS
        if name in REQUIRED_TEXTS or any(_text(solution, name, lang) for lang in ("fr", "en"))
    ]
    return require_all_languages(solution, texts)


def _text(solution, name: str, lang: str) -> str:
    return (getattr(solution, f"{name}_{lang}", "") or "").strip()


def last_submitter_id(solution) -> int | None:
    submissions = [log for log in history(solution) if log.action == "submit"]
    return submissions[-1].actor_id if submissions else None


def four_eyes(actor, solution) -> str | None:
    """R10: publication needs a second person, not the one who wrote or submitted it."""
    if actor.pk in {solution.created_by_id, last_submitter_id(solution)}:
        return _(
            "Four eyes: you created or submitted this solution, so another bureau officer must "
            "validate it."
        )
    return None


def evidenced(actor, solution) -> str | None:
    """Results need evidence when they are claimed."""
    claimed = _text(solution, "results", "fr") or _text(solution, "results", "en")
    if claimed and not solution.evidence.exists():
        return _("Results are claimed: add at least one evidence document or link.")
    return None


SOLUTION_TRANSITIONS = {
    "submit": Transition(frozenset({S.DRAFT}), S.SUBMITTED, owner_refusal, rules=(still_south,)),
    "validate": Transition(
        frozenset({S.SUBMITTED}),
        S.VALIDATED,
        bureau_officer_refusal,
        rules=(four_eyes, bilingual, still_south, evidenced),
    ),
    "return": Transition(
        frozenset({S.SUBMITTED}), S.DRAFT, bureau_officer_refusal, comment_required=True
    ),
    "reconfirm": Transition(
        frozenset({S.VALIDATED}), S.VALIDATED, bureau_officer_refusal, rules=(still_south,)
    ),
    "revise": Transition(frozenset({S.VALIDATED}), S.DRAFT, owner_refusal),
    "archive": Transition(
        frozenset({S.DRAFT, S.SUBMITTED, S.VALIDATED}), S.ARCHIVED, archive_refusal
    ),
}

SOLUTION_ACTIONS = tuple(SOLUTION_TRANSITIONS)
COMMENT_ACTIONS = frozenset({"validate", "return", "reconfirm", "archive"})
# Actions after which the solution counts as reviewed now (clears the stale flag).
REVIEW_ACTIONS = frozenset({"validate", "reconfirm"})
