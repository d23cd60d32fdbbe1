"""Project services: from an endorsed need to approval and closure (rules R1, R2, R4, R10, R12)."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from csst.core.errors import DomainError, NotAllowed
from csst.core.models import TransitionLog
from csst.countries.models import Scheme
from csst.knowledge.models import LessonLearned, NeedStatus
from csst.projects import services
from csst.projects.models import (
    Activity,
    ActivityStatus,
    ProjectStatus,
    ResultIndicator,
    ResultLevel,
    ResultValue,
)

from ..factories import classify, real_country
from ..knowledge.factories import NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def south_north(beneficiary_org, provider_org, donor_org):
    for country in (beneficiary_org.country, provider_org.country):
        classify(country, Scheme.NORTH_SOUTH, "south")
    classify(donor_org.country, Scheme.NORTH_SOUTH, "north")


@pytest.fixture
def need(beneficiary_org):
    return NeedFactory(organisation=beneficiary_org, aligned=True, status=NeedStatus.OPEN)


@pytest.fixture
def project(officer, need, provider_org, donor_org, south_north):
    """A need turned into a project with a provider and a committing facilitator."""
    project = services.create_project_from_need(officer, need)
    services.add_partner(officer, project, provider_org.pk, "pivotal", in_kind=8000)
    services.add_partner(officer, project, donor_org.pk, "facilitating", cash=50000)
    services.update_project(
        officer,
        project,
        {
            "title_fr": "Suivi des envois",
            "title_en": "Item tracking",
            "summary_fr": "Résumé",
            "summary_en": "Summary",
            "budget": Decimal("100000"),
        },
    )
    project.refresh_from_db()
    return project


def _pending(project, officer):
    services.change_project_status(officer, project, "formulate")
    return services.change_project_status(officer, project, "request_endorsement")


def test_a_need_becomes_a_project_that_inherits_its_alignment(project, need, beneficiary_org):
    assert project.code.startswith("CSST-")
    assert list(project.themes.values_list("code", flat=True)) == ["ecommerce"]
    assert list(project.sdg_targets.values_list("code", flat=True)) == ["9.c"]
    assert project.partners.get(role="beneficiary").organisation == beneficiary_org
    assert list(project.origin_needs.all()) == [need]


def test_the_modality_follows_the_partners(project, officer):
    assert project.modality == "triangular"
    facilitator = project.partners.get(role="facilitating")
    services.update_partner(officer, facilitator, cash=0)
    project.refresh_from_db()
    assert project.modality == "south-south"


def test_a_draft_need_cannot_become_a_project(officer, beneficiary_org):
    draft = NeedFactory(organisation=beneficiary_org, aligned=True)
    with pytest.raises(DomainError, match="R4"):
        services.create_project_from_need(officer, draft)


@pytest.mark.parametrize(
    "persona", ["beneficiary", "authority", "provider", "donor", "outsider", "finance"]
)
def test_only_a_bureau_officer_creates_projects(persona, request, need):
    with pytest.raises(NotAllowed):
        services.create_project_from_need(request.getfixturevalue(persona), need)


@pytest.mark.parametrize(
    "persona", ["officer", "officer2", "donor", "provider", "other_country_focal_point", "outsider"]
)
def test_nobody_but_the_beneficiary_endorses_for_it(persona, request, project, officer):
    _pending(project, officer)
    beneficiary_org = project.partners.get(role="beneficiary").organisation
    with pytest.raises(NotAllowed, match="nothing for me without me"):
        services.endorse(request.getfixturevalue(persona), project, beneficiary_org.pk)
    assert not project.endorsements.exists()


@pytest.mark.parametrize("persona", ["beneficiary", "authority"])
def test_the_beneficiary_focal_point_or_head_endorses(persona, request, project, officer):
    _pending(project, officer)
    beneficiary_org = project.partners.get(role="beneficiary").organisation
    services.endorse(request.getfixturevalue(persona), project, beneficiary_org.pk)
    assert project.endorsements.filter(superseded=False).count() == 1


def test_approval_waits_for_every_beneficiary(
    project, officer, officer2, beneficiary, other_beneficiary_org, other_country_focal_point
):
    services.add_partner(officer, project, other_beneficiary_org.pk, "beneficiary")
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.first().organisation_id)
    with pytest.raises(DomainError, match="Bhutan Post"):
        services.change_project_status(officer2, project, "approve")
    services.endorse(other_country_focal_point, project, other_beneficiary_org.pk)
    project = services.change_project_status(officer2, project, "approve")
    assert project.status == ProjectStatus.APPROVED


def test_four_eyes_the_officer_who_sent_it_cannot_approve(project, officer, officer2, beneficiary):
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.get(role="beneficiary").organisation_id)
    with pytest.raises(NotAllowed, match="Four eyes"):
        services.change_project_status(officer, project, "approve")
    project = services.change_project_status(officer2, project, "approve")
    assert project.approved_by == officer2
    assert project.approved_on is not None


def test_approval_converts_the_origin_need_and_logs_it(project, officer, officer2, beneficiary):
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.get(role="beneficiary").organisation_id)
    services.change_project_status(officer2, project, "approve")
    need = project.origin_needs.get()
    assert need.status == NeedStatus.CONVERTED
    assert TransitionLog.objects.filter(object_id=need.pk, action="convert").exists()


def test_approval_needs_both_languages(project, officer, officer2, beneficiary):
    services.update_project(officer, project, {"summary_en": ""})
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.get(role="beneficiary").organisation_id)
    with pytest.raises(DomainError, match="every language"):
        services.change_project_status(officer2, project, "approve")


def test_a_budget_change_over_20_percent_asks_for_endorsement_again(project, officer, beneficiary):
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.get(role="beneficiary").organisation_id)
    services.update_project(officer, project, {"budget": Decimal("119000")})  # +19 %
    assert project.endorsements.filter(superseded=False).count() == 1
    services.update_project(officer, project, {"budget": Decimal("121000")})  # +21 %
    assert project.endorsements.filter(superseded=False).count() == 0


def test_a_new_beneficiary_or_theme_asks_for_endorsement_again(
    project, officer, beneficiary, other_beneficiary_org
):
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.get(role="beneficiary").organisation_id)
    services.add_partner(officer, project, other_beneficiary_org.pk, "beneficiary")
    assert not project.endorsements.filter(superseded=False).exists()


def test_cancel_needs_a_reason(project, officer):
    with pytest.raises(DomainError, match="comment"):
        services.change_project_status(officer, project, "cancel")
    project = services.change_project_status(officer, project, "cancel", "Funding withdrawn")
    assert project.cancel_reason == "Funding withdrawn"
    with pytest.raises(DomainError):
        services.update_project(officer, project, {"budget": Decimal("1")})


def test_closure_lists_what_is_missing_then_closes(project, officer, officer2, beneficiary):
    beneficiary_org_id = project.partners.get(role="beneficiary").organisation_id
    _pending(project, officer)
    services.endorse(beneficiary, project, beneficiary_org_id)
    services.change_project_status(officer2, project, "approve")
    services.change_project_status(officer, project, "start")
    with pytest.raises(DomainError, match="final report"):
        services.change_project_status(officer, project, "close")

    services.write_final_report(officer, project, "Done.")
    services.accept_results(beneficiary, project, beneficiary_org_id)
    Activity.objects.create(
        project=project, type="workshop", title="Workshop", status=ActivityStatus.COMPLETED
    )
    indicator = ResultIndicator.objects.create(
        project=project,
        level=ResultLevel.OUTPUT,
        name="Staff trained",
        unit="people",
        baseline=0,
        target=20,
    )
    with pytest.raises(DomainError, match="Staff trained"):
        services.change_project_status(officer, project, "close")
    ResultValue.objects.create(
        indicator=indicator,
        period_end=date(2026, 6, 30),
        actual=22,
        is_final=True,
        recorded_by=officer,
    )
    with pytest.raises(DomainError, match="lesson"):
        services.change_project_status(officer, project, "close")
    lesson = LessonLearned.objects.create(
        organisation=project.partners.get(role="beneficiary").organisation,
        title="Train trainers first",
        context="c",
        lesson="l",
    )
    project.lessons_learned.add(lesson)
    project = services.change_project_status(officer, project, "close")
    assert project.status == ProjectStatus.OPERATIONALLY_CLOSED


def test_the_approval_date_fixes_the_modality(project, officer, officer2, beneficiary):
    """Thailand reclassified North after approval: the approved project stays triangular."""
    _pending(project, officer)
    services.endorse(beneficiary, project, project.partners.get(role="beneficiary").organisation_id)
    project = services.change_project_status(officer2, project, "approve")
    project.approved_on = date(2025, 1, 1)
    project.save(update_fields=["approved_on"])
    classify(
        real_country("THA"),
        Scheme.NORTH_SOUTH,
        "north",
        valid_from=date(2026, 1, 1),
        is_override=True,
        reason="test",
    )
    project = services.update_project(officer, project, {"end_date": date(2027, 1, 1)})
    assert project.modality == "triangular"
