"""The canonical captured order every parser produces, with per-field confidence and provenance.

A captured order is what a document *says*; master-data resolution and validation turn it into a
resolved order (see `validation`).  Values are `Decimal`, `date` and `str`; unknown is `None`.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal


class Severity(enum.IntEnum):
    """How much a problem weighs in the decision."""

    INFO = 0  # worth showing, changes nothing
    REVIEW = 1  # a person must look before the order flows on
    REJECT = 2  # the order cannot be taken as it stands


class ProblemCode(enum.StrEnum):
    """Stable codes of every problem Comanda reports; the review queue and clients rely on them."""

    # envelope and syntax (EDIFACT)
    SYNTAX_ERROR = "syntax_error"
    MISSING_UNZ = "missing_unz"
    INTERCHANGE_COUNT_MISMATCH = "interchange_count_mismatch"
    INTERCHANGE_REF_MISMATCH = "interchange_ref_mismatch"
    GROUP_COUNT_MISMATCH = "group_count_mismatch"
    GROUP_REF_MISMATCH = "group_ref_mismatch"
    MESSAGE_COUNT_MISMATCH = "message_count_mismatch"
    MESSAGE_REF_MISMATCH = "message_ref_mismatch"
    MISSING_UNT = "missing_unt"
    UNSUPPORTED_MESSAGE = "unsupported_message"
    DUPLICATE_INTERCHANGE = "duplicate_interchange"
    DUPLICATE_DOCUMENT = "duplicate_document"
    # content
    MISSING_PO_NUMBER = "missing_po_number"
    NO_LINES = "no_lines"
    UNKNOWN_CUSTOMER = "unknown_customer"
    UNKNOWN_PRODUCT = "unknown_product"
    MISSING_QUANTITY = "missing_quantity"
    INVALID_QUANTITY = "invalid_quantity"
    INVALID_DATE = "invalid_date"
    DELIVERY_BEFORE_ORDER = "delivery_before_order"
    DELIVERY_IN_PAST = "delivery_in_past"
    ORDER_DATE_IN_FUTURE = "order_date_in_future"
    ORDER_DATE_OLD = "order_date_old"
    CURRENCY_MISMATCH = "currency_mismatch"
    PRICE_MISMATCH = "price_mismatch"
    UNIT_MISMATCH = "unit_mismatch"
    AMOUNT_MISMATCH = "amount_mismatch"
    TOTAL_MISMATCH = "total_mismatch"
    LOW_CONFIDENCE = "low_confidence"
    UNREADABLE = "unreadable"
    CANCELLATION = "cancellation"
    CHANGE_APPLIED = "change_applied"
    CHANGE_NOT_APPLIED = "change_not_applied"
    CUSTOMER_BY_NAME = "customer_by_name"  # found by a fuzzy match on name and address
    PRODUCT_BY_DESCRIPTION = "product_by_description"  # found by a fuzzy match on the description
    UNIT_CONVERTED = "unit_converted"
    DUPLICATE_ORDER = "duplicate_order"  # the same order came before, maybe on another channel
    POLICY_REVIEW = "policy_review"
    NEW_CUSTOMER = "new_customer"
    SENDER_MISMATCH = "sender_mismatch"  # e-mail: From disagrees with the envelope sender
    NOT_AN_ORDER = "not_an_order"  # an invoice, delivery note, quote ... sent to the order inbox
    FIELD_NOT_READ = "field_not_read"  # the document shows the field (its label) but no value was read
    CUSTOMER_CONFLICT = "customer_conflict"  # identifiers on the document name different customers
    UNKNOWN_PARTNER = "unknown_partner"  # EDIFACT: the UNB sender is no configured trading partner
    PARTNER_NOT_AUTHORISED = "partner_not_authorised"  # ordering for a buyer, or in a syntax, not agreed
    # a faxed order number whose letters an O, C or G the fax opened or closed may have turned from a
    # usual prefix ("PC-" for PO-): it waits unless the customer's own earlier orders carry that prefix
    PREFIX_LETTER = "prefix_letter"
    # a faxed order number read alike and sure but for a slash inked as a 7 whose bar the fax lost would be
    # ("26/04090" for 26704090): it waits unless the customer's own earlier orders print slashes so
    SLASH_OR_SEVEN = "slash_or_seven"
    # a faxed order number with a character where its letters and figures meet that looks like both
    # ("PC26088411": its "2" a "Z"?): it waits unless the customer's own earlier orders are of its format
    LETTER_OR_FIGURE = "letter_or_figure"


def shown_under(value: float, floor: float) -> str:
    """A confidence as a clerk reads it beside the floor it falls short of: two decimals, or as many more
    (up to four) as it takes not to round up to the floor, so 0.7996 under 0.8 never shows as "0.80"."""
    for places in (2, 3, 4):
        shown = f"{value:.{places}f}"
        if value >= floor or float(shown) < floor:
            return shown
    return f"{math.floor(value * 10_000) / 10_000:.4f}"


@dataclass(frozen=True)
class Problem:
    """One reason an order cannot simply flow on, attached to the field it concerns."""

    code: ProblemCode
    message: str
    field: str | None = None  # a path such as "po_number" or "lines[3].unit_price"
    severity: Severity = Severity.REVIEW

    def as_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "code": self.code.value, "message": self.message}


@dataclass(frozen=True)
class Provenance:
    """Where a value was read: a page and box for PDF/OCR, a segment position for EDIFACT."""

    page: int | None = None  # 1-based
    box: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1 in page pixels
    segment: int | None = None  # 1-based position of the segment in its message (UNH = 1)
    raw: str | None = None  # the text as it stood in the document


@dataclass(frozen=True)
class Evidence:
    """The confidence (0..1) and provenance of one captured field, addressed by its path."""

    field: str
    confidence: float
    provenance: Provenance


@dataclass(frozen=True)
class Party:
    """A party named in a document (buyer, supplier, delivery place)."""

    party_id: str | None = None
    qualifier: str | None = None  # code list of the id, e.g. "9" for GLN
    name: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    email: str | None = None  # the address the party wrote from (e-mail orders)
    fax: str | None = None  # the number the party faxed from (fax channel), E.164 where known

    @property
    def empty(self) -> bool:
        return not any((self.party_id, self.name, self.street, self.city))


class DocumentKind(enum.StrEnum):
    """What a document is, as its own wording and shape say; only an order may flow on untouched."""

    ORDER = "order"  # a purchase order or order form: what the order inbox is for
    ORDER_CONFIRMATION = "order_confirmation"  # a supplier's sales order or acknowledgement
    QUOTE = "quote"
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    DELIVERY_NOTE = "delivery_note"
    OTHER = "other"  # a letter, newsletter, notification, spam


class IdentifierKind(enum.StrEnum):
    """Strong identifiers a document prints about a party; a name alone is never one of these."""

    VAT = "vat"  # tax/VAT number (NIF/CIF, EU VAT id, RFC, ...), normalised without spaces or dots
    GLN = "gln"
    EMAIL = "email"  # lower case
    PHONE = "phone"  # E.164 where the country is known, else the digits as printed
    FAX = "fax"


@dataclass(frozen=True)
class Identifier:
    """A strong identifier printed on the document; validation decides whose it is (ours or a customer's)."""

    kind: IdentifierKind
    value: str
    provenance: Provenance = field(default_factory=Provenance)
    role: str | None = None  # "buyer" | "supplier" | "ship_to" | "invoicee" when the block is known


@dataclass(frozen=True)
class UnreadField:
    """A field the document shows (its label was seen) whose value could not be read: never flows on."""

    field: str  # the captured field's path: "order_date", "requested_delivery_date", "total", "po_number"
    label: str  # the label as printed ("Fecha de entrega", "required by")
    provenance: Provenance = Provenance()  # frozen, so one shared default is safe


@dataclass(frozen=True)
class CapturedLine:
    """One order line as the document states it."""

    line_no: str | None = None
    item_code: str | None = None
    gtin: str | None = None
    buyer_item_code: str | None = None
    supplier_item_code: str | None = None
    description: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None  # per one unit, after any price basis
    amount: Decimal | None = None
    discount: Decimal | None = None  # a discount on the line, in percent, as printed: amount after it
    requested_delivery_date: date | None = None
    # what the codes may have said where they were read by OCR, one misread away ("TOR-M840" for
    # "TOR-M8-40"); resolution tries them only when the codes as read match nothing
    code_readings: tuple[str, ...] = ()
    # what the code may have been where OCR cut it in two or ran it into its neighbour ("TOR-M8" and "-40"
    # joined, "00010TOR-M8-40" without its position number); resolution takes one only when it is the
    # one such code master data knows and the code as read is known to none
    code_repairs: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code the line carries, most specific first, without repeats."""
        seen: list[str] = []
        for code in (self.gtin, self.supplier_item_code, self.item_code, self.buyer_item_code):
            if code and code not in seen:
                seen.append(code)
        return tuple(seen)


def line_net(quantity: Decimal, price: Decimal, discount: Decimal | None) -> Decimal:
    """What `quantity` at `price` comes to, less a line's `discount` in percent (`CapturedLine.discount`),
    nothing rounded: the figure a line's printed amount is checked against."""
    gross = quantity * price
    return gross if discount is None else gross * (100 - discount) / 100


@dataclass(frozen=True)
class CapturedOrder:
    """A purchase order as read from one document (one EDIFACT message, one PDF order, ...)."""

    po_number: str | None = None
    order_date: date | None = None
    requested_delivery_date: date | None = None
    currency: str | None = None
    buyer: Party = field(default_factory=Party)
    supplier: Party = field(default_factory=Party)
    ship_to: Party = field(default_factory=Party)
    invoicee: Party = field(default_factory=Party)
    lines: tuple[CapturedLine, ...] = ()
    total: Decimal | None = None  # the document's final total as printed (with tax when tax is printed)
    net_total: Decimal | None = None  # the total before tax, where the document prints one apart
    tax_total: Decimal | None = None  # the tax the document adds to the net total, where printed
    notes: tuple[str, ...] = ()
    references: tuple[tuple[str, str], ...] = ()  # (qualifier, value), e.g. ("CT", contract no.)
    function: str = "original"  # original | replace | cancel | duplicate | change
    message_ref: str | None = None  # UNH 0062 for EDIFACT
    interchange_index: int | None = None  # EDIFACT: index into ParseResult.interchanges
    language: str | None = None
    kind: DocumentKind = DocumentKind.ORDER
    identifiers: tuple[Identifier, ...] = ()  # letterhead and party blocks: VAT, GLN, e-mail, phone, fax
    unread: tuple[UnreadField, ...] = ()  # fields the document shows but the reader could not read
    evidence: tuple[Evidence, ...] = ()
    problems: tuple[Problem, ...] = ()  # what the parser noticed (envelope faults, unreadable fields)

    def evidence_for(self, path: str) -> Evidence | None:
        for item in self.evidence:
            if item.field == path:
                return item
        return None

    def with_confidence(self, path: str, confidence: float) -> CapturedOrder:
        """The order with the evidence of `path` at `confidence`, where it was found kept."""
        evidence = tuple(
            Evidence(e.field, confidence, e.provenance) if e.field == path else e for e in self.evidence
        )
        return replace(self, evidence=evidence)

    def with_problems(self, *problems: Problem) -> CapturedOrder:
        return replace(self, problems=self.problems + problems)
