"""A faxed order whose net total, tax and total with tax do not add up as read: the total printed under
the net is what the customer pays, not the net.

The business rule: an order's total is the amount the customer pays, the total with tax it prints.
Where the page prints a net total 56,10, a tax line and under them "Total IVA incl. 67,88", and the tax
was misread (12,78 for 11,78) or its line garbled past reading as a tax, the three cannot be made to
agree; the order's total is then still the 67,88 the page prints, never the net 56,10, which is no
amount the customer pays while a tax is printed. No sum vouches for it, so a person confirms it: the
order waits. Two different totals printed under the net say nothing of which is paid, and a total
less than the net is no total with the tax in it: neither is taken. A text layer is read as before."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, read, row

# 250 × 0,18 = 45,00 and 222 × 0,05 = 11,10: the lines make the net total 56,10
ROWS = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _totals(*under: tuple[str, str, str], source: str = "ocr") -> dict[str, Any]:
    """The order with "Total neto 56,10" under its lines and each (label, rate, amount) of `under` on a
    line below it, in that order; `source` "text" for a PDF's text layer."""
    y = 160.0 + STEP * len(ROWS)
    built = page(
        *header_rows(),
        cells(160, *HEADING),
        *(cells(160 + STEP * (i + 1), *r) for i, r in enumerate(ROWS)),
        cells(y + 2 * STEP, (400, "Total neto"), (500, "56,10")),
        *(
            cells(y + (3 + i) * STEP, (400, label), *([(460, rate)] if rate else []), (500, amount))
            for i, (label, rate, amount) in enumerate(under)
        ),
    )
    if source == "text":
        built = PageWords(built.number, built.width, built.height, built.dpi, built.words, "text")
    return read(built)


def _waits_on_total(got: dict[str, Any]) -> bool:
    return got["decision"] != "accept" and any(
        p["field"] == "total" and p["code"] == "total_mismatch" for p in got["problems"]
    )


def test_a_tax_misread_leaves_the_printed_total_with_tax_the_orders_total() -> None:
    # 56,10 × 21 % = 11,78, read 12,78: net and tax make 68,88, the page prints 67,88
    got = _totals(("IVA", "21 %", "12,78"), ("Total IVA incl.", "", "67,88"))
    assert Decimal(got["total"]) == Decimal("67.88")
    assert _waits_on_total(got)


def test_a_tax_line_garbled_past_reading_leaves_the_printed_total_the_orders_total() -> None:
    # the tax line's label and rate read as no words a tax line has: only the two totals are read
    got = _totals(("AVA RIE ee ees", "", "11,78"), ("TOTAL CON IVA (EUR)", "", "67,88"))
    assert Decimal(got["total"]) == Decimal("67.88")
    assert _waits_on_total(got)


def test_a_total_read_with_the_other_decimal_mark_is_still_the_total_printed() -> None:
    got = _totals(("IVA", "21 %", "12,78"), ("Total IVA incl.", "", "€67.88"))
    assert Decimal(got["total"]) == Decimal("67.88")
    assert _waits_on_total(got)


def test_two_different_totals_under_the_net_take_neither() -> None:
    got = _totals(("IVA", "21 %", "12,78"), ("Total IVA incl.", "", "67,88"), ("Total a pagar", "", "69,88"))
    assert Decimal(got["total"]) not in (Decimal("67.88"), Decimal("69.88"))
    assert got["decision"] != "accept"


def test_a_total_under_the_net_less_than_it_is_not_taken() -> None:
    got = _totals(("IVA", "21 %", "12,78"), ("Total IVA incl.", "", "6,88"))
    assert Decimal(got["total"]) != Decimal("6.88")
    assert got["decision"] != "accept"


def test_a_text_layer_whose_sums_disagree_waits() -> None:
    # a text layer prints its figures as they are: sums that disagree are the document's, a person looks
    got = _totals(("IVA", "21 %", "12,78"), ("Total IVA incl.", "", "67,88"), source="text")
    assert _waits_on_total(got)
