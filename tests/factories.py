"""Factories shared by every app's tests."""

import factory

from csst.accounts.models import Membership, Role, User
from csst.organisations.models import Organisation, OrganisationType


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fr = factory.Sequence(lambda n: f"Organisation {n}")
    name_en = factory.SelfAttribute("name_fr")
    type = OrganisationType.DESIGNATED_OPERATOR
    country_iso3 = "NPL"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.BENEFICIARY_FOCAL_POINT


def person(username: str, role: str | None, organisation=None, **user_fields) -> User:
    user = UserFactory(username=username, **user_fields)
    if role:
        MembershipFactory(user=user, role=role, organisation=organisation or OrganisationFactory())
    return user
