"""Fine faxes: confidence a document earns, and none it does not (issue 10, faxtouch7).

The business rules:

- A line's arithmetic vouches for a figure only where it pins it.  A price read with a figure past its
  cents ("9.18 $" read "9.184", the sign taken for a figure) on one unit of 9,18 adds up to the cent
  with that figure or its neighbours, so the arithmetic says nothing of it: how sure OCR read the word
  decides, and a price read unsure waits for a person.
- A value read under a label OCR misread a word of ("PEDIOO:", a title's "PEDIDO DE COMPRA" read
  garbled, over the postal code of the address under it) is doubtful: a misread word alone is no sure
  label, and the words under it need not be its value.  The same label read as printed stays sure.
- A row whose price OCR read with a stroke for its decimal comma ("0/18") is not named as a row not
  read when its figures are those of the line's own price and the line adds up: the stroke is a mark,
  as the line's amount's own rule already takes it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, page, read, row, word

SECOND = row("TOR-M8-40", "100", "0,18", "18,00")


def _unsure(words: PageWords, text: str, conf: float) -> PageWords:
    return replace(
        words, words=tuple(replace(w, confidence=conf) if w.text == text else w for w in words.words)
    )


def _held(got: dict[str, Any], field: str) -> bool:
    return any(p["field"] == field and p["code"] == "low_confidence" for p in got["problems"])


def test_a_price_past_its_cents_the_line_does_not_pin_stays_as_unsure_as_it_was_read() -> None:
    # 1 × 9,184 and 1 × 9,18 both make 9,18: the figure after the cents is OCR's word alone
    words = _unsure(order([row("TOR-M8-40", "1", "9,184", "9,18"), SECOND], total="27,18"), "9,184", 0.39)
    got = read(words)
    assert got["lines"][0]["unit_price"] == "9.184"
    assert _held(got, "lines[0].unit_price")
    assert got["decision"] != "accept"


def test_a_price_past_its_cents_read_sure_stays_sure() -> None:
    got = read(order([row("TOR-M8-40", "1", "9,184", "9,18"), SECOND], total="27,18"))
    assert got["lines"][0]["unit_price"] == "9.184"
    assert not _held(got, "lines[0].unit_price")


def _titled(title: str) -> PageWords:
    """An order whose only order-number label is a title word, the sender's address under it."""
    words = order([row("TOR-M8-40", "250", "0,18", "45,00"), SECOND], total="63,00", drop="Nº")
    top = [
        # the title in large type, OCR reading its last words as no label
        word(f"{title}:", 300, 16, h=14),
        word("V0M", 470, 16, h=14),
        word("PRA", 500, 16, h=14),
        *cells(42, (420, "Rúa do Vilar 45")),
        *cells(56, (300, "15705 Santiago de Compostela")),
    ]
    return page(top, [replace(w, y0=w.y0 + 60, y1=w.y1 + 60) for w in words.words])


def test_a_value_under_a_misread_label_word_is_doubtful() -> None:
    got = read(_titled("PEDIOO"))
    assert got["po_number"] == "15705"
    assert _held(got, "po_number")
    assert got["decision"] != "accept"


def test_a_value_under_a_label_read_as_printed_is_not_doubted_for_it() -> None:
    got = read(_titled("PEDIDO"))
    assert got["po_number"] == "15705"
    assert not _held(got, "po_number")


def test_a_price_with_a_stroke_for_its_comma_names_no_row_when_its_figures_are_the_lines() -> None:
    got = read(order([row("TOR-M8-40", "250", "0/18", "45,00"), SECOND], total="63,00"))
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("250", "0.18"),
        ("100", "0.18"),
    ]
    assert [p["message"] for p in got["problems"] if p["field"] == "lines"] == []
