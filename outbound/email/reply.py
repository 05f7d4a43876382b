"""The answer to an e-mailed order: a reply in the same thread, in the customer's language, with the
lines as we understood them in the text and the order confirmation PDF attached (one per order)."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from core.capture.domain.mail_headers import Original
from core.capture.domain.resolution import MasterData
from core.kernel.domain.model import Customer, Decision, Order, OutboundKind, OutboundMessage
from outbound.confirmation import money_text, quantity_text, render_confirmation
from outbound.confirmation_text import problem_text
from outbound.email.compose import (
    compose,
    domain_of,
    read_original,
    reply_subject,
    stable_message_id,
)

CHANNEL = "email"
Confirmation = Callable[[Order, Customer | None, str, datetime], bytes]

WORDS = {
    "es": {
        "hello": "Buenos días:",
        "accepted": "Hemos recibido y aceptado su pedido {po}. Estas son las líneas tal como las hemos"
        " entendido:",
        "rejected": "No hemos podido aceptar su pedido {po} tal como nos ha llegado. Hemos leído estas"
        " líneas:",
        "reasons": "Motivos:",
        "delivery": "Entrega solicitada: {date}",
        "attached": "Adjuntamos la confirmación en PDF.",
        "check": "Si algo no coincide con lo que pidió, responda a este mensaje indicando qué cambiar.",
        "bye": "Un saludo,",
        "no_po": "sin número",
        "pdf": "confirmacion-pedido-{ref}.pdf",
        "promotion": "Promoción",
    },
    "en": {
        "hello": "Hello,",
        "accepted": "We have received and accepted your order {po}. These are the lines as we understood"
        " them:",
        "rejected": "We could not accept your order {po} as we received it. These are the lines we read:",
        "reasons": "Reasons:",
        "delivery": "Requested delivery: {date}",
        "attached": "The confirmation is attached as a PDF.",
        "check": "If anything differs from what you ordered, reply to this message saying what to change.",
        "bye": "Kind regards,",
        "no_po": "without a number",
        "pdf": "order-confirmation-{ref}.pdf",
        "promotion": "Promotion",
    },
}
_SPANISH = re.compile(r"\b(pedido|entrega|unidades|uds|cajas|gracias|saludos|hola|urgente)\b", re.IGNORECASE)


class _Blobs(Protocol):
    def get(self, sha256: str) -> bytes: ...


class Reads(Protocol):
    """What the responder reads inside the processing transaction (a unit of work has both)."""

    @property
    def blobs(self) -> _Blobs: ...

    @property
    def master(self) -> MasterData: ...


class _Record(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def sha256(self) -> str: ...


def pdf_confirmation(order: Order, customer: Customer | None, language: str, now: datetime) -> bytes:
    return render_confirmation(order, customer, language, now=now)


class EmailResponder:
    """A `DraftingResponder` (core.capture.services.answers) for the e-mail channel: the processing
    transaction only drafts the reply; a job renders it (MIME and PDF, most of the cost) and sends it."""

    def __init__(
        self, sender: str, confirmation: Confirmation | None = pdf_confirmation, signature: str = ""
    ) -> None:
        self.sender = sender  # our From, e.g. "Pedidos <pedidos@example.com>"
        self.confirmation = confirmation
        self.signature = signature or sender
        self._originals = _Originals()

    def respond(
        self, uow: Reads, record: _Record, orders: Sequence[Order], now: datetime
    ) -> list[OutboundMessage]:
        """The reply drafted and rendered at once."""
        messages = self.draft(uow, record, orders, now)
        for message in messages:
            message.content = self.render(uow, record, orders, message)
            message.draft = None
        return messages

    def draft(
        self,
        uow: Reads,
        record: _Record,
        orders: Sequence[Order],
        now: datetime,
        original: Original | None = None,
    ) -> list[OutboundMessage]:
        """The reply's outbox row, owed from now on; its content (text, MIME, PDF) is left to `render`,
        in a job off the intake path. Reads only the original's headers: `original` when the reader
        handed them on (kept for `render` as a read of them is), else from the stored e-mail."""
        if original is None:
            original = self._originals.read(uow, record.sha256)
        else:
            self._originals.keep(record.sha256, original)
        if original.automatic or not orders or "@" not in original.from_addr:
            return []  # never answer an auto-reply, a bounce or a list: that is how mail loops start
        ids = "-".join(str(o.id) for o in orders)
        decisions = _decisions(orders)
        return [
            OutboundMessage(
                channel=CHANNEL,
                kind=OutboundKind.REPLY,
                recipient=original.from_addr,
                filename=f"reply-{record.id}-{ids}-{decisions}.eml"[:200],
                content=b"",
                created_at=now,
                order_id=orders[0].id if len(orders) == 1 else None,
                draft={"orders": [o.id for o in orders], "decisions": decisions},
            )
        ]

    def render(self, uow: Reads, record: _Record, orders: Sequence[Order], message: OutboundMessage) -> bytes:
        """The reply drafted as `message`: the same bytes however often it is rendered (its date and
        the confirmation's are the draft's, its Message-ID is fixed by the document and orders)."""
        original = self._originals.read(uow, record.sha256)
        now = message.created_at
        customer = next(
            (c for o in orders if o.customer_id and (c := uow.master.customer(o.customer_id))), None
        )
        language = choose_language(customer, original.subject, original.from_addr)
        text = reply_text(
            orders, uow.master, language, self.signature, attached=self.confirmation is not None
        )
        attachments = []
        if self.confirmation is not None:
            for order in orders:
                name = WORDS[language]["pdf"].format(ref=_file_ref(order))
                attachments.append(
                    (name, "application/pdf", self.confirmation(order, customer, language, now))
                )
        ids = "-".join(str(o.id) for o in orders)
        decisions = str((message.draft or {}).get("decisions") or _decisions(orders))
        message_id = stable_message_id(domain_of(self.sender), "reply", record.id, ids, decisions)
        return compose(
            sender=self.sender,
            to=message.recipient,
            subject=reply_subject(original.subject),
            text=text,
            message_id=message_id,
            now=now,
            in_reply_to=original.message_id or None,
            references=original.references,
            attachments=attachments,
            language=language,
        )


class _Originals:
    """The headers of the e-mails answered lately, by the SHA-256 of their stored bytes.

    Drafting the reply and rendering it (usually in the same worker, moments apart) each fetched the
    stored e-mail and parsed its headers, about half a millisecond a parse. The bytes behind a hash
    never change, so what was read of them stays true; only the last `size` are kept."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._read: OrderedDict[str, Original] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, uow: Reads, sha256: str) -> Original:
        with self._lock:
            if sha256 in self._read:
                self._read.move_to_end(sha256)
                return self._read[sha256]
        original = read_original(uow.blobs.get(sha256))
        self.keep(sha256, original)
        return original

    def keep(self, sha256: str, original: Original) -> None:
        """What was read of these bytes' headers elsewhere (the e-mail reader), kept as a read here."""
        with self._lock:
            self._read[sha256] = original
            self._read.move_to_end(sha256)
            while len(self._read) > self.size:
                self._read.popitem(last=False)


def _decisions(orders: Sequence[Order]) -> str:
    return "".join(str(o.decision)[0] for o in orders)


def choose_language(customer: Customer | None, subject: str, address: str) -> str:
    """The customer's language from master data; else the subject's words; else the address's country."""
    if customer is not None and (customer.language or "").lower()[:2] in WORDS:
        return (customer.language or "").lower()[:2]
    if _SPANISH.search(subject):
        return "es"
    return "es" if address.lower().rpartition(".")[2] in ("es", "mx", "ar", "cl", "co", "pe") else "en"


def reply_text(
    orders: Sequence[Order], master: MasterData, language: str, signature: str, *, attached: bool
) -> str:
    w = WORDS[language]
    out = [w["hello"], ""]
    for order in orders:
        po = order.po_number or w["no_po"]
        rejected = order.decision == Decision.REJECT
        out.append(w["rejected" if rejected else "accepted"].format(po=po))
        out.append("")
        for line in order.lines:
            out.append(
                "  "
                + _line_text(
                    line.position,
                    line.sku or line.item_code,
                    _name(line, master, language),
                    quantity_text(line.quantity, language),
                    line.unit,
                )
            )
            if line.discount:
                out.append(
                    f"     {w['promotion']}: {line.promotion or ''} (-{money_text(line.discount, language)})"
                )
        if order.requested_delivery_date:
            out += ["", w["delivery"].format(date=_day(order.requested_delivery_date.isoformat()))]
        if rejected and order.problems:
            out += ["", w["reasons"]]
            out += [f"  - {problem_text(p, language)}" for p in order.problems]
        out.append("")
    if attached:
        out.append(w["attached"])
    out += [w["check"], "", w["bye"], signature]
    return "\n".join(out) + "\n"


def _line_text(position: int, code: str | None, name: str | None, qty: str, unit: str | None) -> str:
    what = " ".join(p for p in (code, f"– {name}" if name else None) if p)
    return f"{position}. {what or '?'}: {qty} {unit or ''}".rstrip()


def _name(line: object, master: MasterData, language: str) -> str | None:
    sku = getattr(line, "sku", None)
    product = master.product(sku) if sku else None
    if product is not None:
        return (product.description_en if language == "en" else None) or product.name
    description: str | None = getattr(line, "description", None)
    return description


def _day(iso: str) -> str:
    """dd/mm/yyyy, as both Spanish and British customers read dates."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _file_ref(order: Order) -> str:
    ref = re.sub(r"[^A-Za-z0-9._-]+", "_", order.po_number or str(order.id))
    return ref.strip("._")[:60] or str(order.id)
