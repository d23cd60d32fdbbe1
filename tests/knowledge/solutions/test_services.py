"""Solutions lifecycle: the South rule, four eyes (R10), bilingual publication (R12), currency."""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from csst.accounts.models import Role
from csst.core.errors import DomainError, InvalidInput, NotAllowed
from csst.core.models import TransitionLog
from csst.knowledge.models import SolutionStatus
from csst.knowledge.solutions import services
from tests.factories import OrganisationFactory, classify, person, real_country

from ..factories import SdgTargetFactory, ThemeFactory
from .factories import SolutionFactory

pytestmark = pytest.mark.django_db

DRAFT = {
    "title_en": "E-learning course on EDI pre-advice",
    "problem_solved_en": "Customs data keyed by hand.",
    "approach_en": "A six-week online course.",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def submitted(provider, provider_org, **fields):
    solution = SolutionFactory(organisation=provider_org, created_by=provider, **fields)
    return services.change_solution_status(provider, solution, "submit")


def test_provider_creates_a_draft_in_one_language(provider, provider_org):
    ThemeFactory(code="ecommerce")
    solution = services.create_solution(provider, {**DRAFT, "themes": ["ecommerce"]})
    assert solution.status == SolutionStatus.DRAFT
    assert solution.organisation == provider_org
    assert solution.country.iso3 == "THA"
    assert [t.code for t in solution.themes.all()] == ["ecommerce"]
    assert solution.created_by == provider


def test_a_draft_needs_title_problem_and_approach_in_one_language(provider):
    with pytest.raises(InvalidInput, match="at least the title"):
        services.create_solution(provider, {"title_en": "T", "approach_fr": "A"})


def test_north_organisation_cannot_offer_a_solution_and_is_told_why(donor_org):
    north_provider = person("north", Role.PROVIDER_FOCAL_POINT, donor_org)
    with pytest.raises(DomainError) as refusal:
        services.create_solution(north_provider, DRAFT)
    message = refusal.value.message
    assert message.startswith("Only organisations of South countries can offer solutions: France")
    assert "North on" in message and "UN M49 (test)" in message


def test_international_organisation_without_country_cannot_offer(db):
    io = OrganisationFactory(type="international_organisation", country=None)
    focal_point = person("io", Role.PROVIDER_FOCAL_POINT, io)
    with pytest.raises(DomainError, match="has no country"):
        services.create_solution(focal_point, DRAFT)


def test_only_a_provider_focal_point_creates(beneficiary, officer):
    for user in (beneficiary, officer):
        with pytest.raises(NotAllowed):
            services.create_solution(user, DRAFT)


def test_full_lifecycle_submit_validate_is_logged(provider, provider_org, officer):
    solution = submitted(provider, provider_org)
    solution = services.change_solution_status(officer, solution, "validate", "Looks good")
    assert solution.status == SolutionStatus.VALIDATED
    assert solution.reviewed_at == timezone.localdate()
    assert solution.reviewed_by == officer
    assert solution.review_comment == "Looks good"
    actions = list(TransitionLog.objects.values_list("action", "actor__username"))
    assert actions == [("submit", "provider"), ("validate", "officer")]


def test_country_reclassified_north_between_creation_and_validation(
    provider, provider_org, officer
):
    solution = submitted(provider, provider_org)
    thailand = real_country("THA")
    classify(thailand, "north_south", "north", valid_from=timezone.localdate(), source="graduation")
    thailand.classifications.filter(value="south").update(
        valid_to=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(DomainError, match="Thailand — North on"):
        services.change_solution_status(officer, solution, "validate")
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.SUBMITTED


def test_four_eyes_the_creator_cannot_validate(provider_org, officer, officer2):
    lesson_draft = SolutionFactory(organisation=provider_org, created_by=officer)
    lesson_draft.status = SolutionStatus.SUBMITTED
    lesson_draft.save()
    with pytest.raises(DomainError, match="Four eyes"):
        services.change_solution_status(officer, lesson_draft, "validate")
    assert services.change_solution_status(officer2, lesson_draft, "validate").status == "validated"


def test_four_eyes_the_last_submitter_cannot_validate(provider_org, officer):
    # An officer who is also the organisation's focal point submits, then tries to validate.
    from csst.accounts.models import Membership

    Membership.objects.create(user=officer, organisation=provider_org, role="provider_focal_point")
    solution = SolutionFactory(organisation=provider_org)
    services.change_solution_status(officer, solution, "submit")
    with pytest.raises(DomainError, match="Four eyes"):
        services.change_solution_status(officer, solution, "validate")


def test_validation_needs_french_and_english(provider, provider_org, officer):
    solution = submitted(provider, provider_org, title_fr="", approach_fr="")
    with pytest.raises(DomainError, match="missing: French"):
        services.change_solution_status(officer, solution, "validate")


def test_officer_completes_the_translation_while_awaiting_validation(
    provider, provider_org, officer, officer2
):
    solution = submitted(provider, provider_org, title_fr="")
    services.update_solution(officer, solution, {"title_fr": "Cours en ligne"})
    with pytest.raises(NotAllowed, match="only complete its texts"):
        services.update_solution(officer, solution, {"technology_level": "high"})
    assert services.change_solution_status(officer2, solution, "validate").status == "validated"


def test_results_claimed_need_evidence(provider, provider_org, officer):
    solution = submitted(provider, provider_org, results_fr="90 %", results_en="90%")
    with pytest.raises(DomainError, match="evidence"):
        services.change_solution_status(officer, solution, "validate")


def test_return_to_draft_needs_a_comment_then_provider_edits(provider, provider_org, officer):
    solution = submitted(provider, provider_org)
    with pytest.raises(DomainError, match="comment is required"):
        services.change_solution_status(officer, solution, "return")
    solution = services.change_solution_status(officer, solution, "return", "Add costs")
    assert solution.status == SolutionStatus.DRAFT
    assert solution.review_comment == "Add costs"
    services.update_solution(
        provider, solution, {"indicative_cost": "1500.5", "cost_currency": "usd"}
    )
    solution.refresh_from_db()
    assert str(solution.indicative_cost) == "1500.50"
    assert solution.cost_currency == "USD"


def test_provider_cannot_edit_once_submitted_nor_another_organisation(
    provider, provider_org, other_provider
):
    solution = submitted(provider, provider_org)
    with pytest.raises(DomainError, match="Only a draft"):
        services.update_solution(provider, solution, {"title_en": "x"})
    with pytest.raises(NotAllowed):
        services.update_solution(other_provider, solution, {"title_en": "x"})


def test_reconfirm_resets_the_review_date(provider_org, officer):
    solution = SolutionFactory(
        organisation=provider_org, status="validated", reviewed_at=date(2020, 1, 1)
    )
    solution = services.change_solution_status(officer, solution, "reconfirm")
    assert solution.status == SolutionStatus.VALIDATED
    assert solution.reviewed_at == timezone.localdate()


def test_revise_and_archive(provider, provider_org, officer, other_provider):
    solution = SolutionFactory(organisation=provider_org, status="validated")
    with pytest.raises(NotAllowed):
        services.change_solution_status(other_provider, solution, "revise")
    assert services.change_solution_status(provider, solution, "revise").status == "draft"
    assert services.change_solution_status(officer, solution, "archive").status == "archived"
    with pytest.raises(DomainError):
        services.change_solution_status(provider, solution, "submit")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"indicative_cost": "100"}, "needs its currency"),
        ({"cost_currency": "USD"}, "without an amount"),
        ({"indicative_cost": "100", "cost_currency": "XYZ"}, "not an active ISO 4217"),
        ({"indicative_cost": "100", "cost_currency": "VEF"}, "not an active ISO 4217"),
        ({"indicative_cost": "-1", "cost_currency": "USD"}, "positive amount"),
        ({"indicative_cost": "abc", "cost_currency": "USD"}, "a number"),
        ({"themes": ["no-such-theme"]}, "unknown codes no-such-theme"),
        ({"modalities": ["telepathy"]}, "unknown values telepathy"),
        ({"colour": "red"}, "Unknown fields: colour"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(provider, data, message):
    with pytest.raises(InvalidInput, match=message):
        services.create_solution(provider, {**DRAFT, **data})


def test_sdg_targets_by_code(provider):
    SdgTargetFactory(code="9.c")
    solution = services.create_solution(provider, {**DRAFT, "sdg_targets": ["9.c"]})
    assert [t.code for t in solution.sdg_targets.all()] == ["9.c"]
