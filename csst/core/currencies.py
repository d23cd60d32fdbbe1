"""ISO 4217 currencies: the active codes of the IATI `Currency` codelist
(csst/core/data/Currency.xml, origin in docs/data-sources.md). Withdrawn codes
(`status="withdrawn"`) are not offered.

Parsed once, on first use, without DTDs or entities (core.loading.parse_local_xml).
"""

from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import InvalidInput
from .loading import parse_local_xml

CURRENCY_XML = Path(__file__).resolve().parent / "data" / "Currency.xml"


@cache
def active_currencies() -> dict[str, str]:
    """{code: English name} of the active currencies, sorted by code."""
    names = {}
    for item in parse_local_xml(CURRENCY_XML).iter("codelist-item"):
        if item.get("status", "active") != "active":
            continue
        code = (item.findtext("code") or "").strip()
        names[code] = " ".join((item.findtext("name/narrative") or code).split())
    return dict(sorted(names.items()))


def is_active_currency(code: str | None) -> bool:
    return bool(code) and code in active_currencies()


def currency_choices() -> list[tuple[str, str]]:
    """(code, "CODE — name") pairs for select boxes."""
    return [(code, f"{code} — {name}") for code, name in active_currencies().items()]


def currency_code(value, label: str) -> str:
    """The upper-case code of an active currency, or a refusal naming the field."""
    code = str(value or "").strip().upper()
    if not is_active_currency(code):
        raise InvalidInput(
            _("%(field)s: an ISO 4217 currency code is expected, e.g. CHF.") % {"field": label}
        )
    return code
