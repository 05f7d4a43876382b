"""A scanned order whose net total was not read, under a tax line and a total with tax that the lines pin.

The business rule: a total flows on untouched only when the page's own arithmetic vouches for it.  A
normal fax spoils the net total's line past reading ("Sub-lulal GBF 2,081.05" for "Sub-total GBP
2,081.65"), so the order's total is the total with tax.  Where the tax, read to the cent, is the lines'
sum at the rate its own line prints, and the total is the lines' sum plus that tax exactly, the three are
one sum: the total and the tax are as read, and a person need not confirm them (when each line is read
sure).  A tax that is not the lines' share at its rate, a total that is not the two added up, or a tax
line with no rate printed vouches for nothing: the total waits as before.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, order, read
from tests.unit.parsers.tax_support import GOOD, UNDER, low


def _read(tax_line: str, tax: str, gross: str, net: tuple[str, str] | None = None) -> dict[str, Any]:
    """Lines of 45,00 + 11,10 = 56,10, no net total read (or `net`, a spoilt net line, label and
    figures), the tax line `tax_line` `tax` and "Total con IVA" `gross` under them."""
    base = order(GOOD, total=None)
    y = UNDER - 14
    more: list[Word] = cells(y, (430, net[0]), (500, net[1])) if net else []
    more += cells(y + 14, (430, tax_line), (500, tax)) + cells(y + 28, (430, "Total con IVA"), (500, gross))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def _mismatch(got: dict[str, Any]) -> bool:
    return any(p["code"] == "total_mismatch" for p in got["problems"])


def test_a_tax_at_its_printed_rate_and_a_total_the_lines_pin_are_sure() -> None:
    # 10 % of 56,10 is 5,61; 56,10 + 5,61 = 61,71
    got = _read("IVA 10 %", "5,61", "61,71")
    assert (got["total"], got["tax_total"], got["net_total"]) == ("61.71", "5.61", None)
    assert not _mismatch(got) and not {"total", "tax_total"} & low(got)


def test_a_net_line_spoilt_past_reading_does_not_matter() -> None:
    got = _read("IVA 10 %", "5,61", "61,71", net=("Sub-lulal", "56,70"))
    assert (got["total"], got["tax_total"]) == ("61.71", "5.61")
    assert not _mismatch(got) and not {"total", "tax_total"} & low(got)


def test_a_total_that_is_not_the_lines_plus_the_tax_waits() -> None:
    # 61,77 is one figure off 61,71
    got = _read("IVA 10 %", "5,61", "61,77")
    assert got["tax_total"] is None and _mismatch(got) and got["decision"] != "accept"


def test_a_tax_that_is_not_the_lines_share_at_its_printed_rate_waits() -> None:
    # 5,61 is 10 % of 56,10, not 21 %: the rate or the tax is misread, or a line was lost
    got = _read("IVA 21 %", "5,61", "61,71")
    assert got["tax_total"] is None and _mismatch(got) and got["decision"] != "accept"


def test_a_tax_line_printing_no_rate_waits() -> None:
    got = _read("IVA", "5,61", "61,71")
    assert got["tax_total"] is None and _mismatch(got) and got["decision"] != "accept"


def test_a_line_lost_leaves_the_total_waiting() -> None:
    # the page's lines are 56,10 with tax 5,61; one line (11,10) lost: 45,00 + 5,61 is no total printed
    base = order(GOOD[:1], total=None)
    more = cells(UNDER, (430, "IVA 10 %"), (500, "5,61")) + cells(
        UNDER + 14, (430, "Total con IVA"), (500, "61,71")
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["tax_total"] is None and got["decision"] != "accept"
