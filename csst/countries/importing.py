"""Reading and checking an indicator-values CSV (used by `services.import_indicator_values`).

Columns: `indicator,country,date,value,source`, optionally `indicator_name_en,indicator_name_fr,
unit,illustrative`. Every row is checked before anything is written; the problems are reported
with their row number (the header is row 1, as in a spreadsheet) and their column name.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from csst.core.errors import InvalidInput

REQUIRED_COLUMNS = ("indicator", "country", "date", "value", "source")
OPTIONAL_COLUMNS = ("indicator_name_en", "indicator_name_fr", "unit", "illustrative")
MAX_ROWS = 100_000
MAX_ERRORS_SHOWN = 200
FOUR_PLACES = Decimal("0.0001")
LARGEST = Decimal("1e10")  # IndicatorValue.value: 14 digits, 4 after the point
CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TRUE_WORDS = {"1", "true", "yes", "y", "oui", "o", "x", "vrai"}
FALSE_WORDS = {"", "0", "false", "no", "n", "non", "faux"}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)d, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(InvalidInput):
    """The file has problems; nothing was saved. `errors` lists each one."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        lines = [str(error) for error in errors[:MAX_ERRORS_SHOWN]]
        if len(errors) > MAX_ERRORS_SHOWN:
            lines.append(_("… and %(count)d more.") % {"count": len(errors) - MAX_ERRORS_SHOWN})
        header = _("The file was not imported; nothing was changed. Problems found: %(count)d.")
        super().__init__("\n".join([header % {"count": len(errors)}, *lines]))


@dataclass(frozen=True)
class ParsedRow:
    row: int
    indicator: str  # code
    country_id: int
    date: date
    value: Decimal
    source: str
    is_illustrative: bool


@dataclass
class NewIndicator:
    code: str
    name_en: str
    name_fr: str
    unit: str
    row: int


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    new_indicators: dict[str, NewIndicator] = field(default_factory=dict)


def read_text(file_like) -> str:
    data = file_like.read() if hasattr(file_like, "read") else file_like
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(_("The file must be a CSV file encoded in UTF-8.")) from exc
    return data.lstrip("\ufeff")


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _decimal(text: str) -> Decimal | None:
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # decimal comma (French spreadsheets)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _plain(number: Decimal) -> str:
    """100.0000 -> '100', 0.5000 -> '0.5' (never in exponent form)."""
    return format(number.normalize(), "f")


def parse(text: str, indicators: dict, countries: dict[str, int]) -> ParsedFile:
    """Check every row. `indicators`: {code: Indicator}; `countries`: {ISO3 or ISO2: id}.

    Raises ImportRejected listing every problem; returns the parsed rows when there is none.
    """
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput(_("The file is empty.")) from None
    columns = [name.strip().lower() for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportRejected(
            [RowError(1, name, _("This required column is missing.")) for name in missing]
        )
    position = {
        name: columns.index(name) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS if name in columns
    }

    errors: list[RowError] = []
    parsed = ParsedFile()
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise InvalidInput(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
        if not any(cell.strip() for cell in cells):
            continue  # blank line

        def cell(name: str, cells=cells) -> str:
            index = position.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        row_errors: list[RowError] = []

        def problem(column: str, message: str, number=number, row_errors=row_errors) -> None:
            row_errors.append(RowError(number, column, message))

        # indicator
        code = cell("indicator").lower()
        scale = None
        if not code:
            problem("indicator", _("The indicator code is required."))
        elif code in indicators:
            indicator = indicators[code]
            scale = (indicator.scale_min, indicator.scale_max)
        elif code in parsed.new_indicators:
            pass
        elif not CODE_PATTERN.match(code):
            problem(
                "indicator",
                _("“%(code)s” is not a valid indicator code (lower-case letters, digits, - or _).")
                % {"code": code},
            )
        elif cell("indicator_name_en") or cell("indicator_name_fr"):
            name_en = cell("indicator_name_en") or cell("indicator_name_fr")
            name_fr = cell("indicator_name_fr") or cell("indicator_name_en")
            if len(name_en) > 200 or len(name_fr) > 200:
                problem("indicator_name_en", _("The indicator name is longer than 200 characters."))
            else:
                parsed.new_indicators[code] = NewIndicator(
                    code, name_en, name_fr, cell("unit")[:40], number
                )
        else:
            problem(
                "indicator",
                _(
                    "Unknown indicator “%(code)s”: give indicator_name_en or indicator_name_fr "
                    "to create it."
                )
                % {"code": code},
            )

        # country
        iso = cell("country").upper()
        country_id = countries.get(iso) if len(iso) in (2, 3) else None
        if not iso:
            problem("country", _("The country (ISO alpha-3 or alpha-2 code) is required."))
        elif country_id is None:
            problem("country", _("Unknown country code “%(code)s”.") % {"code": iso})

        # date
        raw_date = cell("date")
        day = None
        if DATE_PATTERN.match(raw_date):
            try:
                day = date.fromisoformat(raw_date)
            except ValueError:
                day = None
        if day is None:
            problem(
                "date",
                _("“%(value)s” is not a date in the form YYYY-MM-DD.") % {"value": raw_date},
            )

        # value
        raw_value = cell("value")
        value = _decimal(raw_value)
        if value is None:
            problem("value", _("“%(value)s” is not a number.") % {"value": raw_value})
        else:
            value = value.quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)
            if abs(value) >= LARGEST:
                problem("value", _("The value %(value)s is too large.") % {"value": raw_value})
            elif scale and (
                (scale[0] is not None and value < scale[0])
                or (scale[1] is not None and value > scale[1])
            ):
                problem(
                    "value",
                    _("%(value)s is outside the scale of “%(code)s” (%(min)s to %(max)s).")
                    % {
                        "value": raw_value,
                        "code": code,
                        "min": "…" if scale[0] is None else _plain(scale[0]),
                        "max": "…" if scale[1] is None else _plain(scale[1]),
                    },
                )

        # source
        source = cell("source")
        if not source:
            problem("source", _("The source is required."))
        elif len(source) > 300:
            problem("source", _("The source is longer than 300 characters."))

        # illustrative
        flag = cell("illustrative").lower()
        if flag not in TRUE_WORDS | FALSE_WORDS:
            problem(
                "illustrative",
                _("“%(value)s” is not yes/no (use true or false).") % {"value": flag},
            )

        if not row_errors and day is not None:
            key = (code, country_id, day)
            if key in seen:
                problem(
                    "date",
                    _("Same indicator, country and date as row %(row)d.") % {"row": seen[key]},
                )
            else:
                seen[key] = number
        if row_errors:
            errors += row_errors
            continue
        parsed.rows.append(
            ParsedRow(number, code, country_id, day, value, source, flag in TRUE_WORDS)
        )

    if errors:
        raise ImportRejected(errors)
    if not parsed.rows:
        raise InvalidInput(_("The file has no data rows."))
    return parsed
