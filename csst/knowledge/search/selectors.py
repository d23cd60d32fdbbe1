"""Reads of the search: the needs and solutions the user may see that match, best first."""

from django.db.models import QuerySet

from ..needs.selectors import needs_for
from ..solutions.selectors import solutions_for
from .engine import by_relevance
from .forms import NEEDS, SOLUTIONS, STATUSES

# Each already limits to what the user may see (visible_needs / visible_solutions).
FINDERS = {NEEDS: needs_for, SOLUTIONS: solutions_for}


def found(user, kind: str, filters: dict) -> QuerySet:
    """Matching records of one kind; a status that kind does not have finds none of it."""
    status = filters.get("status")
    if status and status not in STATUSES[kind].values:
        return FINDERS[kind](user).none()
    return by_relevance(FINDERS[kind](user, **filters), filters.get("q"))


def rows(queryset: QuerySet, start: int, stop: int) -> list:
    """The rows of a slice of `queryset`, in its order. Their ids come first, sorted without
    joins or wide columns (with 100,000 rows, sorting whole joined rows costs ~10× more), then
    those rows alone with their relations."""
    ids = list(queryset.prefetch_related(None).values_list("pk", flat=True)[start:stop])
    by_id = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}
    return [by_id[pk] for pk in ids if pk in by_id]


class IdsFirst:
    """What `paginate` needs of a queryset (count, slices), the slices read through `rows`."""

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index: slice) -> list:
        return rows(self.queryset, index.start, index.stop)
