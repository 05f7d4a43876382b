"""A table that goes on overleaf, its last row's description right over the carried-forward sum: normal
fax sap_listing (tuning), "Guante de trabajo piel flor" then "CONTINUED SUBTOTAL 7,019.80" closing page 1.
The description, running across two columns with no row after it, was taken for a letter's text that
ends the table; so page 1's table was not carried over, and page 2, whose heading the fax garbled, was
typed by its rows' arithmetic alone: the positions as the codes, the codes as descriptions.

The business rule: a sum carried to the next page says the table goes on there, so the text right above
it is the last row's description, and the next page's rows stand in the same columns.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, header_rows, page, read

HEADING = ((20, "Pos."), (60, "Código"), (140, "Descripción"), (330, "Cantidad"), (390, "Ud."))
HEADING += ((430, "Precio"), (500, "Importe"))


def _row(y: float, pos: str, code: str, qty: str, price: str, amount: str) -> list[Any]:
    return cells(y, (20, pos), (60, code), (350, qty), (390, "uds"), (440, price), (505, amount))


def _pages(carried: str) -> list[PageWords]:
    first = [
        *header_rows(),
        cells(160, *HEADING),
        _row(174, "10", "TOR-M8-40", "100", "0,18", "18,00"),
        cells(188, (60, "Tornillo hexagonal M8x40 zincado")),
        _row(202, "20", "GUA-TRA-9", "20", "3,60", "72,00"),
        cells(216, (60, "Guante de trabajo piel flor")),
        cells(244, (330, carried), (505, "90,00")),
    ]
    second = [
        cells(60, (330, "Suma anterior"), (505, "90,00")),
        _row(90, "30", "TAC-6", "4", "3,90", "15,60"),
        cells(104, (60, "Taco de nailon 6 mm (caja 100)")),
        _row(118, "40", "REM-AL-4", "500", "0,012", "6,00"),
        cells(132, (60, "Remache ciego aluminio 4x10 mm")),
        cells(160, (430, "Total"), (505, "111,60")),
    ]
    return [page(*first), page(*second, number=2)]


def test_the_rows_overleaf_keep_the_columns_of_a_table_carried_under_a_description() -> None:
    got = read(_pages("Suma y sigue"))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "GUA-TRA-9", "TAC-6", "REM-AL-4"]
    assert "Guante de trabajo piel flor" in (got["lines"][1]["description"] or "")
    assert [line["quantity"] for line in got["lines"]] == ["100", "20", "4", "500"]
