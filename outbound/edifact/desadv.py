"""The despatch advice (DESADV D.96A, EANCOM EAN007 style) we send for each shipment.

One consignment (CPS 1) holding one CPS per parcel, each parcel with its gross weight, its SSCC
(PCI 33E, GIN BJ) and the lines packed in it with the despatched quantity (QTY 12).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal

from core.fulfilment.domain.warehouse import Parcel, Shipment
from core.kernel.domain.model import Order, OrderLine
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

DESADV_IDENTIFIER = ("DESADV", "D", "96A", "UN", "EAN007")
_DESPATCH_ADVICE = "351"  # BGM 1001
_ORIGINAL = "9"  # BGM 1225
_PACKAGE = "CT"  # PAC 7065: carton


def build_desadv(
    order: Order,
    shipment: Shipment,
    envelope: Envelope,
    *,
    message_ref: str,
    issued_at: datetime,
    number: str,
) -> bytes:
    """One interchange holding the DESADV for `shipment`."""
    message = desadv_message(order, shipment, message_ref=message_ref, issued_at=issued_at, number=number)
    return write_interchange(envelope, [message])


def desadv_message(
    order: Order, shipment: Shipment, *, message_ref: str, issued_at: datetime, number: str
) -> Message:
    """The DESADV message for one shipment of `order`; `number` is the despatch advice number."""
    if issued_at.tzinfo is None:
        raise ValueError("issued_at must be timezone-aware")
    despatched = (shipment.shipped_at or issued_at).date()
    body: list[Segment] = [
        segment("BGM", _DESPATCH_ADVICE, number[:35], _ORIGINAL),
        _dtm("137", issued_at.date()),
        _dtm("11", despatched),
    ]
    if shipment.promised_date:
        body.append(_dtm("17", shipment.promised_date))
    if order.po_number:
        body.append(segment("RFF", ("ON", order.po_number.strip()[:35])))
        if order.order_date:
            body.append(_dtm("171", order.order_date))
    if shipment.tracking_number:
        body.append(segment("RFF", ("CN", shipment.tracking_number[:35])))  # carrier's reference
    body.extend(_parties(order))
    if shipment.carrier:
        carrier = (
            shipment.carrier[:17],
            "",
            "ZZZ",
            f"{shipment.carrier} {shipment.service or ''}".strip()[:35],
        )
        body.append(segment("TDT", "20", (shipment.tracking_number or "")[:17], ("30",), None, carrier))
    body.append(segment("CPS", "1"))
    body.append(segment("PAC", str(len(shipment.parcels)), None, (_PACKAGE,)))
    lines = {line.id: line for line in order.lines}
    count = 0
    for parcel in shipment.parcels:
        segs, n = _parcel(parcel, lines, count)
        body.extend(segs)
        count = n
    body.append(segment("CNT", ("2", str(count))))
    return Message(message_ref, DESADV_IDENTIFIER, tuple(body))


def _parcel(parcel: Parcel, lines: dict[int | None, OrderLine], counted: int) -> tuple[list[Segment], int]:
    out = [
        segment("CPS", str(parcel.number + 1), "1"),
        segment("PAC", "1", None, (_PACKAGE,)),
        segment("MEA", "PD", "AAB", ("KGM", decimal_text(parcel.weight_kg))),
    ]
    if parcel.sscc:
        out += [segment("PCI", "33E"), segment("GIN", "BJ", parcel.sscc)]
    for item in parcel.contents:
        line = lines.get(int(str(item["line_id"])))
        if line is None:
            continue
        counted += 1
        out.extend(_line(counted, line, Decimal(str(item["quantity"]))))
    return out, counted


def _line(number: int, line: OrderLine, quantity: Decimal) -> Iterator[Segment]:
    gtin = (line.gtin or "").strip()
    yield segment("LIN", str(number), None, (gtin, "EN") if gtin else None)
    ours = (line.sku or line.supplier_item_code or "").strip()
    theirs = (line.buyer_item_code or "").strip()
    codes = [c for c in ((ours[:35], "SA", "", "91"), (theirs[:35], "IN", "", "92")) if c[0]]
    if codes:
        yield segment("PIA", "5", *codes)
    unit = (line.unit or "").strip().upper()
    unit = unit if 1 <= len(unit) <= 3 and unit.isascii() and unit.isalnum() else ""
    yield segment("QTY", ("12", decimal_text(quantity), unit))
    if line.line_no:
        yield segment("RFF", ("LI", line.line_no.strip()[:35]))


def _dtm(qualifier: str, value: date) -> Segment:
    return segment("DTM", (qualifier, date_text(value), "102"))


def _parties(order: Order) -> Iterator[Segment]:
    parties: Sequence[tuple[str, str | None, str | None]] = (
        ("BY", order.buyer_party_id, order.buyer_name),
        ("SU", order.supplier_party_id, order.supplier_name),
        ("DP", order.ship_to_party_id, order.ship_to_name),
    )
    for role, party_id, name in parties:
        ident = (party_id or "").strip()
        if not ident and not name:
            continue
        c082 = (ident[:35], "", "9" if looks_like_gln(ident) else "")
        yield segment("NAD", role, c082, None, (name or "")[:35] if name else None)
