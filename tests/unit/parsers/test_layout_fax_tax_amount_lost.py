"""A normal fax's tax line whose amount was not read at all ("IVA 16 % :"), between a net total and a
total with tax read as printed: where the totals' difference is the net's share at the printed rate,
to the cent, the total with tax is the order's total and the tax that difference, for a person to
confirm."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read
from tests.unit.parsers.tax_support import GOOD, UNDER, low


def _read(rate: str, gross: str) -> dict[str, object]:
    base = order(GOOD, total="56,10")
    more = cells(UNDER, (430, rate)) + cells(UNDER + 14, (430, "Total con IVA"), (500, gross))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_tax_line_with_its_amount_lost_is_the_totals_difference_at_its_printed_rate() -> None:
    # 21 % of 56,10 is 11,781, printed 11,78; the total with tax is 67,88; the tax line read only
    # "IVA 21 %" (and a speck where its amount stands)
    for rate in ("IVA 21 %", "IVA 21 % :"):
        got = _read(rate, "67,88")
        assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88"), rate
        assert "tax_total" in low(got) and got["decision"] != "accept", rate


def test_a_tax_line_with_its_amount_lost_at_a_rate_that_does_not_give_the_difference_mends_nothing() -> None:
    # 20 % of 56,10 is 11,22, not the 11,78 between the totals: the rate vouches for neither
    got = _read("IVA 20 %", "67,88")
    assert got["tax_total"] is None and got["total"] != "67.88"
    assert got["decision"] != "accept"
