"""A normal fax's total with a lone figure or money sign read after its amount ("33423.73 5",
"38771.53 $4": a sign printed after the amount, or a speck, read as a figure): the amount to the cent
before it is the total, no figure of the word after it. The reader left a word of the ink out, so the
total is doubtful: a person confirms it, unless the lines, each read sure, add up to it exactly (the
ink's figures and the sum then say the same amount)."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import order, read, row
from tests.unit.parsers.tax_support import low, read_taxed

# 250 × 0,18 = 45,00 and 222 × 0,05 = 11,10: the lines make 56,10
GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]
FLOOR = 0.8  # below it a field read is in doubt (validation's CONFIDENCE_FLOOR)


def _page(total: str) -> PageWords:
    base = order(GOOD, total=total)
    return PageWords(1, base.width, base.height, base.dpi, base.words, "ocr")


def _total_read(total: str) -> tuple[object, float | None]:
    """The total the reader takes from a page whose total reads `total`, and how sure it is of it."""
    (got,) = extract_orders([_page(total)]).orders
    return got.total, got.evidence_for("total").confidence if got.evidence_for("total") else None


def test_a_lone_figure_after_the_total_is_left_out_and_the_reader_doubts_the_total() -> None:
    value, sure = _total_read("56,10 5")
    assert str(value) == "56.10"
    assert sure is not None and sure < FLOOR


def test_a_sign_and_a_figure_after_the_total_are_left_out_and_the_reader_doubts_the_total() -> None:
    value, sure = _total_read("56,10 $4")
    assert str(value) == "56.10"
    assert sure is not None and sure < FLOOR


def test_a_total_the_lines_read_sure_add_up_to_is_theirs() -> None:
    # 45,00 + 11,10, each read sure, are 56,10 exactly: the ink before the "5" says what the sum says
    got = read(_page("56,10 5"))
    assert got["total"] == "56.1"
    assert "total" not in low(got)


def test_a_total_with_tax_read_with_a_figure_after_it() -> None:
    # 56,10 net, 10 % of it 5,61, 61,71 with it: the total with tax read "61,71 5"
    got = read_taxed("5,61", "61,71 5", "IVA 10 %")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")


def test_a_total_read_as_printed_is_not_doubted() -> None:
    value, sure = _total_read("56,10")
    assert str(value) == "56.10"
    assert sure is not None and sure >= FLOOR


def test_a_figure_after_an_amount_not_to_the_cent_is_no_junk_left_out() -> None:
    # "56 1": no amount to the cent before the figure, nothing to leave out
    value, _ = _total_read("56 1")
    assert str(value) != "56"


def test_a_money_sign_printed_after_the_total_leaves_it_as_sure_as_it_was() -> None:
    value, sure = _total_read("56,10 €")
    assert str(value) == "56.10"
    assert sure is not None and sure >= FLOOR
