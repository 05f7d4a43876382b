"""Orders written as letters: the order number and its date stated in a sentence, the letter's opening
"place, date" line, and delivery dates in sentences with a weekday before the date. Each on a small
letter the test draws itself."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsers.doc_support import Doc

TABLE = ((40, "Cantidad"), (110, "Cód. art."), (190, "Descripción"), (400, "Precio"), (480, "Importe"))


def _letter(opening: str, sentence: str, closing: str = "") -> dict[str, Any]:
    doc = Doc(size=10)
    doc.row(40, (40, "Ferretería Ejemplo S.L."), size=14)
    doc.row(56, (40, "Calle Mayor 1, 28013 Madrid"))
    doc.row(120, (300, opening))
    doc.row(150, (40, sentence))
    doc.row(200, *TABLE)
    doc.row(216, (40, "10"), (110, "BX-9"), (190, "Bisagra inox"), (400, "3,20"), (480, "32,00"))
    doc.row(240, (400, "Total"), (480, "32,00"))
    if closing:
        doc.row(270, (40, closing))
    return doc.order()


@pytest.mark.parametrize(
    ("sentence", "po", "day"),
    [
        ("Adjuntamos nuestro pedido 4417-26, fechado el 24 de noviembre de 2026. Rogamos:", "4417-26", 24),
        ("Les hacemos el pedido nº 386/26 de fecha miércoles, 25 de noviembre de 2026:", "386/26", 25),
        ("Please find below our order no. 118/26 dated 23 November 2026 for the goods:", "118/26", 23),
        ("This letter confirms our purchase order 55120-26 of 22/11/2026. Please supply:", "55120-26", 22),
    ],
)
def test_order_number_and_date_stated_in_a_sentence_are_read(sentence: str, po: str, day: int) -> None:
    order = _letter("Madrid", sentence)
    assert order["po_number"] == po
    assert order["order_date"] == f"2026-11-{day:02d}"


def test_the_place_and_date_line_opening_a_letter_gives_the_order_date() -> None:
    order = _letter("Santiago de Compostela, martes, 24 de noviembre de 2026", "Les rogamos suministren:")
    assert order["order_date"] == "2026-11-24"


def test_a_quantity_after_the_word_order_is_no_order_number() -> None:
    order = _letter("Madrid", "Please order 100 units of the following and confirm by return:")
    assert order["po_number"] != "100"


def test_a_date_after_the_order_number_joined_by_other_words_is_not_the_order_date() -> None:
    """ "pedido 4417-26 que deberá servirse el 05/12/2026": a delivery, not the order's date."""
    order = _letter("Madrid", "Nuestro pedido 4417-26 que deberá servirse el 05/12/2026 incluye:")
    assert order["po_number"] == "4417-26"
    assert order["order_date"] != "2026-12-05"


@pytest.mark.parametrize(
    "closing",
    [
        "Necesitamos el material para el día martes, 8 de diciembre de 2026.",
        "La mercancía deberá estar en nuestro almacén el 08/12/2026 como muy tarde.",
        "Delivery is needed on or before 8 December 2026.",
        "Please ship in time to arrive by December 8, 2026.",
    ],
)
def test_delivery_dates_in_a_letters_closing_sentence_are_read(closing: str) -> None:
    order = _letter("Madrid, 24 de noviembre de 2026", "Les rogamos suministren:", closing)
    assert order["requested_delivery_date"] == "2026-12-08"
    assert order["decision"] != "accept"  # prose is no form: a person confirms a delivery date in it
