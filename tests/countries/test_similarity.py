"""Peer similarity: the pure scoring function (property tests) and its use on stored data."""

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csst.countries import demo
from csst.countries.peers import profiles, similar_countries
from csst.countries.similarity import WEIGHTS, Profile, most_similar

CODES = ["2ipd", "2ipd-r1", "2ipd-r2", "2ipd-r3", "2ipd-r4"]


def profile(key, indicators=None, groups=(), region=None, subregion=None, income=None, langs=()):
    return Profile(
        key=key,
        indicators=indicators or {},
        groups=frozenset(groups),
        region=region,
        subregion=subregion,
        income=income,
        languages=frozenset(langs),
    )


NEPAL = profile(
    "NPL", {"2ipd": 30, "2ipd-r1": 25}, {"ldc", "lldc"}, "142", "034", "lower_middle", {"ne", "en"}
)
BHUTAN = profile("BTN", {"2ipd": 33, "2ipd-r1": 27}, {"lldc"}, "142", "034", "lower_middle", {"dz"})
LAOS = profile("LAO", {"2ipd": 26}, {"ldc", "lldc"}, "142", "035", "lower_middle", {"lo"})
FRANCE = profile("FRA", {"2ipd": 90, "2ipd-r1": 95}, set(), "150", "155", "high", {"fr"})
ICELAND = profile("ISL", {}, set(), "150", "154", None, {"is"})


def test_the_closest_peer_shares_groups_region_income_and_indicators():
    peers = most_similar(NEPAL, [FRANCE, LAOS, BHUTAN, NEPAL])
    assert [peer.key for peer in peers] == ["BTN", "LAO", "FRA"]
    bhutan = peers[0]
    assert {reason.code for reason in bhutan.reasons} == {
        "indicators",
        "group",
        "subregion",
        "income",
    }
    group = next(r for r in bhutan.reasons if r.code == "group")
    assert group.params == {"group": "lldc"}
    indicators = next(r for r in bhutan.reasons if r.code == "indicators")
    assert indicators.params["indicators"] == ["2ipd", "2ipd-r1"]
    assert indicators.params["distance"] == pytest.approx(2.55, abs=0.01)
    assert bhutan.score == pytest.approx(sum(r.weight for r in bhutan.reasons), abs=1e-6)
    assert [r.code for r in peers[1].reasons if r.code in ("region", "subregion")] == ["region"]


def test_a_candidate_without_any_reason_is_left_out():
    assert most_similar(NEPAL, [ICELAND]) == []


def test_shared_language_counts_and_limit_applies():
    senegal = profile("SEN", langs={"fr", "wo"})
    peers = most_similar(senegal, [FRANCE, ICELAND], limit=5)
    assert [(p.key, [r.code for r in p.reasons]) for p in peers] == [("FRA", ["language"])]
    assert peers[0].reasons[0].params == {"languages": ["fr"]}
    assert most_similar(NEPAL, [BHUTAN, LAOS, FRANCE], limit=1)[0].key == "BTN"


def test_the_weights_add_up_to_one_at_most():
    best = WEIGHTS["indicators"] + WEIGHTS["group"] + WEIGHTS["subregion"]
    assert best + WEIGHTS["income"] + WEIGHTS["language"] == pytest.approx(1.0)


def test_the_module_is_pure():
    source = Path("csst/countries/similarity.py").read_text(encoding="utf-8")
    assert "django" not in source.replace("(no Django)", "")


values = st.floats(min_value=0, max_value=100, allow_nan=False)
profiles_strategy = st.builds(
    profile,
    key=st.text(alphabet="ABCDEFGHIJ", min_size=3, max_size=3),
    indicators=st.dictionaries(st.sampled_from(CODES), values, max_size=5),
    groups=st.frozensets(st.sampled_from(["ldc", "lldc", "sids"])),
    region=st.sampled_from([None, "002", "142"]),
    subregion=st.sampled_from([None, "014", "034", "035"]),
    income=st.sampled_from([None, "low", "lower_middle", "high", "not_classified"]),
    langs=st.frozensets(st.sampled_from(["fr", "en", "ar", "es", "pt"]), max_size=3),
)


@settings(max_examples=100, deadline=None)
@given(
    target=profiles_strategy,
    candidates=st.lists(profiles_strategy, max_size=12, unique_by=lambda p: p.key),
)
def test_properties_of_every_ranking(target, candidates):
    peers = most_similar(target, candidates, limit=50)
    keys = [peer.key for peer in peers]
    assert target.key not in keys
    assert len(keys) == len(set(keys))
    for peer in peers:
        assert 0.0 < peer.score <= 1.0
        assert peer.reasons
        assert all(reason.weight > 0 for reason in peer.reasons)
    assert [(-p.score, p.key) for p in peers] == sorted((-p.score, p.key) for p in peers)
    shuffled = list(candidates)
    random.Random(7).shuffle(shuffled)  # noqa: S311 — a fixed shuffle, not security
    assert most_similar(target, shuffled, limit=50) == peers


@settings(max_examples=100, deadline=None)
@given(a=profiles_strategy, b=profiles_strategy, others=st.lists(profiles_strategy, max_size=6))
def test_similarity_is_symmetric(a, b, others):
    if a.key == b.key:
        b = Profile("ZZZ", b.indicators, b.groups, b.region, b.subregion, b.income, b.languages)
    others = [o for o in others if o.key not in (a.key, b.key)]
    a_to_b = {p.key: p.score for p in most_similar(a, [b, *others], limit=50)}
    b_to_a = {p.key: p.score for p in most_similar(b, [a, *others], limit=50)}
    assert a_to_b.get(b.key) == b_to_a.get(a.key)


# -- on stored data ---------------------------------------------------------------------------


@pytest.fixture
def demo_values(country):
    demo.load(lambda line: None)


def test_peers_of_nepal_from_the_demo_values(country, demo_values, django_assert_max_num_queries):
    nepal = country("NPL")
    with django_assert_max_num_queries(4):
        peers = similar_countries(nepal, limit=5)
    assert len(peers) == 5
    assert "NPL" not in [peer.key for peer in peers]
    assert all(peer.reasons for peer in peers)
    nepal_profile = profiles([nepal])[nepal.pk]
    assert nepal_profile.groups == {"ldc", "lldc"}
    assert nepal_profile.languages == {"ne", "en"}
    assert set(nepal_profile.indicators) == set(CODES)
