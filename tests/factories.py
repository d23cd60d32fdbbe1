"""Factories shared by every app's tests."""

from datetime import date

import factory

from csst.accounts.models import Membership, Role, User
from csst.countries.models import Country, CountryClassification, Region
from csst.organisations.models import STATELESS_TYPES, Organisation, OrganisationType


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("m49",)

    m49 = "142"
    name_fr = "Asie"
    name_en = "Asia"
    level = Region.Level.REGION


def _base36(n: int, width: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "".join(digits[n // 36**i % 36] for i in reversed(range(width)))


class CountryFactory(factory.django.DjangoModelFactory):
    """A country; pass iso3/iso2/m49 and names. Classifications are added with `classify`."""

    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    # Made-up codes that fit their columns, differ within any test (360 in a row) and never equal
    # a real code: each holds a digit, which real ISO codes never do; real M49 codes are all digits.
    iso3 = factory.Sequence(lambda n: "Q" + str(n // 36 % 10) + _base36(n, 1))
    iso2 = factory.Sequence(lambda n: str(n // 36 % 10) + _base36(n, 1))
    m49 = factory.Sequence(lambda n: "Z" + _base36(n, 2))
    name_fr = factory.LazyAttribute(lambda c: f"Pays {c.iso3}")
    name_en = factory.LazyAttribute(lambda c: f"Country {c.iso3}")
    region = factory.SubFactory(RegionFactory)
    upu_member = True


# Real codes and names (UN M49) of the countries the personas and the demo data use:
# iso3 -> (iso2, m49, French name, English name, M49 region).
REAL_COUNTRIES = {
    "NPL": ("NP", "524", "Népal", "Nepal", "142"),
    "BTN": ("BT", "064", "Bhoutan", "Bhutan", "142"),
    "THA": ("TH", "764", "Thaïlande", "Thailand", "142"),
    "FRA": ("FR", "250", "France", "France", "150"),
    "KOR": ("KR", "410", "République de Corée", "Republic of Korea", "142"),
    "JPN": ("JP", "392", "Japon", "Japan", "142"),
    "CHN": ("CN", "156", "Chine", "China", "142"),
    "BGD": ("BD", "050", "Bangladesh", "Bangladesh", "142"),
    "KHM": ("KH", "116", "Cambodge", "Cambodia", "142"),
    "MDV": ("MV", "462", "Maldives", "Maldives", "142"),
    "PNG": ("PG", "598", "Papouasie-Nouvelle-Guinée", "Papua New Guinea", "009"),
    "FJI": ("FJ", "242", "Fidji", "Fiji", "009"),
    "WSM": ("WS", "882", "Samoa", "Samoa", "009"),
    "TON": ("TO", "776", "Tonga", "Tonga", "009"),
    "VUT": ("VU", "548", "Vanuatu", "Vanuatu", "009"),
}
_REGIONS = {"142": ("Asie", "Asia"), "150": ("Europe", "Europe"), "009": ("Océanie", "Oceania")}


def real_country(iso3: str) -> Country:
    """The country with its real codes and names (created once; see REAL_COUNTRIES)."""
    iso2, m49, name_fr, name_en, region = REAL_COUNTRIES[iso3]
    region_fr, region_en = _REGIONS[region]
    return CountryFactory(
        iso3=iso3,
        iso2=iso2,
        m49=m49,
        name_fr=name_fr,
        name_en=name_en,
        region=RegionFactory(m49=region, name_fr=region_fr, name_en=region_en),
    )


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation; national types get a new country, the others (IOs, the Bureau,
    restricted unions) none. Pass `country=` to choose it."""

    class Meta:
        model = Organisation

    name_fr = factory.Sequence(lambda n: f"Organisation {n}")
    name_en = factory.SelfAttribute("name_fr")
    type = OrganisationType.DESIGNATED_OPERATOR
    country = factory.Maybe(
        factory.LazyAttribute(lambda o: o.type in STATELESS_TYPES),
        yes_declaration=None,
        no_declaration=factory.SubFactory(CountryFactory),
    )


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
