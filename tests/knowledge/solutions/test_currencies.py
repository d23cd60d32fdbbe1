"""ISO 4217 codes from the copied IATI codelist: withdrawn codes are not active."""

from csst.core.currencies import active_currencies, currency_choices, is_active_currency


def test_active_codes_exclude_withdrawn_ones():
    codes = active_currencies()
    assert {"CHF", "USD", "EUR", "THB", "JPY", "XOF"} <= set(codes)
    assert "VEF" not in codes  # withdrawn in the codelist
    assert len(codes) == 167
    assert codes["CHF"] == "Swiss Franc"


def test_is_active_currency():
    assert is_active_currency("USD")
    assert not is_active_currency("usd")
    assert not is_active_currency("")
    assert not is_active_currency(None)
    assert not is_active_currency("XYZ")


def test_choices_for_select_boxes():
    assert ("CHF", "CHF — Swiss Franc") in currency_choices()
