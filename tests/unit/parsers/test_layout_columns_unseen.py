"""Columns headed in ways the reader was not written beside: one column for the code and the
description ("Ref. Artículo / Descripción"), and headings in Italian, French and German."""

from __future__ import annotations

import pytest

from parsers.layout.geometry import read_page
from parsers.layout.table import find_regions
from parsers.pdf_text import read_words
from tests.unit.parsers.doc_support import Doc, facts


@pytest.mark.parametrize(
    ("heads", "total"),
    [
        (("Ref. Artículo / Descripción", "Cantidad", "Precio", "Importe"), "Total"),
        (("Codice / Descrizione", "Quantità", "Prezzo", "Totale"), "Totale ordine"),
        (("Référence / Désignation", "Qté", "Prix unitaire", "Montant"), "Montant total"),
        (("Art.-Nr. / Bezeichnung", "Menge", "Einzelpreis", "Gesamtpreis"), "Gesamtbetrag"),
    ],
)
def test_code_and_description_in_one_column(heads: tuple[str, ...], total: str) -> None:
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7740"), (300, "Fecha: 26/11/2026"))
    xs = (40, 300, 370, 470)
    doc.row(200, *zip(xs, heads, strict=True))
    doc.row(216, (40, "SIL-TRA-300 Silicona neutra 300 ml"), (300, "10"), (370, "4,20"), (470, "42,00"))
    doc.row(230, (40, "GUA-NIT-L Guantes de nitrilo talla L"), (300, "20"), (370, "8,50"), (470, "170,00"))
    doc.row(256, (370, total), (470, "212,00"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "10", "4.2"), ("GUA-NIT-L", "20", "8.5")]
    assert [line["description"] for line in order["lines"]] == [
        "Silicona neutra 300 ml",
        "Guantes de nitrilo talla L",
    ]
    assert order["total"] == "212"


@pytest.mark.parametrize(
    ("label", "net", "gross"),
    [
        ("N.º do pedido: PO96833", "Total", "Total com IVA"),
        ("RÉF. COMMANDE: PO96833", "Total HT", "Total TTC"),
        ("Rif. ordine: PO96833", "Totale", "Totale IVA incl."),
        ("Bestellung Nr.: PO96833", "Gesamt", "Endbetrag"),
    ],
)
def test_order_numbers_and_totals_labelled_in_the_neighbours_languages(
    label: str, net: str, gross: str
) -> None:
    doc = Doc()
    doc.row(40, (40, label), (300, "Data: 26/11/2026"))
    doc.row(200, (40, "Ref."), (110, "Description"), (300, "Qty"), (370, "Price"), (470, "Amount"))
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicona neutra"), (300, "10"), (370, "4,20"), (470, "42,00"))
    doc.row(240, (370, net), (470, "42,00"))
    doc.row(254, (370, "IVA 21 %"), (470, "8,82"))
    doc.row(268, (370, gross), (470, "50,82"))
    order = doc.order()
    # the order's total is the final one printed, with the tax; the net total beside it
    assert (order["po_number"], order["total"], order["net_total"]) == ("PO96833", "50.82", "42")


@pytest.mark.parametrize(
    "heads",
    [
        ("Bestellmenge", "ME", "Material", "Beschreibung", "Preis", "Nettowert"),
        ("Q.tà", "UM", "Codice", "Denominazione", "Prezzo", "Importo"),
        ("Anzahl", "Einheit", "Materialnummer", "Kurztext", "Preis", "Positionswert"),
        ("Qté", "Unité", "Code article", "Libellé", "Prix", "Montant"),
    ],
)
def test_headings_of_german_italian_and_french_order_printouts(heads: tuple[str, ...]) -> None:
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7741"), (300, "Fecha: 26/11/2026"))
    xs = (40, 100, 140, 220, 400, 480)
    doc.row(200, *zip(xs, heads, strict=True))
    doc.row(
        216, *zip(xs, ("10", "Stk", "SIL-TRA-300", "Silicona neutra 300 ml", "4,20", "42,00"), strict=True)
    )
    doc.row(230, *zip(xs, ("20", "Stk", "GUA-NIT-L", "Guantes de nitrilo", "8,50", "170,00"), strict=True))
    doc.row(256, (400, "Total"), (480, "212,00"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "10", "4.2"), ("GUA-NIT-L", "20", "8.5")]


@pytest.mark.parametrize("pos", ["Riga", "Linha", "Ligne", "Zeile"])
def test_a_position_column_headed_in_italian_portuguese_french_or_german(pos: str) -> None:
    # the position numbers are the line's number, never its item code nor a quantity
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7742"), (300, "Fecha: 26/11/2026"))
    xs = (40, 80, 160, 340, 400, 480)
    doc.row(200, *zip(xs, (pos, "Codice", "Descrizione", "Quantità", "Prezzo", "Importo"), strict=True))
    doc.row(216, *zip(xs, ("001", "SIL-TRA-300", "Silicona neutra", "10", "4,20", "42,00"), strict=True))
    doc.row(230, *zip(xs, ("002", "GUA-NIT-L", "Guantes de nitrilo", "20", "8,50", "170,00"), strict=True))
    doc.row(256, (400, "Totale"), (480, "212,00"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "10", "4.2"), ("GUA-NIT-L", "20", "8.5")]


@pytest.mark.parametrize(
    "head", ["Art.-Nr. / Kurztext", "Código / Denominación", "Item code/Details", "Ref. / Descripción"]
)
def test_a_code_and_a_description_heading_joined_by_a_slash_head_one_column(head: str) -> None:
    # both words are known headings on their own; the slash says one column holds both
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7743"), (300, "Fecha: 26/11/2026"))
    xs = (40, 300, 370, 470)
    doc.row(200, *zip(xs, (head, "Menge", "Preis", "Nettowert"), strict=True))
    doc.row(216, (40, "SIL-TRA-300"), (300, "10"), (370, "4,20"), (470, "42,00"))
    doc.row(228, (40, "Silicona neutra 300 ml"))
    doc.row(244, (40, "GUA-NIT-L"), (300, "20"), (370, "8,50"), (470, "170,00"))
    doc.row(256, (40, "Guantes de nitrilo talla L"))
    doc.row(280, (370, "Summe"), (470, "212,00"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "10", "4.2"), ("GUA-NIT-L", "20", "8.5")]


def test_a_code_and_description_heading_with_the_money_headings_stacked_on_two_lines() -> None:
    # the main heading line names only the position, "Product code / Description", the quantity and the
    # unit; "Unit / price" and "Line / total" stand on two lines: still an order table
    doc = Doc()
    doc.row(40, (40, "PO #: 4523781344"), (300, "Date issued: 2026-11-23"))
    xs = (40, 80, 400, 450, 490, 540)
    doc.row(
        200, *zip(xs, ("Pos.", "Product code / Description", "Quantity", "UOM", "Unit", "Line"), strict=True)
    )
    doc.row(210, (490, "price"), (540, "total"))
    doc.row(226, *zip(xs, ("00010", "CHA-ALT-VIS", "10,00", "ST", "€4,75", "€47,50"), strict=True))
    doc.row(238, (80, "High-visibility vest"))
    doc.row(252, *zip(xs, ("00020", "GUA-TRA-9", "120,00", "ST", "€3,60", "€432,00"), strict=True))
    doc.row(264, (80, "Leather work glove"))
    doc.row(290, (490, "Total"), (540, "€479,50"))
    order = doc.order()
    assert facts(order) == [("CHA-ALT-VIS", "10", "4.75"), ("GUA-TRA-9", "120", "3.6")]


def test_a_code_in_brackets_leading_a_product_column() -> None:
    # "Product" is a heading codes stand under too; here its cells hold "[code] description"
    doc = Doc()
    doc.row(40, (40, "PO #: P77355"), (300, "Date: 11-26-2026"))
    xs = (40, 330, 380, 440, 510)
    doc.row(200, *zip(xs, ("Product", "QTY", "Unit", "Price", "Line total"), strict=True))
    doc.row(216, *zip(xs, ("[CIN-AIS-19] Insulating tape 19 mm", "750", "ea", "0.95", "712.50"), strict=True))
    doc.row(230, *zip(xs, ("[LLA-AJ-250] Adjustable wrench", "10", "ea", "13.82", "138.20"), strict=True))
    doc.row(256, (440, "Total"), (510, "850.70"))
    order = doc.order()
    assert facts(order) == [("CIN-AIS-19", "750", "0.95"), ("LLA-AJ-250", "10", "13.82")]
    assert [line["description"] for line in order["lines"]] == ["Insulating tape 19 mm", "Adjustable wrench"]


@pytest.mark.parametrize("head", ["ITEM NO. / Product", "Part No. / Article", "Ref. / Artículo"])
def test_two_code_headings_joined_by_a_slash_head_one_column_of_code_and_description(head: str) -> None:
    # "Item" numbers the lines; under "ITEM NO. / Product" each line's code (here GTINs, longer than the
    # first heading word) stands over the product's words: one column, not a code column cut in two at
    # the second heading word
    doc = Doc()
    doc.row(40, (40, "PO #: 4523781350"), (300, "Date issued: 2026-11-23"))
    doc.row(200, (40, "Item"), (80, head), (300, "QTY"), (340, "UoM"), (390, "Unit price"), (470, "Amount"))
    doc.row(
        216, (40, "1"), (80, "8437000100164"), (300, "200"), (340, "Each"), (390, "1.03"), (470, "206.00")
    )
    doc.row(228, (80, "Insulating tape 19 mm x 20 m black"))
    doc.row(
        244, (40, "2"), (80, "8437000100126"), (300, "1,000"), (340, "Each"), (390, "0.054"), (470, "54.00")
    )
    doc.row(256, (80, "Hex nut M8 zinc plated"))
    doc.row(280, (390, "Total"), (470, "260.00"))
    order = doc.order()
    assert facts(order) == [("8437000100164", "200", "1.03"), ("8437000100126", "1000", "0.054")]
    assert [line["description"] for line in order["lines"]] == [
        "Insulating tape 19 mm x 20 m black",
        "Hex nut M8 zinc plated",
    ]


def test_french_unit_price_before_tax_and_a_par_column_of_bases() -> None:
    # "P.U." over "HT" (prix unitaire hors taxe) heads the unit price; "Par" (per) heads the units each
    # price is for: neither is left for the figures below to guess (a column of 100s and 1s is no price)
    doc = Doc()
    doc.row(40, (40, "Commande nº: CF-2231"), (300, "Date: 26/11/2026"))
    xs = (40, 80, 260, 330, 370, 420, 460)
    doc.row(
        200, *zip(xs, ("Ligne", "Description", "Code article", "Qté", "P.U.", "Par", "Montant"), strict=True)
    )
    doc.row(210, (370, "HT"))
    doc.row(
        226, *zip(xs, ("001", "Rondelle plate M8", "ARA-M8", "2,000", "€2.00", "100", "€40.00"), strict=True)
    )
    doc.row(240, *zip(xs, ("002", "Foret HSS 8 mm", "BRO-HSS-8", "24", "€2.45", "1", "€58.80"), strict=True))
    doc.row(266, (420, "TOTAL"), (460, "€98.80"))
    [region] = find_regions([read_page(read_words(doc.pdf())[0])])
    headed = {getattr(h, "heading", None): h.kind for _, _, h in region.table.segments}
    assert headed["P.U. HT"] == "price" and headed["Par"] == "per"


def test_a_heading_whole_only_with_the_words_stacked_under_it() -> None:
    # "DETAILS  QTY  UNIT  UNIT  LINE" alone reads as a garbled heading with no price or amount; with
    # "ORDERED  COST  TOTAL" under it, it names quantity, unit, unit cost and line total
    doc = Doc()
    doc.row(40, (40, "PURCHASE ORDER 88412"), (300, "Date: 26/11/2026"))
    doc.row(200, (40, "DETAILS"), (400, "QTY"), (440, "UNIT"), (480, "UNIT"), (530, "LINE"))
    doc.row(210, (380, "ORDERED"), (478, "COST"), (522, "TOTAL"))
    doc.row(
        226, (40, "[TAC-6] Nylon wall plug 6 mm"), (410, "20"), (440, "box"), (480, "3.35"), (525, "67.00")
    )
    doc.row(240, (40, "[ALA-GAL-2] Galvanised wire 2 mm"), (400, "1,250"), (440, "kg"), (480, "2.71"))
    doc.row(240, (520, "3,387.50"))
    doc.row(266, (440, "TOTAL"), (520, "3,454.50"))
    assert facts(doc.order()) == [("TAC-6", "20", "3.35"), ("ALA-GAL-2", "1250", "2.71")]


def test_it_numbers_the_lines_and_ref_articulo_descripcion_heads_one_column() -> None:
    # an SAP listing: "It." (item) numbers the lines 00010, 00020...; "Ref. / Artículo / Descripción" is
    # one column, the code (ours, or the customer's) on the row and the description under it
    doc = Doc()
    doc.row(40, (40, "Pedido nº: 4500012345"), (300, "Fecha: 26/11/2026"))
    xs = (40, 80, 360, 410, 450, 520)
    heading = ("It.", "Ref. / Artículo / Descripción", "Cantidad", "UM", "Precio", "Total EUR")
    doc.row(200, *zip(xs, heading, strict=True))
    doc.row(216, *zip(xs, ("00010", "CIN-AIS-19", "500,00", "UDS", "0,9500", "475,00"), strict=True))
    doc.row(228, (80, "Cinta aislante 19 mm x 20 m negra"))
    doc.row(244, *zip(xs, ("00020", "TAC-6", "8,00", "cajas", "3,9000", "31,20"), strict=True))
    doc.row(256, (80, "Taco de nailon 6 mm (caja 100)"))
    doc.row(280, (450, "Total"), (520, "506,20"))
    order = doc.order()
    assert facts(order) == [("CIN-AIS-19", "500", "0.95"), ("TAC-6", "8", "3.9")]
    assert [line["line_no"] for line in order["lines"]] == ["10", "20"]
    assert [line["description"] for line in order["lines"]] == [
        "Cinta aislante 19 mm x 20 m negra",
        "Taco de nailon 6 mm (caja 100)",
    ]


@pytest.mark.parametrize("barcode_head", ["Cód. barras", "Código de barras", "Code-barres"])
def test_a_barcode_column_beside_the_code_column_holds_the_gtin(barcode_head: str) -> None:
    # "Cód. barras" (código de barras) is the GTIN's column; read as a second code column, the two codes
    # of each line contradicted each other and every line was left to its description
    doc = Doc()
    doc.row(40, (40, "Pedido nº: 2670144"), (300, "Fecha: 25/11/2026"))
    xs = (40, 200, 270, 350, 390, 440, 500)
    heading = ("Concepto", "Código", barcode_head, "Cantidad", "Ud.", "P. unitario", "Importe")
    doc.row(200, *zip(xs, heading, strict=True))
    wire = ("Alambre galvanizado 2 mm", "ALA-GAL-2", "8437000100201", "50", "kg", "61.740", "3087.00")
    doc.row(216, *zip(xs, wire, strict=True))
    wrench = ("Llave ajustable 250 mm", "LLA-AJ-250", "8437000100195", "4", "pzas", "250.880", "1003.52")
    doc.row(230, *zip(xs, wrench, strict=True))
    doc.row(256, (440, "Total"), (500, "4090.52"))
    order = doc.order()
    assert facts(order) == [("ALA-GAL-2", "50", "61.74"), ("LLA-AJ-250", "4", "250.88")]
    assert [line["gtin"] for line in order["lines"]] == ["8437000100201", "8437000100195"]


@pytest.mark.parametrize("code_head", ["ITEM NUMBER", "ARTICLE NUMBER", "PRODUCT NUMBER"])
def test_an_item_number_column_holds_the_codes(code_head: str) -> None:
    # a line printer's "ITEM NUMBER" is one heading: the item's code (ours, or a GTIN), not a code column
    # "ITEM" beside an unnamed one; left so, every line waited for a clerk to confirm its description
    doc = Doc(font="Courier", size=8)
    doc.printout(
        200,
        11,
        f"DESCRIPTION                 {code_head:<14} QUANTITY U/M   UNIT PRICE    AMOUNT",
        "---------------------------------------------------------------------------",
        "NYLON WALL PLUG 6 MM        TAC-6          20       BX         3.350     67.00",
        "LEATHER WORK GLOVE          8437000100232  12       PCS        3.100     37.20",
        "---------------------------------------------------------------------------",
        "                                              SUB-TOTAL ......: 104.20",
    )
    doc.row(40, (40, "PURCHASE ORDER 55120"), (300, "DATE: 26/11/2026"))
    order = doc.order()
    assert facts(order) == [("TAC-6", "20", "3.35"), ("8437000100232", "12", "3.1")]
    assert [line["gtin"] for line in order["lines"]] == [None, "8437000100232"]


def test_a_description_wrapped_under_an_article_description_column_beside_a_code_column_is_words() -> None:
    # "Artículo / Descripción" beside its own "Código" column: the code column holds the codes, so a
    # wrapped line starting with figures ("250 mm (sample)") is more description, not a second line's code
    doc = Doc()
    doc.row(40, (40, "Pedido nº: 4500077120"), (300, "Fecha: 26/11/2026"))
    xs = (40, 70, 200, 300, 350, 420, 500)
    heading = ("It.", "Artículo / Descripción", "Código", "Uds.", "Ud.", "Precio", "Subtotal")
    doc.row(200, *zip(xs, heading, strict=True))
    doc.row(
        216,
        *zip(xs, ("30", "Adjustable wrench", "LLA-AJ-250", "15", "Stück", "12.800", "192.00"), strict=True),
    )
    doc.row(228, (70, "250 mm (sample)"))
    doc.row(
        244,
        *zip(
            xs, ("40", "Insulating tape 19", "CIN-AIS-19", "1,000", "Stück", "0.950", "950.00"), strict=True
        ),
    )
    doc.row(256, (70, "mm x 20 m black"))
    doc.row(280, (420, "Total"), (500, "1142.00"))
    order = doc.order()
    assert facts(order) == [("LLA-AJ-250", "15", "12.8"), ("CIN-AIS-19", "1000", "0.95")]
    assert [line["description"] for line in order["lines"]] == [
        "Adjustable wrench 250 mm (sample)",
        "Insulating tape 19 mm x 20 m black",
    ]
    assert order["unread"] == []
