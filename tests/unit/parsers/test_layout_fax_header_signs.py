"""Fine fax order numbers a speck or a thinned letter left unread: a label word with one letter read as a
sign ("Nº DE P£DIDO" for "Nº DE PEDIDO"), and an order number read with an opening bracket before it
that nothing closes ("(2671540").

The business rule: the order number after such a label is the order's, but the label was read only
once mended, so a person confirms the number; a bracket that opens alone before a number is a speck or a
letter of it ("C", "1") read as one, which nothing read tells apart, so the number without it is taken
and a person confirms it.  A label two letters off is no label."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, doubted, order, read, spaced, word
from tests.unit.parsers.tax_support import GOOD


def _with(*more: list[Word], drop: str = "Nº pedido:") -> dict[str, Any]:
    base = order(GOOD, drop=drop)
    words = base.words + tuple(w for line in more for w in line)
    return read(PageWords(1, base.width, base.height, base.dpi, words, "ocr"))


def test_an_order_label_with_a_letter_read_as_a_pound_sign_gives_its_number_doubtful() -> None:
    # "Nº de pedido: 26/57596" printed, its "e" read "£"
    got = _with(cells(140, (50, "Nº de p£dido:"), (160, "26/57596")))
    assert got["po_number"] == "26/57596"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_dot_matrix_order_label_in_three_phrases_with_a_sign_for_a_letter() -> None:
    # "Nº DE PEDIDO   26/57596" in a dot-matrix face, each word its own phrase, the "E" read "£"
    got = _with([*spaced(140, 50, "Nº", "DE", "P£DIDO"), word("26/57596", 170, 140)])
    assert got["po_number"] == "26/57596"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_label_two_letters_off_is_no_label() -> None:
    got = _with(cells(140, (50, "Nº de p££ido:"), (160, "26/57596")))
    assert got["po_number"] is None
    assert got["decision"] != "accept"


def test_an_order_number_after_a_bracket_that_opens_alone_is_read_and_waits() -> None:
    # "ORDER NUMBER: 2671540" printed, a speck before the number read "("
    got = _with(cells(140, (50, "Nº pedido:"), (120, "(2671540")))
    assert got["po_number"] == "2671540"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_bracket_that_opens_alone_leaves_a_number_read_sure_doubtful() -> None:
    # the bracket may be the number's own first letter ("C" of "CPO-2671540"): read as sure as can be,
    # the number still waits for a person
    got = _with(cells(140, (50, "Nº pedido:"), (120, "(PO-2671540")))
    assert got["po_number"] == "PO-2671540"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_short_label_word_with_a_sign_in_it_is_no_label_read_once() -> None:
    # "N£" for "Nº": a word of two characters, one a sign, says too little to be taken as the label
    got = _with(cells(140, (50, "N£ pedido"), (150, "26/57596")))
    assert got["po_number"] is None
    assert got["decision"] != "accept"
