"""Order sheets: XLSX and CSV in Spanish and English, header fields, GTINs, totals, and files that are
no order sheet, damaged, or too big."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from core.capture.domain.order import ProblemCode
from core.kernel.errors import ParseError
from oms.bootstrap import make_reader
from parsers.sheet import CsvParser, Limits, XlsxParser
from tests.unit.parsers.sheet_support import (
    NOW,
    XLSX_TYPE,
    doc,
    line_tuples,
    read_csv,
    read_xlsx,
    rezip,
    xlsx,
)

D = Decimal
SPANISH_SHEET = [
    ["Ferretería Núñez S.L.", None, None, None, "HOJA DE PEDIDO"],
    ["Nº pedido:", "PED-2026-0815"],
    ["Fecha", date(2026, 11, 26)],
    ["Fecha de entrega", "03/12/2026"],
    ["Cliente / Customer no.", "C-1001"],
    ["Observaciones", "Entregar por la mañana"],
    [],
    ["Código", "Descripción", "Cantidad", "Ud.", "Precio unitario (€)", "Importe"],
    ["TOR-M8-40", "Tornillo hexagonal M8x40", 250, "uds", 0.18, 45],
    [8437000100126, "Tuerca hexagonal M8", 1000, "UD", 0.05, 50],
    ["TAC-6", "Taco nailon 6 mm", 3, "cajas", 3.9, 11.7],
    [],
    [None, "Total", None, None, None, 106.7],
    ["Gracias por su atención"],
]


def test_spanish_xlsx_with_header_fields_gtin_and_total() -> None:
    result = read_xlsx(xlsx(SPANISH_SHEET, titles=["Pedido"]))
    assert result.format == "xlsx" and result.error is None and result.extra["sheets"] == ["Pedido"]
    (order,) = result.orders
    assert order.po_number == "PED-2026-0815"
    assert order.order_date == date(2026, 11, 26)
    assert order.requested_delivery_date == date(2026, 12, 3)
    assert order.buyer.party_id == "C-1001"
    assert order.currency == "EUR" and order.language == "es"
    assert order.notes == ("Entregar por la mañana",)
    assert line_tuples(result) == [
        ("TOR-M8-40", None, "Tornillo hexagonal M8x40", D("250"), "UD", D("0.18"), D("45")),
        ("8437000100126", "8437000100126", "Tuerca hexagonal M8", D("1000"), "UD", D("0.05"), D("50")),
        ("TAC-6", None, "Taco nailon 6 mm", D("3"), "CAJ", D("3.9"), D("11.7")),
    ]
    assert all(isinstance(v, Decimal) for ln in order.lines for v in (ln.quantity, ln.unit_price))
    assert order.total == D("106.7") and [ln.line_no for ln in order.lines] == ["1", "2", "3"]
    assert order.problems == ()
    # where each value was read: the sheet as the page, the cell in raw
    price = order.evidence_for("lines[1].unit_price")
    assert price is not None and price.confidence == 1.0
    assert price.provenance.page == 1 and price.provenance.raw == "E10: 0.05"
    total = order.evidence_for("total")
    assert total is not None and total.provenance.raw == "F13: 106.7"
    po = order.evidence_for("po_number")
    assert po is not None and po.provenance.raw == "B2: PED-2026-0815"


def test_spanish_csv_with_semicolons_and_decimal_comma() -> None:
    text = (
        "Nº pedido;PED-77;;;\n"
        "Fecha de entrega;3 de diciembre de 2026;;;\n"
        ";;;;\n"
        "Referencia;Descripción;Uds;Precio;Importe\n"
        "4711;Tornillo hexagonal M8x40;1.250;0,18;225,00\n"
        'TUE-M8;"Tuerca; zincada";100;0,05;5,00\n'
        "Total pedido;;;;230,00\n"
    )
    result = read_csv(text, "windows-1252")
    assert result.format == "csv" and result.extra["delimiter"] == ";"
    assert result.extra["encoding"] == "windows-1252"
    (order,) = result.orders
    assert (order.po_number, order.requested_delivery_date) == ("PED-77", date(2026, 12, 3))
    assert line_tuples(result) == [
        ("4711", None, "Tornillo hexagonal M8x40", D("1250"), None, D("0.18"), D("225.00")),
        ("TUE-M8", None, "Tuerca; zincada", D("100"), None, D("0.05"), D("5.00")),
    ]
    assert order.total == D("230.00") and order.language == "es"
    quantity = order.evidence_for("lines[0].quantity")
    assert quantity is not None and quantity.confidence == 1.0  # the sheet's decimal commas settle "1.250"


def test_english_csv_with_commas_and_decimal_point() -> None:
    text = (
        "PO number,PO-2026-5531\n"
        'Delivery date,"December 3, 2026"\n'
        "Customer no.,5012345000015\n"
        "\n"
        "SKU,Description,Qty,Unit,Unit price,Amount\n"
        'BRO-HSS-8,"HSS drill bit 8 mm, metal",1200,pcs,2.45,"2,940.00"\n'
        "GUA-NIT-L,Nitrile gloves size L,4,boxes,£8.50,34.00\n"
        'Total (GBP),,,,,"2,974.00"\n'
    )
    result = read_csv(text)
    assert result.extra["delimiter"] == ","
    (order,) = result.orders
    assert order.po_number == "PO-2026-5531" and order.buyer.party_id == "5012345000015"
    assert order.requested_delivery_date == date(2026, 12, 3) and order.language == "en"
    assert line_tuples(result) == [
        ("BRO-HSS-8", None, "HSS drill bit 8 mm, metal", D("1200"), "UD", D("2.45"), D("2940.00")),
        ("GUA-NIT-L", None, "Nitrile gloves size L", D("4"), "CAJ", D("8.50"), D("34.00")),
    ]
    assert order.total == D("2974.00") and order.currency == "GBP"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("windows-1252", b""), ("utf-16", b"")],
)
def test_csv_encodings(encoding: str, prefix: bytes) -> None:
    text = "Artículo\tDescripción\tCantidad\r\nARA-M8\tArandela plana M8 zincada – ñ\t500\r\n"
    result = read_csv(prefix + text.encode(encoding))
    assert line_tuples(result) == [
        ("ARA-M8", None, "Arandela plana M8 zincada – ñ", D("500"), None, None, None)
    ]
    assert result.extra["delimiter"] == "\t"


def test_excels_own_delimiter_hint_and_quantities_with_units() -> None:
    result = read_csv("sep=,\nRef,Cantidad\nTOR-M8-40,250 uds\nTAC-6,3 cajas\n")
    assert [(ln.item_code, ln.quantity, ln.unit) for ln in result.orders[0].lines] == [
        ("TOR-M8-40", D("250"), "UD"),
        ("TAC-6", D("3"), "CAJ"),
    ]


def test_float_cells_become_the_decimal_excel_shows() -> None:
    rows = [["SKU", "Qty", "Price", "Amount"], ["TOR-M8-40", 3, 4.2666666666666666, 12.799999999999999]]
    (line,) = read_xlsx(xlsx(rows)).orders[0].lines
    assert line.unit_price == D("4.26666666666667") and line.amount == D("12.8")


def test_gtin_column_and_check_digits() -> None:
    rows = [
        ["EAN", "Referencia", "Descripción", "Cantidad"],
        ["8437000100102", "TOR-M8-40", "Tornillo", 10],  # valid EAN-13 beside our code
        [None, "96385074", "EAN-8 in the code column", 2],  # valid EAN-8
        [None, "8437000100103", "bad check digit", 1],  # GTIN-shaped but no GTIN: a code
        ["12345678901", None, "EAN column, not a GTIN", 4],
    ]
    lines = read_xlsx(xlsx(rows)).orders[0].lines
    assert [(ln.item_code, ln.gtin) for ln in lines] == [
        ("TOR-M8-40", "8437000100102"),
        ("96385074", "96385074"),
        ("8437000100103", None),
        ("12345678901", None),
    ]


def test_net_total_is_taken_and_rows_after_the_totals_are_not_lines() -> None:
    rows = [
        ["Código", "Cantidad", "Precio", "Importe"],
        ["TOR-M8-40", 100, 0.18, 18],
        ["TUE-M8", 100, 0.05, 5],
        ["Base imponible", None, None, 23],
        ["IVA 21%", None, None, 4.83],
        ["Total con IVA", None, None, 27.83],
        ["Condiciones: pago a 30 días", None, 99, None],
    ]
    (order,) = read_xlsx(xlsx(rows)).orders
    assert [ln.item_code for ln in order.lines] == ["TOR-M8-40", "TUE-M8"]
    assert order.total == D("23")  # what the lines add up to, not the total with VAT


def test_units_over_numbers_are_the_quantity() -> None:
    rows = [["Product code", "Units", "Unit price"], ["BRO-HSS-8", 12, 2.45]]
    (line,) = read_xlsx(xlsx(rows)).orders[0].lines
    assert (line.item_code, line.quantity, line.unit, line.unit_price) == (
        "BRO-HSS-8",
        D(12),
        None,
        D("2.45"),
    )


def test_blank_row_ends_the_lines() -> None:
    rows = [["Ref", "Qty"], ["TOR-M8-40", 5], [], ["Notes", None], ["TUE-M8", 7]]
    (order,) = read_xlsx(xlsx(rows)).orders
    assert [ln.item_code for ln in order.lines] == ["TOR-M8-40"]


def test_a_cell_that_is_no_number_is_a_problem_and_the_line_is_kept() -> None:
    (order,) = read_csv("Código;Cantidad\nTOR-M8-40;diez\nTUE-M8;5\n").orders
    assert [(ln.item_code, ln.quantity) for ln in order.lines] == [("TOR-M8-40", None), ("TUE-M8", D("5"))]
    (problem,) = order.problems
    assert problem.code is ProblemCode.UNREADABLE and problem.field == "lines[0].quantity"
    assert "B2" in problem.message and "diez" in problem.message


@pytest.mark.parametrize(
    ("text", "quantity", "sure"),
    [
        ("Ref;Uds\nTOR-M8-40;1.250\n", "1250", True),  # Excel writes ";" where the decimal mark is ","
        ('Ref,Uds\nTOR-M8-40,"1,250"\n', "1250", True),  # and "," where it is "."
        ("Ref\tCantidad\nTOR-M8-40\t1.250\n", "1250", True),  # Spanish labels
        ("Ref\tQty\nTOR-M8-40\t1.250\n", "1.250", True),  # English labels
        ("Ref\tUds\nTOR-M8-40\t1.250\n", "1.250", False),  # nothing tells
        ("Ref\tUds\tPrecio\nTOR-M8-40\t1.250\t0,18\n", "1250", True),  # the price's comma tells
    ],
)
def test_a_number_whose_marks_fit_both_conventions(text: str, quantity: str, sure: bool) -> None:
    (order,) = read_csv(text).orders
    assert order.lines[0].quantity == D(quantity)
    found = order.evidence_for("lines[0].quantity")
    assert found is not None and (found.confidence >= 0.8) is sure  # below 0.8 validation asks a person


def test_one_order_per_sheet_with_a_table_hidden_sheets_and_other_sheets_ignored() -> None:
    sheets = (
        [["Instrucciones", "Rellene la hoja Pedido"]],
        [["Código", "Cantidad"], ["TOR-M8-40", 5]],
        [["Código", "Cantidad"], ["TUE-M8", 7]],
    )
    titles = ["Léame", "Pedido", "Pedido 2"]
    result = read_xlsx(xlsx(*sheets, titles=titles))
    assert [o.lines[0].item_code for o in result.orders] == ["TOR-M8-40", "TUE-M8"]
    assert all(ProblemCode.UNREADABLE in [p.code for p in o.problems] for o in result.orders)

    result = read_xlsx(xlsx(*sheets, titles=titles, hidden=["Pedido 2"]))
    assert [o.lines[0].item_code for o in result.orders] == ["TOR-M8-40"] and result.problems == ()


def test_a_sheet_without_an_order_table_is_an_error_not_an_order() -> None:
    result = read_xlsx(xlsx([["Lista de precios"], ["Código", "Precio"], ["TOR-M8-40", 0.18]]))
    assert result.orders == () and result.format == "xlsx"
    assert result.error is not None and "no order table" in result.error
    header_only = read_csv("Código;Descripción;Cantidad\n\n\n\nTOR-M8-40;x;1\n")
    assert header_only.orders == () and header_only.error is not None
    assert "has no lines" in header_only.error
    assert read_csv("Hola, os mando el pedido.\nGracias\n").error is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04" + b"\x00garbage" * 50, "not a readable zip archive"),
        (b"this is not a workbook at all", "not a readable zip archive"),
    ],
)
def test_garbage_is_a_parse_error(content: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_xlsx(content)


def test_damaged_workbooks_are_parse_errors() -> None:
    good = zipfile.ZipFile(io.BytesIO(xlsx([["Ref", "Qty"], ["TOR-M8-40", 1]])))
    with pytest.raises(ParseError, match="no Excel workbook"):
        read_xlsx(rezip(good, {"xl/workbook.xml": None}))
    with pytest.raises(ParseError, match="damaged"):
        read_xlsx(rezip(good, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c"}))
    with pytest.raises(ParseError, match="damaged"):
        read_xlsx(rezip(good, {"xl/workbook.xml": b"\x00\x01 not xml"}))


def test_the_registry_turns_a_damaged_workbook_into_a_clear_error() -> None:
    read = make_reader(lambda: NOW)
    result = read(doc(b"PK\x03\x04" + b"\x00" * 100, "pedido.xlsx", XLSX_TYPE))
    assert result.format == "xlsx" and result.error is not None and "zip" in result.error


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    good = zipfile.ZipFile(io.BytesIO(xlsx([["Ref", "Qty"], ["TOR-M8-40", 1]])))
    bomb = rezip(good, {"xl/media/padding.bin": b"\x00" * (33 * 2**20)})
    assert len(bomb) < 200_000  # it packs small
    with pytest.raises(ParseError, match="zip bomb"):
        read_xlsx(bomb)


@pytest.mark.parametrize(
    ("rows", "limits", "message"),
    [
        ([["Ref", "Qty"], *([["TOR-M8-40", 1]] * 60)], Limits(max_rows=50), "more than 50 rows"),
        ([["Ref", "Qty", *[None] * 20, "far right"]], Limits(max_columns=10), "column 23"),
        ([["Ref", "Qty"], *([["TOR-M8-40", 1]] * 60)], Limits(max_cells=100), "more than 100 cells"),
    ],
)
def test_sheets_over_the_caps_are_refused(rows: list[list[object]], limits: Limits, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_xlsx(xlsx(rows), limits)


def test_a_value_far_down_a_sheet_is_refused_at_the_default_caps() -> None:
    good = zipfile.ZipFile(io.BytesIO(xlsx([["Ref", "Qty"], ["TOR-M8-40", 1]])))
    far = b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    sheet = good.read("xl/worksheets/sheet1.xml").replace(b"</sheetData>", far)
    with pytest.raises(ParseError, match="more than 20000 rows"):
        read_xlsx(rezip(good, {"xl/worksheets/sheet1.xml": sheet}))


def test_scores_never_steal_mail_or_edifact() -> None:
    sheet = xlsx([["Ref", "Qty"], ["TOR-M8-40", 1]])
    assert XlsxParser().score(doc(sheet, "whatever.bin")) == 90  # known by its bytes
    assert XlsxParser().score(doc(sheet, "p.xlsx", XLSX_TYPE)) == 100
    docx = rezip(zipfile.ZipFile(io.BytesIO(sheet)), {"xl/workbook.xml": None})
    assert XlsxParser().score(doc(docx, "letter.docx")) is None
    csv_parser = CsvParser()
    assert csv_parser.score(doc(b"Ref;Qty\nTOR-M8-40;1\n", "pedido.csv")) == 60
    assert csv_parser.score(doc(b"Ref;Qty\nTOR-M8-40;1\n", None, "text/csv")) == 60
    assert csv_parser.score(doc(b"Ref;Qty\nTOR-M8-40;1\n", "pedido.txt", "text/plain")) is None
    assert csv_parser.score(doc(b"UNA:+.? 'UNB+UNOC:3+1:14+2:14+261126:0930+1'", "orders.csv")) is None

    read = make_reader(lambda: NOW)
    edifact = read(doc(b"UNA:+.? 'UNB+UNOC:3+1:14+2:14+261126:0930+1'", "orders.csv", "text/csv"))
    assert edifact.format == "edifact"
    mail = b"From: a@b.es\r\nSubject: Pedido\r\nMessage-ID: <x@b.es>\r\n\r\nRef;Qty\r\nTOR-M8-40;1\r\n"
    assert read(doc(mail, "pedido.csv")).format == "email-text"
