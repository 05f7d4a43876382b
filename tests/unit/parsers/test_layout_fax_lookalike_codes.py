"""Fax item codes misread beyond what the reader's own readings of them give back (issue 10): a letter
read for another and a hyphen lost together ("GUANIET-L"), a speck, a look-alike and a quote mark
("SIT.-T'RA-300").  Master data settles them (validation.lookalike): the one product whose code the
code read is a slip or two from, when the line's description names it; the order flows on only when
the line's price agrees with that product too."""

from __future__ import annotations

import pytest

from tests.unit.parsers.ocr_support import HEADING, STEP, cells, page, read, row
from tests.unit.parsers.pdf_support import SampleMaster


def _page(code: str, description: str, price: str, amount: str) -> list:  # type: ignore[type-arg]
    y = 160 + STEP
    return [
        cells(40, (50, "Nº pedido: PED-26/00123")),
        cells(54, (50, "Fecha: 23/11/2026")),
        cells(160, *HEADING),
        cells(y, *row(code, "10", price, amount, desc=description)),
        cells(y + 3 * STEP, (430, "Total"), (505, amount)),
    ]


@pytest.mark.parametrize(
    ("read_as", "meant"),
    [
        ("GUANIET-L", "GUA-NIT-L"),  # the first hyphen lost, a stray E
        ("SIT.-T'RA-300", "SIL-TRA-300"),  # an L read as T, a speck before the hyphen, one in the code
    ],
)
def test_a_code_two_slips_off_resolves_by_master_data_when_the_description_names_it(
    read_as: str, meant: str
) -> None:
    product = SampleMaster().product_rows[meant]
    assert product.price is not None
    price = f"{product.price:.2f}".replace(".", ",")
    amount = f"{product.price * 10:.2f}".replace(".", ",")
    got = read(page(*_page(read_as, product.name, price, amount)))
    line = got["lines"][0]
    assert (line["item_code"], line["sku"]) == (read_as, meant)
    assert not [p for p in got["problems"] if p["field"] == "lines[0].item_code"]
    # the price agrees with no product: the line keeps the product its code looks like, for a person
    other = f"{product.price * 3:.2f}".replace(".", ",")
    got = read(page(*_page(read_as, product.name, other, f"{product.price * 30:.2f}".replace(".", ","))))
    assert got["lines"][0]["sku"] == meant and got["decision"] == "review"
    assert "low_confidence" in [p["code"] for p in got["problems"] if p["field"] == "lines[0].item_code"]
    # a description that names another product: the code alone settles nothing
    got = read(page(*_page(read_as, "Arandela plana", price, amount)))
    assert got["lines"][0]["sku"] is None and got["decision"] == "review"
