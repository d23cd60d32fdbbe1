"""Scores of a self-assessment (pure functions)."""

from decimal import Decimal

from csst.knowledge.assessments.scoring import AreaSpec, ItemSpec, score, weighted_mean

D = Decimal


def area(code, *weights, weight=1):
    return AreaSpec(
        code, D(weight), tuple(ItemSpec(f"{code}{n}", D(w)) for n, w in enumerate(weights))
    )


AREAS = [area("a", 1, 1), area("b", 1, 3)]


def test_weighted_maturity_per_area_uses_item_weights():
    results = score(AREAS, {"a0": 2, "a1": 4, "b0": 4, "b1": 0}, target=3)
    assert [a.score for a in results.areas] == [D("3.00"), D("1.00")]
    assert results.overall == D("2.00")
    assert [gap.code for gap in results.gaps] == ["b"]
    assert results.areas[1].weak_items == ("b1",)


def test_unanswered_items_are_left_out_and_reported():
    results = score(AREAS, {"a0": 1, "b1": None}, target=3)
    first, second = results.areas
    assert first.score == D("1.00") and first.unanswered == ("a1",)
    assert second.score is None and second.unanswered == ("b0", "b1") and not second.is_gap
    assert results.answered == 1 and results.total == 4
    assert results.completeness == D("25.00")


def test_nothing_answered_has_no_score_and_no_gap():
    results = score(AREAS, {}, target=3)
    assert results.overall is None
    assert results.gaps == ()
    assert results.completeness == D("0.00")


def test_items_weighing_zero_give_no_score():
    results = score([area("z", 0, 0)], {"z0": 1, "z1": 2}, target=3)
    assert results.areas[0].score is None
    assert results.overall is None


def test_area_weighing_zero_does_not_count_in_overall():
    areas = [area("a", 1, weight=0), area("b", 1)]
    results = score(areas, {"a0": 0, "b0": 4}, target=3)
    assert results.overall == D("4.00")
    assert [gap.code for gap in results.gaps] == ["a"]  # still a gap of its own


def test_all_at_four_is_complete_without_gaps():
    levels = {item.key: 4 for a in AREAS for item in a.items}
    results = score(AREAS, levels, target=3)
    assert results.overall == D("4.00")
    assert results.gaps == ()
    assert results.completeness == D("100.00")


def test_exactly_at_target_is_not_a_gap():
    results = score([area("a", 1, 1)], {"a0": 2, "a1": 4}, target=3)
    assert not results.areas[0].is_gap


def test_weak_items_come_weakest_first():
    results = score([area("a", 1, 1, 1)], {"a0": 2, "a1": 0, "a2": 3}, target=3)
    assert results.areas[0].weak_items == ("a1", "a0")


def test_framework_without_items_is_complete():
    results = score([], {}, target=3)
    assert results.completeness == D(100) and results.overall is None


def test_weighted_mean_rounds_half_up():
    assert weighted_mean([(D(1), D(1)), (D(2), D(2))]) == D("1.67")
    assert weighted_mean([]) is None
