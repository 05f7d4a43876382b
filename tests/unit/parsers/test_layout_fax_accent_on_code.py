"""A product code printed at the head of a line's description, read by OCR with an accent over one of
its letters ("ALÁ-GAL-2 Galvanised wire 2 mm": fine fax boxed_form-109502).

The business rule: a code printed on the order is as good as one in a code column, when the rest of the
description names the same product (validation.resolve, `_code_in_description`).  Our codes and the
customers' carry no accents; on a fax an accent over a code's letter is a speck over the letter OCR
read, so the code names the product it names without it, and the line flows like one found by its code
(its price still checked).  The words must still name that product: a code whose description names
another waits for a clerk, as before."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import one_line_order

_order = one_line_order


def test_a_code_read_with_an_accent_over_a_letter_names_its_product_and_the_order_flows() -> None:
    got = _order("TÚE-M8 Tuerca hexagonal M8 zincada")
    assert [line["sku"] for line in got["lines"]] == ["TUE-M8"]
    assert got["problems"] == []
    assert got["decision"] == "accept"


def test_a_code_read_with_an_accent_whose_words_name_another_product_waits() -> None:
    got = _order("TÚE-M8 Tornillo hexagonal M8x40 zincado")
    assert got["decision"] != "accept"
    assert "product_by_description" in [p["code"] for p in got["problems"]]
