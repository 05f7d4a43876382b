"""Which decisive fields of a captured order were read too unsure for no person to look (`unsure_fields`)
once the cross-checks that vouch for a field are counted (`in_doubt`); moved out of validation.rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, Evidence, Problem, ProblemCode, Severity, shown_under
from core.capture.domain.resolution import LineTerms
from core.kernel.domain.model import Customer, Product
from core.kernel.domain.phone import same_number
from validation.sums import tied_totals
from validation.terms import PRICE_TOLERANCE, close

# A field read with less confidence than this (OCR confidence × layout certainty) needs a person.
CONFIDENCE_FLOOR = 0.8
# The fields whose doubt decides: identifiers, dates, numbers (by path or path ending).
CODE_FIELDS = (".item_code", ".gtin", ".buyer_item_code", ".supplier_item_code")
DECISIVE_FIELDS = (
    "po_number",
    "order_date",
    "requested_delivery_date",
    "currency",
    "buyer.party_id",
    "total",
    ".quantity",
    ".unit_price",
    ".amount",
    *CODE_FIELDS,
)


def unsure_fields(doubtful: Iterable[Evidence]) -> Iterator[Problem]:
    """Every decisive field read with less confidence than CONFIDENCE_FLOOR, and not vouched for by a
    cross-check (the fields `in_doubt` found), goes to a person."""
    for item in doubtful:
        if item.confidence >= CONFIDENCE_FLOOR:
            continue
        yield Problem(
            ProblemCode.LOW_CONFIDENCE,
            f"{item.field} was read with confidence {shown_under(item.confidence, CONFIDENCE_FLOOR)}"
            f" (below {CONFIDENCE_FLOOR}); please check it against the document",
            field=item.field,
        )


def in_doubt(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    customer: Customer | None = None,
    *,
    identified: bool = False,
    terms: tuple[LineTerms, ...] = (),
    tolerance: Decimal = PRICE_TOLERANCE,
) -> list[Evidence]:
    """The evidence of the decisive fields that no cross-check vouches for.

    An item code is vouched for by master data when it resolved to a product whose price for this customer
    (`terms`; without them its list price) the line's price, read sure from its own cell, agrees with
    (`_price_read`: a price worked out or read unsure vouches for no code); the buyer's number when it names
    the customer that the number the order was faxed from (or the address it was mailed from) belongs to
    as well, or when the customer was `identified` by something besides that number (a printed tax id,
    e-mail, phone or fax, or the sender): had the number named another customer, that would have been a
    conflict. The order's delivery date is vouched for by its lines when it is the earliest of the dates
    every line prints for itself, each read sure. A total is vouched for when the line amounts, each
    read sure, add up to it exactly (`validation.sums`). The order number is vouched for when its one
    doubt, its slash, was settled by the customer's earlier numbers (`_slash_settled`). The currency is
    not vouched for by the prices' currency: a page showing two currency signs must still reach a person.
    Descriptions, names, addresses and units are not decisive fields and are left out (a unit that
    disagrees with the product's is a problem of its own).
    """
    tied = tied_totals(order, CONFIDENCE_FLOOR)
    return [
        item
        for item in order.evidence
        if item.field.endswith(DECISIVE_FIELDS)
        and item.field not in tied
        and not (item.field.endswith(CODE_FIELDS) and _vouched(order, products, item.field, terms, tolerance))
        and not (item.field == "buyer.party_id" and (identified or _buyer_vouched(order, customer)))
        and not (item.field == "requested_delivery_date" and _delivery_from_lines(order))
        and not (item.field == "po_number" and _slash_settled(order))
    ]


def _slash_settled(order: CapturedOrder) -> bool:
    """Whether the order number's one doubt, a slash inked as a 7 whose bar the fax lost would be, was
    settled by the customer's own earlier numbers printed with slashes so: the note
    `core.capture.services.deciding.settle_prefix` leaves in place of the hold. The OCR reader holds a
    number so only when it was read sure, read again alike, and nothing else doubted it
    (`parsers.ocr.lookalike.doubt_lookalikes`), so the settled number is as sure as it was read."""
    return any(p.code is ProblemCode.SLASH_OR_SEVEN and p.severity is Severity.INFO for p in order.problems)


def _delivery_from_lines(order: CapturedOrder) -> bool:
    """Whether the order's delivery date is the earliest of the dates every line prints for itself, each
    read sure, and was taken from them: a reader that takes the order's date from its lines is unsure
    of it when they disagree (one line wanted a week later), but the earliest of dates each read sure
    is sure, and each line keeps its own date (and its own evidence, checked like any other field).
    A delivery date the page prints for the order itself (a header label's) is a fact of its own: read
    unsure, it waits, whatever the lines say (a "09.12" misread "02.12" can match the earliest line)."""
    dates = [line.requested_delivery_date for line in order.lines]
    if not dates or order.requested_delivery_date is None or None in dates:
        return False
    read = [order.evidence_for(f"lines[{i}].requested_delivery_date") for i in range(len(dates))]
    sure = all(e is not None and e.confidence >= CONFIDENCE_FLOOR for e in read)
    own = order.evidence_for("requested_delivery_date")
    taken = own is None or any(e is not None and _same_place(own, e) for e in read)
    return sure and taken and order.requested_delivery_date == min(d for d in dates if d is not None)


def _same_place(a: Evidence, b: Evidence) -> bool:
    """Whether two readings were made of the same ink: boxes on one page that overlap."""
    p, q = a.provenance, b.provenance
    if p.box is None or q.box is None or p.page != q.page:
        return False
    return p.box[0] < q.box[2] and q.box[0] < p.box[2] and p.box[1] < q.box[3] and q.box[1] < p.box[3]


def _buyer_vouched(order: CapturedOrder, customer: Customer | None) -> bool:
    if customer is None or order.buyer.party_id not in (customer.customer_id, customer.gln):
        return False
    faxed = order.buyer.fax is not None and same_number(
        order.buyer.fax, customer.fax, customer.country or "ES"
    )
    mailed = bool(order.buyer.email and customer.email) and (
        (order.buyer.email or "").lower() == (customer.email or "").lower()
    )
    return faxed or mailed


def _price_read(order: CapturedOrder, index: int) -> bool:
    """Whether line `index`'s price is one the document printed and was read sure enough to vouch for
    another field: not in doubt itself, and read from a cell of its own.  A price worked out from the
    line's amount (recorded where the amount stands: "000" read for 18,000 beside 450,00 on 2.500) or
    read unsure, a lost mark put back, says only what the line's other figures or a guess say: it must
    not lift the doubt of a code read unsure, whatever master data prices that code at (the code's doubt
    survives a mend of the price beside it)."""
    price = order.evidence_for(f"lines[{index}].unit_price")
    if price is None:
        return True  # a price without evidence (a text layer's, a test's): as printed
    if price.confidence < CONFIDENCE_FLOOR:
        return False
    amount = order.evidence_for(f"lines[{index}].amount")
    box = price.provenance.box
    return box is None or amount is None or box != amount.provenance.box


def _vouched(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    path: str,
    terms: tuple[LineTerms, ...],
    tolerance: Decimal,
) -> bool:
    index = int(path[len("lines[") : path.index("]")]) if path.startswith("lines[") else -1
    if not 0 <= index < min(len(products), len(order.lines)):
        return False
    product, line = products[index], order.lines[index]
    if product is None or line.unit_price is None or not _price_read(order, index):
        return False
    price = terms[index].expected_price if index < len(terms) else product.price
    if index < len(terms) and terms[index].promotion_in_price:
        return True
    return price is not None and close(line.unit_price, price, tolerance)
