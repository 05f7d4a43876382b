"""A letter's dateline whose comma after the place a fax read as a point, over a date that holds a
comma of its own ("Monterrey. 23 Noviembre, 2026" for "Monterrey, 23 Noviembre, 2026"). The business
rule: a letter opening with its place and a date is dated that day, the order's date; the point read
for the comma is a misreading, so the date is read and a person confirms it. A dateline read with
its comma stays as sure as its words."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, page, read

_SCREWS = (
    cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")),
    cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00")),
    cells(202, (430, "Total"), (500, "45,00")),
)


def _letter(dateline: str) -> dict[str, Any]:
    return read(
        page(
            cells(40, (50, "Ferretería Núñez S.L.")),
            cells(54, (50, "Nº cliente: C-1001")),
            cells(84, (400, dateline)),
            cells(112, (50, "Les hacemos el pedido nº 672/26, con los artículos siguientes:")),
            *_SCREWS,
        )
    )


def test_a_dateline_with_its_comma_read_as_a_point_before_a_date_with_a_comma_is_the_order_date() -> None:
    got = _letter("Monterrey. 23 Noviembre, 2026")
    assert got["order_date"] == "2026-11-23"
    assert any(p["field"] == "order_date" for p in got["problems"]) and got["decision"] != "accept"


def test_a_dateline_with_its_comma_is_read_as_before() -> None:
    got = _letter("Monterrey, 23 Noviembre, 2026")
    assert got["order_date"] == "2026-11-23"
    assert not any(p["field"] == "order_date" for p in got["problems"])
