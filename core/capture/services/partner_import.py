"""`oms import partners FILE.csv`: the EDIFACT trading partners and their agreements (docs/command-line.md).

One row per UNB sender id.  Every cell is checked before anything is stored: the whole file is refused,
with the row number, when one row is wrong, so a partner is never half configured.
"""

from __future__ import annotations

import re

from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Partner
from core.kernel.errors import MasterDataError
from core.kernel.services.setup_csv import open_csv

COLUMNS = ("sender_id", "qualifier", "syntax_ids", "buyers", "channel", "address")
OPTIONAL = ("our_id", "our_qualifier")
CHANNELS = ("", "edi", "as2")

_SENDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,34}")  # UNB 0004: an..35; stored, never a path
_QUALIFIER = re.compile(r"[A-Za-z0-9]{0,4}")
_SYNTAX = re.compile(r"UNO[A-Z]")
# an outbox folder name: one path component, no separators, no leading dot
_ADDRESS = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _listed(cell: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", cell) if part.strip()]


def _partner(uow: CaptureUnitOfWork, number: int, row: dict[str, str]) -> Partner:
    def fail(message: str) -> MasterDataError:
        return MasterDataError(message, row=number)

    if not _SENDER.fullmatch(row["sender_id"]):
        raise fail(f"sender_id {row['sender_id']!r} is not a UNB sender id (letters, digits, up to 35)")
    for column in ("qualifier", "our_qualifier"):
        if not _QUALIFIER.fullmatch(row[column]):
            raise fail(f"{column} {row[column]!r} is not an identification code qualifier")
    syntax_ids = _listed(row["syntax_ids"])
    if not syntax_ids or not all(_SYNTAX.fullmatch(s) for s in syntax_ids):
        raise fail(f"syntax_ids {row['syntax_ids']!r}: list syntax identifiers such as UNOA;UNOC")
    buyers = _listed(row["buyers"])
    if not buyers:
        raise fail("buyers is empty: name the customer ids or GLNs this partner may order for")
    for buyer in buyers:
        if uow.master.customer(buyer) is None and uow.master.customer_by_gln(buyer) is None:
            raise fail(f"buyer {buyer!r} is no customer id and no customer's GLN")
    if row["channel"] not in CHANNELS:
        raise fail(f"channel {row['channel']!r}: use edi, as2 or leave it blank")
    if not _ADDRESS.fullmatch(row["address"]):
        raise fail(
            f"address {row['address']!r} must be a plain folder name or AS2 id (letters, digits, . _ -)"
        )
    return Partner(
        partner_id=row["sender_id"],
        qualifier=row["qualifier"],
        our_id=row["our_id"],
        our_qualifier=row["our_qualifier"],
        syntax_id=syntax_ids[0],
        syntax_ids=",".join(syntax_ids),
        buyers=",".join(buyers),
        channel=row["channel"],
        address=row["address"],
    )


def _rows(text: str) -> list[tuple[int, dict[str, str]]]:
    header, found = open_csv(text)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise MasterDataError(f"partners file lacks column(s): {', '.join(missing)}", row=1)
    rows = []
    for number, raw in found:
        if None in raw:
            raise MasterDataError(f"more cells than the header has columns: {raw[None]}", row=number)
        cells = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        rows.append((number, {c: cells.get(c, "") for c in COLUMNS + OPTIONAL}))
    return rows


def import_partners(uow: CaptureUnitOfWork, text: str) -> tuple[int, int]:
    """Configure every partner in the file in one transaction; returns (created, updated)."""
    created = updated = 0
    with uow:
        partners: dict[str, int] = {}
        checked = []
        for number, row in _rows(text):
            partner = _partner(uow, number, row)
            if partner.partner_id in partners:
                raise MasterDataError(
                    f"sender_id {partner.partner_id!r} is already on row {partners[partner.partner_id]}",
                    row=number,
                )
            partners[partner.partner_id] = number
            checked.append(partner)
        for partner in checked:
            if uow.partners.configure(partner):
                created += 1
            else:
                updated += 1
        uow.commit()
    return created, updated
