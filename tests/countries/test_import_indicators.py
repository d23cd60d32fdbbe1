"""Importing indicator values from CSV: each problem reported by row and column; all or nothing."""

from datetime import date
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from csst.core.errors import InvalidInput, NotAllowed
from csst.countries.importing import ImportRejected
from csst.countries.models import Indicator, IndicatorValue
from csst.countries.services import import_indicator_values

GOOD = """\
indicator,country,date,value,source
2ipd,NPL,2024-12-31,31.5,UPU 2IPD 2024 report
2ipd-r1,NP,2024-12-31,28.25,UPU 2IPD 2024 report
2ipd,bgd,2024-12-31,27,UPU 2IPD 2024 report
"""


def csv_file(text: str) -> BytesIO:
    return BytesIO(text.encode("utf-8"))


def test_a_good_file_creates_values_by_iso3_or_iso2(country, officer):
    result = import_indicator_values(officer, csv_file(GOOD))
    assert (result.rows, result.created, result.updated, result.unchanged) == (3, 3, 0, 0)
    nepal = IndicatorValue.objects.get(indicator__code="2ipd", country=country("NPL"))
    assert (nepal.date, nepal.value, nepal.source) == (
        date(2024, 12, 31),
        Decimal("31.5"),
        "UPU 2IPD 2024 report",
    )
    assert (nepal.imported_by, nepal.is_illustrative) == (officer, False)
    assert IndicatorValue.objects.get(indicator__code="2ipd-r1").country == country("NPL")


def test_importing_again_updates_in_place(country):
    import_indicator_values(None, csv_file(GOOD))
    changed = GOOD.replace("31.5,UPU 2IPD 2024 report", "32.0,UPU 2IPD 2024 report (revised)")
    result = import_indicator_values(None, csv_file(changed))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    value = IndicatorValue.objects.get(indicator__code="2ipd", country=country("NPL"))
    assert (value.value, value.source) == (Decimal("32.0"), "UPU 2IPD 2024 report (revised)")
    assert IndicatorValue.objects.count() == 3


def test_a_new_indicator_is_created_when_named(country):
    text = (
        "indicator,country,date,value,source,indicator_name_en,indicator_name_fr,unit,illustrative\n"
        'post-offices,KEN,2023-12-31,"623",UPU postal statistics,Post offices,Bureaux de poste,'
        "count,no\n"
        "post-offices,TZA,2023-12-31,1000,UPU postal statistics,,,,yes\n"
    )
    result = import_indicator_values(None, csv_file(text))
    assert result.indicators_created == ("post-offices",)
    indicator = Indicator.objects.get(code="post-offices")
    assert (indicator.name_en, indicator.name_fr, indicator.unit_en) == (
        "Post offices",
        "Bureaux de poste",
        "count",
    )
    assert not indicator.is_predefined
    assert IndicatorValue.objects.get(country=country("TZA")).is_illustrative


def test_semicolons_and_decimal_commas_from_a_french_spreadsheet(country):
    text = "indicator;country;date;value;source\n2ipd;SEN;2024-12-31;24,8;Rapport 2IPD\n"
    import_indicator_values(None, csv_file(text))
    assert IndicatorValue.objects.get(country=country("SEN")).value == Decimal("24.8")


BAD = """\
indicator,country,date,value,source
2ipd,NPL,2024-31-12,31.5,UPU report
2ipd,NPL,2024-12-31,thirty,UPU report
2ipd,XYZ,2024-12-31,30,UPU report
2ipd,BGD,2024-12-31,130,UPU report
2ipd,BTN,2024-12-31,30,
mystery,BTN,2024-12-31,30,UPU report
2ipd,IND,2024-12-31,40,UPU report
2ipd,IN,2024-12-31,41,UPU report
2ipd,LKA,2024-12-31,35,UPU report
"""


def test_a_bad_file_lists_every_problem_with_row_and_column_and_saves_nothing(country):
    with translation.override("en"), pytest.raises(ImportRejected) as rejected:
        import_indicator_values(None, csv_file(BAD))
    assert [(e.row, e.column) for e in rejected.value.errors] == [
        (2, "date"),
        (3, "value"),
        (4, "country"),
        (5, "value"),
        (6, "source"),
        (7, "indicator"),
        (9, "date"),  # same indicator, country (IN = IND) and date as row 8
    ]
    assert IndicatorValue.objects.count() == 0
    assert not Indicator.objects.filter(code="mystery").exists()
    message = rejected.value.message
    assert "Row 5, column “value”: 130 is outside the scale of “2ipd” (0 to 100)." in message
    assert "Row 9, column “date”: Same indicator, country and date as row 8." in message


def test_the_problems_are_reported_in_french(country):
    with translation.override("fr"), pytest.raises(ImportRejected) as rejected:
        import_indicator_values(None, csv_file(BAD))
    assert "Ligne 2, colonne « date »" in rejected.value.message
    assert "« 2024-31-12 » n’est pas une date au format AAAA-MM-JJ." in rejected.value.message


def test_a_missing_column_is_reported_on_the_header_row(country):
    with pytest.raises(ImportRejected) as rejected:
        import_indicator_values(
            None, csv_file("indicator,country,date,value\n2ipd,NPL,2024-12-31,3\n")
        )
    assert [(e.row, e.column) for e in rejected.value.errors] == [(1, "source")]


@pytest.mark.parametrize(
    "content", [b"", b"indicator,country,date,value,source\n", b"\xff\xfe\x00bad"]
)
def test_empty_or_unreadable_files_are_refused(country, content):
    with pytest.raises(InvalidInput):
        import_indicator_values(None, BytesIO(content))


def test_only_bureau_officers_import(country, beneficiary):
    with pytest.raises(NotAllowed):
        import_indicator_values(beneficiary, csv_file(GOOD))
    assert IndicatorValue.objects.count() == 0


def test_the_command_imports_and_reports_errors(country, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = StringIO()
    with translation.override("en"):
        call_command("import_indicators", str(good), stdout=out)
    assert "Rows: 3; created: 3; updated: 0; unchanged: 0." in out.getvalue()

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    with translation.override("en"), pytest.raises(CommandError) as failure:
        call_command("import_indicators", str(bad))
    assert "Row 4, column “country”: Unknown country code “XYZ”." in str(failure.value)
    assert IndicatorValue.objects.count() == 3
