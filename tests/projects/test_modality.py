"""Rule R1, the modality of a project, on plain facts (no database)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from csst.projects.modality import Modality, PartnerFacts, Reason, Role, modality_of

B, P, F = Role.BENEFICIARY, Role.PIVOTAL, Role.FACILITATING


def south(name, country, role, committed=0):
    return PartnerFacts(name, role, country, True, Decimal(committed))


def north(name, country, role, committed=0):
    return PartnerFacts(name, role, country, False, Decimal(committed))


def international(name, role, committed=0):
    return PartnerFacts(name, role, None, None, Decimal(committed))


NEPAL = south("Nepal Post", "NPL", B)
BHUTAN = south("Bhutan Post", "BTN", B)
APPC = south("APPC", "THA", P)
JAPAN = north("Japan Post", "JPN", F, 50_000)


def test_two_south_countries_and_a_committing_north_facilitator_make_a_triangular_project():
    result = modality_of([NEPAL, APPC, JAPAN])
    assert result.modality == Modality.TRIANGULAR
    assert result.south_countries == ("NPL", "THA")
    assert result.facilitators == (JAPAN,)


def test_an_international_organisation_as_the_only_facilitator_is_enough():
    upu = international("UPU", F, 10_000)
    assert modality_of([NEPAL, APPC, upu]).modality == Modality.TRIANGULAR


def test_a_facilitator_that_commits_nothing_leaves_it_south_south_and_says_why():
    result = modality_of([NEPAL, APPC, north("Japan Post", "JPN", F, 0)])
    assert result.modality == Modality.SOUTH_SOUTH
    assert result.reason == Reason.SOUTH_SOUTH_FACILITATOR_COMMITS_NOTHING
    assert result.facilitators == ()


def test_two_organisations_of_the_same_south_country_are_not_south_south():
    nepal_provider = south("Nepal Telecom training centre", "NPL", P)
    result = modality_of([NEPAL, nepal_provider, JAPAN])
    assert result.modality == Modality.OTHER
    assert result.reason == Reason.ONE_SOUTH_COUNTRY


def test_a_southern_funder_as_facilitator_does_not_make_it_triangular():
    china = south("China Post", "CHN", F, 100_000)
    result = modality_of([NEPAL, APPC, china])
    assert result.modality == Modality.SOUTH_SOUTH
    assert result.reason == Reason.SOUTH_SOUTH_NO_FACILITATOR


def test_a_southern_fund_channelled_through_the_upu_is_triangular():
    upu_managing_china_fund = international("UPU (China special fund)", F, 100_000)
    assert modality_of([NEPAL, APPC, upu_managing_china_fund]).modality == Modality.TRIANGULAR


def test_a_country_that_became_north_on_the_approval_date_changes_the_answer():
    """The caller passes South status as of the approval date (R11): same partners, later facts."""
    thailand_north = north("APPC", "THA", P)
    assert modality_of([NEPAL, APPC, JAPAN]).modality == Modality.TRIANGULAR
    assert modality_of([NEPAL, thailand_north, JAPAN]).modality == Modality.NORTH_SOUTH


def test_north_providers_only_is_north_south():
    la_poste = north("La Poste", "FRA", P)
    assert modality_of([NEPAL, BHUTAN, la_poste]).modality == Modality.NORTH_SOUTH


def test_two_south_beneficiaries_without_a_south_provider_are_not_south_south():
    upu_expert = international("UPU", P)
    result = modality_of([NEPAL, BHUTAN, upu_expert, JAPAN])
    assert result.modality == Modality.OTHER
    assert result.reason == Reason.NO_SOUTH_PROVIDER


def test_without_beneficiary_or_provider_it_is_other():
    assert modality_of([APPC, JAPAN]).reason == Reason.NO_BENEFICIARY
    assert modality_of([NEPAL, JAPAN]).reason == Reason.NO_PROVIDER
    assert modality_of([]).modality == Modality.OTHER


def _partners(country, is_south):
    return st.builds(
        PartnerFacts,
        name=st.text(max_size=5),
        role=st.sampled_from(list(Role)),
        country=country,
        is_south=is_south,
        committed=st.decimals(min_value=0, max_value=10**6, places=2),
    )


# A partner of a country is South, North or unclassified; an international one has no status.
partners = _partners(
    st.sampled_from(["NPL", "BTN", "THA", "FJI", "JPN", "FRA"]),
    st.sampled_from([True, False, None]),
) | _partners(st.none(), st.none())
partner_lists = st.lists(partners, max_size=8)


@given(partner_lists)
def test_the_order_of_partners_never_matters(partners):
    assert modality_of(partners).modality == modality_of(list(reversed(partners))).modality


@given(partner_lists)
def test_triangular_always_has_two_south_countries_and_a_committing_facilitator(partners):
    result = modality_of(partners)
    if result.modality == Modality.TRIANGULAR:
        assert len(result.south_countries) >= 2
        assert all(f.committed > 0 and f.is_south is not True for f in result.facilitators)
        assert result.facilitators


@given(partner_lists)
def test_a_committing_north_facilitator_turns_south_south_into_triangular(partners):
    before = modality_of(partners)
    after = modality_of([*partners, JAPAN])
    if before.modality == Modality.SOUTH_SOUTH:
        assert after.modality == Modality.TRIANGULAR
    if before.modality != Modality.SOUTH_SOUTH:
        assert after.modality in (before.modality, Modality.TRIANGULAR)


@given(partner_lists)
def test_facilitators_that_commit_nothing_never_change_the_modality(partners):
    idle = north("Idle donor", "DEU", F, 0)
    assert modality_of([*partners, idle]).modality == modality_of(partners).modality
