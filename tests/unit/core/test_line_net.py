"""What a captured line's quantity at its price comes to, the figure its printed amount is checked
against by the readers (OCR cells, layout rows) and by validation alike, from the business rule:

- quantity × price, and where the line prints a discount in percent, that much less ("5.000 UDS 0,035 €
  dto. 15 % 148,75 €": 5000 × 0.035 = 175.00, less 15 % = 148.75);
- no discount, or a discount of 0 %, leaves quantity × price as it is;
- nothing is rounded: a price to four places gives an amount past the cents (12 × 0.1234 = 1.4808); the
  checks that use it say how near the printed amount must be.
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import line_net


def test_quantity_times_price_without_a_discount() -> None:
    assert line_net(Decimal("250"), Decimal("0.18"), None) == Decimal("45.00")


def test_a_discount_in_percent_comes_off_the_product() -> None:
    assert line_net(Decimal("5000"), Decimal("0.035"), Decimal("15")) == Decimal("148.75")


def test_a_discount_of_nought_changes_nothing() -> None:
    assert line_net(Decimal("3"), Decimal("12.50"), Decimal("0")) == Decimal("37.50")


def test_nothing_is_rounded_to_the_cent() -> None:
    assert line_net(Decimal("12"), Decimal("0.1234"), None) == Decimal("1.4808")
    assert line_net(Decimal("12"), Decimal("0.1234"), Decimal("50")) == Decimal("0.7404")
