"""The stale flag: validated and last reviewed more than 24 calendar months ago (computed)."""

from datetime import date

import pytest
from django.utils import timezone

from csst.knowledge.solutions import selectors
from csst.knowledge.solutions.selectors import is_stale, months_before, stale_cutoff

from .factories import SolutionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 23), date(2024, 11, 23)),
        (date(2026, 3, 31), date(2024, 3, 31)),
        (date(2026, 2, 28), date(2024, 2, 28)),
        (date(2024, 2, 29), date(2022, 2, 28)),  # no 29 February in 2022
        (date(2026, 1, 15), date(2024, 1, 15)),
    ],
)
def test_24_calendar_months_before(day, expected):
    assert months_before(day, 24) == expected


def test_months_before_crosses_the_year():
    assert months_before(date(2026, 1, 31), 1) == date(2025, 12, 31)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


def test_reviewed_exactly_24_months_ago_is_not_stale_one_day_more_is(provider_org):
    today = timezone.localdate()
    boundary = stale_cutoff(today)
    exactly = SolutionFactory(organisation=provider_org, status="validated", reviewed_at=boundary)
    older = SolutionFactory(
        organisation=provider_org,
        status="validated",
        reviewed_at=date.fromordinal(boundary.toordinal() - 1),
    )
    assert not is_stale(exactly, today)
    assert is_stale(older, today)
    annotated = {s.pk: s.stale for s in selectors.with_relations(type(exactly).objects.all())}
    assert annotated == {exactly.pk: False, older.pk: True}


def test_only_validated_solutions_are_stale(provider_org):
    old = date(2000, 1, 1)
    for status in ("draft", "submitted", "archived"):
        assert not is_stale(
            SolutionFactory(organisation=provider_org, status=status, reviewed_at=old)
        )


def test_stale_filter(provider_org, officer):
    fresh = SolutionFactory(
        organisation=provider_org, status="validated", reviewed_at=timezone.localdate()
    )
    old = SolutionFactory(
        organisation=provider_org, status="validated", reviewed_at=date(2020, 1, 1)
    )
    assert list(selectors.solutions_for(None, stale=True)) == [old]
    assert list(selectors.solutions_for(None, stale=False)) == [fresh]
    assert set(selectors.solutions_for(None)) == {fresh, old}
    queue = selectors.review_queue(officer)
    assert list(queue["stale"]) == [old]
