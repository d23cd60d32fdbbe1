"""The demo solutions and lessons: idempotent, marked as demo, through the real lifecycle."""

import pytest

from csst.accounts import demo as accounts_demo
from csst.core.models import TransitionLog
from csst.countries import demo as countries_demo
from csst.knowledge.models import LessonLearned, Solution
from csst.knowledge.solutions import demo, selectors
from csst.organisations import demo as organisations_demo

from ..factories import SdgTargetFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def quiet(message):
    return None


@pytest.fixture
def personas(db):
    for module in (countries_demo, organisations_demo, accounts_demo):
        module.load(quiet)


def vocabularies():
    for code in {code for spec in demo.SOLUTIONS for code in spec.themes} | {"training"}:
        ThemeFactory(code=code)
    for code in {code for spec in demo.SOLUTIONS for code in spec.sdg_targets}:
        SdgTargetFactory(code=code)


def test_loading_the_demo_twice_creates_no_duplicates(personas):
    vocabularies()
    summary = demo.load(quiet)
    first = (Solution.objects.count(), LessonLearned.objects.count(), TransitionLog.objects.count())
    assert demo.load(quiet) != summary
    assert (
        Solution.objects.count(),
        LessonLearned.objects.count(),
        TransitionLog.objects.count(),
    ) == first
    assert first[0] == len(demo.SOLUTIONS) + 1  # plus the draft drafted from a lesson
    assert first[1] == len(demo.LESSONS)
    assert "\n" not in summary


def test_demo_content_is_marked_and_in_several_states(personas):
    vocabularies()
    demo.load(quiet)
    assert all(s.is_demo for s in Solution.objects.all())
    assert all(lesson.is_demo for lesson in LessonLearned.objects.all())
    assert set(Solution.objects.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "validated",
    }
    for solution in Solution.objects.all():
        texts = " ".join(
            filter(None, [solution.transfer_conditions_en, solution.transfer_conditions_fr])
        )
        assert "Demo content" in texts or "démonstration" in texts


def test_appc_went_through_the_lifecycle_and_one_solution_is_stale(personas):
    vocabularies()
    demo.load(quiet)
    actions = set(TransitionLog.objects.values_list("action", "actor__username"))
    assert {("submit", "provider"), ("validate", "officer")} <= actions
    stale = [s for s in selectors.with_relations(Solution.objects.all()) if s.stale]
    assert [s.organisation.acronym for s in stale] == ["APPC"]
    lesson = LessonLearned.objects.get(solution__isnull=False)
    assert lesson.solution.status == "draft"
    assert lesson.solution.title_en == lesson.title
    assert all(
        e.file.name.endswith(".pdf") for s in Solution.objects.all() for e in s.evidence.all()
    )
