"""Lifecycle of a need (DOMAIN §5): the transitions table, pure.

draft → submitted (focal point; R3 alignment) → endorsed (authority: the ownership gate, R2)
→ open (Bureau screening) or returned (comment) ; returned → draft (revise) ;
open → closed_unmet (comment) ; any non-final state → withdrawn (the beneficiary's own people).
`matched` and `converted` are reached through matching and projects.
"""

from django.utils.translation import gettext as _

from csst.core.workflow import Transition

from ..models import NeedStatus
from .permissions import (
    authority_refusal,
    bureau_officer_refusal,
    focal_point_refusal,
    owner_refusal,
)

S = NeedStatus


def aligned(actor, need) -> str | None:
    """R3: at least one theme, one SDG target and a national-priority reference."""
    missing = []
    if not need.themes.exists():
        missing.append(_("at least one theme"))
    if not need.sdg_targets.exists():
        missing.append(_("at least one SDG target"))
    if not (need.national_priority_reference or "").strip():
        missing.append(_("a national priority reference"))
    if missing:
        return _("Before it is submitted, this need must name %(missing)s.") % {
            "missing": ", ".join(missing)
        }
    return None


WITHDRAWABLE = frozenset({S.DRAFT, S.SUBMITTED, S.ENDORSED, S.RETURNED, S.OPEN, S.MATCHED})

NEED_TRANSITIONS = {
    "submit": Transition(frozenset({S.DRAFT}), S.SUBMITTED, focal_point_refusal, rules=(aligned,)),
    "endorse": Transition(frozenset({S.SUBMITTED}), S.ENDORSED, authority_refusal),
    "open": Transition(frozenset({S.ENDORSED}), S.OPEN, bureau_officer_refusal),
    "return": Transition(
        frozenset({S.ENDORSED}), S.RETURNED, bureau_officer_refusal, comment_required=True
    ),
    "revise": Transition(frozenset({S.RETURNED}), S.DRAFT, focal_point_refusal),
    "close": Transition(
        frozenset({S.OPEN}), S.CLOSED_UNMET, bureau_officer_refusal, comment_required=True
    ),
    "withdraw": Transition(WITHDRAWABLE, S.WITHDRAWN, owner_refusal),
}

NEED_ACTIONS = tuple(NEED_TRANSITIONS)
# Actions whose form asks for a comment (required for return and close).
COMMENT_ACTIONS = frozenset({"return", "close", "open", "withdraw"})

# Reached only through another lifecycle, never as a button of its own: a project approved from the
# need converts it (csst.projects.services).
NEED_CONVERSION = {
    "convert": Transition(
        frozenset({S.ENDORSED, S.OPEN, S.MATCHED}), S.CONVERTED, bureau_officer_refusal
    ),
}
