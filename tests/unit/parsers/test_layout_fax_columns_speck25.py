"""Normal fax lines (faxln25): a table of ten rows with a code column and an EAN column set close
beside it, whose gap specks on the lines of wrapped descriptions cross.  Each column keeps its own
words: the cut between two headings falls where the fewest rows have ink between them, not at a white
place past the next heading.  Each test builds its page word by word (tests.unit.parsers.ocr_support),
figures right-aligned as tables print them, and states the rule it checks."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, header_rows, page, read

QTY, PRICE, AMOUNT = 70.0, 470.0, 548.0  # right edges of the quantity, price and amount columns
UNIT, CODE, EAN, DESC = 80.0, 110.0, 180.0, 256.0  # left edges of the columns of words

# (code, EAN, description, quantity, price, amount): ten rows, a whole page of an order
_ROWS = (
    ("TOR-M8-40", "8437000100102", "Tornillo M8x40", "2000", "0,18", "360,00"),
    ("TUE-M8", "8437000100126", "Tuerca M8", "5000", "0,05", "250,00"),
    ("ARA-M8", "8437000100133", "Arandela M8", "1000", "0,02", "20,00"),
    ("TAC-6", "8437000100140", "Taco nailon 6", "20", "3,90", "78,00"),
    ("BRO-HSS-8", "8437000100157", "Broca HSS 8", "10", "2,45", "24,50"),
    ("CIN-AIS-19", "8437000100164", "Cinta aislante", "25", "0,95", "23,75"),
    ("GUA-NIT-L", "8437000100171", "Guantes nitrilo", "6", "8,50", "51,00"),
    ("SIL-TRA-300", "8437000100188", "Silicona neutra", "12", "4,20", "50,40"),
    ("LLA-AJ-250", "8437000100195", "Llave ajustable", "2", "12,80", "25,60"),
    ("TOR-M10-60", "8437000100119", "Tornillo M10x60", "500", "0,34", "170,00"),
)
_TOTAL = "1053,25"


def _right(edge: float, text: str) -> tuple[float, str]:
    """A figure set right-aligned to end at `edge`, as a table prints its figures."""
    return edge - CHAR * len(text), text


def _page(wrapped: dict[int, list[tuple[float, str]]]) -> list[list[Word]]:
    """Ferretería Núñez's order: the heading "Cant. Ud. Cód. art. EAN13 Descripción Precio Importe",
    the ten rows under it, and under the rows `wrapped` names a line of its own (the rest of a
    description, with the specks OCR read on that line)."""
    heading = cells(
        160,
        (40, "Cant."),
        (UNIT, "Ud."),
        (CODE, "Cód. art."),
        (EAN, "EAN13"),
        (DESC, "Descripción"),
        (430, "Precio"),
        (505, "Importe"),
    )
    lines = [*header_rows(), heading]
    y = 160.0
    for i, (code, ean, desc, qty, price, amount) in enumerate(_ROWS):
        y += 14
        figures = (_right(QTY, qty), _right(PRICE, price), _right(AMOUNT, amount))
        words = ((UNIT, "uds"), (CODE, code), (EAN, ean), (DESC, desc))
        lines.append(cells(y, figures[0], *words, *figures[1:]))
        if i in wrapped:
            y += 14
            lines.append(cells(y, *sorted(wrapped[i])))
    lines.append(cells(y + 28, (420, "Total"), _right(AMOUNT, _TOTAL)))
    return lines


def _facts(got: dict[str, Any]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(line["item_code"], line["gtin"], line["quantity"], line["unit_price"]) for line in got["lines"]]


_RIGHT = [
    (code, ean, qty, price.replace(",", ".").rstrip("0").rstrip(".")) for code, ean, _, qty, price, _ in _ROWS
]


def test_specks_crossing_the_gaps_beside_the_ean_and_before_the_price_leave_every_column_its_words() -> None:
    # Two descriptions run on to a line of their own, and on each of those lines OCR read a speck where
    # the codes end and the EANs begin ("ol", "1", overlapping) and another after the words ("lo",
    # "7"): no white runs down between the codes and the EANs on all rows but one.  The code is still
    # the code, the EAN the EAN.  Before, the cut went to the white place nearest the middle of the
    # two headings under the whole run of ink, between the units and the codes, and each code ran into
    # its EAN ("TOR-M8-408437000100102") and matched no product.
    wrapped = {
        2: [(166, "ol"), (DESC, "embalaje reforzado"), (420, "lo")],
        6: [(175, "1"), (DESC, "talla L (caja 100)"), (415, "7")],
    }
    got = read(page(*_page(wrapped)))
    assert _facts(got) == _RIGHT


def test_the_same_table_without_specks_reads_the_same() -> None:
    # The guard: with clean gaps the columns come from the white between them, as before.
    got = read(page(*_page({})))
    assert _facts(got) == _RIGHT
