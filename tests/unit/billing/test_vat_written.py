"""A VAT class as master data writes it: the Spanish rate with decimals or a decimal comma, with or
without a per-cent sign, is its class; anything else is refused with the accepted values named."""

from __future__ import annotations

import pytest

from core.billing.domain.tax import VatClass, parse_vat_class


@pytest.mark.parametrize(
    ("written", "vat_class"),
    [
        ("21,0", VatClass.GENERAL),
        ("10.0 %", VatClass.REDUCED),
        ("4,0%", VatClass.SUPER_REDUCED),
        ("0.0", VatClass.EXEMPT),
    ],
)
def test_a_vat_rate_written_with_decimals_or_a_decimal_comma_is_its_class(
    written: str, vat_class: VatClass
) -> None:
    assert parse_vat_class(written) is vat_class


def test_an_unknown_vat_class_says_what_is_accepted() -> None:
    with pytest.raises(
        ValueError, match=r"'7,5' is not a VAT class \(general, reduced, super_reduced, exempt"
    ):
        parse_vat_class("7,5")
