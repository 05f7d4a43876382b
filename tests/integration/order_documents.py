"""Small purchase orders the capture tests draw themselves: a one-page text PDF (reportlab) with a
letterhead, header fields, the supplier's block and a lines table, and the e-mail that carries it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from core.capture.domain.documents import InboundDocument
from ingest.mail import mail_envelope
from tests.unit.parsers.email_support import message

# (code, description, quantity, unit price, amount) as printed, with decimal commas
Line = tuple[str, str, str, str, str]
COLUMNS = (40, 140, 360, 430, 500)  # x of each column
LINES: tuple[Line, ...] = (
    ("TOR-M8-40", "Tornillo hexagonal M8x40", "250", "0,18", "45,00"),
    ("TUE-M8", "Tuerca hexagonal M8", "100", "0,05", "5,00"),
)


@dataclass
class OrderPdf:
    """What the page prints; every field is printed as given (None: not printed at all)."""

    po_number: str = "PO-7781"
    title: str = "PEDIDO DE COMPRA"
    buyer: str = "Ferretería Núñez S.L."
    address: str = "Calle Mayor 12, 28013 Madrid"
    letterhead: Sequence[str] = ()  # identifier lines under the address: "CIF B-...", "Tel. ...", e-mail
    order_date: str | None = "26/11/2026"
    lines: Sequence[Line] = LINES
    total: str | None = "50,00"
    supplier: Sequence[str] = field(
        default_factory=lambda: [
            "Comanda Suministros Industriales S.L.",
            "Avenida de Cataluña 221, 50014 Zaragoza",
            "CIF: B-50123456",
        ]
    )

    def pdf(self) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(595, 842))

        def text(x: float, y: float, value: str, size: float = 10) -> None:
            canvas.setFont("Helvetica", size)
            canvas.drawString(x, 842 - y, value)

        text(40, 40, self.buyer, 14)
        text(40, 58, self.address)
        for i, printed in enumerate(self.letterhead):
            text(40, 72 + 14 * i, printed)
        text(40, 130, self.title, 16)
        text(40, 160, "Nº pedido:")
        text(140, 160, self.po_number)
        if self.order_date is not None:
            text(40, 174, "Fecha:")
            text(140, 174, self.order_date)
        text(330, 160, "Proveedor:")
        for i, printed in enumerate(self.supplier):
            text(330, 174 + 14 * i, printed)
        y = 240
        for row in (("Código", "Descripción", "Cantidad", "Precio", "Importe"), *self.lines):
            for x, cell in zip(COLUMNS, row, strict=True):
                text(x, y, cell)
            y += 16
        if self.total is not None:
            text(430, y + 16, "Total:")
            text(500, y + 16, self.total)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def mailed(
    pdf: bytes,
    when: datetime,
    *,
    sender: str = "pedidos@ferreterianunez.es",
    name: str = "Ana Núñez",
    subject: str = "Pedido",
    message_id: str = "<m1@ferreterianunez.es>",
) -> InboundDocument:
    """The PDF attached to an e-mail from `sender`, as Comanda's SMTP receiver would store it."""
    msg = message(
        "Buenos días,\n\nOs adjunto el pedido.\n\nUn saludo\n",
        subject=subject,
        from_=f"{name} <{sender}>",
        message_id=message_id,
    )
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="pedido.pdf")
    return mail_envelope(msg.as_bytes(), when, envelope_sender=sender)
