"""Orders typed in e-mail bodies, Spanish and English: lines, order number, dates, what is ignored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.capture.domain.order import ProblemCode
from parsers.email.fields import delivery_date, language, po_number
from parsers.email.lines import read_line
from tests.unit.parsers.email_support import lines, message, read

REF = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "code", "qty", "unit"),
    [
        ("10 x TOR-M8-40", "TOR-M8-40", "10", None),
        ("10x TOR-M8-40 tornillo hexagonal", "TOR-M8-40", "10", None),
        ("Ref. 4711: 20 uds", "4711", "20", "UD"),
        ("Referencia 4712 - 30 unidades", "4712", "30", "UD"),
        ("qty 5 of BRO-HSS-8", "BRO-HSS-8", "5", None),
        ("* 3 cajas de TAC-6", "TAC-6", "3", "CAJ"),
        ("- TUE-M8: 1.000 uds", "TUE-M8", "1000", "UD"),
        ("Please send 1,000 pcs ARA-M8", "ARA-M8", "1000", "UD"),
        ("TOR-M8-40 (12 uds)", "TOR-M8-40", "12", "UD"),
        ("Necesitamos 2 cajas de GUA-NIT-L", "GUA-NIT-L", "2", "CAJ"),
        ("1) 4 x SIL-TRA-300", "SIL-TRA-300", "4", None),
        ("Item HH-DRILL-8 - 6 units", "HH-DRILL-8", "6", "UD"),
        ("tor-m8-40 x 10", "TOR-M8-40", "10", None),
    ],
)
def test_line_forms(text: str, code: str, qty: str, unit: str | None) -> None:
    line = read_line(text)
    assert line is not None, text
    assert (line.item_code, line.quantity, line.unit) == (code, Decimal(qty), unit)


@pytest.mark.parametrize(
    "text", ["Hola, os paso el pedido", "Entrega en 2 días", "Tel. +34 912 345 678", "2026"]
)
def test_prose_is_no_line(text: str) -> None:
    assert read_line(text) is None


def test_description_only_line_keeps_the_words_and_no_code() -> None:
    line = read_line("* 3 cajas de tacos de nailon 6 mm")
    assert line is not None and line.item_code is None
    assert line.description == "tacos de nailon 6 mm" and line.quantity == 3


def test_order_number_and_delivery_date_from_subject_and_text() -> None:
    assert po_number("Pedido PO-2026-0042 – entrega 03/12") == "PO-2026-0042"
    assert po_number("Re: Pedido semana 48", "Nuestro pedido n.º 2026-118.") == "2026-118"
    assert po_number("Order No. 4500123") == "4500123"
    assert po_number("Pedido:\n\nARA-M8 (25 uds)") is None  # a line below is no order number
    assert delivery_date(REF, "Fecha de entrega: 3 de diciembre") == date(2026, 12, 3)
    assert delivery_date(REF, "Please deliver by 5th December 2026.") == date(2026, 12, 5)
    assert delivery_date(REF, "para el 2/1") == date(2027, 1, 2)  # the next 2 January
    assert language("Hola, os paso el pedido. Gracias") == "es"
    assert language("Hi, please find our order. Thanks") == "en"


def test_spanish_body_with_quote_signature_and_disclaimer() -> None:
    body = (
        "Hola,\n\nGracias por todo. Os hago un pedido:\n\n"
        "* 10 x TOR-M8-40\n* Ref. 4711: 20 uds\n* 3 cajas de TAC-6\n\n"
        "Fecha de entrega: 03/12/2026\n\nUn saludo,\nAna Núñez\n"
        "Ferretería Núñez S.L. · CIF B-12345678 · Tel. 912 345 678\n\n"
        "AVISO LEGAL: Este mensaje es confidencial. Ref. 9999: 10 uds\n\n"
        "El 20/11/2026, Comanda <pedidos@comanda.example> escribió:\n> 25 x TOR-M10-60\n"
    )
    result = read(message(body))
    assert result.format == "email-text" and result.error is None
    assert lines(result) == [("TOR-M8-40", "10"), ("4711", "20"), ("TAC-6", "3")]
    order = result.orders[0]
    assert order.po_number == "PO-2026-0042"
    assert order.requested_delivery_date == date(2026, 12, 3)
    assert order.order_date == date(2026, 11, 26)
    assert order.language == "es"
    assert order.buyer.email == "pedidos@ferreterianunez.es" and order.buyer.name == "Ana Núñez"
    assert order.problems == ()


def test_english_body_outlook_quote_is_ignored() -> None:
    body = (
        "Hello,\n\nPlease supply:\nqty 5 of BRO-HSS-8\n- GUA-NIT-L: 2\n\nOur order number: PO-77120.\n"
        "Please deliver by December 7, 2026.\n\nKind regards,\nChloe\n\n"
        "From: Comanda <pedidos@comanda.example>\nSent: 20 November 2026 09:00\nTo: Chloe\n"
        "Subject: Re: order\n\n25 x TOR-M10-60\n"
    )
    result = read(
        message(body, subject="Order", from_="Chloe <orders@hartleyhardware.co.uk>"),
        sender="orders@hartleyhardware.co.uk",
    )
    assert lines(result) == [("BRO-HSS-8", "5"), ("GUA-NIT-L", "2")]
    assert result.orders[0].po_number == "PO-77120"
    assert result.orders[0].requested_delivery_date == date(2026, 12, 7)
    assert result.orders[0].language == "en"


def test_html_only_body_with_table_and_gmail_quote() -> None:
    html = (
        "<div>Buenos días,</div><table><tr><th>Ref.</th><th>Descripción</th><th>Cantidad</th></tr>"
        "<tr><td>TOR-M8-40</td><td>Tornillo M8x40</td><td>250</td></tr>"
        "<tr><td>4712</td><td>Tuerca</td><td>100 uds</td></tr></table>"
        '<div class="gmail_quote">El lunes escribió:<blockquote>9 x TOR-M10-60</blockquote></div>'
    )
    result = read(message(None, html=html))
    assert lines(result) == [("TOR-M8-40", "250"), ("4712", "100")]
    assert result.orders[0].lines[0].description == "Tornillo M8x40"


def test_a_line_not_understood_sends_the_order_to_review() -> None:
    result = read(message("10 x TOR-M8-40\nTOR-M10-60 tornillo M10 x 60 mm, unos 40\n"))
    assert lines(result) == [("TOR-M8-40", "10")]
    assert [p.code for p in result.orders[0].problems] == [ProblemCode.UNREADABLE]


def test_an_inline_forwarded_order_is_read_when_the_writer_typed_none() -> None:
    body = "Ver abajo, gracias.\n\n---------- Forwarded message ---------\nDe: Compras\n\n6 x LLA-AJ-250\n"
    assert lines(read(message(body))) == [("LLA-AJ-250", "6")]


def test_no_order_in_the_mail_is_an_error_not_a_crash() -> None:
    result = read(message("¿Tenéis stock de tornillos?\n"))
    assert result.orders == () and result.error and "no order found" in result.error
