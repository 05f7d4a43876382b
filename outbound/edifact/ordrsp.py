"""The purchase order response (ORDRSP D.96A, EANCOM EAN005 style) we send for an order."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping
from datetime import date, datetime

from core.kernel.domain.model import Order, OrderLine
from outbound.edifact.allowances import allowance_segments
from outbound.edifact.syntax import (
    Envelope,
    Message,
    Segment,
    date_text,
    decimal_text,
    segment,
    write_interchange,
)

ORDRSP_IDENTIFIER = ("ORDRSP", "D", "96A", "UN", "EAN005")


class OrderResponse(enum.StrEnum):
    """What we answer to an order or to one of its lines."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CHANGED = "changed"


# BGM 1225 message function: 29 accepted without amendment, 27 not accepted, 4 change.
_FUNCTION = {OrderResponse.ACCEPTED: "29", OrderResponse.REJECTED: "27", OrderResponse.CHANGED: "4"}
# LIN 1229 action: 5 accepted without amendment, 7 not accepted, 3 changed.
_LINE_ACTION = {OrderResponse.ACCEPTED: "5", OrderResponse.REJECTED: "7", OrderResponse.CHANGED: "3"}
_GLN_AGENCY = "9"  # 3055: GS1 (EAN)


def build_ordrsp(
    order: Order,
    envelope: Envelope,
    *,
    message_ref: str,
    response: OrderResponse | str = OrderResponse.ACCEPTED,
    issued_at: datetime,
    response_number: str | None = None,
    note: str | None = None,
    line_responses: Mapping[int, OrderResponse | str] | None = None,
) -> bytes:
    """One interchange holding the ORDRSP for `order`; see `ordrsp_message` for the arguments."""
    message = ordrsp_message(
        order,
        message_ref=message_ref,
        response=response,
        issued_at=issued_at,
        response_number=response_number or f"{envelope.control_ref}-{message_ref}",
        note=note,
        line_responses=line_responses,
    )
    return write_interchange(envelope, [message])


def ordrsp_message(
    order: Order,
    *,
    message_ref: str,
    response: OrderResponse | str = OrderResponse.ACCEPTED,
    issued_at: datetime,
    response_number: str,
    note: str | None = None,
    line_responses: Mapping[int, OrderResponse | str] | None = None,
) -> Message:
    """The ORDRSP message for `order`, ready to be put into an interchange with others.

    `response` sets BGM 1225 and the default LIN action; `line_responses` overrides the action of
    single lines, keyed by `OrderLine.position`.  `note` becomes free text (FTX+AAI).
    """
    if issued_at.tzinfo is None or issued_at.utcoffset() is None:
        raise ValueError("issued_at must be timezone-aware")
    answer = OrderResponse(response)
    overrides = {pos: OrderResponse(r) for pos, r in (line_responses or {}).items()}
    default_line = OrderResponse.REJECTED if answer is OrderResponse.REJECTED else OrderResponse.ACCEPTED
    lines = sorted(order.lines, key=lambda line: line.position)
    body: list[Segment] = [
        segment("BGM", "231", _cut(response_number, 35), _FUNCTION[answer]),
        _dtm("137", issued_at.date()),
    ]
    if order.requested_delivery_date:
        body.append(_dtm("2", order.requested_delivery_date))
    if note:
        body.extend(_free_text(note))
    if order.po_number:
        body.append(segment("RFF", ("ON", _cut(order.po_number, 35))))
        if order.order_date:
            body.append(_dtm("171", order.order_date))
    body.extend(_parties(order))
    currency = (order.currency or "").strip().upper()
    if len(currency) == 3 and currency.isalpha():
        body.append(segment("CUX", ("2", currency, "9")))
    for number, line in enumerate(lines, start=1):
        _line(body, number, line, overrides.get(line.position, default_line))
    body.append(segment("UNS", "S"))
    body.append(segment("CNT", ("2", str(len(lines)))))
    return Message(message_ref, ORDRSP_IDENTIFIER, tuple(body))


def _dtm(qualifier: str, value: date) -> Segment:
    return segment("DTM", (qualifier, date_text(value), "102"))


def _cut(value: str, size: int) -> str:
    """Cut a value to its directory length: a longer one would make the message invalid."""
    return value.strip()[:size]


def _chunks(value: str, size: int) -> list[str]:
    """Split text into pieces of `size` characters; joined without separators they give it back."""
    text = value.strip()
    return [text[i : i + size] for i in range(0, len(text), size)]


def _free_text(note: str) -> Iterator[Segment]:
    pieces = _chunks(note, 70)  # C108: five 4440 of an..70 per FTX
    for i in range(0, min(len(pieces), 99 * 5), 5):
        yield segment("FTX", "AAI", None, None, tuple(pieces[i : i + 5]))


@functools.lru_cache(maxsize=4096)  # every answer names the same few parties
def looks_like_gln(value: str) -> bool:
    """Thirteen digits with a valid GS1 check digit."""
    if len(value) != 13 or not value.isascii() or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == digits[12]


def _party(
    role: str,
    party_id: str | None,
    name: str | None,
    street: str | None = None,
    city: str | None = None,
    postal_code: str | None = None,
    country: str | None = None,
) -> Segment | None:
    if not any((party_id, name, street, city, postal_code)):
        return None
    ident = (party_id or "").strip()
    c082 = (_cut(ident, 35), "", _GLN_AGENCY if looks_like_gln(ident) else "")
    country_code = (country or "").strip().upper()
    return segment(
        "NAD",
        role,
        c082,
        None,  # C058 unstructured name and address
        tuple(_chunks(name or "", 35)[:5]),  # C080 party name, 5 x an..35
        tuple(_chunks(street or "", 35)[:4]),  # C059 street, 4 x an..35
        _cut(city or "", 35),  # 3164
        None,  # 3229 country sub-entity
        _cut(postal_code or "", 9),  # 3251
        country_code if len(country_code) in (2, 3) and country_code.isalpha() else None,  # 3207
    )


def _parties(order: Order) -> Iterator[Segment]:
    candidates = (
        _party("BY", order.buyer_party_id, order.buyer_name),
        _party("SU", order.supplier_party_id, order.supplier_name),
        _party(
            "DP",
            order.ship_to_party_id,
            order.ship_to_name,
            order.ship_to_street,
            order.ship_to_city,
            order.ship_to_postal_code,
            order.ship_to_country,
        ),
    )
    yield from (nad for nad in candidates if nad is not None)


@functools.lru_cache(maxsize=1024)
def _unit(unit: str | None) -> str:
    """A unit code (6411, an..3) when the line carries one; free-text units are left out."""
    code = (unit or "").strip().upper()
    return code if 1 <= len(code) <= 3 and code.isascii() and code.isalnum() else ""


def _line(body: list[Segment], number: int, line: OrderLine, answer: OrderResponse) -> None:
    """Append the segments of one response line to `body`.

    Ten thousand lines make sixty thousand segments: they are made as `Segment`s directly (their tags
    are the constants below, their empty elements written as "") rather than through `segment()`.
    """
    # 1082 counts the response lines (EANCOM 97 ORDRSP, LIN); the buyer's own line number goes back
    # in RFF+LI so each response line still refers to the ordered one.
    add = body.append
    gtin = (line.gtin or "").strip()
    add(Segment("LIN", (str(number), _LINE_ACTION[answer], (gtin, "EN") if gtin else "")))
    ours = (line.sku or line.supplier_item_code or "").strip()
    theirs = (line.buyer_item_code or "").strip()
    codes = [c for c in ((ours[:35], "SA", "", "91"), (theirs[:35], "IN", "", "92")) if c[0]]
    if codes:
        # 4347 "5" (product identification) as agreed for our partners; EANCOM 2002 would also take
        # "1" (additional identification) for these codes when LIN carries a GTIN.
        add(Segment("PIA", ("5", *codes)))
    if line.description:
        described = _chunks(line.description, 35)[:6]  # C273: two 7008 of an..35 per IMD
        for i in range(0, len(described), 2):
            add(Segment("IMD", ("F", "", ("", "", "", *described[i : i + 2]))))
    quantity = line.quantity
    if quantity is not None:
        add(Segment("QTY", (("21", decimal_text(quantity), _unit(line.unit)),)))
    if line.requested_delivery_date:
        add(_dtm("2", line.requested_delivery_date))
    price = line.unit_price
    if price is not None:
        add(Segment("PRI", (("AAA", decimal_text(price)),)))
    if line.line_no:
        add(Segment("RFF", (("LI", _cut(line.line_no, 35)),)))
    discount = line.discount
    if discount:  # else there is no allowance to write
        body.extend(allowance_segments(discount, line.promotion))
