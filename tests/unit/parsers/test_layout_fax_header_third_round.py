"""Normal fax header labels, a third round: a long label word a letter off two label words at once
("pedida": "pedido" and "medida") is the one that makes a label with the words beside it, and its
value is doubtful."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _with(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order whose "Nº pedido:" line is left out and `placed` printed under its header instead."""
    base = order(GOOD, drop="Nº pedido:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_label_word_a_letter_off_two_label_words_is_the_one_its_phrase_makes_a_label_of() -> None:
    got = _with((50, "Nº pedida"), (200, "PED-26/00777"))
    assert got["po_number"] == "PED-26/00777"
    low = {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}
    assert "po_number" in low and got["decision"] != "accept"


def _dated(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order whose "Fecha:" line is left out and `placed` printed under its header instead."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_label_of_three_words_a_phrase_each_is_read_across_them() -> None:
    # a monospaced dot-matrix face sets a whole character cell between words: each its own phrase,
    # and "DATA DA" alone is no label, nor "DA ENCOMENDA"
    got = _dated((50, "DATA"), (80, "DA"), (99, "ENCOMENDA : 25/11/2026"))
    assert got["order_date"] == "2026-11-25"


def test_encomenda_n_with_its_point_is_an_order_number_label() -> None:
    # "ENCOMENDA N.º" printed, its º lost: "N," or "N." stays in the label, not taken for the number
    base = order(GOOD, drop="Nº pedido:")
    more = cells(140, (50, "ENCOMENDA N,"), (200, "032637"))
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["po_number"] == "032637"
