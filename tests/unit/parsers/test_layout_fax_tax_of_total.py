"""A scanned order's tax taken with its total while a line amount is still unsure, no net total read.

The business rule: the total a customer pays is the lines plus the tax; where the page's net total was
not read, the tax line ("IVA 10 % 5,61") and the total with tax ("Total con IVA 61,71") say it by
themselves when the tax is the total less the tax at the rate its own line prints, to the cent.  While
a line's amount was read unsure ("11,107", a speck after its cents), the lines read so far cannot say
the page's total does not include that tax: the order carries the tax as read, what the lines must make
is the total less the tax, and a person still checks the unsure amount (nothing is vouched for by this
alone).  A tax that is not the total's share at its printed rate, or a total that is not the two added
up, is not taken; where every amount was read sure and they miss the total less the tax (a line lost,
`test_layout_fax_tax_without_net`), the tax is left untaken as before.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row, word
from tests.unit.parsers.tax_support import UNDER, low

SECOND = 160 + 2 * 14  # the second row of the table


def page(amount: str, conf: float, rate: str, tax: str, gross: str) -> PageWords:
    """Two lines, 250 × 0,18 = 45,00 and 222 × 0,05 = 11,10, the second's amount read `amount` with
    OCR confidence `conf`; no net total; the tax line `rate` `tax` and "Total con IVA" `gross`."""
    base = order([row("TOR-M8-40", "250", "0,18", "45,00")], total=None)
    second = cells(SECOND, (50, "TUE-M8"), (130, "Tuerca"), (350, "222"), (390, "uds"), (440, "0,05"))
    second.append(word(amount, 505, SECOND, conf))
    foot = cells(UNDER, (430, rate), (500, tax)) + cells(UNDER + 14, (430, "Total con IVA"), (500, gross))
    return PageWords(1, base.width, base.height, base.dpi, (*base.words, *second, *foot), "ocr")


def _unaccounted(got: dict[str, Any]) -> bool:
    return any("no total including it" in p["message"] for p in got["problems"])


def test_the_tax_its_rate_makes_of_the_total_is_taken_while_an_amount_is_unsure() -> None:
    # 61,71 - 5,61 = 56,10, and 10 % of 56,10 is 5,61
    got = read(page("11,107", 0.5, "IVA 10 %", "5,61", "61,71"))
    assert (got["total"], got["tax_total"], got["net_total"]) == ("61.71", "5.61", None)
    assert not _unaccounted(got)


def test_the_unsure_amount_still_waits_for_a_person() -> None:
    got = read(page("11,107", 0.5, "IVA 10 %", "5,61", "61,71"))
    assert got["decision"] != "accept" and "lines[1].amount" in low(got)
    assert {"total", "tax_total"} <= low(got)


def test_a_tax_that_is_not_the_totals_share_at_its_printed_rate_is_not_taken() -> None:
    # 5,61 is 10 % of 56,10, not 21 %
    got = read(page("11,107", 0.5, "IVA 21 %", "5,61", "61,71"))
    assert got["tax_total"] is None and _unaccounted(got) and got["decision"] != "accept"


def test_a_total_that_is_not_the_tax_and_its_base_added_up_is_not_taken() -> None:
    # 61,77 - 5,61 = 56,16, whose 10 % is 5,616: not 5,61 to the cent
    got = read(page("11,107", 0.5, "IVA 10 %", "5,61", "61,77"))
    assert got["tax_total"] is None and got["decision"] != "accept"


def test_a_tax_line_printing_no_rate_is_not_taken() -> None:
    got = read(page("11,107", 0.5, "IVA", "5,61", "61,71"))
    assert got["tax_total"] is None and _unaccounted(got) and got["decision"] != "accept"
