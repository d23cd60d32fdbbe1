"""The demo organisations: real names, found by country code, loaded once whatever the runs."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from csst.accounts.models import User
from csst.countries.models import Country
from csst.organisations import demo
from csst.organisations.models import Organisation, OrganisationType
from tests.factories import real_country


def load() -> tuple[str, list[str]]:
    lines: list[str] = []
    return demo.load(lines.append), lines


@pytest.fixture
def countries(db):
    return [real_country(iso3) for iso3 in demo.countries_needed()]


def test_the_demo_loads_the_organisations_named_in_the_domain(countries):
    summary, _lines = load()
    assert summary == f"organisations: {len(demo.ORGANISATIONS)} organisations " + (
        f"({len(demo.ORGANISATIONS)} new)"
    )
    bureau = demo.organisation("bureau")
    assert bureau.type == OrganisationType.INTERNATIONAL_BUREAU and bureau.country is None
    assert bureau.iati_identifier == "XM-DAC-41306"
    assert demo.organisation("appc").country.iso3 == "THA"
    assert demo.organisation("korea_post").country.iso3 == "KOR"
    assert demo.organisation("la_poste").name_fr == "Groupe La Poste"
    assert demo.organisation("japan_mic").type == OrganisationType.MINISTRY
    assert demo.organisation("china_spb").type == OrganisationType.REGULATOR
    assert demo.organisation("unicef").country is None
    assert demo.organisation("otif").acronym == "OTIF"
    assert demo.organisation("appu").type == OrganisationType.RESTRICTED_UNION
    assert demo.organisation("nepal_post").name_en == "Nepal Postal Services"
    assert demo.organisation("post_fiji").country.iso3 == "FJI"


def test_every_demo_organisation_passes_the_registry_rules(countries):
    load()
    for organisation in Organisation.objects.all():
        organisation.full_clean()


def test_a_second_run_creates_no_duplicates_and_keeps_edits(countries):
    load()
    count = Organisation.objects.count()
    appc = demo.organisation("appc")
    appc.name_en = "APPC (edited)"
    appc.save()

    summary, _lines = load()

    assert Organisation.objects.count() == count
    assert "(0 new)" in summary
    appc.refresh_from_db()
    assert appc.name_en == "APPC (edited)"


def test_without_the_countries_the_demo_says_to_load_the_reference_data(db):
    real_country("NPL")
    with pytest.raises(CommandError, match="run `csst load_reference_data` first") as refusal:
        load()
    assert "KOR" in str(refusal.value) and "NPL" not in str(refusal.value)
    assert not Organisation.objects.exists()
    assert Country.objects.count() == 1  # no country is invented


def test_load_demo_runs_the_organisations_before_the_personas(countries):
    call_command("load_demo", stdout=io.StringIO())
    beneficiary = User.objects.get(username="beneficiary").memberships.get()
    assert beneficiary.organisation == demo.organisation("nepal_post")
    assert Organisation.objects.count() == len(demo.ORGANISATIONS)


def test_demo_organisations_without_countries_fail_and_leave_nothing_behind(db):
    with pytest.raises(CommandError, match="load_reference_data"):
        load()
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


def test_load_demo_on_an_empty_database_loads_the_countries_first(db):
    call_command("load_demo", stdout=io.StringIO())
    assert Organisation.objects.filter(country__iso3="NPL").exists()


def test_an_organisation_that_already_exists_is_reused(countries):
    nepal = Country.objects.get(iso3="NPL")
    existing = Organisation.objects.create(
        name_fr="Nepal Postal Services",
        name_en="Nepal Postal Services",
        type=OrganisationType.DESIGNATED_OPERATOR,
        country=nepal,
        acronym="NPS",
    )
    load()
    assert demo.organisation("nepal_post") == existing
    assert Organisation.objects.filter(country=nepal).count() == 1
    existing.refresh_from_db()
    assert existing.acronym == "NPS"
