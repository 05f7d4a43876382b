"""Header dates whose marks a normal fax lost or garbled (parsers.layout.dates, the misread readings).

The business rule: a date is read as printed; a date that reads only once a mark OCR lost is put back
("2026-12 01", "2026 12-03" and "29-11 2076": one separator of three lost, the other standing for
it) or a 5 read as an S is put right ("Sth December 2026") is read, and a person confirms it.  An
amount beside a year ("12.50 2026") is no date.  A day misread into no day of its month, printed after
its weekday's name ("martes, 45 de diciembre de 2026"), is the one day a figure away that falls on that
weekday (the 15th: the 5th is a Saturday, the 25th a Friday), for a person to confirm; with no weekday
named, or none of those days on it, no date is read.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(*header: list[Word]) -> dict[str, Any]:
    base = order(GOOD, header=False)
    words = [w for line in header for w in line]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _fields(delivery: str) -> list[list[Word]]:
    return [
        cells(70, (50, "BESTELLNUMMER:"), (150, "26/97126")),
        cells(84, (50, "BESTELLDATUM:"), (150, "2026-11-23")),
        cells(98, (50, "WUNSCHTERMIN:"), (150, delivery)),
        cells(112, (50, "Nº cliente: C-1001")),
    ]


def _doubtful(got: dict[str, Any], field: str) -> bool:
    return any(p["field"] == field and p["code"] == "low_confidence" for p in got["problems"])


def test_a_year_first_date_whose_second_dash_was_lost_is_read_and_confirmed_by_a_person() -> None:
    got = _read(*_fields("2026-12 01"))
    assert got["requested_delivery_date"] == "2026-12-01"
    assert _doubtful(got, "requested_delivery_date")
    assert got["decision"] == "review"


def test_a_year_first_date_whose_first_dash_was_lost_is_read() -> None:
    assert _read(*_fields("2026 12-03"))["requested_delivery_date"] == "2026-12-03"


def test_a_day_first_date_whose_mark_before_its_year_was_lost_is_read_not_an_amount_beside_a_year() -> None:
    found = find_date("29-11 2026")
    assert found is not None and found.value.isoformat() == "2026-11-29" and found.certainty < 0.8
    assert find_date("12.50 2026") is None
    assert find_date("2026 12 03") is None


def test_an_ordinal_before_its_month_whose_five_ocr_read_as_an_s() -> None:
    found = find_date("Sth December 2026")
    assert found is not None and found.value.isoformat() == "2026-12-05" and found.certainty < 0.8


def test_a_month_first_date_whose_comma_after_the_day_was_read_as_a_point() -> None:
    got = _read(
        cells(70, (50, "Purchase order no.:"), (150, "PO-77510")),
        cells(84, (50, "Date issued:"), (150, "Navember 26. 2026")),
        cells(112, (50, "Nº cliente: C-1001")),
    )
    assert got["order_date"] == "2026-11-26"
    assert _doubtful(got, "order_date")
    assert find_date("Item 26. 2026") is None


def test_a_letters_place_and_date_whose_comma_was_read_as_a_point() -> None:
    got = _read(
        cells(56, (300, "Santiago de Compostela. 23 de noviembre de 2026")),
        cells(70, (50, "Nº pedido: 85618-26")),
        cells(112, (50, "Nº cliente: C-1001")),
    )
    assert got["order_date"] == "2026-11-23"
    assert _doubtful(got, "order_date")


def test_a_label_with_one_short_word_a_letter_off_still_labels_its_value_for_a_person_to_confirm() -> None:
    # "PO date:" read "PO dato:" (too short a word to snap back alone); "Due date" over its box read "Dur"
    got = _read(
        cells(70, (50, "Purchase order no.:"), (150, "PO-77510")),
        cells(84, (50, "PO dato:"), (150, "24.11.2026")),
        cells(112, (50, "Dur date"), (150, "Customer no.")),
        cells(126, (50, "04.12.2026"), (150, "C-1001")),
    )
    assert got["order_date"] == "2026-11-24"
    assert _doubtful(got, "order_date")
    assert got["requested_delivery_date"] == "2026-12-04"
    assert _doubtful(got, "requested_delivery_date")


def test_a_day_misread_into_no_day_is_the_one_day_a_figure_away_on_its_printed_weekday() -> None:
    got = _read(*_fields("martes, 45 de diciembre de 2026"))
    assert got["requested_delivery_date"] == "2026-12-15"
    assert _doubtful(got, "requested_delivery_date")
    assert find_date("45 de diciembre de 2026") is None
    assert find_date("lunes, 45 de diciembre de 2026") is None  # no Monday a figure away
