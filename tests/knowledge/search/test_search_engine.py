"""The search engine: accents and case aside in French and English, stems on PostgreSQL, the
catalogue filters, and odd input that never fails."""

import pytest

from csst.knowledge import search
from csst.knowledge.models import Need, Solution
from tests.factories import CountryFactory, OrganisationFactory, RegionFactory

from .conftest import postgresql_only
from .factories import NeedFactory, SdgTargetFactory, ThemeFactory, make_solution

pytestmark = pytest.mark.django_db


def need_titles(q, **filters):
    return {need.title for need in search.filtered(Need.objects.all(), q=q, **filters)}


def solution_ids(q, **filters):
    return {s.pk for s in search.filtered(Solution.objects.all(), q=q, **filters)}


@pytest.fixture
def ivory_coast_org():
    west_africa = RegionFactory(m49="011", name_fr="Afrique de l'Ouest", name_en="Western Africa")
    country = CountryFactory(
        iso3="CIV",
        name_fr="Côte d’Ivoire",
        name_en="Côte d'Ivoire",
        region=RegionFactory(m49="002", name_fr="Afrique", name_en="Africa"),
        subregion=west_africa,
    )
    return OrganisationFactory(name_fr="La Poste de Côte d'Ivoire", country=country)


@pytest.mark.parametrize("q", ["Népal", "nepal", "NEPAL", "népal"])
def test_country_names_match_with_or_without_accents(beneficiary_org, q):
    NeedFactory(organisation=beneficiary_org, title="Tracking")
    assert need_titles(q) == {"Tracking"}


@pytest.mark.parametrize("q", ["côte d'ivoire", "Cote d’Ivoire", "COTE D'IVOIRE", "ivoire"])
def test_apostrophes_and_accents_of_the_query_do_not_matter(ivory_coast_org, q):
    NeedFactory(organisation=ivory_coast_org, title="Adressage")
    assert need_titles(q) == {"Adressage"}


@pytest.mark.parametrize("q", ["électronique", "electronique", "ÉLECTRONIQUE"])
def test_french_words_match_without_accents(beneficiary_org, q):
    NeedFactory(organisation=beneficiary_org, title="Commerce électronique")
    NeedFactory(organisation=beneficiary_org, title="Tri du courrier")
    assert need_titles(q) == {"Commerce électronique"}


@pytest.mark.parametrize("q", ["données", "donnees", "DONNÉES"])
def test_solutions_match_in_french_and_english(provider_org, q):
    solution = make_solution(provider_org, approach_fr="Analyse des données", approach_en="Data")
    make_solution(provider_org)
    assert solution_ids(q) == {solution.pk}
    assert solution_ids("data") == {solution.pk}


def test_every_word_must_match(beneficiary_org):
    NeedFactory(organisation=beneficiary_org, title="Commerce électronique rural")
    NeedFactory(organisation=beneficiary_org, title="Commerce transfrontalier")
    assert need_titles("commerce rural") == {"Commerce électronique rural"}


def test_partial_words_match(beneficiary_org):
    NeedFactory(organisation=beneficiary_org, title="Formation des agents")
    assert need_titles("form agen") == {"Formation des agents"}


def test_a_plural_finds_the_singular_everywhere(beneficiary_org):
    NeedFactory(organisation=beneficiary_org, title="Formation des agents")
    assert need_titles("formations") == {"Formation des agents"}


@postgresql_only
@pytest.mark.parametrize("q", ["trained", "trains"])
def test_english_stems_match_on_postgresql(provider_org, q):
    solution = make_solution(provider_org, title_en="Training of counter staff")
    assert solution_ids(q) == {solution.pk}


@postgresql_only
def test_french_stems_match_on_postgresql(beneficiary_org):
    NeedFactory(organisation=beneficiary_org, title="Former les guichetiers")
    assert need_titles("formés") == {"Former les guichetiers"}


def test_matches_in_the_title_come_first(beneficiary_org):
    older = NeedFactory(organisation=beneficiary_org, title="Suivi", problem="Suivi en ligne.")
    body = NeedFactory(organisation=beneficiary_org, title="Colis", problem="Le suivi manque.")
    newer = NeedFactory(organisation=beneficiary_org, title="Suivi des colis")
    ranked = search.by_relevance(search.matching(Need.objects.all(), "suivi"), "suivi")
    assert list(ranked) == [newer, older, body]


@postgresql_only
def test_records_found_by_stem_only_come_after_the_others(provider_org):
    stem = make_solution(provider_org, title_en="Trained staff")
    word = make_solution(provider_org, title_en="Counter work", approach_en="On-the-job training")
    ranked = search.by_relevance(search.matching(Solution.objects.all(), "training"), "training")
    assert list(ranked) == [word, stem]


def test_without_words_the_callers_order_stays(beneficiary_org):
    NeedFactory.create_batch(3, organisation=beneficiary_org)
    needs = Need.objects.order_by("title")
    assert list(search.by_relevance(needs, "  ")) == list(needs)


def test_confidential_notes_are_never_matched(beneficiary_org):
    NeedFactory(organisation=beneficiary_org, internal_notes="budget secret zanzibar")
    assert need_titles("zanzibar") == set()


@pytest.mark.parametrize(
    "q",
    [
        '"unclosed',
        "a & b | c",
        "word:* !negation",
        "(((",
        "nul\x00byte",
        "é" * 1000,
        "word " * 300,
        "%_\\",
        "' OR 1=1 --",
    ],
)
def test_odd_input_never_fails(beneficiary_org, q):
    NeedFactory(organisation=beneficiary_org, title="Tracking")
    assert len(need_titles(q)) <= 1


def test_query_words_are_folded_and_bounded():
    assert search.query_words("Côte d’Ivoire\x00Népal") == ["cote", "d'ivoire", "nepal"]
    assert len(search.query_words("mot " * 100)) == 12


# --- Filters ---------------------------------------------------------------------------------


def test_theme_filter_includes_narrower_themes(beneficiary_org):
    broad = ThemeFactory(code="ecommerce")
    narrow = ThemeFactory(code="ecommerce-logistics", parent=broad)
    other = ThemeFactory(code="drm")
    for title, theme in (("Broad", broad), ("Narrow", narrow), ("Other", other)):
        NeedFactory(organisation=beneficiary_org, title=title).themes.add(theme)
    assert need_titles(None, theme="ecommerce") == {"Broad", "Narrow"}
    assert need_titles(None, theme="ecommerce-logistics") == {"Narrow"}


def test_a_record_with_several_matching_themes_comes_once(beneficiary_org):
    broad = ThemeFactory(code="ecommerce")
    narrow = ThemeFactory(code="ecommerce-logistics", parent=broad)
    NeedFactory(organisation=beneficiary_org).themes.add(broad, narrow)
    assert search.filtered(Need.objects.all(), theme="ecommerce").count() == 1


def test_sdg_filter_takes_a_target_or_a_goal(beneficiary_org, provider_org):
    nine_c, nine_one = SdgTargetFactory(code="9.c"), SdgTargetFactory(code="9.1")
    eleven = SdgTargetFactory(code="11.5", goal__number=11)
    for title, target in (("9c", nine_c), ("91", nine_one), ("115", eleven)):
        NeedFactory(organisation=beneficiary_org, title=title).sdg_targets.add(target)
    solution = make_solution(provider_org, targets=[nine_c])
    assert need_titles(None, sdg_target="9.c") == {"9c"}
    assert need_titles(None, sdg_target="9.C") == {"9c"}
    assert need_titles(None, sdg_target="9") == {"9c", "91"}
    assert solution_ids(None, sdg_target="9") == {solution.pk}


def test_country_filter(beneficiary_org, other_beneficiary_org):
    NeedFactory(organisation=beneficiary_org, title="Nepal")
    NeedFactory(organisation=other_beneficiary_org, title="Bhutan")
    assert need_titles(None, country="btn") == {"Bhutan"}


def test_region_filter_at_region_and_subregion_level(beneficiary_org, ivory_coast_org):
    NeedFactory(organisation=beneficiary_org, title="Asia")
    NeedFactory(organisation=ivory_coast_org, title="Africa")
    assert need_titles(None, region="002") == {"Africa"}
    assert need_titles(None, region="011") == {"Africa"}
    assert need_titles(None, region="142") == {"Asia"}


def test_status_filter(beneficiary_org, provider_org):
    NeedFactory(organisation=beneficiary_org, title="Open", status="open")
    NeedFactory(organisation=beneficiary_org, title="Draft", status="draft")
    draft = make_solution(provider_org, status="draft")
    make_solution(provider_org)
    assert need_titles(None, status="open") == {"Open"}
    assert solution_ids(None, status="draft") == {draft.pk}


def test_filters_and_words_combine(beneficiary_org, other_beneficiary_org):
    theme = ThemeFactory(code="drm")
    NeedFactory(organisation=beneficiary_org, title="Séisme", status="open").themes.add(theme)
    NeedFactory(organisation=other_beneficiary_org, title="Séisme", status="open")
    NeedFactory(organisation=beneficiary_org, title="Inondation", status="open").themes.add(theme)
    found = search.filtered(Need.objects.all(), q="seisme", theme="drm", status="open")
    assert [need.organisation for need in found] == [beneficiary_org]
