"""A product code printed at the head of a line's description and cut by OCR after each of its hyphens
("CIN- AIS- 19 Insulating tape 19 mm x.20 m black": normal fax letter-136504, tuning), so that the
line was taken for its product by its description alone and waited for a clerk.

The business rule: a code printed on the order is as good as one in a code column when the rest of the
description names the same product (validation.resolve, `_code_in_description`); a code OCR cut in two
by a space ("LLA-AJ- 250") is joined again.  No code ends in a hyphen, so a piece that still ends in
one after joining ("CIN-AIS-") is cut again and takes the next piece too.  The words after it must
still name that product, and its price is still checked; pieces that join into no code, or a code
whose words name another product, leave the line to a clerk as before."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, header_rows, page, read


def _order(description: str) -> dict[str, Any]:
    """Order PED-26/00123 of customer C-1001: one line, `description` (no code column), 10 units at
    0,95 = 9,50 (the agreed price of CIN-AIS-19, insulating tape)."""
    heading = ((50, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio"), (500, "Importe"))
    return read(
        page(
            *header_rows(),
            cells(160, *heading),
            cells(174, (50, description), (350, "10"), (390, "uds"), (440, "0,95"), (505, "9,50")),
            cells(202, (430, "Total"), (500, "9,50")),
        )
    )


def test_a_code_cut_after_each_hyphen_names_its_product_and_the_order_flows() -> None:
    got = _order("CIN- AIS- 19 Cinta aislante 19 mm x 20 m negra")
    assert [line["sku"] for line in got["lines"]] == ["CIN-AIS-19"]
    assert got["problems"] == []
    assert got["decision"] == "accept"


def test_pieces_that_join_into_no_code_leave_the_line_to_a_clerk() -> None:
    # "CIN- AIS- 18": no product is coded CIN-AIS-18; the description alone names the tape
    got = _order("CIN- AIS- 18 Cinta aislante 19 mm x 20 m negra")
    assert got["decision"] != "accept"
    assert "product_by_description" in [p["code"] for p in got["problems"]]


def test_a_code_cut_in_three_whose_words_name_another_product_waits() -> None:
    got = _order("CIN- AIS- 19 Tuerca hexagonal M8 zincada")
    assert got["decision"] != "accept"
