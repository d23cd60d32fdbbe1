"""Amounts and measures typed by people: parsed to Decimal, rounded half-up (rule R9), bounded by
the columns (`DecimalField(max_digits=18)`, DESIGN §4), with a message naming the field."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import InvalidInput

MAX_DIGITS = 18


def decimal_or_none(value, label: str, places: int, minimum: Decimal | None = None):
    """A Decimal rounded half-up to `places`, or None for an empty value."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidInput(_("%(field)s: a number is expected.") % {"field": label}) from None
    if not number.is_finite():
        raise InvalidInput(_("%(field)s: a number is expected.") % {"field": label})
    if minimum is not None and number < minimum:
        raise InvalidInput(_("%(field)s cannot be negative.") % {"field": label})
    too_large = InvalidInput(_("%(field)s: the number is too large.") % {"field": label})
    if number and number.adjusted() >= MAX_DIGITS - places:
        raise too_large  # before quantize, which cannot represent such a number
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if abs(number) >= Decimal(10) ** (MAX_DIGITS - places):
        raise too_large  # rounding carried it over
    return number
