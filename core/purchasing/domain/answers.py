"""What a supplier tells us, as the readers hand it over: an order response (ORDRSP), a despatch
advice (DESADV) or an invoice (INVOIC), each naming our purchase order."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from core.purchasing.domain.landed import Basis, Charge


class AnswerKind(enum.StrEnum):
    ORDRSP = "ordrsp"
    DESADV = "desadv"
    INVOIC = "invoic"
    CREDIT = "credit"  # a supplier's credit note (INVOIC with BGM 381/81/83): takes back part of an invoice
    OTHER = "other"  # an e-mailed or faxed document that does not say what it is


class LineAction(enum.StrEnum):
    """What the supplier did with one of our lines (ORDRSP LIN 1229)."""

    ACCEPTED = "accepted"
    CHANGED = "changed"
    REFUSED = "refused"


@dataclass(frozen=True)
class AnswerLine:
    """One line of a supplier's message; it names our line by number, SKU, GTIN or their code."""

    line_no: int | None
    quantity: Decimal
    sku: str | None = None
    gtin: str | None = None
    supplier_item_code: str | None = None
    action: LineAction = LineAction.ACCEPTED
    delivery_date: date | None = None
    unit_price: Decimal | None = None


@dataclass(frozen=True)
class SupplierAnswer:
    """One message from a supplier about one of our purchase orders."""

    kind: AnswerKind
    sender_id: str  # the UNB sender: who the supplier is
    reference: str  # their document number (BGM)
    po_number: str  # our purchase order (RFF ON)
    issued: date | None = None
    delivery_date: date | None = None
    refused: bool = False  # an ORDRSP refusing the whole order
    lines: tuple[AnswerLine, ...] = ()
    currency: str | None = None
    net: Decimal | None = None  # invoices: goods' net total (MOA 79 or 125)
    tax: Decimal | None = None  # invoices: VAT (MOA 176)
    due_date: date | None = None
    charges: tuple[Charge, ...] = ()  # invoices: carriage, duties… (landed cost)
    basis: Basis = Basis.VALUE  # how the charges are spread over the goods
    corrects: str | None = None  # credit notes: the invoice of theirs it corrects (RFF IV)


class DocumentState(enum.StrEnum):
    """What became of a supplier's message."""

    APPLIED = "applied"  # an ORDRSP or DESADV taken onto its purchase order
    MATCHED = "matched"  # an invoice that matched and was posted to accounts payable
    MISMATCH = "mismatch"  # an invoice waiting for a buyer, its differences shown
    ACCEPTED = "accepted"  # a mismatched invoice a buyer accepted (posted)
    REJECTED = "rejected"  # a mismatched invoice a buyer refused
    UNMATCHED = "unmatched"  # names no purchase order we know
    WAITING = "waiting"  # came by e-mail or fax: kept for a buyer to read (see `mailed`)
    HANDLED = "handled"  # a buyer read it and did what it asked
    DISMISSED = "dismissed"  # a buyer read it and it needed nothing


@dataclass(eq=False)
class SupplierDocument:
    """A supplier's message as we keep it: what it said, on which order, and what became of it."""

    supplier_id: str
    kind: AnswerKind
    reference: str
    po_number: str
    received_at: datetime
    state: DocumentState
    detail: dict[str, object] = field(default_factory=dict)
    po_id: int | None = None
    document_id: int | None = None
    decided_by: str | None = None
    id: int | None = None
