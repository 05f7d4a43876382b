"""Normal fax total labels the vocabulary does not hold word for word: a tax label run into its rate
("IVA21%"), a plain total label that says the tax is in it ("Total pedido IVA incl."), and a page's
subtotal whose "c/f" OCR read as "cif", brought forward by the next page."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, doubted, header_rows, order, page, read
from tests.unit.parsers.tax_support import GOOD, UNDER


def _totals(*lines: tuple[str, str]) -> dict[str, Any]:
    """GOOD (45,00 + 11,10 = 56,10) under its net total "Total 56,10", and `lines` (label, amount)
    printed one under the other below it."""
    base = order(GOOD, total="56,10")
    more: list[Word] = []
    for i, (label, amount) in enumerate(lines):
        more += cells(UNDER + 14 * i, (430, label), (500, amount))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_tax_label_run_into_its_rate_is_still_the_tax_line() -> None:
    # 21 % of 56,10 is 11,781, printed 11,78, and the total with tax 67,88, whose first figure the fax
    # lost ("7,88"): with the tax line known for one, the net, its rate and the tax give the total,
    # mended, for a person to confirm
    got = _totals(("IVA21%", "11,78"), ("Total con IVA", "7,88"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")
    assert doubted(got, "total") and got["decision"] != "accept"


def test_a_word_of_letters_run_into_a_percentage_is_no_tax_label() -> None:
    # "Dto5%" (a discount) is no tax: nothing makes 7,88 a total with tax, and the order waits
    got = _totals(("Dto5%", "11,78"), ("Total con IVA", "7,88"))
    assert got["tax_total"] is None and got["decision"] != "accept"


def test_a_plain_total_label_saying_the_tax_is_in_it_is_the_total_with_tax() -> None:
    # "Total pedido IVA incl." under the net 56,10 (which the lines add up to) with its first figure
    # lost, and a tax line OCR could not read at all: what the customer pays was printed and not read
    # whole, so the net is not the order's total without a person
    got = _totals(("¿¿¿", "¿¿"), ("Total pedido IVA incl.", "7,88"))
    assert got["decision"] != "accept"
    assert any(p["code"] == "total_mismatch" and p["field"] == "total" for p in got["problems"])


def test_a_plain_total_label_without_the_tax_words_stays_a_plain_total() -> None:
    # "Total pedido" alone under "Total" says nothing of tax; the lines' 56,10 stays the total
    got = _totals(("Total pedido", "56,10"))
    assert got["total"] == "56.1"


def _two_pages(subtotal_label: str, brought: str = "56,10") -> dict[str, Any]:
    """Page 1: GOOD (56,10) with `subtotal_label` 56,10 at its foot; page 2: "Total b/f" `brought`, a line
    (250 x 0,18 = 45,00) the fax spoiled past reading, and the order's total 101,10."""
    one = [*header_rows(), cells(160, *HEADING)]
    one += [cells(160 + STEP * (i + 1), *r) for i, r in enumerate(GOOD)]
    one.append(cells(160 + STEP * 4, (430, subtotal_label), (500, "56,10")))
    two = [cells(60, (430, "Total b/f"), (500, brought)), cells(90, *HEADING)]
    two.append(cells(90 + STEP, (50, "¿¿¿-¿¿-¿¿"), (130, "¿¿¿¿¿¿¿¿")))
    two.append(cells(90 + STEP * 3, (430, "Total"), (500, "101,10")))
    return read([page(*one), page(*two, number=2)])


def test_a_subtotal_brought_forward_by_the_next_page_is_not_the_order_total() -> None:
    # "Total c/f" read "Total cif" (which is also a freight term): the next page brings 56,10 forward,
    # so it is page 1's subtotal, and the order's total is the 101,10 at the end; the lines read add
    # up to the subtotal only, so the order waits for the line lost
    got = _two_pages("Total cif")
    assert got["total"] == "101.1" and got["decision"] != "accept"


def test_a_page_total_no_later_page_brings_forward_stays_a_total() -> None:
    # page 2 brings forward 65,10, not page 1's 56,10: nothing says "Total cif 56,10" is a subtotal, and
    # it is the amount the lines read add up to
    got = _two_pages("Total cif", brought="65,10")
    assert got["total"] == "56.1"


def test_a_total_with_tax_whose_amount_the_fax_wiped_out_is_the_net_plus_its_tax_doubtful() -> None:
    # "Total con IVA" read "Tatal con IVA" with no figure left of its 67,88: the tax 11,78 is 21 % of
    # the net 56,10 (11,781), so what the customer pays is 56,10 + 11,78, for a person to confirm
    got = _totals(("IVA 21 %", "11,78"), ("Tatal con IVA", "AAW ERE"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")
    assert doubted(got, "total") and got["decision"] != "accept"


def test_a_wiped_total_under_a_tax_at_no_printed_rate_mends_nothing() -> None:
    # 11,22 is not 21 % of 56,10: the tax vouches for no sum, and the total stays unknown
    got = _totals(("IVA 21 %", "11,22"), ("Tatal con IVA", "AAW ERE"))
    assert got["tax_total"] is None and got["decision"] != "accept"
