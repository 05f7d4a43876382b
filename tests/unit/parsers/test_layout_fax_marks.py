"""Decimal marks on a normal-resolution fax, where a point or comma is a speck a row or two high and
OCR loses it now and then: a price printed to four places ("2,4500") comes out as "24500", and
quantity × price = amount tells back where its mark was."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read, row


def test_a_price_to_four_places_whose_mark_was_lost_is_read_back_by_the_amount() -> None:
    # "€2,4500" read as "€24500": 120 × 2,4500 = 294,00, and 5 × 12,8000 = 64,00 read whole
    rows = [row("BRO-HSS-8", "120", "€24500", "294,00"), row("LLA-AJ-250", "5", "€12,8000", "64,00")]
    got = read(order(rows, total="358,00"))
    assert numbers(got) == [("BRO-HSS-8", "120", "2.45"), ("LLA-AJ-250", "5", "12.8")]
