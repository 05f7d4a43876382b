"""Promotions applied to orders from every channel, end to end on the embedded default with the demo
terms and the sample groups, categories and promotions (samples/masterdata/*.csv):

- TORN10: 10 % off the TORNILLERIA category; XMAS26: 15 % off everything, with the code XMAS26 only;
  GUA3X2: gloves (GUA-NIT-L, 8.50 a box) three for two; C-1001 is in group FERRETERIAS, whose list sells
  TOR-M10-60 at 0.31 from 2000 units (list 0.34).

An EDIFACT order quoting RFF+PD:XMAS26 is answered with ALC allowances, invoiced net of them with ALC on
the INVOIC, and the discounts are posted to the sales discounts account with the books balanced; an
e-mailed PDF whose price already has the promotion taken off flows on and its confirmation shows it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from pydifact.segmentcollection import Interchange

from core.billing.domain.ledger import SALES, SALES_DISCOUNTS
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import Decision, OutboundKind
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, SAMPLES, fixed_clock, load_demo_master_data, make_app
from tests.integration.billing_support import (
    account_balance,
    assert_trial_balance_zero,
    invoices,
    pdf_text,
    set_up_books,
    ship_all,
)
from tests.integration.helpers import drain, ingest, orders_of, outbox_files
from tests.integration.lifecycle_support import outbound
from tests.integration.order_documents import OrderPdf, mailed
from tests.integration.test_review import clerk
from tests.unit.parsers.email_support import message

pytestmark = [
    pytest.mark.integration,
    pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning"),
]
D = Decimal
TERMS = ("customer-groups", "group-prices", "categories", "promotions")


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[App]:
    app = make_app(tmp_path, clock=fixed_clock)
    load_demo_master_data(app)
    for kind in TERMS:
        import_csv(app.uow(), kind, (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8"))
    set_up_books(app)
    yield app
    app.close()


def _orders_interchange(reference: str, code: str | None) -> bytes:
    body = [
        "UNH+1+ORDERS:D:96A:UN:EAN008",
        f"BGM+220+PO-{reference}+9",
        "DTM+137:20261126:102",
        *([f"RFF+PD:{code}"] if code else []),
        "NAD+BY+8437000100010::9",
        "NAD+SU+8437000999997::9",
        "CUX+2:EUR:9",
        "LIN+1++8437000100102:EN",
        "QTY+21:1000:PCE",
        "PRI+AAA:0.18",
        "LIN+2++8437000100171:EN",
        "QTY+21:3:CT",
        "PRI+AAA:8.50",
        "UNS+S",
    ]
    segments = [
        "UNA:+.? ",
        f"UNB+UNOC:3+8437000100010:14+8437000999997:14+261126:0905+{reference}++ORDERS",
        *body,
        f"UNT+{len(body) + 1}+1",
        f"UNZ+1+{reference}",
    ]
    return ("'".join(segments) + "'").encode("latin-1")


def _allowances(content: bytes) -> list[tuple[str, str, str | None, str]]:
    """(LIN item number, ALC promotion id, PCD percent, MOA 204 amount) for each ALC, read by pydifact."""
    found: list[tuple[str, str, str | None, str]] = []
    [message] = list(Interchange.from_str(content.decode("latin-1")).get_messages())
    item, alc, pcd = "", "", None
    for seg in message.segments:
        if seg.tag == "LIN":
            item = seg.elements[0]
        elif seg.tag == "ALC" and seg.elements[0] == "A":  # an allowance (the INVOIC's carriage is a C)
            alc, pcd = seg.elements[1] if isinstance(seg.elements[1], str) else seg.elements[1][0], None
            assert seg.elements[4][0] == "DI"
        elif seg.tag == "PCD" and alc:
            pcd = seg.elements[0][1]
        elif seg.tag == "MOA" and alc and seg.elements[0][0] == "204":
            found.append((item, alc, pcd, seg.elements[0][1]))
            alc = ""
    return found


def test_an_edi_order_quoting_a_code_is_answered_invoiced_and_booked_with_its_allowances(shop: App) -> None:
    doc_id = ingest(shop, _orders_interchange("800001", "XMAS26"))
    [order] = orders_of(shop, doc_id)
    assert order.decision is Decision.ACCEPT, order.problems
    assert order.promo_code == "XMAS26"
    screws, gloves = order.lines
    # 1000 × 0.18 = 180.00: XMAS26's 15 % (27.00) beats TORN10's 10 % (18.00)
    assert (screws.discount, screws.promotion) == (
        D("27.00"),
        "promotion XMAS26 (Navidad con código): 15 % off",
    )
    # 3 boxes × 8.50 = 25.50: three for two frees one box (8.50), more than 15 % (3.83)
    assert (gloves.discount, gloves.promotion) == (
        D("8.50"),
        "promotion GUA3X2 (Guantes 3x2): buy 2 get 1 free",
    )
    [ordrsp] = [f.read_bytes() for f in outbox_files(shop) if b"ORDRSP:D:96A" in f.read_bytes()]
    assert sorted(_allowances(ordrsp)) == [("1", "XMAS26", "15", "27"), ("2", "GUA3X2", None, "8.5")]

    assert order.id is not None
    shop.lifecycle.service.start([order.id], "clerk")
    ship_all(shop, order.id)
    [invoice] = invoices(shop, order.id)
    goods = {ln.sku: ln for ln in invoice.lines if ln.sku}
    # net per line is quantity × price less the allowance: 180.00 − 27.00, 25.50 − 8.50
    assert (goods["TOR-M8-40"].net, goods["TOR-M8-40"].discount) == (D("153.00"), D("27.00"))
    assert (goods["GUA-NIT-L"].net, goods["GUA-NIT-L"].discount) == (D("17.00"), D("8.50"))
    [invoic] = [f.read_bytes() for f in outbox_files(shop) if b"INVOIC:D:96A" in f.read_bytes()]
    assert sorted(_allowances(invoic)) == [("1", "XMAS26", "15", "27"), ("2", "GUA3X2", None, "8.5")]
    assert b"MOA+203:153'" in invoic  # 153.00 as EDIFACT writes decimals
    # sales are credited before promotions (205.50), the 35.50 they took off debited to discounts
    assert account_balance(shop, SALES_DISCOUNTS) == D("35.50")
    assert account_balance(shop, SALES) == D("-205.50")
    assert_trial_balance_zero(shop)


def test_the_same_order_without_the_code_gets_the_automatic_promotions_only(shop: App) -> None:
    doc_id = ingest(shop, _orders_interchange("800002", None))
    [order] = orders_of(shop, doc_id)
    assert order.promo_code is None
    # TORN10 10 % of 180.00 = 18.00; the gloves' three for two needs no code
    assert [(ln.discount, (ln.promotion or "").split(":")[0]) for ln in order.lines] == [
        (D("18.00"), "promotion TORN10 (Tornillería al 10 %)"),
        (D("8.50"), "promotion GUA3X2 (Guantes 3x2)"),
    ]


def _reply(shop: App, order_id: int) -> EmailMessage:
    [reply] = [m for m in outbound(shop, order_id) if m.kind is OutboundKind.REPLY]
    parsed = message_from_bytes(reply.content, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_a_mailed_order_priced_net_of_its_promotion_flows_on_and_the_confirmation_shows_it(shop: App) -> None:
    # the group list's break: 0.31 from 2000; less TORN10's 10 % = 0.279 a screw, 558.00 the line
    lines = (("TOR-M10-60", "Tornillo hexagonal M10x60", "2000", "0,279", "558,00"),)
    pdf = OrderPdf(po_number="PN-6001", lines=lines, total="558,00").pdf()
    doc_id = shop.submit(mailed(pdf, DEMO_DAY, message_id="<pn-6001@ferreterianunez.es>"))
    drain(shop)
    [order] = orders_of(shop, doc_id)
    assert order.decision is Decision.ACCEPT, order.problems
    [line] = order.lines
    # kept as the price before the promotion and the promotion beside it: 2000 × 0.31 × 10 % = 62.00
    assert (line.unit_price, line.discount) == (D("0.31"), D("62.00"))
    assert line.price_source == (
        "0.31 EUR, price list of group FERRETERIAS, from 2000 units, valid 2026-01-01 to 2026-12-31;"
        " the document's price is net of the promotion"
    )
    assert order.id is not None
    # the API and the order's history on the review screen say the same
    client, _ = clerk(shop)
    [api_line] = client.get(f"/api/orders/{order.id}").json()["lines"]
    assert (api_line["unit_price"], api_line["discount"]) == ("0.31", "62")  # as the API writes amounts
    history = client.get(f"/review/{order.id}").text
    assert "line 1 (TOR-M10-60): promotion TORN10 (Tornillería al 10 %): 10 % off, 62" in history
    assert "checked against 0.31 EUR, price list of group FERRETERIAS" in history
    reply = _reply(shop, order.id)
    body = reply.get_body(("plain",))
    assert body is not None and "Promoción: promotion TORN10 (Tornillería al 10 %): 10 % off (-62,00)" in str(
        body.get_content()
    )
    [pdf_part] = [p for p in reply.walk() if p.get_content_type() == "application/pdf"]
    text = pdf_text(pdf_part.get_content())
    assert "-62,00" in text and "Promoción" in text
    assert "558,00" in text  # 620.00 less 62.00, the total as confirmed


def test_a_code_printed_on_a_mailed_pdf_is_quoted(shop: App) -> None:
    lines = (("TOR-M10-60", "Tornillo hexagonal M10x60", "2000", "0,31", "620,00"),)
    page = OrderPdf(
        po_number="PN-6002", lines=lines, total="620,00", letterhead=("Código promocional: XMAS26",)
    )
    doc_id = shop.submit(mailed(page.pdf(), DEMO_DAY, message_id="<pn-6002@ferreterianunez.es>"))
    drain(shop)
    [order] = orders_of(shop, doc_id)
    assert order.promo_code == "XMAS26"
    # 620.00: XMAS26's 15 % (93.00) beats TORN10's 10 % (62.00)
    assert [ln.discount for ln in order.lines] == [D("93.00")]


def test_a_code_in_an_e_mail_body_order_is_quoted(shop: App) -> None:
    msg = message(
        "Buenos días,\n\n- TOR-M10-60: 2000 uds\n\nCódigo promocional: XMAS26\n\nUn saludo\n",
        subject="Pedido 6003",
        from_="Ana Núñez <pedidos@ferreterianunez.es>",
        message_id="<pn-6003@ferreterianunez.es>",
    )
    doc_id = shop.submit(
        mail_envelope(msg.as_bytes(), DEMO_DAY, envelope_sender="pedidos@ferreterianunez.es")
    )
    drain(shop)
    [order] = orders_of(shop, doc_id)
    assert order.promo_code == "XMAS26"
    # no price written: the group's 0.31 from 2000 is taken, XMAS26's 15 % of 620.00 = 93.00
    # the line printed no price: it takes the price the discount was worked out on
    assert [(ln.sku, ln.unit_price, ln.discount) for ln in order.lines] == [
        ("TOR-M10-60", D("0.31"), D("93.00"))
    ]
