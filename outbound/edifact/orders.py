"""Our purchase order to an EDIFACT supplier: ORDERS D.96A (EANCOM EAN008 style).

    BGM 220 order (our PO number), DTM 137 date, DTM 2 requested delivery, NAD BY (us, as the supplier
    knows us) / SU (the supplier) / DP (the warehouse), CUX; per line LIN (GTIN), PIA (their code SA,
    our SKU IN), IMD, QTY 21, DTM 2, PRI AAA; UNS, CNT 2.

The supplier's ORDRSP and DESADV name the PO number back in RFF ON; `parsers.edifact.supplier` reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from core.kernel.domain.model import OutboundKind, OutboundMessage
from core.purchasing.domain.orders import PoLine
from core.purchasing.domain.outgoing import PoDocument
from outbound.edifact.naming import outbound_filename
from outbound.edifact.ordrsp import looks_like_gln
from outbound.edifact.syntax import (
    Envelope,
    Message,
    Segment,
    date_text,
    decimal_text,
    segment,
    write_interchange,
)

ORDERS_IDENTIFIER = ("ORDERS", "D", "96A", "UN", "EAN008")
_ORDER = "220"
_ORIGINAL = "9"


def orders_message(document: PoDocument, now: datetime, *, message_ref: str = "1") -> Message:
    po, supplier = document.po, document.supplier
    body: list[Segment] = [
        segment("BGM", _ORDER, po.number, _ORIGINAL),
        _dtm("137", now.date()),
    ]
    if po.expected_date is not None:
        body.append(_dtm("2", po.expected_date))
    body += [
        segment("NAD", "BY", _party(supplier.our_edi_id or "")),
        segment("NAD", "SU", _party(supplier.edi_id or ""), None, supplier.name[:35]),
        segment("NAD", "DP", (po.warehouse, "", "92"), None, document.warehouse_name[:35]),
        segment("CUX", ("2", po.currency, "9")),
    ]
    for line in po.lines:
        body.extend(_line(line))
    body += [segment("UNS", "S"), segment("CNT", ("2", str(len(po.lines))))]
    return Message(message_ref, ORDERS_IDENTIFIER, tuple(body))


def _line(line: PoLine) -> Iterator[Segment]:
    gtin = (line.gtin or "").strip()
    yield segment("LIN", str(line.line_no), None, (gtin, "EN") if gtin else None)
    yield segment("PIA", "5", (line.supplier_item_code[:35], "SA", "", "91"), (line.sku[:35], "IN", "", "92"))
    if line.description:
        yield segment("IMD", "F", None, ("", "", "", line.description[:35]))
    yield segment("QTY", ("21", decimal_text(line.quantity)))
    if line.expected_date is not None:
        yield _dtm("2", line.expected_date)
    yield segment("PRI", ("AAA", decimal_text(line.unit_price)))


def _party(ident: str) -> tuple[str, ...] | None:
    return (ident[:35], "", "9" if looks_like_gln(ident) else "") if ident else None


def _dtm(qualifier: str, value: date) -> Segment:
    return segment("DTM", (qualifier, date_text(value), "102"))


class EdifactPurchase:
    """ORDERS for suppliers who take orders in EDIFACT, under the channel's name."""

    def __init__(self, channel: str = "edi") -> None:
        self.channel = channel

    def compose(self, document: PoDocument, now: datetime) -> OutboundMessage:
        supplier, ref = document.supplier, document.control_ref or "1"
        if not supplier.edi_id:
            raise ValueError(f"supplier {supplier.supplier_id} has no interchange id")
        envelope = Envelope(
            sender_id=supplier.our_edi_id or "UNKNOWN",
            sender_qualifier="14" if looks_like_gln(supplier.our_edi_id or "") else "",
            recipient_id=supplier.edi_id,
            recipient_qualifier=supplier.edi_qualifier or ("14" if looks_like_gln(supplier.edi_id) else ""),
            control_ref=ref,
            syntax_id="UNOC",
            syntax_version="3",
            prepared_at=now,
        )
        return OutboundMessage(
            channel=self.channel,
            kind=OutboundKind.ORDERS,
            recipient=supplier.edi_id,
            filename=outbound_filename(OutboundKind.ORDERS.value, supplier.edi_id, ref),
            content=write_interchange(envelope, [orders_message(document, now)]),
            created_at=now,
            control_ref=ref,
        )
