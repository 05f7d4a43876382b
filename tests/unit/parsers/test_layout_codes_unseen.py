"""Item codes on layouts nobody tuned on: code columns under the headings real suppliers print in six
languages (even "Item No.", which may number the rows too), codes labelled on a line of their own
under or over the description, and descriptions that begin with a word a code label also uses."""

from __future__ import annotations

import pytest

from tests.unit.parsers.doc_support import Doc, facts

CODE_HEADINGS = [
    # es
    "Código",
    "Artículo",
    "Articulo",
    "Ref.",
    "Referencia",
    # en
    "ITEM NO.",
    "Item No.",
    "Item Number",
    "Part No.",
    "Part Number",
    "SKU",
    "Material",
    "Product code",
    # pt, fr, de, it
    "Referência",
    "Référence",
    "Code article",
    "Artikelnummer",
    "Art.-Nr.",
    "Materialnummer",
    "Codice",
    "Codice articolo",
]


def _table(code_heading: str, codes: tuple[str, str], *, code_first: bool) -> Doc:
    doc = Doc()
    doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
    if code_first:
        xs = (40, 130, 330, 400, 480)
        doc.row(200, *zip(xs, (code_heading, "Description", "Qty", "Unit Price", "Amount"), strict=True))
        rows = [(codes[0], "Neutral silicone 300 ml"), (codes[1], "Nitrile gloves size L")]
    else:  # a line number first, the code after the description
        xs = (40, 70, 250, 330, 400, 480)
        doc.row(
            200, *zip(xs, ("Line", "Description", code_heading, "Qty", "Unit Price", "Amount"), strict=True)
        )
        rows = [("1", "Neutral silicone 300 ml", codes[0]), ("2", "Nitrile gloves size L", codes[1])]
    figures = [("10", "4.20", "42.00"), ("20", "8.50", "170.00")]
    for y, row, numbers in zip((216, 230), rows, figures, strict=True):
        doc.row(y, *zip(xs, (*row, *numbers), strict=True))
    doc.row(256, (400, "Total"), (480, "212.00"))
    return doc


@pytest.mark.parametrize("heading", CODE_HEADINGS)
@pytest.mark.parametrize(
    "codes", [("SIL-TRA-300", "GUA-NIT-L"), ("10234", "10235"), ("4711000123", "4711000124")]
)
def test_a_code_column_under_any_usual_heading_gives_each_line_its_code(
    heading: str, codes: tuple[str, str]
) -> None:
    for code_first in (True, False):
        order = _table(heading, codes, code_first=code_first).order()
        assert facts(order) == [(codes[0], "10", "4.2"), (codes[1], "20", "8.5")], (heading, code_first)


def test_item_no_over_row_numbers_is_still_a_position_column() -> None:
    """The same heading over 1, 2 numbers the rows: no line gets "1" or "2" for its code."""
    doc = Doc()
    doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
    xs = (40, 100, 330, 400, 480)
    doc.row(200, *zip(xs, ("Item No.", "Description", "Qty", "Unit Price", "Amount"), strict=True))
    doc.row(216, *zip(xs, ("1", "SIL-TRA-300 Neutral silicone", "10", "4.20", "42.00"), strict=True))
    doc.row(230, *zip(xs, ("2", "GUA-NIT-L Nitrile gloves", "20", "8.50", "170.00"), strict=True))
    doc.row(256, (400, "Total"), (480, "212.00"))
    order = doc.order()
    assert [line["item_code"] for line in order["lines"]] != ["1", "2"]
    assert [(line["quantity"], line["unit_price"]) for line in order["lines"]] == [
        ("10", "4.2"),
        ("20", "8.5"),
    ]


LABELS = [
    "Item Code: {}",
    "Código: {}",
    "Ref.: {}",
    "Referencia: {}",
    "Part No.: {}",
    "Art.-Nr.: {}",
    "SKU: {}",
]


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("place", ["under", "over"])
def test_a_code_labelled_on_its_own_line_belongs_to_its_order_line(label: str, place: str) -> None:
    doc = Doc()
    doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
    doc.row(200, (40, "Description"), (330, "Qty"), (400, "Unit Price"), (480, "Amount"))
    y = 216
    for code, words, numbers in (
        ("ABC-123", "Neutral silicone 300 ml", ("10", "4.20", "42.00")),
        ("10235", "Nitrile gloves size L", ("20", "8.50", "170.00")),
    ):
        own = (40, label.format(code))
        if place == "over":
            doc.row(y, own)
        doc.row(y + 12 if place == "over" else y, (40, words), *zip((330, 400, 480), numbers, strict=True))
        if place == "under":
            doc.row(y + 12, own)
        y += 32
    doc.row(y + 10, (400, "Total"), (480, "212.00"))
    order = doc.order()
    assert facts(order) == [("ABC-123", "10", "4.2"), ("10235", "20", "8.5")]
    assert [line["description"] for line in order["lines"]] == [
        "Neutral silicone 300 ml",
        "Nitrile gloves size L",
    ]


def test_a_one_word_label_without_its_colon_is_description() -> None:
    """ "Referencia 4711 de recambio" under a line is more of its text, not a code label."""
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7740"), (300, "Fecha: 26/11/2026"))
    doc.row(200, (40, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))
    doc.row(216, (40, "Junta tórica"), (330, "10"), (400, "4,20"), (480, "42,00"))
    doc.row(228, (40, "Referencia 4711 de recambio"))
    doc.row(256, (400, "Total"), (480, "42,00"))
    [line] = doc.order()["lines"]
    assert line["item_code"] is None
    assert line["description"] == "Junta tórica Referencia 4711 de recambio"


@pytest.mark.parametrize(
    "words", ["Material eléctrico cable 2,5 mm", "Material de oficina A4", "Item for the hall"]
)
def test_a_line_whose_description_begins_with_a_label_word_is_read(words: str) -> None:
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7740"), (300, "Fecha: 26/11/2026"))
    xs = (40, 110, 330, 400, 480)
    doc.row(200, *zip(xs, ("Código", "Descripción", "Cantidad", "Precio", "Importe"), strict=True))
    doc.row(216, *zip(xs, ("MAT-100", words, "10", "4,20", "42,00"), strict=True))
    doc.row(230, *zip(xs, ("GUA-NIT-L", "Guantes de nitrilo", "20", "8,50", "170,00"), strict=True))
    doc.row(256, (400, "Total"), (480, "212,00"))
    order = doc.order()
    assert facts(order) == [("MAT-100", "10", "4.2"), ("GUA-NIT-L", "20", "8.5")]
    assert order["lines"][0]["description"] == words


@pytest.mark.parametrize("words", ["Material de oficina A4", "Material eléctrico"])
def test_a_row_beginning_with_material_is_an_order_line_not_a_heading(words: str) -> None:
    """No code column: the row's first word "Material" (a code heading and a code label elsewhere)."""
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7740"), (300, "Fecha: 26/11/2026"))
    doc.row(200, (40, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))
    doc.row(216, (40, words), (330, "10"), (400, "4,20"), (480, "42,00"))
    doc.row(230, (40, "Guantes de nitrilo"), (330, "20"), (400, "8,50"), (480, "170,00"))
    doc.row(256, (400, "Total"), (480, "212,00"))
    order = doc.order()
    assert [(line["description"], line["quantity"]) for line in order["lines"]] == [
        (words, "10"),
        ("Guantes de nitrilo", "20"),
    ]


def test_a_product_column_of_names_with_the_codes_labelled_under_them() -> None:
    """ "Product" heads the names (it heads codes elsewhere); each code stands under its name after
    "Part No.:", digits in it or not."""
    doc = Doc()
    doc.row(40, (40, "PO #: 97496"), (300, "Date: 11/25/2026"))
    xs = (40, 70, 100, 150, 420, 500)
    doc.row(200, *zip(xs, ("Line", "Qty", "Unit", "Product", "Price", "Amount"), strict=True))
    doc.row(216, *zip(xs, ("001", "20", "units", "High-visibility vest", "5.13", "102.60"), strict=True))
    doc.row(228, (150, "Part No.: CHA-ALT-VIS"))
    doc.row(
        244, *zip(xs, ("002", "48", "units", "HSS drill bit 8 mm for metal", "2.65", "127.20"), strict=True)
    )
    doc.row(256, (150, "Part No.: 8437000100157"))
    doc.row(280, (420, "Total"), (500, "229.80"))
    order = doc.order()
    assert facts(order) == [("CHA-ALT-VIS", "20", "5.13"), ("8437000100157", "48", "2.65")]
    assert [line["description"] for line in order["lines"]] == [
        "High-visibility vest",
        "HSS drill bit 8 mm for metal",
    ]


def test_item_no_slashed_to_details_heads_the_code_and_the_description() -> None:
    doc = Doc()
    doc.row(40, (40, "PO #: 97497"), (300, "Date: 11/25/2026"))
    xs = (40, 80, 330, 400, 480)
    doc.row(200, *zip(xs, ("POS.", "ITEM NO. / DETAILS", "QTY", "UNIT PRICE", "AMOUNT"), strict=True))
    doc.row(216, *zip(xs, ("001", "GUA-TRA-9", "12", "3.10", "37.20"), strict=True))
    doc.row(228, (80, "Leather work glove"))
    doc.row(244, *zip(xs, ("002", "8437000100164", "2,500", "0.817", "2,042.50"), strict=True))
    doc.row(256, (80, "Insulating tape 19 mm x 20 m black"))
    doc.row(280, (400, "Total"), (480, "2,079.70"))
    order = doc.order()
    assert facts(order) == [("GUA-TRA-9", "12", "3.1"), ("8437000100164", "2500", "0.817")]


def test_a_code_in_brackets_under_a_code_and_description_heading_is_read_without_them() -> None:
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7745"), (300, "Fecha: 26/11/2026"))
    xs = (40, 90, 130, 330, 420)
    doc.row(
        200, *zip(xs, ("Unidades", "U.M.", "Artículo / Descripción", "Precio unit.", "Importe"), strict=True)
    )
    doc.row(216, *zip(xs, ("50", "pzas", "[TOR-M10-60] TORNILLO HEXAGONAL", "6,66", "333,00"), strict=True))
    doc.row(230, *zip(xs, ("10", "pzas", "[SIL-TRA-300] SILICONA NEUTRA", "4,20", "42,00"), strict=True))
    doc.row(256, (330, "Total"), (420, "375,00"))
    order = doc.order()
    assert facts(order) == [("TOR-M10-60", "50", "6.66"), ("SIL-TRA-300", "10", "4.2")]


def test_cod_articolo_slashed_to_denominazione_heads_code_and_description() -> None:
    doc = Doc()
    doc.row(40, (40, "N. ordine: 4510479702"), (300, "Data: 26.11.2026"))
    xs = (40, 90, 140, 170, 420, 500)
    doc.row(
        200,
        *zip(
            xs, ("Riga", "Quantità", "UM", "Cod. articolo / Denominazione", "Prezzo", "Totale"), strict=True
        ),
    )
    doc.row(216, *zip(xs, ("00010", "120", "NR", "BRO-HSS-8", "2,4500", "294,00"), strict=True))
    doc.row(228, (170, "Broca HSS 8 mm para metal"))
    doc.row(244, *zip(xs, ("00020", "10", "NR", "LLA-AJ-250", "12,8000", "128,00"), strict=True))
    doc.row(256, (170, "Llave ajustable 250 mm"))
    doc.row(280, (420, "Totale"), (500, "422,00"))
    assert facts(doc.order()) == [("BRO-HSS-8", "120", "2.45"), ("LLA-AJ-250", "10", "12.8")]
