"""A table headed "Item | SKU" (issue 10, normal faxes): "Item" numbers the lines and "SKU" names the
code, even where the description's heading was lost to the fax ("Detalls" for "Details"); read as two
code columns, the SKUs went into the description and every line lost its product."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read

HEADING = (
    (40, "Item"),
    (70, "SKU"),
    (150, "Detalls"),
    (300, "Color"),
    (350, "QTY"),
    (390, "UM"),
    (430, "Rate"),
    (500, "Total"),
)


def test_item_before_sku_numbers_the_lines() -> None:
    first = ((42, "1"), (70, "TOR-M8-40"), (150, "Hex bolt M8x40"), (300, "blue"), (350, "250"))
    second = ((42, "2"), (70, "TUE-M8"), (150, "Hex nut M8"), (300, "black"), (350, "222"))
    rows = [
        (*first, (390, "pcs"), (430, "0.18"), (500, "45.00")),
        (*second, (390, "pcs"), (430, "0.05"), (500, "11.10")),
    ]
    got = read(order(rows, heading=HEADING, total="56.10"))
    assert [(line["line_no"], line["item_code"]) for line in got["lines"]] == [
        ("1", "TOR-M8-40"),
        ("2", "TUE-M8"),
    ]
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
