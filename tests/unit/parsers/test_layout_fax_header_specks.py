"""Normal-fax header fields whose label or date OCR spoiled by a speck or a lost stroke (issue 10,
faxhead7: parsers.layout.dates and parsers.layout.cleanup).

The business rule: a date is read as printed; one that reads only once OCR's misreading is mended is
read for a person to confirm: an ordinal whose t the fax lost between its month and year ("November
24h, 2026" is the 24th), and a speck in the space before "de" read as an apostrophe ("noviembre'de
2026").  An hour ("a las 14h") is no day.  A label is the label it reads as once the dot of a
one-letter abbreviation read as a comma is put back ("P,O.No.:" is "P.O. No.:"), and a dot-matrix B
whose lower bowl lost its right side reads as an R ("RESTFLL-NR." is "BESTELL-NR.", its E read as
an F, a look-alike already known); a label word a speck cut in two, the speck read as a mark before
its second part ("DAT 'E:"), is the word, wherever OCR listed the second part.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, order, read, row, word

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(*header: list[Word]) -> dict[str, Any]:
    base = order(GOOD, header=False)
    words = [w for line in header for w in line]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _doubtful(got: dict[str, Any], field: str) -> bool:
    return any(p["field"] == field and p["code"] == "low_confidence" for p in got["problems"])


def test_an_ordinal_whose_t_was_lost_between_month_and_year_is_read_for_a_person_to_confirm() -> None:
    got = _read(
        cells(70, (50, "Purchase order no.:"), (150, "PO-77510")),
        cells(84, (50, "Order date:"), (150, "November 24h, 2026")),
        cells(98, (50, "Delivery date:"), (150, "December 14h, 2026")),
        cells(112, (50, "Nº cliente: C-1001")),
    )
    assert got["order_date"] == "2026-11-24"
    assert got["requested_delivery_date"] == "2026-12-14"
    assert _doubtful(got, "order_date") and _doubtful(got, "requested_delivery_date")
    assert got["decision"] == "review"
    assert find_date("entrega a las 14h 2026") is None  # an hour, no day


def test_a_speck_read_as_an_apostrophe_before_de_in_a_spanish_date() -> None:
    got = _read(
        cells(70, (50, "Nº pedido:"), (150, "85618-26")),
        cells(84, (50, "Fecha pedido:"), (150, "lunes, 23 de noviembre'de 2026")),
        cells(112, (50, "Nº cliente: C-1001")),
    )
    assert got["order_date"] == "2026-11-23"
    assert _doubtful(got, "order_date")


def test_an_abbreviations_dot_read_as_a_comma_leaves_the_order_number_label_a_label() -> None:
    got = _read(
        cells(70, (50, "P,O.No.:"), (150, "2618915")),
        cells(84, (50, "Fecha: 23/11/2026")),
        cells(112, (50, "Nº cliente: C-1001")),
    )
    assert got["po_number"] == "2618915"


def test_a_dot_matrix_label_with_b_read_as_r_and_e_as_f_is_still_the_order_number_label() -> None:
    got = _read(
        cells(70, (50, "RESTFLL-NR.:"), (150, "078505")),
        cells(84, (50, "Fecha: 23/11/2026")),
        cells(112, (50, "Nº cliente: C-1001")),
    )
    assert got["po_number"] == "078505"


def test_a_label_word_a_speck_cut_in_two_is_joined_even_when_ocr_listed_its_half_last() -> None:
    first = cells(84, (50, "DAT"), (150, "26-11-2026"))
    half = word("'E:", 50 + 5.4 * 3 + 1.0, 84)  # a sliver after "DAT", read again as a hole: listed last
    got = _read(
        cells(70, (50, "Purchase order no.:"), (150, "PO-77510")),
        first,
        cells(112, (50, "Nº cliente: C-1001")),
        [half],
    )
    assert got["order_date"] == "2026-11-26"
