"""Illustrative 2IPD demo values: labelled, reproducible, around the public regional averages."""

from datetime import date
from statistics import mean

from csst.countries import demo
from csst.countries.models import Country, IndicatorValue


def test_every_upu_member_gets_illustrative_values_once(country):
    summary = demo.load(lambda line: None)
    members = Country.objects.filter(upu_member=True).count()
    assert IndicatorValue.objects.count() == members * 5 * 6  # 2IPD + 4 pillars, 2019-2024
    assert "created" in summary
    assert not IndicatorValue.objects.filter(is_illustrative=False).exists()
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {demo.SOURCE}

    again = demo.load(lambda line: None)
    assert again.startswith("illustrative 2IPD values: 0 created")


def test_values_are_reproducible_and_within_the_scale(country):
    assert demo.generate("NPL", "asia_pacific") == demo.generate("NPL", "asia_pacific")
    values = demo.generate("FRA", "industrialised").values()
    assert all(0 <= value <= 100 for value in values)


def test_group_averages_are_near_the_public_2019_figures(country):
    demo.load(lambda line: None)
    scores = IndicatorValue.objects.filter(indicator__code="2ipd", date=date(2019, 12, 31))
    by_iso3 = dict(scores.values_list("country__iso3", "value"))
    industrialised = [by_iso3[iso3] for iso3 in ("FRA", "DEU", "JPN", "USA", "CHE", "AUS")]
    africa = [by_iso3[iso3] for iso3 in ("KEN", "SEN", "NGA", "GHA", "CMR", "MDG")]
    assert mean(industrialised) > mean(africa) + 25


def test_the_group_mapping_uses_north_south_and_un_regions(country):
    assert demo.group_of("north", "150", "155", ["fr-FR"]) == "industrialised"
    assert demo.group_of("north", "150", "151", ["ru"]) == "eastern_europe_cis"
    assert demo.group_of("south", "142", "143", ["kk"]) == "eastern_europe_cis"
    assert demo.group_of("south", "142", "145", ["hy"]) == "eastern_europe_cis"
    assert demo.group_of("south", "002", "015", ["ar-EG", "en"]) == "arab"
    assert demo.group_of("south", "019", "419", ["es-MX"]) == "latin_america"
    assert demo.group_of("south", "002", "202", ["en-KE", "sw"]) == "africa"
    assert demo.group_of("south", "009", "054", ["en-FJ"]) == "asia_pacific"
    assert demo.group_of(None, None, None, []) is None


def test_an_imported_value_is_never_overwritten(country):
    nepal = country("NPL")
    from csst.countries.models import Indicator

    real = IndicatorValue.objects.create(
        indicator=Indicator.objects.get(code="2ipd"),
        country=nepal,
        date=date(2019, 12, 31),
        value=42,
        source="UPU 2IPD 2019",
    )
    demo.load(lambda line: None)
    real.refresh_from_db()
    assert (real.value, real.is_illustrative) == (42, False)
