"""An order date or order number printed twice on a fax, each printing read on its own
(parsers.layout.header_choice.choose, parsers.layout.order_header._surest_printing).

The business rule: a value the page prints twice, on two pieces of ink, is read twice; the fax spoils
each printing on its own, so a figure misread in one is not misread alike in the other.  Where both
printings say the same value, it is as sure as the surer reading of it: a letter dated "Madrid, 23
Noviembre, 2026" with its year read unsure, whose opening sentence states the order "de fecha 23
Noviembre, 2026" read sure, bears the date out.  Printings that say two values pin neither, and the
date waits for a person; so does a date printed once and read unsure, and a word "fecha" in a sentence
that names no order is no second printing of the order's date.  An order number read unsure under its
label and printed again at the foot of the page, read sure as the very same characters, is as sure as
that reading; a second printing one character otherwise holds it.

Pages are built word by word, as Tesseract boxes them, each word with its own confidence.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, SPACE, cells, doubted, page, read, word

SURE = 0.93
UNSURE = 0.62


def _words(y: float, x: float, text: str, *unsure: str) -> list[Word]:
    """The words of `text` from `x` on, each read sure but those in `unsure`."""
    out = []
    for part in text.split():
        out.append(word(part, x, y, conf=UNSURE if part in unsure else SURE))
        x += CHAR * len(part) + SPACE
    return out


# one line of screws under its heading, and the order's total: the table both kinds of page order
_SCREWS = (
    cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")),
    cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00")),
    cells(202, (430, "Total"), (500, "45,00")),
)


def _letter(dateline: str, sentence: str, *unsure: str) -> dict[str, Any]:
    """A letter from customer C-1001 dated by `dateline` (its words in `unsure` read unsure), whose
    opening `sentence` states what it orders, over one line of screws."""
    return read(
        page(
            cells(40, (50, "Ferretería Núñez S.L.")),
            cells(54, (50, "Nº cliente: C-1001")),
            _words(84, 400, dateline, *unsure),
            _words(112, 50, sentence),
            *_SCREWS,
        )
    )


ORDERED = "Les hacemos el pedido nº 672/26 de fecha {date}, con los artículos siguientes:"


def test_a_dateline_read_unsure_is_borne_out_by_the_date_the_opening_sentence_states() -> None:
    got = _letter("Madrid, 23 Noviembre, 2026", ORDERED.format(date="23 Noviembre, 2026"), "2026")
    assert got["order_date"] == "2026-11-23"
    assert not doubted(got, "order_date")


def test_two_printings_that_say_two_dates_hold_the_date() -> None:
    got = _letter("Madrid, 23 Noviembre, 2026", ORDERED.format(date="24 Noviembre, 2026"), "2026")
    assert doubted(got, "order_date")


def test_a_date_printed_once_and_read_unsure_still_waits() -> None:
    got = _letter("Madrid, 23 Noviembre, 2026", "Les rogamos suministren lo siguiente:", "2026")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date")


def test_fecha_alone_in_a_sentence_is_no_second_printing() -> None:
    sentence = "Les rogamos con fecha 23 Noviembre, 2026 lo siguiente:"
    got = _letter("Madrid, 23 Noviembre, 2026", sentence, "2026")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date")


def _numbered(printed: str, again: str, confidence: float = 0.7) -> dict[str, Any]:
    """An order whose number, under its label, reads `printed` at `confidence`, and whose foot prints
    it again as `again`, read sure."""
    return read(
        page(
            cells(40, (50, "Ferretería Núñez S.L.")),
            [*cells(70, (50, "Nº pedido:")), word(printed, 104, 70, conf=confidence)],
            cells(84, (50, "Fecha: 23/11/2026")),
            cells(98, (50, "Nº cliente: C-1001")),
            *_SCREWS,
            cells(780, (50, again), (300, "Página 1 de 1")),
        )
    )


def test_an_order_number_read_unsure_is_borne_out_by_a_second_printing_read_sure() -> None:
    got = _numbered("PED-26/00123", "PED-26/00123")
    assert got["po_number"] == "PED-26/00123"
    assert not doubted(got, "po_number")


def test_a_second_printing_that_says_another_number_holds_it() -> None:
    got = _numbered("PED-26/00123", "PED-26/00128")
    assert doubted(got, "po_number")


def test_an_order_number_printed_once_and_read_unsure_still_waits() -> None:
    got = _numbered("PED-26/00123", "Gracias")
    assert doubted(got, "po_number")
