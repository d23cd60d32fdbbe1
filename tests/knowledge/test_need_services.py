import pytest
from django.utils import translation

from csst.core.errors import DomainError, InvalidInput, NotAllowed
from csst.core.models import TransitionLog
from csst.knowledge.models import Need, NeedStatus
from csst.knowledge.needs.services import change_need_status, create_need, update_need

from .factories import NeedFactory, SdgTargetFactory, ThemeFactory


@pytest.fixture(autouse=True)
def english():
    """Refusal messages are asserted in English; the site's default language is French."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


def need_in(beneficiary_org, status, **fields):
    return NeedFactory(organisation=beneficiary_org, aligned=True, status=status, **fields)


# --- Creation and edition ---------------------------------------------------------------------


def test_a_focal_point_creates_a_draft_for_its_own_organisation(beneficiary, beneficiary_org):
    theme, target = ThemeFactory(code="drm"), SdgTargetFactory(code="11.5")
    need = create_need(
        beneficiary,
        {
            "title": "Earthquake plan",
            "problem": "No continuity plan.",
            "themes": ["drm"],
            "sdg_targets": [target],
            "preferred_modalities": ["expert_mission"],
            "languages": ["en"],
        },
    )
    assert need.status == NeedStatus.DRAFT
    assert need.organisation == beneficiary_org and need.country == beneficiary_org.country
    assert list(need.themes.all()) == [theme] and list(need.sdg_targets.all()) == [target]
    assert need.created_by == beneficiary


@pytest.mark.parametrize("persona", ["authority", "officer", "donor", "provider", "outsider"])
def test_only_a_beneficiary_focal_point_may_create_a_need(persona, request):
    with pytest.raises(NotAllowed):
        create_need(request.getfixturevalue(persona), {"title": "x", "problem": "y"})
    assert not Need.objects.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"title": "", "problem": "y"}, "title"),
        ({"title": "x", "problem": "y", "themes": ["nope"]}, "Themes"),
        ({"title": "x", "problem": "y", "sdg_targets": ["99.z"]}, "SDG targets"),
        ({"title": "x", "problem": "y", "preferred_modalities": ["magic"]}, "modalities"),
        ({"title": "x", "problem": "y", "languages": ["xx"]}, "languages"),
        ({"title": "x", "problem": "y", "colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field_and_creates_nothing(beneficiary, data, field):
    with translation.override("en"), pytest.raises(InvalidInput) as error:
        create_need(beneficiary, data)
    assert field.lower() in error.value.message.lower()
    assert not Need.objects.exists()


def test_a_focal_point_of_several_organisations_must_choose_one_of_its_own(
    beneficiary, other_beneficiary_org, beneficiary_org
):
    from tests.factories import MembershipFactory

    MembershipFactory(user=beneficiary, organisation=other_beneficiary_org)
    with pytest.raises(InvalidInput):
        create_need(beneficiary, {"title": "x", "problem": "y"})
    need = create_need(
        beneficiary, {"title": "x", "problem": "y", "organisation_id": other_beneficiary_org.pk}
    )
    assert need.organisation == other_beneficiary_org


def test_a_focal_point_cannot_create_for_another_organisation(beneficiary, other_beneficiary_org):
    with pytest.raises(NotAllowed):
        create_need(
            beneficiary,
            {"title": "x", "problem": "y", "organisation_id": other_beneficiary_org.pk},
        )


def test_only_drafts_and_returned_needs_are_edited_by_their_focal_point(
    beneficiary, other_country_focal_point, beneficiary_org
):
    need = need_in(beneficiary_org, NeedStatus.DRAFT)
    update_need(beneficiary, need, {"title": "Better title"})
    assert Need.objects.get().title == "Better title"
    with pytest.raises(NotAllowed):
        update_need(other_country_focal_point, need, {"title": "Hijacked"})
    Need.objects.update(status=NeedStatus.SUBMITTED)
    with pytest.raises(DomainError):
        update_need(beneficiary, need, {"title": "Late change"})
    assert Need.objects.get().title == "Better title"


# --- Lifecycle ----------------------------------------------------------------------------------


def test_the_whole_lifecycle_is_logged_with_its_actors(
    beneficiary, authority, officer, beneficiary_org
):
    need = need_in(beneficiary_org, NeedStatus.DRAFT)
    change_need_status(beneficiary, need, "submit")
    change_need_status(authority, need, "endorse")
    change_need_status(officer, need, "return", "Please name the national plan's axis.")
    change_need_status(beneficiary, need, "revise")
    change_need_status(beneficiary, need, "submit")
    change_need_status(authority, need, "endorse")
    change_need_status(officer, need, "open")
    change_need_status(officer, need, "close", "No provider found in two years.")
    need.refresh_from_db()
    assert need.status == NeedStatus.CLOSED_UNMET
    assert need.screening_comment == "No provider found in two years."
    logs = list(TransitionLog.objects.order_by("pk"))
    assert [(log.action, log.actor.username) for log in logs] == [
        ("submit", "beneficiary"),
        ("endorse", "authority"),
        ("return", "officer"),
        ("revise", "beneficiary"),
        ("submit", "beneficiary"),
        ("endorse", "authority"),
        ("open", "officer"),
        ("close", "officer"),
    ]
    assert (logs[2].from_status, logs[2].to_status) == ("endorsed", "returned")


@pytest.mark.parametrize(
    "persona",
    ["officer", "officer2", "donor", "provider", "other_country_focal_point", "beneficiary"],
)
def test_nobody_but_the_beneficiary_authority_endorses(persona, request, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.SUBMITTED)
    with pytest.raises(NotAllowed) as error:
        change_need_status(request.getfixturevalue(persona), need, "endorse")
    assert "nothing for me without me" in error.value.message
    need.refresh_from_db()
    assert need.status == NeedStatus.SUBMITTED
    assert not TransitionLog.objects.exists()


def test_the_beneficiary_authority_endorses(authority, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.SUBMITTED)
    assert change_need_status(authority, need, "endorse").status == NeedStatus.ENDORSED


def test_the_authority_of_another_organisation_cannot_endorse(
    beneficiary_org, other_beneficiary_org
):
    from csst.accounts.models import Role
    from tests.factories import person

    other_head = person("other_head", Role.BENEFICIARY_AUTHORITY, other_beneficiary_org)
    need = need_in(beneficiary_org, NeedStatus.SUBMITTED)
    with pytest.raises(NotAllowed):
        change_need_status(other_head, need, "endorse")


@pytest.mark.parametrize(
    "missing, expected",
    [
        ("themes", "theme"),
        ("sdg_targets", "SDG target"),
        ("national_priority_reference", "national priority reference"),
    ],
)
def test_submission_needs_alignment_and_names_what_is_missing(
    beneficiary, beneficiary_org, missing, expected
):
    need = need_in(beneficiary_org, NeedStatus.DRAFT)
    if missing == "national_priority_reference":
        Need.objects.filter(pk=need.pk).update(national_priority_reference=" ")
    else:
        getattr(need, missing).clear()
    with pytest.raises(DomainError) as error:
        change_need_status(beneficiary, need, "submit")
    assert expected in error.value.message
    assert Need.objects.get().status == NeedStatus.DRAFT
    assert not TransitionLog.objects.exists()


def test_a_bare_draft_names_all_three_missing_elements(beneficiary, beneficiary_org):
    need = NeedFactory(organisation=beneficiary_org)
    with pytest.raises(DomainError) as error:
        change_need_status(beneficiary, need, "submit")
    for expected in ("theme", "SDG target", "national priority reference"):
        assert expected in error.value.message


@pytest.mark.parametrize("persona", ["authority", "officer", "other_country_focal_point"])
def test_only_the_own_focal_point_submits(persona, request, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.DRAFT)
    with pytest.raises(NotAllowed):
        change_need_status(request.getfixturevalue(persona), need, "submit")


@pytest.mark.parametrize("action", ["return", "close"])
def test_return_and_close_need_a_comment(officer, beneficiary_org, action):
    status = NeedStatus.ENDORSED if action == "return" else NeedStatus.OPEN
    need = need_in(beneficiary_org, status)
    with pytest.raises(DomainError) as error:
        change_need_status(officer, need, action, "   ")
    assert "comment" in error.value.message
    assert Need.objects.get().status == status


@pytest.mark.parametrize(
    "persona", ["beneficiary", "authority", "donor", "other_country_focal_point"]
)
def test_only_a_bureau_officer_screens(persona, request, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.ENDORSED)
    with pytest.raises(NotAllowed):
        change_need_status(request.getfixturevalue(persona), need, "open")


@pytest.mark.parametrize("persona", ["beneficiary", "authority"])
def test_the_beneficiarys_own_people_withdraw(persona, request, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.OPEN)
    change_need_status(request.getfixturevalue(persona), need, "withdraw")
    assert Need.objects.get().status == NeedStatus.WITHDRAWN


@pytest.mark.parametrize(
    "persona", ["officer", "donor", "provider", "other_country_focal_point", "outsider"]
)
def test_nobody_else_withdraws_a_need(persona, request, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.OPEN)
    with pytest.raises(NotAllowed):
        change_need_status(request.getfixturevalue(persona), need, "withdraw")
    assert Need.objects.get().status == NeedStatus.OPEN


@pytest.mark.parametrize(
    "status", [NeedStatus.CONVERTED, NeedStatus.WITHDRAWN, NeedStatus.CLOSED_UNMET]
)
def test_final_states_cannot_be_withdrawn(beneficiary, beneficiary_org, status):
    need = need_in(beneficiary_org, status)
    with pytest.raises(DomainError):
        change_need_status(beneficiary, need, "withdraw")
    assert Need.objects.get().status == status


def test_an_unknown_action_or_a_wrong_state_is_refused(beneficiary, beneficiary_org):
    need = need_in(beneficiary_org, NeedStatus.DRAFT)
    with pytest.raises(DomainError):
        change_need_status(beneficiary, need, "approve")
    with pytest.raises(DomainError):
        change_need_status(beneficiary, need, "revise")


def test_a_need_must_come_from_an_organisation_of_a_country(bureau):
    from csst.accounts.models import Role
    from tests.factories import person

    stateless = person("io_focal_point", Role.BENEFICIARY_FOCAL_POINT, bureau)
    with pytest.raises(InvalidInput):
        create_need(stateless, {"title": "x", "problem": "y"})
    assert not Need.objects.exists()
