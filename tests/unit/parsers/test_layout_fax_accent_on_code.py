"""A product code printed at the head of a line's description, read by OCR with an accent over one of
its letters ("ALÁ-GAL-2 Galvanised wire 2 mm": fine fax boxed_form-109502).

The business rule: a code printed on the order is as good as one in a code column, when the rest of the
description names the same product (validation.resolve, `_code_in_description`).  Our codes and the
customers' carry no accents; on a fax an accent over a code's letter is a speck over the letter OCR
read, so the code names the product it names without it, and the line flows like one found by its code
(its price still checked).  The words must still name that product: a code whose description names
another waits for a clerk, as before."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, page, read

HEADING = ((50, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio"), (500, "Importe"))


def _order(description: str) -> dict[str, Any]:
    """Order PED-26/00123 of customer C-1001: one line, `description`, 100 units at 0,05 = 5,00."""
    return read(
        page(
            cells(40, (50, "Ferretería Núñez S.L.")),
            cells(70, (50, "Nº pedido: PED-26/00123")),
            cells(84, (50, "Fecha: 23/11/2026")),
            cells(98, (50, "Fecha de entrega: 30/11/2026")),
            cells(112, (50, "Nº cliente: C-1001")),
            cells(126, (50, "Moneda: EUR")),
            cells(160, *HEADING),
            cells(174, (50, description), (350, "100"), (390, "uds"), (440, "0,05"), (505, "5,00")),
            cells(202, (430, "Total"), (500, "5,00")),
        )
    )


def test_a_code_read_with_an_accent_over_a_letter_names_its_product_and_the_order_flows() -> None:
    got = _order("TÚE-M8 Tuerca hexagonal M8 zincada")
    assert [line["sku"] for line in got["lines"]] == ["TUE-M8"]
    assert got["problems"] == []
    assert got["decision"] == "accept"


def test_a_code_read_with_an_accent_whose_words_name_another_product_waits() -> None:
    got = _order("TÚE-M8 Tornillo hexagonal M8x40 zincado")
    assert got["decision"] != "accept"
    assert "product_by_description" in [p["code"] for p in got["problems"]]
