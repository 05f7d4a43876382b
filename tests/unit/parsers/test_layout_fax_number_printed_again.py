"""An order number of digits alone that OCR read a little unsurely (under the confidence digits alone
need) but that the page prints again apart, read as the same characters: printings spoilt each on its
own by the fax line, read alike and one of them sure, vouch for it (faxpo24).  Anything less (one
printing, a second printing read otherwise, a word read twice over itself, no printing read sure)
still waits for a person."""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, order, read, row, word

NUMBER = "4527630355"
GOOD_ROWS = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def printed(header_conf: float, *again: Word) -> PageWords:
    """The test order with its number "4527630355" read at `header_conf` in its header, and the words
    `again` (more printings of a number) at the foot of the page."""
    fax = order(GOOD_ROWS)
    words = tuple(
        replace(w, text=NUMBER, confidence=header_conf) if w.text == "PED-26/00123" else w for w in fax.words
    )
    return replace(fax, words=words + again)


def footer(text: str, conf: float, y: float = 300.0) -> Word:
    """A printing at the foot of the page, after a "Ref." of its own."""
    return word(text, 80, y, conf)


REF = cells(300, (50, "Ref."))


def test_a_number_printed_again_apart_and_read_alike_with_confidence_is_taken() -> None:
    got = read(printed(0.92, *REF, footer(NUMBER, 0.96)))
    assert got["po_number"] == NUMBER
    assert got["decision"] == "accept", got["problems"]


def test_a_number_read_unsurely_and_printed_once_still_waits() -> None:
    got = read(printed(0.92))
    assert got["po_number"] == NUMBER and got["decision"] == "review"


def test_a_number_whose_other_printing_reads_otherwise_still_waits() -> None:
    # 0527630355 printed twice: the header's first figure misread "4", the footer's read right
    got = read(printed(0.92, *REF, footer("0527630355", 0.96)))
    assert got["po_number"] == NUMBER and got["decision"] == "review"


def test_a_number_read_alike_only_in_its_figures_still_waits() -> None:
    # the same figures, not the same characters: a mark between them says one reading is off
    got = read(printed(0.92, *REF, footer("4527630-355", 0.96)))
    assert got["decision"] == "review"


def test_one_printing_read_twice_over_itself_is_no_second_printing() -> None:
    fax = printed(0.92)
    mine = next(w for w in fax.words if w.text == NUMBER)
    twice = replace(mine, x0=mine.x0 + 1, x1=mine.x1 + 1, confidence=0.96)
    got = read(replace(fax, words=(*fax.words, twice)))
    assert got["decision"] == "review"


def test_printings_read_alike_but_none_sure_still_wait() -> None:
    got = read(printed(0.92, *REF, footer(NUMBER, 0.91)))
    assert got["po_number"] == NUMBER and got["decision"] == "review"
