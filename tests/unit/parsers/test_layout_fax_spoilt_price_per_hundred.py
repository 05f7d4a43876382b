"""A row whose spoilt price is printed for the 100 units the row prints beside it.

The business rule: a row whose figure OCR read as no number (".€5,00": a speck before the sign) is named
as a row not read, so that a person enters it, unless the line was read from it all the same: the
spoilt figure's figures are those of the value the line took.  A price printed for 100 units ("2500
pzas .€5,00 100 €125,00" under "Precio/ud. | Cant. precio": 2500 at 5,00 the hundred) is the line's
price per one (0,05) times the basis the row prints, so its figures say the line's price as printed
(fine fax erp_ruled-109003 waited for that row, every figure of it read right).  A spoilt price that
says another figure (".€6,00") still names the row; the line's figures keep their own evidence.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, page, read

HEADING = (
    (62, "LÍNEA"),
    (97, "UDS."),
    (131, "UNIDAD"),
    (175, "REF."),
    (249, "DESCRIPCIÓN"),
    (409, "PRECIO/UD."),
    (474, "CANT."),
    (510, "IMPORTE"),
)


def _row(pos: str, qty: str, code: str, desc: str, price: str, per: str, amount: str) -> tuple:
    return (
        (62, pos),
        (104, qty),
        (131, "pzas"),
        (175, code),
        (249, desc),
        (436, price),
        (486, per),
        (517, amount),
    )


def _order(price: str) -> dict[str, Any]:
    """Three lines, the second 2500 nuts at `price` for 100 = 125,00; net, tax and total printed."""
    return read(
        page(
            cells(40, (50, "Ferretería Núñez S.L.")),
            cells(70, (50, "Nº pedido: PED-26/00123")),
            cells(84, (50, "Fecha: 23/11/2026")),
            cells(98, (50, "Nº cliente: C-1001")),
            cells(160, *HEADING),
            cells(171, (469, "PRECIO")),
            cells(186, *_row("001", "20", "BRO-HSS-8", "Broca HSS 8 mm", "€2,45", "1", "€49,00")),
            cells(200, *_row("002", "2500", "TUE-M8", "Tuerca hexagonal M8", price, "100", "€125,00")),
            cells(214, *_row("003", "100", "TOR-M8-40", "Tornillo M8x40", "€18,00", "100", "€18,00")),
            cells(242, (400, "BASE IMPONIBLE"), (510, "€192,00")),
            cells(256, (400, "IVA 21 %"), (510, "€40,32")),
            cells(270, (400, "TOTAL CON IVA"), (510, "€232,32")),
        )
    )


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines" and p["code"] == "field_not_read"]


def test_a_spoilt_price_that_says_the_price_for_the_hundred_the_row_prints_names_no_row() -> None:
    got = _order(".€5,00")
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]][1] == ("2500", "0.05")
    assert _named(got) == []


def test_a_spoilt_price_that_says_another_figure_still_names_the_row() -> None:
    got = _order(".€6,00")
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"
