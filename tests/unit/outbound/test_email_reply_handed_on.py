"""The reply drafted from the headers the e-mail reader handed on reads nothing of the stored e-mail,
neither to draft nor to render, and is the same reply, byte for byte, as one drafted from the stored
e-mail (issue 15: one parse of an e-mail's headers, not two)."""

from __future__ import annotations

import email
import random
from email import policy

from core.capture.domain.mail_headers import Original
from outbound.email import EmailResponder
from tests.unit.outbound.test_email_reply import NOW, Master, Record, Uow, order, original

HANDED_ON = Original(
    from_addr="Pedidos@FerreteriaNunez.es",
    from_name="Ana Núñez",
    subject="Pedido PO-7",
    message_id="<orig@ferreterianunez.es>",
    references=("<older@comanda.example>",),
    automatic=False,
)


class _NoBlobs:
    def get(self, sha256: str) -> bytes:
        raise AssertionError("the stored e-mail was read")


class _UowWithoutBytes:
    def __init__(self) -> None:
        self.blobs = _NoBlobs()
        self.master = Master()


def test_a_reply_drafted_from_the_headers_handed_on_reads_no_stored_e_mail() -> None:
    responder = EmailResponder("Pedidos <pedidos@comanda.example>")
    uow = _UowWithoutBytes()
    (draft,) = responder.draft(uow, Record(), [order()], NOW, HANDED_ON)
    assert draft.recipient == "Pedidos@FerreteriaNunez.es"  # the address as the customer wrote it
    content = responder.render(uow, Record(), [order()], draft)  # later, in the render job
    reply = email.message_from_bytes(content, policy=policy.default)
    assert reply["To"] == "Pedidos@FerreteriaNunez.es"
    assert reply["Subject"] == "Re: Pedido PO-7"
    assert reply["In-Reply-To"] == "<orig@ferreterianunez.es>"
    assert reply["References"] == "<older@comanda.example> <orig@ferreterianunez.es>"


def test_an_automatic_e_mail_handed_on_is_not_answered() -> None:
    responder = EmailResponder("Pedidos <pedidos@comanda.example>")
    bounce = Original("", "Mail Delivery System", "Undelivered", "<b@x>", (), automatic=True)
    assert responder.draft(_UowWithoutBytes(), Record(), [order()], NOW, bounce) == []


def test_the_reply_is_the_same_whether_the_headers_were_handed_on_or_read_from_the_stored_e_mail() -> None:
    raw = original(sender="Ana Núñez <Pedidos@FerreteriaNunez.es>")
    read_here = EmailResponder("Pedidos <pedidos@comanda.example>")
    (drafted,) = read_here.draft(Uow(raw), Record(), [order()], NOW)
    handed = EmailResponder("Pedidos <pedidos@comanda.example>")
    (given,) = handed.draft(_UowWithoutBytes(), Record(), [order()], NOW, HANDED_ON)
    assert (given.recipient, given.filename, given.draft) == (
        drafted.recipient,
        drafted.filename,
        drafted.draft,
    )
    random.seed(15)  # the MIME boundary is drawn at random: the same draw for both
    from_handed = handed.render(_UowWithoutBytes(), Record(), [order()], given)
    random.seed(15)
    assert from_handed == read_here.render(Uow(raw), Record(), [order()], drafted)
