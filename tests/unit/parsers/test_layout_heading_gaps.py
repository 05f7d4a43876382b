"""Heading words of a text layer set a column gap apart head columns of their own, even when together
they would make a known heading: "PRECIO  TOTAL" over a price and an amount, "PRICE  PER" over a price
and the units it is for. Words of one heading stand a word space apart."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.doc_support import Doc, facts


def _doubtful(order: dict[str, Any]) -> list[str]:
    return [p["field"] for p in order["problems"] if p["code"] in ("low_confidence", "field_not_read")]


def test_precio_and_total_a_column_gap_apart_head_a_price_and_an_amount() -> None:
    # "PRECIO" with "UNITARIO" under it, then "TOTAL" ten points on: the price column is read, not
    # worked out from the amount (which would leave every price for a person to check)
    doc = Doc(size=10).known_buyer("23554-26", "Entrega: 03/12/2026")
    doc.row(310, (56, "UNIDADES"), (143, "ARTÍCULO"), (216, "DENOMINACIÓN"), (457, "PRECIO"), (506, "TOTAL"))
    doc.row(323, (445, "UNITARIO"))
    doc.row(
        343, (98, "12"), (143, "SIL-TRA-300"), (216, "Silicona neutra 300 ml"), (478, "4,20"), (518, "50,40")
    )
    doc.row(357, (92, "200"), (143, "TOR-M10-60"), (216, "Tornillo M10x60"), (478, "0,34"), (518, "68,00"))
    doc.row(380, (457, "TOTAL"), (518, "118,40"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "12", "4.2"), ("TOR-M10-60", "200", "0.34")]
    assert _doubtful(order) == []


def test_price_and_per_a_column_gap_apart_head_a_price_and_its_basis() -> None:
    # "PRICE" and "PER" ten points apart over "3,600 €" and "1": the price, and the units it is for
    doc = Doc(size=8).known_buyer("4510000024", "Entrega: 03/12/2026")
    doc.row(
        277,
        (40, "ITEM"),
        (75, "ITEM / DETAILS"),
        (354, "QUANTITY"),
        (408, "UOM"),
        (451, "PRICE"),
        (487, "PER"),
    )
    doc.row(277, (529, "AMOUNT"))
    doc.row(306, (40, "00010"), (75, "GUA-TRA-9"), (377, "12,00"), (408, "ud"), (446, "3,600 €"), (499, "1"))
    doc.row(306, (525, "43,20 €"))
    doc.row(
        320, (40, "00020"), (75, "REM-AL-4"), (370, "1000,00"), (408, "ud"), (442, "12,000 €"), (487, "1000")
    )
    doc.row(320, (525, "12,00 €"))
    doc.row(345, (451, "TOTAL"), (525, "55,20 €"))
    order = doc.order()
    assert facts(order) == [("GUA-TRA-9", "12", "3.6"), ("REM-AL-4", "1000", "0.012")]
    assert _doubtful(order) == []
