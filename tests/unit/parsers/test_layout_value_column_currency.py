"""A figure column whose every cell prints a currency beside its figure, however the currency is
written, is one figure a row, as "34,0000 EUR" is.

A dot-matrix listing whose heading line overflowed leaves each figure column partly under the heading
right of its own (tests/unit/parsers/test_layout_fax_fine15.py); the price and the amount are each one
figure in one cell and belong to one column whole.  The business rule does not depend on how the
currency beside the figure is written: its ISO code ("MXN", "CHF"), its word with an accent
("Dólares") or in brackets ("(EUR)") names a currency as "EUR" does, and the line reads as printed:
50 units at 34,0000 for a hundred, less 10 %, are 15,30.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsers.test_layout_fax_fine15 import overflowed_listing

ROWS = (
    ("TOR-M10-60", "50", "uds", "34,0000", "100", "10,00", "15,30"),
    ("TOR-M8-40", "100", "uds", "18,0000", "100", "15,00", "15,30"),
    ("LLA-AJ-250", "20", "uds", "12,8000", "1", "12,50", "224,00"),
)


def _listing(currency: str) -> dict[str, Any]:
    """Order PED-26/00123 of customer C-1001, `currency` after every price and amount (and no currency
    line in the header to say otherwise)."""
    return overflowed_listing(list(ROWS), "254,60", currency=currency, header_currency=False)


@pytest.mark.parametrize("currency", ["EUR", "MXN", "CHF", "(EUR)", "Dólares"])
def test_a_price_column_is_read_whole_whatever_currency_word_stands_beside_its_figures(currency: str) -> None:
    got = _listing(currency)
    # 50 × 0,34 less 10 % = 15,30; 100 × 0,18 less 15 % = 15,30; 20 × 12,80 less 12,5 % = 224,00
    lines = [(ln["sku"], ln["quantity"], ln["unit_price"], ln["amount"]) for ln in got["lines"]]
    assert lines == [
        ("TOR-M10-60", "50", "0.34", "15.3"),
        ("TOR-M8-40", "100", "0.18", "15.3"),
        ("LLA-AJ-250", "20", "12.8", "224"),
    ]
