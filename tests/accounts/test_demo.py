import pytest
from django.core.management.base import CommandError

from csst.accounts import demo
from csst.accounts.models import Membership, Role, User
from csst.accounts.permissions import roles_of
from csst.organisations import demo as organisations_demo
from csst.organisations.models import Organisation, OrganisationType
from tests.factories import real_country

EXPECTED_ROLES = {
    "officer": {Role.BUREAU_OFFICER},
    "officer2": {Role.BUREAU_OFFICER},
    "finance": {Role.FINANCE_OFFICER},
    "beneficiary": {Role.BENEFICIARY_FOCAL_POINT},
    "authority": {Role.BENEFICIARY_AUTHORITY},
    "provider": {Role.PROVIDER_FOCAL_POINT},
    "donor": {Role.DONOR},
    "outsider": set(),
}


def load() -> tuple[str, list[str]]:
    lines: list[str] = []
    return demo.load(lines.append), lines


@pytest.fixture
def demo_organisations(db):
    """The accounts demo runs after the organisations demo, which needs the countries."""
    for iso3 in organisations_demo.countries_needed():
        real_country(iso3)
    organisations_demo.load(lambda message: None)


@pytest.fixture
def loaded(demo_organisations):
    return load()


def test_every_persona_exists_with_its_role(loaded):
    for username, roles in EXPECTED_ROLES.items():
        user = User.objects.get(username=username)
        assert roles_of(user) == roles, username
        assert user.check_password("demo"), username
        assert user.email == f"{username}@example.org"
        assert user.get_full_name()


def test_personas_act_for_the_right_organisations(loaded):
    def organisation_of(username):
        return Membership.objects.get(user__username=username).organisation

    assert organisation_of("officer").type == OrganisationType.INTERNATIONAL_BUREAU
    assert organisation_of("officer").country is None
    assert organisation_of("beneficiary").country.iso3 == "NPL"
    assert organisation_of("authority") == organisation_of("beneficiary")
    assert organisation_of("provider").acronym == "APPC"
    assert organisation_of("provider").country.iso3 == "THA"
    assert organisation_of("donor").name_fr == "Groupe La Poste"
    assert organisation_of("donor").name_en == "La Poste Group"


def test_only_bureau_people_are_staff(loaded):
    staff = set(User.objects.filter(is_staff=True).values_list("username", flat=True))
    assert staff == {"officer", "officer2", "finance"}
    assert not User.objects.filter(is_superuser=True).exists()


def test_bureau_officers_group_can_maintain_portal_organisations_and_memberships(loaded):
    officer = User.objects.get(username="officer")
    assert officer.has_perm("organisations.change_organisation")
    assert officer.has_perm("accounts.change_membership")
    assert officer.has_perm("accounts.view_membership")
    assert not officer.has_perm("accounts.delete_membership")
    assert not officer.has_perm("accounts.change_user")
    assert not User.objects.get(username="beneficiary").has_perm("organisations.view_organisation")
    assert set(
        User.objects.filter(groups__name=demo.BUREAU_GROUP).values_list("username", flat=True)
    ) == {"officer", "officer2", "finance"}


def test_load_prints_the_demo_users_with_their_password(loaded):
    summary, lines = loaded
    assert "\n" not in summary
    assert summary.startswith("accounts:")
    table = "\n".join(lines)
    for username in EXPECTED_ROLES:
        assert username in table
    assert "bureau_officer" in table and "Nepal Postal Services" in table and "demo" in table


def test_second_run_creates_no_duplicates(loaded):
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    summary, _lines = load()
    assert (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert "(0 new)" in summary


def test_second_run_neither_resets_passwords_nor_undoes_edits(loaded):
    officer = User.objects.get(username="officer")
    officer.set_password("changed-by-the-officer")
    officer.first_name = "Renamed"
    officer.save()
    bureau = Organisation.objects.get(acronym="APPC")
    bureau.name_en = "APPC (edited)"
    bureau.save()

    load()

    officer.refresh_from_db()
    assert officer.check_password("changed-by-the-officer")
    assert officer.first_name == "Renamed"
    assert Organisation.objects.get(acronym="APPC").name_en == "APPC (edited)"


def test_personas_act_for_the_organisations_of_the_organisations_demo(loaded):
    beneficiary = Membership.objects.get(user__username="beneficiary")
    assert beneficiary.organisation == organisations_demo.organisation("nepal_post")
    assert demo.organisation("nepal_post") == beneficiary.organisation
    assert Organisation.objects.filter(country__iso3="NPL").count() == 1


def test_without_the_demo_organisations_the_loader_says_what_to_load_first(db):
    with pytest.raises(CommandError, match="csst.organisations.demo"):
        load()
    assert not User.objects.exists()
