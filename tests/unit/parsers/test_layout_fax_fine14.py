"""Fine faxes, issue 10 (faxfine14): a product code printed at the head of a line's description, whose
name words the fax misread and after which the buyer wrote a remark ("TUE-M8 Tuerda hexagonal M8
zintada embalaje reforzado, entregar paletizado": fine fax erp_ruled-115504).

The business rule: a code printed on the order is as good as one in a code column when the rest of the
description names the same product (validation.resolve, `_code_in_description`).  A fax misreads a
description's letters as it misreads a code's ("Tuerda" for "Tuerca", "zintada" for "zincada"), and a
remark after the name keeps the words from reading like any one product clearly; the name is still
given when half of its words stand in the description, each a letter or so off.  Words that name
another product still send the line to a clerk."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, header_rows, one_line_order, page, read

_order = one_line_order


def test_a_printed_code_whose_name_the_fax_misread_before_a_remark_names_its_product() -> None:
    got = _order("TUE-M8 Tuerda hexagonal M8 zintada, reforzado")
    assert [line["sku"] for line in got["lines"]] == ["TUE-M8"]
    assert got["problems"] == []
    assert got["decision"] == "accept"


def test_a_printed_code_whose_misread_words_name_another_product_still_waits() -> None:
    got = _order("TUE-M8 Tornilla hexagonal M8x40 zintado, reforzado")
    assert got["decision"] != "accept"


# A table whose quantity and price headings the fax garbled ("OTD." for "QTD.", "Vxlr#" for the
# price), the price printed before the quantity: the columns are typed by what stands in them alone
# (parsers.layout.infer; fine fax dotmatrix-116004 read every quantity as the price and back).
GARBLED = ((50, "Código"), (130, "Descripción"), (330, "Vxlr#"), (400, "OTD."), (500, "Importe"))


def _garbled(rows: list[tuple[str, str, str, str, str]], total: str) -> dict[str, Any]:
    return read(
        page(
            *header_rows("PED-26/00124"),
            cells(160, *GARBLED),
            *(
                cells(174 + 14 * i, (50, code), (130, desc), (330, price), (400, qty), (505, amount))
                for i, (code, desc, price, qty, amount) in enumerate(rows)
            ),
            cells(174 + 14 * len(rows) + 14, (430, "Total"), (500, total)),
        )
    )


def test_columns_the_arithmetic_cannot_tell_apart_are_quantity_where_whole_units_stand() -> None:
    # quantity × price is price × quantity: the column of whole units is the quantity's, the one
    # printing cents the price's, wherever each stands
    got = _garbled(
        [
            ("TUE-M8", "Tuerca hexagonal M8", "0,0500", "1.000", "50,00"),
            ("TOR-M8-40", "Tornillo hexagonal M8x40", "0,1800", "500", "90,00"),
            ("TUE-M8", "Tuerca hexagonal M8", "0,0500", "200", "10,00"),
        ],
        "150,00",
    )
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("1000", "0.05"),
        ("500", "0.18"),
        ("200", "0.05"),
    ]
