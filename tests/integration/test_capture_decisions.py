"""What a document states decides, end to end on SQLite (e-mail in, stored, read, validated, decided):
a printed order date that was not read, a document that is no order, totals that disagree, and an
e-mail with no order in it. None of these may flow on untouched."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from core.capture.services import review
from core.kernel.domain.model import Order, OrderState
from core.kernel.domain.users import Role
from core.kernel.services import auth
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import DEMO_DAY
from tests.integration.helpers import document, drain, orders_of
from tests.integration.mail_support import mail_app
from tests.integration.order_documents import OrderPdf, mailed
from tests.unit.parsers.email_support import message

pytestmark = pytest.mark.integration


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = mail_app(tmp_path)
    yield application
    application.close()


def mail_in(app: App, pdf: OrderPdf, message_id: str) -> Order:
    doc_id = app.submit(mailed(pdf.pdf(), DEMO_DAY, message_id=message_id))
    drain(app)
    assert document(app, doc_id).state is DocumentState.PROCESSED
    [order] = orders_of(app, doc_id)
    return order


def codes(order: Order) -> dict[str, dict[str, str | None]]:
    return {str(p["code"]): p for p in order.problems}


def test_an_emailed_order_whose_printed_date_was_not_read_waits_for_a_person(app: App) -> None:
    # the same document with a date the reader understands flows on: the test can tell the difference
    read = mail_in(app, OrderPdf(po_number="PO-7781"), "<a@ferreterianunez.es>")
    assert read.state is OrderState.ACCEPTED, read.problems
    assert read.order_date == date(2026, 11, 26) and read.customer_id == "C-1001"

    # "31/11/2026": printed, labelled, and no date at all (November has 30 days)
    unread = mail_in(app, OrderPdf(po_number="PO-7782", order_date="31/11/2026"), "<b@ferreterianunez.es>")
    assert unread.order_date is None
    assert unread.state is OrderState.IN_REVIEW  # never accepted with a fact of the document lost
    problem = codes(unread)["field_not_read"]
    assert problem["field"] == "order_date" and "Fecha" in str(problem["message"])


def test_a_delivery_date_named_in_an_emailed_body_but_not_read_is_never_dropped(app: App) -> None:
    # nothing else about this order needs a person: without the rule it would flow on with no date
    body = "Hola,\n\nPor favor enviad:\n* 10 x TOR-M8-40\n* 5 x TUE-M8\n\nEntrega antes del {}.\n\nAna\n"
    orders = []
    for n, when in enumerate(("03/12/2026", "31/11/2026")):
        mail = message(
            body.format(when), subject=f"Pedido PO-2026-008{n}", message_id=f"<e{n}@ferreterianunez.es>"
        )
        doc_id = app.submit(
            mail_envelope(mail.as_bytes(), DEMO_DAY, envelope_sender="pedidos@ferreterianunez.es")
        )
        drain(app)
        [order] = orders_of(app, doc_id)
        orders.append(order)
    readable, unreadable = orders
    assert readable.state is OrderState.ACCEPTED and readable.requested_delivery_date == date(2026, 12, 3)
    assert unreadable.state is OrderState.IN_REVIEW and unreadable.requested_delivery_date is None
    problem = codes(unreadable)["field_not_read"]
    assert problem["field"] == "requested_delivery_date" and "antes del" in str(problem["message"])


def test_an_invoice_sent_to_the_order_inbox_is_never_accepted(app: App) -> None:
    order = mail_in(app, OrderPdf(po_number="PO-7790", title="FACTURA"), "<c@ferreterianunez.es>")
    assert order.state is OrderState.IN_REVIEW
    assert str(codes(order)["not_an_order"]["message"]).startswith("this document is an invoice")


def test_a_clerks_save_keeps_what_the_document_said_until_the_clerk_settles_it(app: App) -> None:
    invoice = mail_in(app, OrderPdf(po_number="PO-7792", title="FACTURA"), "<f@ferreterianunez.es>")
    undated = mail_in(app, OrderPdf(po_number="PO-7793", order_date="31/11/2026"), "<g@ferreterianunez.es>")
    clerk = auth.create_user(app.uow(), "ana", "a long enough password", Role.CLERK, DEMO_DAY)

    def save(order: Order, **header: str) -> Order:
        assert order.id is not None
        review.acquire(app.uow(), order.id, clerk, DEMO_DAY)
        return review.save(app.uow(), order.id, clerk, DEMO_DAY, header, [], app.validate)

    assert "not_an_order" in codes(save(invoice, currency="EUR"))  # an edit does not make it an order
    assert "field_not_read" in codes(save(undated, currency="EUR"))  # the date is still missing
    dated = save(undated, order_date="2026-11-30")
    assert "field_not_read" not in codes(dated) and dated.order_date == date(2026, 11, 30)


def test_a_total_the_lines_do_not_make_is_named(app: App) -> None:
    order = mail_in(app, OrderPdf(po_number="PO-7791", total="55,00"), "<d@ferreterianunez.es>")
    assert order.state is OrderState.IN_REVIEW
    mismatch = codes(order)["total_mismatch"]
    assert mismatch["field"] == "total" and "50.00" in str(mismatch["message"])


def test_a_newsletter_is_kept_and_says_plainly_that_it_holds_no_order(app: App) -> None:
    news = message(
        "Novedades de noviembre\n\nDescubra nuestra nueva gama de herramientas con un 20 % de descuento.\n"
        "Para darse de baja de este boletín, responda BAJA.\n",
        subject="Boletín de novedades – noviembre 2026",
        from_="Boletín <news@herramientas-ejemplo.es>",
        message_id="<n1@herramientas-ejemplo.es>",
    )
    sender = "news@herramientas-ejemplo.es"
    doc_id = app.submit(mail_envelope(news.as_bytes(), DEMO_DAY, envelope_sender=sender))
    drain(app)
    record = document(app, doc_id)
    assert record.state is DocumentState.QUARANTINED and orders_of(app, doc_id) == []
    assert "no order found in the e-mail" in (record.error or "")
