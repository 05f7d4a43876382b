"""An order number stated in a letter's sentence whose number sign "nº" a fax spoilt: its ring read as a
capital ("el pedido nP 507/26"), a speck before it read as an "i" ("in?").  ("n2" and "n?", signs the
label vocabulary's garbled forms already know, read as before.)

The business rule: the word between "pedido" and the number is the number sign, so the number is the
word after it; the sign was not read as printed, so a person confirms the number (the order waits).
Small letters there ("pedido ni 507/26") are a word, no sign."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(sentence: str) -> dict[str, Any]:
    """The order of GOOD without its labelled number, stating it in `sentence` over its table."""
    base = order(GOOD, drop="Nº pedido:")
    words = cells(140, (50, sentence))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def test_a_sign_whose_ring_was_read_as_a_capital_gives_the_number_doubtful() -> None:
    got = _read("Les hacemos el pedido nP 507/26 de fecha 23/11/2026, con los artículos")
    assert got["po_number"] == "507/26"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_sign_with_a_speck_before_it_gives_the_number_doubtful() -> None:
    got = _read("Les hacemos el pedido in? 507/26 de fecha 23/11/2026, con los artículos")
    assert got["po_number"] == "507/26"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_small_letters_between_are_no_sign() -> None:
    assert (
        _read("Les hacemos el pedido ni 507/26 de fecha 23/11/2026, con los artículos")["po_number"] is None
    )
