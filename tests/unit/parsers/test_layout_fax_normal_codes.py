"""Item codes of normal-resolution faxes (issue 10, fifth round): codes whose hyphens or strokes the fax
lost, and descriptions printed under the code. Each test builds its words (tests.unit.parsers.ocr_support)
and states the business rule: a misread code is taken for a product only when the line's description
names that product too."""

from __future__ import annotations

import pytest

from parsers.layout.codes import misreadings
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, page, read, row
from tests.unit.parsers.pdf_support import SampleMaster


def _order_with(lines: list[list]) -> list:  # type: ignore[type-arg]
    head = [
        cells(40, (50, "Nº pedido: PED-26/00123")),
        cells(54, (50, "Fecha: 23/11/2026")),
        cells(68, (50, "Nº cliente: C-1001")),
        cells(160, *HEADING),
    ]
    return head + lines


def test_a_description_set_under_the_code_is_read_whole() -> None:
    # the code on the row's first line, the description on the line below it beginning under the code
    # ("00130 BRO-HSS-8" over "HSS drill bit 8 mm for metal" on a SAP listing): its first words stand in
    # the code column, and they are as much the description as the words past it
    y = 160 + STEP
    lines = [
        cells(y, (50, "BRO-H55-8"), (350, "10"), (390, "uds"), (440, "2,45"), (505, "24,50")),
        cells(y + STEP, (70, "Broca HSS 8 mm para metal")),
        cells(y + 3 * STEP, (430, "Total"), (505, "24,50")),
    ]
    got = read(page(*_order_with(lines)))
    line = got["lines"][0]
    assert line["description"] == "Broca HSS 8 mm para metal"
    # the description names the drill bit, so the code read with S as 5 is taken for it
    assert (line["item_code"], line["sku"]) == ("BRO-H55-8", "BRO-HSS-8")


@pytest.mark.parametrize(
    ("read_as", "meant"),
    [
        ("GUANITL", "GUA-NIT-L"),  # both hyphens lost: one thin line of ink, every other scan line kept
        ("CUANITL", "GUA-NIT-L"),  # and a G read as C
        ("TORM840", "TOR-M8-40"),
        ("SIU'-TRA-300", "SIL-TRA-300"),  # a speck read as a quote mark, an L as U
        ("TAQ-6", "TAC-6"),  # a C with a speck under it
        ("LLAFAJ-250", "LLA-AJ-250"),  # the hyphen run into the A after it: F
        ("TUL-M8", "TUE-M8"),  # an E whose upper bars the fax lost
    ],
)
def test_a_code_the_fax_lost_strokes_of_resolves_when_the_description_names_it(
    read_as: str, meant: str
) -> None:
    assert meant in misreadings(read_as)
    product = SampleMaster().product_rows[meant]
    assert product.price is not None
    price = f"{product.price:.2f}".replace(".", ",")
    amount = f"{product.price * 10:.2f}".replace(".", ",")
    y = 160 + STEP
    lines = [
        cells(y, *row(read_as, "10", price, amount, desc=product.name)),
        cells(y + 3 * STEP, (430, "Total"), (505, amount)),
    ]
    got = read(page(*_order_with(lines)))
    assert got["lines"][0]["sku"] == meant and got["lines"][0]["item_code"] == read_as
    # a description that names another product: the code alone decides nothing
    lines[0] = cells(y, *row(read_as, "10", price, amount, desc="Arandela plana"))
    got = read(page(*_order_with(lines)))
    assert got["lines"][0]["sku"] is None and got["decision"] == "review"


@pytest.mark.parametrize("word", ["ZINCADO", "12345678", "Tornillo"])
def test_words_and_numbers_get_no_hyphens_put_back(word: str) -> None:
    # a number is no code with its hyphens lost, nor is a word in small letters; a word in capitals may
    # be one, and only the description's naming the product lets it through
    hyphenated = [m for m in misreadings(word) if m.count("-") == 2 and m.replace("-", "") == word.upper()]
    assert bool(hyphenated) == (word == "ZINCADO")


def test_a_dollar_sign_after_the_figures_read_as_a_figure_is_left_out_by_the_arithmetic() -> None:
    # "4,20$" and "50,40$" on a normal fax: the sign's strokes blurred into a 3 and a 5, the price's
    # comma lost with it; 12 at 4,20 make the 50,40 the total states, so that is what was printed
    lines = [
        cells(160 + STEP, *row("SIL-TRA-300", "12", "4203", "50,405", desc="Silicona neutra 300 ml")),
        cells(160 + 3 * STEP, (430, "Total"), (505, "50,40")),
    ]
    got = read(page(*_order_with(lines)))
    assert numbers_of(got) == [("SIL-TRA-300", "12", "4.2")]
    assert got["decision"] == "review"  # figures read only once mended are doubtful


def numbers_of(got: dict) -> list[tuple[str | None, str | None, str | None]]:  # type: ignore[type-arg]
    return [(line["sku"], line["quantity"], line["unit_price"]) for line in got["lines"]]


@pytest.mark.parametrize("lines_add_up", [True, False])
def test_a_sign_after_the_net_totals_cents_read_as_a_figure_is_left_out_and_doubted(
    lines_add_up: bool,
) -> None:
    # "773,97£" read "773,974": a total is money, printed to the cent, so the figure past the cents is the
    # sign; with the tax and the total with tax printed under it (773,97 + 154,79 = 928,76) the three tie,
    # whether or not the lines were read right, and the net total read so waits for a person
    amount = "773,97" if lines_add_up else "713,97"
    lines = [
        cells(160 + STEP, *row("LLA-AJ-250", "1", amount, amount, desc="Llave ajustable 250 mm")),
        cells(160 + 3 * STEP, (400, "Subtotal"), (505, "773,974")),
        cells(160 + 4 * STEP, (400, "IVA 20 %"), (505, "154,79")),
        cells(160 + 5 * STEP, (400, "Total"), (505, "928,76")),
    ]
    got = read(page(*_order_with(lines)))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("773.97", "154.79", "928.76")
    assert ("low_confidence", "net_total") in {(p["code"], p["field"]) for p in got["problems"]}
