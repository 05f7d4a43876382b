"""How an order arrives on each channel in `oms demo`; each returns the accepted order's id.

EDIFACT drops today's demo interchange; the e-mails come in as the SMTP receiver takes them; the fax
is written into the fax inbox as a fax server writes it, and waits in the review queue until the demo
clerk corrects what the fax misprinted; the AS2 order is posted, signed and encrypted, to our AS2
endpoint by the demo partner's station. Every order number carries the run's time, so a second run
makes new orders rather than duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.capture.domain.documents import Channel, InboundDocument
from core.kernel.domain.model import Order, OrderState
from samples.demo import as2, documents
from samples.demo.clerk import settle_in_review
from samples.demo.host import DemoApp, Say, Stage
from samples.demo.seed import DEMO_INTERCHANGE, DEMO_WRITTEN, shift_dates

Arrival = Callable[[Stage, Say], int]


def _tag(app: DemoApp) -> str:
    return app.clock().strftime("%y%m%d%H%M%S")


def _taken(app: DemoApp, doc_id: int) -> Order:
    """Read, decided and answered (on the embedded queue the demo runs the jobs itself); the
    document's first order."""
    if app.settings.embedded:
        app.process(doc_id)
        app.deliver(doc_id)
    app.run_jobs()
    with app.uow() as uow:
        orders = uow.orders.for_document(doc_id)
        if not orders:
            record = uow.documents.get(doc_id)
            raise RuntimeError(f"document {doc_id} made no order: {record.state if record else '?'}")
        first: Order = orders[0]
        return first


def _accepted(order: Order, say: Say) -> int:
    if order.state is not OrderState.ACCEPTED:
        raise RuntimeError(f"the demo order was not accepted: {order.state} {order.problems}")
    assert order.id is not None
    say(f"order {order.id} ({order.po_number}) from {order.customer_id} is {order.state}, answer queued")
    return order.id


def edi_arrival(stage: Stage, say: Say) -> int:
    """The demo ORDERS interchange, dated today, under a control reference of its own."""
    app = stage.app
    now = app.clock()
    content = shift_dates(DEMO_INTERCHANGE.read_bytes(), (now.date() - DEMO_WRITTEN).days)
    reference = _tag(app).encode()
    content = re.sub(rb"\+100001\+", b"+" + reference + b"+", content)
    content = content.replace(b"UNZ+2+100001", b"UNZ+2+" + reference)
    # and order numbers of its own: the same numbers again would rightly be held as a duplicate
    for n, po in enumerate((b"PO-2026-00123", b"PO-2026-00124"), start=1):
        content = content.replace(po, b"PO-" + reference + b"-" + str(n).encode())
    doc_id = app.submit(
        InboundDocument(Channel.EDI, content, now, original_name=f"demo-{reference.decode()}.edi")
    )
    first = _taken(app, doc_id)
    with app.uow() as uow:
        count = len(uow.orders.for_document(doc_id))
    say(f"EDIFACT interchange {reference.decode()} from {first.buyer_name}: {count} order(s)")
    return _accepted(first, say)


def typed_mail_arrival(stage: Stage, say: Say) -> int:
    """An e-mail with the order typed in its body."""
    doc = documents.typed_mail(stage.app.clock().date(), _tag(stage.app))
    doc_id = stage.doors.mail(doc.content, doc.sender)
    say(f"e-mail from {doc.sender} with order {doc.po_number} typed in the body: document {doc_id}")
    return _accepted(_taken(stage.app, doc_id), say)


def pdf_mail_arrival(stage: Stage, say: Say) -> int:
    """An e-mail with the order as a PDF attachment."""
    doc = documents.pdf_mail(stage.app.clock().date(), _tag(stage.app))
    doc_id = stage.doors.mail(doc.content, doc.sender)
    say(f"e-mail from {doc.sender} with PDF order {doc.po_number} attached: document {doc_id}")
    return _accepted(_taken(stage.app, doc_id), say)


def fax_arrival(stage: Stage, say: Say) -> int:
    """A fax in the fax inbox; read by OCR, it waits for a clerk, who corrects it and approves it."""
    app = stage.app
    tag = _tag(app)
    doc = documents.fax(app.clock().date(), tag)
    doc_id = stage.doors.drop("fax", f"fax-{tag}.tif", doc.content)
    size = f"{len(doc.content)} bytes of TIFF"
    say(f"fax from {doc.sender} ({size}) taken from the fax inbox: document {doc_id}")
    order = _taken(app, doc_id)
    assert order.id is not None
    codes = ", ".join(sorted({str(p.get("code")) for p in order.problems})) or "none"
    say(f"order {order.id} read by OCR from {order.customer_id} is {order.state} (problems: {codes})")
    if order.state is not OrderState.IN_REVIEW:
        raise RuntimeError(f"the misprinted fax was not sent to review: {order.state}")
    settle_in_review(app, order.id, doc, say)
    with app.uow() as uow:
        fixed = uow.orders.get(order.id)
        assert fixed is not None
        return _accepted(fixed, say)


def as2_arrival(stage: Stage, say: Say) -> int:
    """A signed and encrypted ORDERS posted to our AS2 endpoint by the demo partner's station."""
    app, partner = stage.app, stage.partner
    if partner is None:
        raise RuntimeError("the AS2 channel is not set up for the demo (see `oms demo --help`)")
    tag = _tag(app)
    payload = as2.orders_interchange(app.clock().date(), tag, f"AS2-{tag}")
    record = partner.send(stage.doors.post, stage.as2_url, payload, f"ORDERS_{tag}.edi")
    say(f"AS2 message {record.message_id} from {as2.THEIRS}: MDN {record.state} ({record.detail})")
    with app.uow() as uow:
        document = uow.documents.stored_with_external_id(Channel.AS2, record.message_id)
        if document is None or document.id is None:
            raise RuntimeError(f"the AS2 message was not stored: {record.detail}")
        doc_id: int = document.id
    order_id = _accepted(_taken(app, doc_id), say)
    say(f"{as2.THEIRS}'s station has received {len(partner.received)} message(s) from us over AS2")
    return order_id


ARRIVALS: dict[str, Arrival] = {
    "edi": edi_arrival,
    "email": typed_mail_arrival,
    "email-pdf": pdf_mail_arrival,
    "fax": fax_arrival,
    "as2": as2_arrival,
}
