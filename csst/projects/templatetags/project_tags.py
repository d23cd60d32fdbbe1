"""Template helpers other apps' pages use to link into projects (e.g. the need page)."""

from django import template

from csst.knowledge.models import NeedStatus

from ..permissions import officer_refusal

register = template.Library()

# The need has passed the ownership gate and is not a project yet (R2, R4).
CONVERTIBLE_NEED_STATUSES = frozenset({NeedStatus.ENDORSED, NeedStatus.OPEN, NeedStatus.MATCHED})


@register.simple_tag
def may_turn_into_project(user, need) -> bool:
    """A bureau officer may turn an endorsed, open or matched need into a project."""
    return need.status in CONVERTIBLE_NEED_STATUSES and officer_refusal(user) is None
