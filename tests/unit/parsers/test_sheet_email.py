"""Order sheets attached to e-mails, through the whole reader (`make_reader`) and resolved against the
demo master data the way `oms extract --json` does."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

from core.capture.domain.documents import Channel, InboundDocument
from oms.bootstrap import make_reader
from oms.extract import result_json
from tests.unit.parsers.email_support import TODAY, message
from tests.unit.parsers.pdf_support import SampleMaster
from tests.unit.parsers.sheet_support import rezip, xlsx

HARTLEY = "Chloe Hartley <orders@hartleyhardware.co.uk>"


def read_mail(*attachments: tuple[str, str, bytes], body: str, from_: str, sender: str) -> dict[str, Any]:
    msg = message(body, subject="Pedido adjunto", from_=from_)
    for name, media, content in attachments:
        maintype, _, subtype = media.partition("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    doc = InboundDocument(Channel.EMAIL, msg.as_bytes(), TODAY, sender=sender, media_type="message/rfc822")
    result = make_reader(lambda: TODAY)(doc)
    return result_json("mail.eml", None, result, SampleMaster(), TODAY.date())


def test_an_xlsx_attachment_becomes_an_accepted_order() -> None:
    sheet = xlsx(
        [
            ["Ferretería Núñez S.L."],
            ["Nº pedido", "PED-2026-0815"],
            ["Fecha", date(2026, 11, 26)],
            ["Fecha de entrega", date(2026, 12, 3)],
            [],
            ["Referencia", "EAN", "Descripción", "Cantidad", "Ud", "Precio unitario", "Importe"],
            ["4711", None, "Tornillo hexagonal M8x40", 250, "uds", 0.18, 45],
            [None, 8437000100126, "Tuerca hexagonal M8", 1000, "uds", 0.05, 50],
            ["TAC-6", None, "Taco de nailon 6 mm", 3, "cajas", 3.9, 11.7],
            [],
            [None, None, "Total", None, None, None, 106.7],
        ],
        titles=["Pedido"],
    )
    # sent as application/octet-stream: the attachment is known by its bytes
    out = read_mail(
        ("pedido noviembre.xlsx", "application/octet-stream", sheet),
        body="Buenos días,\n\nAdjunto el pedido de la semana.\n\nUn saludo,\nAna\n",
        from_="Ana Núñez <pedidos@ferreterianunez.es>",
        sender="pedidos@ferreterianunez.es",
    )
    assert out["format"] == "xlsx" and out["channel"] == "email" and out["error"] is None
    (order,) = out["orders"]
    assert order["customer_id"] == "C-1001"  # by the sender's address
    assert order["po_number"] == "PED-2026-0815"
    assert (order["order_date"], order["requested_delivery_date"]) == ("2026-11-26", "2026-12-03")
    assert [(ln["sku"], ln["quantity"], ln["unit"], ln["unit_price"]) for ln in order["lines"]] == [
        ("TOR-M8-40", "250", "UD", "0.18"),  # the customer's own code 4711
        ("TUE-M8", "1000", "UD", "0.05"),  # by its GTIN
        ("TAC-6", "3", "CAJ", "3.9"),
    ]
    assert order["total"] == "106.7"
    assert order["problems"] == [] and order["decision"] == "accept" and order["confidence"] == 1.0


def test_an_english_csv_attachment_with_the_customers_codes() -> None:
    sheet = (
        b"PO number,PO-HH-2211\r\n"
        b"Delivery date,10/12/2026\r\n"
        b"\r\n"
        b"Item code,Description,Qty,Unit price,Line total\r\n"
        b'HH-DRILL-8,HSS drill bit 8 mm,1200,2.45,"2,940.00"\r\n'
        b"HH-GLOVE-L,Nitrile gloves L (box of 100),4,8.50,34.00\r\n"
        b'Grand total,,,,"2,974.00"\r\n'
    )
    out = read_mail(
        ("order.csv", "text/csv", sheet),
        body="Hi,\n\nPlease find our order attached.\n\nRegards,\nChloe\n",
        from_=HARTLEY,
        sender="orders@hartleyhardware.co.uk",
    )
    assert out["format"] == "csv"
    (order,) = out["orders"]
    assert order["customer_id"] == "C-2001" and order["po_number"] == "PO-HH-2211"
    assert order["requested_delivery_date"] == "2026-12-10"
    assert [(ln["sku"], ln["quantity"], ln["amount"]) for ln in order["lines"]] == [
        ("BRO-HSS-8", "1200", "2940"),
        ("GUA-NIT-L", "4", "34"),
    ]
    assert order["total"] == "2974" and order["decision"] == "accept"


def test_a_sheet_without_an_order_table_is_reported_and_the_body_is_read() -> None:
    price_list = xlsx([["Lista de precios"], ["Código", "Precio"], ["TOR-M8-40", 0.18]])
    out = read_mail(
        ("precios.xlsx", "application/octet-stream", price_list),
        body="Hola,\n\n10 x TOR-M8-40\n\nGracias\n",
        from_="Ana Núñez <pedidos@ferreterianunez.es>",
        sender="pedidos@ferreterianunez.es",
    )
    assert out["format"] == "email-text"
    assert [(ln["sku"], ln["quantity"]) for ln in out["orders"][0]["lines"]] == [("TOR-M8-40", "10")]
    (problem,) = [p for p in out["problems"] if "precios.xlsx" in p["message"]]
    assert problem["code"] == "unreadable" and "no order table" in problem["message"]


def test_a_damaged_workbook_alone_leaves_the_email_unread_with_the_reason() -> None:
    good = zipfile.ZipFile(io.BytesIO(xlsx([["Ref", "Qty"], ["TOR-M8-40", 1]])))
    damaged = rezip(good, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c"})
    out = read_mail(
        ("pedido.xlsx", "application/octet-stream", damaged),
        body="Adjunto pedido.\n",
        from_="Ana Núñez <pedidos@ferreterianunez.es>",
        sender="pedidos@ferreterianunez.es",
    )
    assert out["orders"] == [] and out["error"] is not None
    assert "attachment 'pedido.xlsx' could not be read: the XLSX file is damaged" in out["error"]
