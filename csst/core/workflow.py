"""A small lifecycle engine: each app declares its transitions table and calls `transition`.

A table maps an action name to a `Transition` (allowed source states, target state, and a guard that
returns the reason the actor may not perform it, or None). Status fields are changed nowhere else.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from .errors import DomainError, NotAllowed
from .models import TransitionLog

Guard = Callable[[Any, Any], str | None]  # (actor, obj) -> refusal reason or None


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    permission: Guard
    rules: tuple[Guard, ...] = field(default_factory=tuple)
    comment_required: bool = False


def available_actions(table: dict[str, Transition], obj: Any, actor: Any) -> list[str]:
    """Actions the actor could try now (state and permission allow; rules may still refuse)."""
    return [
        name
        for name, t in table.items()
        if obj.status in t.sources and t.permission(actor, obj) is None
    ]


def transition(
    table: dict[str, Transition], obj: Any, action: str, actor: Any, comment: str = ""
) -> TransitionLog:
    """Apply `action` to obj (changing its `status`) and log it. The caller owns the transaction."""
    spec = table.get(action)
    if spec is None:
        raise DomainError(_("Unknown action “%(action)s”.") % {"action": action})
    if obj.status not in spec.sources:
        raise DomainError(
            _("This action is not possible while the status is “%(status)s”.")
            % {"status": obj.get_status_display()}
        )
    reason = spec.permission(actor, obj)
    if reason:
        raise NotAllowed(reason)
    for rule in spec.rules:
        reason = rule(actor, obj)
        if reason:
            raise DomainError(reason)
    if spec.comment_required and not comment.strip():
        raise DomainError(_("A comment is required for this action."))
    previous = obj.status
    obj.status = spec.target
    obj.save(update_fields=["status", "updated_at"])
    return TransitionLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        action=action,
        from_status=previous,
        to_status=spec.target,
        actor=actor,
        comment=comment.strip(),
    )


def history(obj: Any) -> Iterable[TransitionLog]:
    return TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("actor")
