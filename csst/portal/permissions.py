"""Who may edit public content and who may see which key documents."""

from django.utils.translation import gettext as _

from csst.accounts.permissions import (
    has_any_role,
    is_administrator,
    is_bureau_officer,
    is_bureau_staff,
)
from csst.core.errors import NotAllowed

from .models import Visibility

# Content editors write, review and publish news and documents.
is_content_editor = is_bureau_officer | is_administrator


def editor_refusal(user, obj=None) -> str | None:
    """Refusal reason for anyone who is not a content editor (also a workflow guard)."""
    if is_content_editor(user):
        return None
    return _("Only bureau officers and administrators may manage public content.")


def require_editor(user) -> None:
    reason = editor_refusal(user)
    if reason:
        raise NotAllowed(reason)


def visible_levels(user) -> list[str]:
    """Visibilities the user may see: partners need a current role, internal needs staff."""
    levels = [Visibility.PUBLIC]
    staff = is_bureau_staff(user)
    if staff or has_any_role(user):
        levels.append(Visibility.PARTNERS)
    if staff:
        levels.append(Visibility.INTERNAL)
    return levels
