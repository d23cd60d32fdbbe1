"""Factories shared by every app's tests."""

from datetime import date

import factory

from csst.accounts.models import Membership, Role, User
from csst.countries.models import Country, CountryClassification, Region
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


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("m49",)

    m49 = "142"
    name_fr = "Asie"
    name_en = "Asia"
    level = Region.Level.REGION


class CountryFactory(factory.django.DjangoModelFactory):
    """A country; pass iso3/iso2/m49 and names. Classifications are added with `classify`."""

    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    iso3 = factory.Sequence(lambda n: f"X{n:02d}"[:3])
    iso2 = factory.Sequence(lambda n: f"{n:02d}"[-2:])
    m49 = factory.Sequence(lambda n: f"{900 - n:03d}")
    name_fr = factory.LazyAttribute(lambda c: f"Pays {c.iso3}")
    name_en = factory.LazyAttribute(lambda c: f"Country {c.iso3}")
    region = factory.SubFactory(RegionFactory)
    upu_member = True


def classify(
    country,
    scheme: str,
    value: str,
    valid_from=date(2000, 1, 1),
    valid_to=None,
    source="test data",
    **extra,
) -> CountryClassification:
    return CountryClassification.objects.create(
        country=country,
        scheme=scheme,
        value=value,
        valid_from=valid_from,
        valid_to=valid_to,
        source=source,
        **extra,
    )
