from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes(value: timedelta | None) -> int:
    """A duration in whole minutes, rounded up (for "try again in N minutes")."""
    if not value:
        return 0
    return max(1, -(-int(value.total_seconds()) // 60))
