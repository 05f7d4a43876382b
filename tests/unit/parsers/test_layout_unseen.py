"""The text-layer reader on layouts no generator made: each failure class met on real documents, on a
small document the test draws itself."""

from __future__ import annotations

from tests.unit.parsers.doc_support import Doc, facts


def test_bold_text_printed_twice_reads_once() -> None:
    doc = Doc()
    doc.row(60, (40, "ORDER NO: QX-7781"), bold_twice=True)
    doc.row(80, (40, "Date: 14/10/2026"))
    doc.row(120, (40, "Code"), (110, "Description"), (330, "Qty"), (390, "Price"), (470, "Amount"))
    doc.row(138, (40, "TB-20"), (110, "HINGE, STEEL, HEAVY"), (330, "4"), (390, "2.50"), (470, "10.00"),
            bold_twice=True)  # fmt: skip
    doc.row(170, (390, "Total"), (470, "10.00"))
    order = doc.order()
    assert order["po_number"] == "QX-7781"
    assert facts(order) == [("TB-20", "4", "2.5")]
    assert order["lines"][0]["description"] == "HINGE, STEEL, HEAVY"


def test_heading_words_stacked_on_two_lines_name_one_column() -> None:
    """ "Retail / Price" is no price to charge, "Net / Price" is; "Order / Quantity" is the quantity."""
    doc = Doc()
    doc.row(60, (40, "Order no: 55-2093"))
    doc.row(120, (40, "Art."), (100, "Item"), (300, "Retail"), (360, "Net"), (430, "Order"), (500, "Line"))
    doc.row(
        129,
        (40, "No."),
        (100, "Description"),
        (300, "Price"),
        (360, "Price"),
        (430, "Quantity"),
        (500, "Total"),
    )
    doc.row(
        145, (40, "KL-300"), (100, "Bracket, zinc"), (300, "4.99"), (360, "3.15"), (430, "12"), (500, "37.80")
    )
    doc.row(
        158, (40, "KL-310"), (100, "Bracket, brass"), (300, "9.99"), (360, "6.40"), (430, "5"), (500, "32.00")
    )
    doc.row(190, (430, "Total"), (500, "69.80"))
    order = doc.order()
    assert facts(order) == [("KL-300", "12", "3.15"), ("KL-310", "5", "6.4")]
    assert order["total"] == "69.8"


def test_erp_rows_numbered_item_column_part_and_description_column() -> None:
    """An "Item" column numbering the rows (010, 020) holds no codes; the code leads the
    "Part/Description" column and the description stands under it; the unit printed after the
    quantity reaches under a narrow "Rev" column; a note under a row does not end the table."""
    doc = Doc()
    doc.row(60, (40, "PURCHASE ORDER"), (400, "88123"))
    doc.row(120, (30, "Item"), (70, "Part/Description"), (250, "Quantity"), (320, "Rev"), (360, "Due Date"),
            (440, "Unit Cost"), (510, "Ext. Cost"))  # fmt: skip
    doc.row(140, (30, "010"), (70, "ZX-4410"), (300, "25 EA"), (333, "C"), (360, "03/19/2027"),
            (450, "14.20"), (515, "355.00 USD"))  # fmt: skip
    doc.row(152, (70, "CLAMP RING, SPLIT"))
    doc.row(164, (90, "SHIP TOGETHER WITH THE REMAINING PARTS OF OFFER 7741"))
    doc.row(180, (30, "020"), (70, "ZX-4420"), (300, "40 EA"), (333, "A"), (360, "03/19/2027"), (450, "2.05"),
            (515, "82.00 USD"))  # fmt: skip
    doc.row(192, (70, "WASHER, FLAT"))
    doc.row(230, (440, "TOTAL"), (515, "437.00"))
    order = doc.order()
    assert facts(order) == [("ZX-4410", "25", "14.2"), ("ZX-4420", "40", "2.05")]
    assert [line["line_no"] for line in order["lines"]] == ["10", "20"]
    assert [line["unit"] for line in order["lines"]] == ["UD", "UD"]
    assert order["lines"][1]["description"] == "WASHER, FLAT"
    assert order["lines"][0]["description"].startswith("CLAMP RING, SPLIT")
    assert order["total"] == "437"


def test_item_code_on_a_labelled_line_under_the_row_and_revision_column() -> None:
    """No code column: the code stands on an "Item Code:" line under the row; "Rev D" in the item
    details column is a revision, neither code nor description."""
    doc = Doc()
    doc.row(60, (40, "Order Number: 4471-B"))
    doc.row(120, (80, "Description"), (250, "Item Details"), (340, "Quantity"), (390, "UoM"), (440, "Price"),
            (540, "Total"))  # fmt: skip
    y = 140.0
    for pos, desc, code, qty, price, amount in (
        ("001", "SPACER, NYLON, 12 MM", "300417", "8", "3.2500", "26.00"),
        ("002", "GASKET, FIBRE, 3/4 INCH", "300418-02", "16", "0.9000", "14.40"),
    ):
        doc.row(
            y, (50, pos), (80, desc), (250, "Rev D"), (345, qty), (390, "Each"), (440, price), (540, amount)
        )
        doc.row(y + 20, (80, "Item Code:"), (160, code))
        doc.row(y + 32, (85, "Delivery Date:"), (160, "12/04/2026"))
        y += 60
    doc.row(y + 20, (440, "Total"), (540, "40.40"))
    order = doc.order()
    assert facts(order) == [("300417", "8", "3.25"), ("300418-02", "16", "0.9")]
    assert [line["description"] for line in order["lines"]] == [
        "SPACER, NYLON, 12 MM",
        "GASKET, FIBRE, 3/4 INCH",
    ]


def test_description_printed_above_and_below_its_numbers() -> None:
    """Descriptions wrap around the row's numbers (text above and below them); "Producto" heads the
    names and "Referencia" the codes."""
    doc = Doc()
    doc.row(60, (40, "Nº pedido: VK-2230"))
    doc.row(120, (40, "Producto"), (260, "Referencia"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))
    doc.row(146, (40, "Cuerda estática 10,5 mm"))
    doc.row(151, (260, "7730412"), (340, "2"), (400, "45,60"), (480, "91,20"))
    doc.row(156, (40, "rollo de 50 metros"))
    doc.row(186, (40, "Mosquetón de acero"))
    doc.row(191, (260, "7730588"), (340, "6"), (400, "8,25"), (480, "49,50"))
    doc.row(196, (40, "con seguro de rosca"))
    doc.row(226, (40, "Bolsa de magnesio"), (260, "7730601"), (340, "1"), (400, "6,90"), (480, "6,90"))
    doc.row(260, (400, "Total"), (480, "147,60"))
    order = doc.order()
    assert facts(order) == [("7730412", "2", "45.6"), ("7730588", "6", "8.25"), ("7730601", "1", "6.9")]
    assert [line["description"] for line in order["lines"]] == [
        "Cuerda estática 10,5 mm rollo de 50 metros",
        "Mosquetón de acero con seguro de rosca",
        "Bolsa de magnesio",
    ]


def test_code_and_description_on_a_line_of_their_own_above_the_numbers() -> None:
    doc = Doc()
    doc.row(60, (40, "Pedido: 2207-C"))
    doc.row(120, (40, "ITEM"), (120, "DESCRIPCION"), (350, "CANTIDAD"), (420, "PRECIO"), (490, "IMPORTE"))
    doc.row(138, (45, "512"), (120, "REVISION DE FRENOS - Vehículo"))
    doc.row(150, (120, "furgoneta de reparto"), (355, "1,00"), (420, "310,000"), (490, "310,00"))
    doc.row(162, (45, "513"), (120, "PASTILLAS DELANTERAS"), (355, "2,00"), (420, "48,500"), (490, "97,00"))
    doc.row(200, (420, "TOTAL"), (490, "407,00"))
    order = doc.order()
    assert facts(order) == [("512", "1", "310"), ("513", "2", "48.5")]
    assert order["lines"][0]["description"] == "REVISION DE FRENOS - Vehículo furgoneta de reparto"


def test_subtotal_rows_of_numbers_alone_are_no_order_lines() -> None:
    """Two deliveries, each its own table with a row adding up its quantities and costs; the first
    carries on over a page break."""
    doc = Doc()
    doc.row(40, (40, "Purchase Order Number"), (200, "880412"))
    heading = ((40, "Size"), (100, "Barcode"), (200, "Cost"), (260, "Order"), (330, "Cartons"))
    under = ((40, "Description"), (200, "Price"), (260, "Quantity"))
    sizes = (("S", "4006381333931", "40"), ("M", "4006381333948", "60"), ("L", "4006381333955", "20"))

    def table(y: float, rows: tuple[tuple[str, str, str], ...]) -> float:
        doc.row(y, *heading)
        doc.row(y + 9, *under)
        y += 26
        for size, gtin, qty in rows:
            doc.row(y, (40, size), (100, gtin), (205, "3.10"), (265, qty), (335, str(int(qty) // 10)))
            y += 16
        return y

    doc.row(80, (40, "Delivery 1"))
    table(100, sizes[:2]).__float__()
    doc.page()
    y = table(60, sizes[2:])
    doc.row(y, (200, "372.00"), (265, "120"), (335, "12"))
    doc.row(y + 40, (40, "Delivery 2"))
    y = table(y + 60, sizes)
    doc.row(y, (200, "372.00"), (265, "120"), (335, "12"))
    order = doc.order()
    got = [(line["gtin"], line["quantity"], line["unit_price"]) for line in order["lines"]]
    assert got == [(g, q, "3.1") for _, g, q in sizes] * 2


def test_item_code_in_brackets_before_the_description() -> None:
    doc = Doc()
    doc.row(40, (40, "Northgate Tools"), (300, "Phone: +1 555 010 4477"))
    doc.row(80, (40, "Order N° SQ118"))
    doc.row(100, (40, "Date Ordered:"), (200, "Salesperson:"))
    doc.row(114, (40, "03/07/2027 10:12:40"), (200, "Admin"))
    doc.row(160, (40, "Description"), (300, "Quantity"), (380, "Unit Price"), (470, "Price"))
    doc.row(180, (40, "[PX-220] Cable reel 25 m"), (300, "8.000"), (380, "41.00"), (470, "328.00"))
    doc.row(200, (40, "[PX-35] Plug, outdoor"), (300, "20.000"), (380, "3.75"), (470, "75.00"))
    doc.row(240, (380, "Total"), (470, "403.00"))
    order = doc.order()
    assert facts(order) == [("PX-220", "8", "41"), ("PX-35", "20", "3.75")]
    assert [line["description"] for line in order["lines"]] == ["Cable reel 25 m", "Plug, outdoor"]
    assert order["po_number"] == "SQ118"
    assert order["order_date"] == "2027-03-07"  # month first: a +1 telephone number


def _invoice_page(doc: Doc, copy: str) -> None:
    doc.row(40, (300, "FACTURA B"), (450, copy))
    doc.row(60, (300, "Nº pedido: 88-120"))
    doc.row(80, (300, "Fecha: 04/05/2027"))
    doc.row(110, (40, "Cliente: Talleres Ribera"))
    doc.row(130, (40, "Domicilio: Camino Real 12"))
    doc.row(150, (40, "Condición de venta: contado"))
    doc.row(190, (40, "Cantidad Codigo"), (200, "Descripcion"), (420, "Precio"), (500, "Total"))
    doc.row(208, (62, "2,00"), (92, "00417"), (160, "FILTRO DE ACEITE"), (420, "1.250,50"), (500, "2.501,00"))
    doc.row(240, (420, "Total"), (500, "2.501,00"))


def test_identical_copy_pages_hold_their_lines_once_and_a_code_under_two_headings_stays_whole() -> None:
    """An invoice printed as original and duplicate in one file; its code reaches from under
    "Codigo" to under "Cantidad" (the headings set as one phrase) and is not cut in two."""
    doc = Doc()
    _invoice_page(doc, "ORIGINAL")
    doc.page()
    _invoice_page(doc, "DUPLICADO")
    order = doc.order()
    assert facts(order) == [("00417", "2", "1250.5")]
    assert order["total"] == "2501"
