"""Amounts typed by people: Decimal, half-up to the cent, bounded by the columns, named refusals."""

from decimal import Decimal

import pytest
from django.utils import translation

from csst.core.errors import InvalidInput
from csst.core.money import decimal_or_none


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_amounts_round_half_up_to_the_cent():
    assert decimal_or_none("2.005", "Cost", 2) == Decimal("2.01")
    assert decimal_or_none(" 10 ", "Cost", 2) == Decimal("10.00")


def test_an_empty_value_is_none():
    assert decimal_or_none("", "Cost", 2) is None
    assert decimal_or_none(None, "Cost", 2) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("lots", "Cost: a number is expected."),
        ("NaN", "Cost: a number is expected."),
        ("-1", "Cost cannot be negative."),
        ("1e40", "Cost: the number is too large."),
        ("9999999999999999.999", "Cost: the number is too large."),
    ],
)
def test_bad_amounts_are_refused_with_the_field_named(value, message):
    with pytest.raises(InvalidInput) as refusal:
        decimal_or_none(value, "Cost", 2, minimum=Decimal(0))
    assert refusal.value.message == message


def test_the_largest_amount_a_column_holds_is_accepted():
    assert decimal_or_none("9999999999999999.99", "Cost", 2) == Decimal("9999999999999999.99")
