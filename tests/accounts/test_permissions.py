from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from csst.accounts import permissions as perms
from csst.accounts.models import Role
from tests.factories import MembershipFactory, UserFactory


def test_focal_point_holds_their_role(beneficiary):
    assert perms.roles_of(beneficiary) == {Role.BENEFICIARY_FOCAL_POINT}


def test_focal_point_acts_for_their_organisation(beneficiary, beneficiary_org):
    assert perms.organisations_of(beneficiary) == {beneficiary_org.pk}
    assert perms.organisations_of(beneficiary, role=Role.BENEFICIARY_FOCAL_POINT) == {
        beneficiary_org.pk
    }
    assert perms.organisations_of(beneficiary, role=Role.BENEFICIARY_AUTHORITY) == set()


def test_membership_that_ended_yesterday_gives_no_role(beneficiary_org):
    today = timezone.localdate()
    user = UserFactory(username="former")
    MembershipFactory(
        user=user,
        organisation=beneficiary_org,
        role=Role.BENEFICIARY_FOCAL_POINT,
        valid_from=today - timedelta(days=365),
        valid_to=today - timedelta(days=1),
    )
    assert perms.roles_of(user) == set()
    assert perms.organisations_of(user) == set()
    assert not perms.has_any_role(user)


def test_membership_ending_today_still_counts_today(beneficiary_org):
    today = timezone.localdate()
    user = UserFactory(username="leaving")
    MembershipFactory(
        user=user,
        organisation=beneficiary_org,
        valid_from=today - timedelta(days=30),
        valid_to=today,
    )
    assert perms.roles_of(user) == {Role.BENEFICIARY_FOCAL_POINT}


def test_membership_starting_tomorrow_gives_the_role_only_from_tomorrow(beneficiary_org):
    tomorrow = timezone.localdate() + timedelta(days=1)
    user = UserFactory(username="newcomer")
    MembershipFactory(user=user, organisation=beneficiary_org, valid_from=tomorrow)
    assert perms.roles_of(user) == set()
    assert perms.roles_of(user, day=tomorrow) == {Role.BENEFICIARY_FOCAL_POINT}
    assert perms.organisations_of(user, day=tomorrow) == {beneficiary_org.pk}


def test_a_person_can_hold_roles_in_several_organisations(beneficiary, provider_org):
    MembershipFactory(user=beneficiary, organisation=provider_org, role=Role.PROVIDER_FOCAL_POINT)
    assert perms.roles_of(beneficiary, day=timezone.localdate()) == {
        Role.BENEFICIARY_FOCAL_POINT,
        Role.PROVIDER_FOCAL_POINT,
    }
    assert len(perms.organisations_of(beneficiary)) == 2


def test_outsider_has_no_role(outsider):
    assert perms.roles_of(outsider) == set()
    assert perms.organisations_of(outsider) == set()
    assert not perms.has_any_role(outsider)


def test_anonymous_visitor_has_no_role(db):
    anonymous = AnonymousUser()
    assert perms.roles_of(anonymous) == set()
    assert perms.organisations_of(anonymous) == set()
    assert not perms.has_any_role(anonymous)
    assert not perms.is_bureau_staff(anonymous)


@pytest.mark.parametrize(
    ("persona", "predicate"),
    [
        ("beneficiary", "is_beneficiary_focal_point"),
        ("authority", "is_beneficiary_authority"),
        ("provider", "is_provider_focal_point"),
        ("donor", "is_donor"),
        ("officer", "is_bureau_officer"),
        ("finance", "is_finance_officer"),
    ],
)
def test_each_persona_has_its_role_and_any_role(request, persona, predicate):
    user = request.getfixturevalue(persona)
    assert getattr(perms, predicate)(user)
    assert perms.has_any_role(user)


def test_beneficiary_is_not_bureau_staff_but_officers_are(beneficiary, officer, finance):
    assert not perms.is_bureau_staff(beneficiary)
    assert perms.is_bureau_staff(officer)
    assert perms.is_bureau_staff(finance)


def test_superuser_counts_as_administrator(db):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert perms.is_administrator(admin)
    assert perms.is_bureau_staff(admin)
