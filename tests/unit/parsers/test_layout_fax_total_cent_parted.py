"""A normal fax's total, net or tax whose last figure OCR parted from it by a gap narrower than a
character ("IVA 16 % 8133.8 4 MXN" for 8133.84; "Total pedido 50836.5 O MXN" for 50836.50, the zero
read as the letter O).

The business rule: an amount on a total's line is printed to the cent; one decimal figure and a lone
figure right after it are that amount parted, so the two are joined (the letter O a zero).  A figure
other than a zero joined changes the amount read: the reader holds it doubtful, and only the order's
own sums (the lines, each read sure, adding up to it: `validation.sums`) vouch for it.  A zero joined
changes nothing.  A figure further off than a character is no part of the amount."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.layout.evidence import DOUBTFUL
from tests.unit.parsers.ocr_support import cells, order, read
from tests.unit.parsers.tax_support import GOOD, UNDER


def _page(net: str, *tax: tuple[float, str]) -> PageWords:
    """GOOD with its net total printed `net`, the tax line `tax` and "Total con IVA 67,88" under it."""
    base = order(GOOD, total=net)
    more: list[Word] = cells(UNDER, *tax) + cells(UNDER + 14, (430, "Total con IVA"), (500, "67,88"))
    return PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr")


def _reader_confidence(page: PageWords, path: str) -> float:
    (got,) = extract_orders([page]).orders
    found = got.evidence_for(path)
    assert found is not None
    return found.confidence


def test_a_tax_whose_last_figure_was_parted_is_joined() -> None:
    page = _page("56,10", (430, "IVA 21 %"), (500, "11,7 8"))
    got = read(page)
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")
    # mended: doubtful as the reader gives it; here the two lines, read sure, add up to the net
    assert _reader_confidence(page, "tax_total") <= DOUBTFUL


def test_a_net_whose_last_zero_was_parted_and_read_as_a_letter_is_joined_unchanged() -> None:
    page = _page("56,1 O EUR", (430, "IVA 21 %"), (500, "11,78"))
    got = read(page)
    assert Decimal(got["net_total"]) == Decimal("56.10") and got["total"] == "67.88"
    assert _reader_confidence(page, "net_total") > DOUBTFUL


def test_a_figure_further_off_than_a_character_is_not_joined() -> None:
    got = read(_page("56,10", (430, "IVA 21 %"), (500, "11,7"), (530, "8")))
    assert got["tax_total"] != "11.78"
