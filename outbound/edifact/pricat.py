"""The price catalogue we send EDI partners (PRICAT D.96A, EANCOM EAN008 style).

    BGM 9 catalogue number, DTM 137 issued, DTM 194/206 valid from/to, RFF AAP the season, NAD SU (us),
    NAD BY (the partner), CUX 2 currency; per product LIN (GTIN, action 1 = added), PIA 5 our SKU,
    IMD F description, IMD C colour/size/material where given, PRI AAA net price per unit (and its
    unit), FTX PRI for a running promotion; UNS S, CNT 2 number of lines.

One interchange per partner, its UNB from the partner agreement like our other answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from core.catalog.domain.catalogue import Catalogue, Entry
from core.kernel.domain.model import OutboundKind, OutboundMessage, Partner
from outbound.edifact.answers import envelope_for
from outbound.edifact.naming import outbound_filename
from outbound.edifact.syntax import Message, Segment, date_text, decimal_text, segment, write_interchange

PRICAT_IDENTIFIER = ("PRICAT", "D", "96A", "UN", "EAN008")
_UNIT_CODES = {"UD": "PCE", "UDS": "PCE", "PCE": "PCE", "EA": "PCE", "KG": "KGM", "M": "MTR", "CAJ": "CT"}
_ATTRIBUTES = {"colour": "35", "color": "35", "size": "98", "talla": "98", "material": "MA"}


def pricat_message(catalogue: Catalogue, entries: Sequence[Entry], our_id: str, buyer_id: str) -> Message:
    body: list[Segment] = [
        segment("BGM", "9", f"CAT{catalogue.id}", "9"),
        segment("DTM", ("137", date_text(catalogue.created_at), "102")),
        segment("DTM", ("194", date_text(catalogue.valid_from), "102")),
        segment("DTM", ("206", date_text(catalogue.valid_to), "102")),
        segment("RFF", ("AAP", catalogue.season[:35])),
        segment("NAD", "SU", (our_id, "", "9") if _gln(our_id) else (our_id,)),
        segment("NAD", "BY", (buyer_id, "", "9") if _gln(buyer_id) else (buyer_id,)),
        segment("CUX", ("2", catalogue.currency, "8")),
    ]
    for number, entry in enumerate(entries, start=1):
        body.append(segment("LIN", str(number), "1", (entry.gtin, "SRV") if entry.gtin else None))
        body.append(segment("PIA", "5", (entry.sku[:35], "SA")))
        body.append(segment("IMD", "F", None, ("", "", "", entry.name[:35], entry.name[35:70])))
        for name, value in entry.attributes:
            code = _ATTRIBUTES.get(name.lower())
            if code:
                body.append(segment("IMD", "C", code, ("", "", "", value[:35])))
        unit = _UNIT_CODES.get((entry.unit or "").upper(), "PCE")
        price = decimal_text(Decimal(entry.price))
        body.append(segment("PRI", ("AAA", price, "", "", "1", unit)))
        for offer in entry.promotions:
            body.append(segment("FTX", "PRI", None, None, (offer[:70], offer[70:140])))
    body += [segment("UNS", "S"), segment("CNT", ("2", str(len(entries))))]
    return Message("1", PRICAT_IDENTIFIER, tuple(body))


def _gln(text: str) -> bool:
    return len(text) == 13 and text.isdigit()


def pricat_for(
    catalogue: Catalogue,
    entries: Sequence[Entry],
    partner: Partner,
    control_ref: str,
    now: datetime,
    channel: str = "edi",
) -> OutboundMessage:
    """The interchange holding the catalogue for one partner, ready for the outbox."""
    message = pricat_message(catalogue, entries, partner.our_id or "UNKNOWN", partner.partner_id)
    return OutboundMessage(
        channel=partner.channel or channel,
        kind=OutboundKind.PRICAT,
        recipient=partner.address,  # the configured outbox folder or AS2 id
        filename=outbound_filename(OutboundKind.PRICAT.value, partner.partner_id, control_ref),
        content=write_interchange(envelope_for(partner, control_ref, now), [message]),
        created_at=now,
        control_ref=control_ref,
    )
