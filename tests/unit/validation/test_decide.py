"""Validation: customer and product resolution, the checks, and the decision they lead to."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Evidence,
    Party,
    Problem,
    ProblemCode,
    Provenance,
    Severity,
)
from core.kernel.domain.identity import identifier_keys
from core.kernel.domain.model import Customer, Decision, Product
from core.kernel.domain.phone import normalise_phone
from tests.unit.parsers.pdf_support import RowsMaster
from validation.decide import validate

TODAY = date(2026, 11, 26)


class Master(RowsMaster):
    """In-memory master data implementing validation's MasterData protocol."""

    def __init__(self) -> None:
        self.customer_rows = {"C-1": Customer("C-1", "Ferretería Núñez", gln="8437000100010")}
        self.product_rows = {
            "TOR-M8-40": Product(
                "TOR-M8-40", "Tornillo", gtin="8437000100102", price=Decimal("0.18"), currency="EUR"
            ),
            "TUE-M8": Product(
                "TUE-M8", "Tuerca", gtin="8437000100126", price=Decimal("0.05"), currency="EUR"
            ),
        }
        self.items = {("C-1", "4712"): "TUE-M8"}
        self.learned: list[tuple[str, str, str]] = []  # (customer_id, kind, value) a clerk confirmed

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        address = address.lower()
        exact = [c for c in self.customer_rows.values() if (c.email or "").lower() == address]
        if exact or not domain:
            return exact[0] if len(exact) == 1 else None
        at = address.rpartition("@")[2]
        same = [c for c in self.customer_rows.values() if (c.email or "").lower().endswith("@" + at)]
        return same[0] if len(same) == 1 else None

    def customer_by_fax(self, number: str) -> Customer | None:
        wanted = normalise_phone(number)
        same = [c for c in self.customer_rows.values() if normalise_phone(c.fax, c.country or "ES") == wanted]
        return same[0] if wanted and len(same) == 1 else None

    def customers_by_identifier(self, kind: str, value: str) -> list[Customer]:
        wanted = identifier_keys(kind, value)
        return [c for c in self.customer_rows.values() if wanted & self._keys(c)]

    def _keys(self, c: Customer) -> frozenset[str]:
        country = c.country or "ES"
        cells = [("vat", c.vat_id), ("gln", c.gln), ("email", c.email), ("fax", c.fax), ("phone", c.phone)]
        cells += [(kind, value) for cid, kind, value in self.learned if cid == c.customer_id]
        return frozenset(k for kind, value in cells for k in identifier_keys(kind, value, country))


def order(**overrides: object) -> CapturedOrder:
    base: dict[str, object] = {
        "po_number": "PO-1",
        "order_date": TODAY,
        "requested_delivery_date": date(2026, 12, 3),
        "currency": "EUR",
        "buyer": Party(party_id="8437000100010"),
        "lines": (
            CapturedLine(
                line_no="1",
                item_code="8437000100102",
                gtin="8437000100102",
                quantity=Decimal(250),
                unit_price=Decimal("0.18"),
            ),
            CapturedLine(
                line_no="2", buyer_item_code="4712", quantity=Decimal(10), unit_price=Decimal("0.05")
            ),
        ),
    }
    base.update(overrides)
    return CapturedOrder(**base)  # type: ignore[arg-type]


def codes(problems: tuple[Problem, ...]) -> set[str]:
    return {p.code.value for p in problems}


def code_read(captured: CapturedLine, confidence: float = 0.95) -> CapturedOrder:
    """Order PO-1 of today in euros from the customer of GLN 8437000100010 (C-1), of the one line
    `captured`, whose item code was read with `confidence` (as a fax's is), no other field vouched for."""
    where = Provenance(page=1, box=(0, 0, 10, 10))
    return CapturedOrder(
        po_number="PO-1",
        order_date=TODAY,
        currency="EUR",
        buyer=Party(party_id="8437000100010"),
        lines=(captured,),
        evidence=(Evidence("lines[0].item_code", confidence, where),),
    )


def test_a_clean_order_resolves_every_line_and_is_accepted() -> None:
    resolved = validate(order(), Master(), TODAY)
    assert resolved.customer_id == "C-1"
    assert resolved.skus == ("TOR-M8-40", "TUE-M8")  # by GTIN, then by the customer's own code
    assert resolved.problems == ()
    assert resolved.decision is Decision.ACCEPT
    assert resolved.confidence == 1.0


def test_unknown_buyer_goes_to_review_and_customer_codes_stay_unresolved() -> None:
    resolved = validate(order(buyer=Party(party_id="9999999999999")), Master(), TODAY)
    assert resolved.customer_id is None
    assert resolved.skus == ("TOR-M8-40", None)
    assert codes(resolved.problems) == {"unknown_customer", "unknown_product"}
    assert resolved.decision is Decision.REVIEW
    assert resolved.confidence < 1.0


def test_our_sku_in_the_supplier_code_resolves() -> None:
    line = CapturedLine(
        line_no="1", supplier_item_code="TUE-M8", quantity=Decimal(1), unit_price=Decimal("0.05")
    )
    assert validate(order(lines=(line,)), Master(), TODAY).skus == ("TUE-M8",)


def test_quantity_and_price_problems_name_their_fields() -> None:
    lines = (
        CapturedLine(line_no="1", gtin="8437000100102", quantity=Decimal(0), unit_price=Decimal("0.20")),
        CapturedLine(line_no="2", gtin="8437000100126", quantity=None),
    )
    resolved = validate(order(lines=lines), Master(), TODAY)
    fields = {(p.code.value, p.field) for p in resolved.problems}
    assert ("invalid_quantity", "lines[0].quantity") in fields
    assert ("price_mismatch", "lines[0].unit_price") in fields
    assert ("missing_quantity", "lines[1].quantity") in fields
    assert resolved.decision is Decision.REVIEW


def test_a_price_within_rounding_tolerance_is_no_problem() -> None:
    line = CapturedLine(
        line_no="1", gtin="8437000100102", quantity=Decimal(1), unit_price=Decimal("0.1800001")
    )
    assert validate(order(lines=(line,)), Master(), TODAY).problems == ()


def test_line_amount_must_equal_quantity_times_price() -> None:
    line = CapturedLine(
        line_no="1",
        gtin="8437000100102",
        quantity=Decimal(250),
        unit_price=Decimal("0.18"),
        amount=Decimal("54.00"),
    )
    resolved = validate(order(lines=(line,)), Master(), TODAY)
    assert [(p.code, p.field) for p in resolved.problems] == [
        (ProblemCode.AMOUNT_MISMATCH, "lines[0].amount")
    ]


def test_dates_are_checked() -> None:
    late = validate(order(requested_delivery_date=date(2026, 11, 20)), Master(), TODAY)
    assert codes(late.problems) == {"delivery_before_order"}
    past = validate(
        order(order_date=date(2026, 11, 1), requested_delivery_date=date(2026, 11, 20)), Master(), TODAY
    )
    assert codes(past.problems) == {"delivery_in_past"}
    future = validate(
        order(order_date=date(2027, 1, 1), requested_delivery_date=date(2027, 1, 5)), Master(), TODAY
    )
    assert codes(future.problems) == {"order_date_in_future"}


def test_no_lines_and_missing_po_number_go_to_a_person() -> None:
    # an order whose table could not be read must reach a clerk, not be refused to the customer
    empty = validate(order(lines=()), Master(), TODAY)
    assert empty.decision is Decision.REVIEW
    assert codes(empty.problems) == {"no_lines"}
    nameless = validate(order(po_number=None), Master(), TODAY)
    assert nameless.decision is Decision.REVIEW
    assert codes(nameless.problems) == {"missing_po_number"}


def test_parser_problems_carry_through_and_info_does_not_block() -> None:
    info = Problem(ProblemCode.MISSING_UNZ, "no UNZ", severity=Severity.INFO)
    resolved = validate(order(problems=(info,)), Master(), TODAY)
    assert resolved.decision is Decision.ACCEPT
    assert resolved.problems == (info,)
    assert resolved.confidence < 1.0
    blocking = Problem(ProblemCode.MESSAGE_COUNT_MISMATCH, "UNT count wrong", severity=Severity.REVIEW)
    assert validate(order(problems=(blocking,)), Master(), TODAY).decision is Decision.REVIEW


def test_reading_confidence_caps_the_score() -> None:
    ev = (Evidence("lines[0].quantity", 0.6, Provenance(page=1)),)
    assert validate(order(evidence=ev), Master(), TODAY).confidence == 0.6


def test_a_cancellation_is_not_taken_without_a_clerk() -> None:
    resolved = validate(order(function="cancel"), Master(), TODAY)
    assert codes(resolved.problems) == {"cancellation"}
    assert resolved.decision is Decision.REVIEW


def test_a_box_ordered_where_we_sell_pieces_needs_a_person() -> None:
    master = Master()
    master.product_rows["TOR-M8-40"].unit = "UD"
    boxes = CapturedLine(
        line_no="1", gtin="8437000100102", quantity=Decimal(2), unit="cajas", unit_price=Decimal("0.18")
    )
    resolved = validate(order(lines=(boxes,)), master, TODAY)
    assert [(p.code.value, p.field) for p in resolved.problems] == [("unit_mismatch", "lines[0].unit")]
    assert resolved.decision is Decision.REVIEW
    pieces = CapturedLine(
        line_no="1", gtin="8437000100102", quantity=Decimal(2), unit="PCE", unit_price=Decimal("0.18")
    )
    assert validate(order(lines=(pieces,)), master, TODAY).problems == ()
    unknown_word = CapturedLine(
        line_no="1", gtin="8437000100102", quantity=Decimal(2), unit="GBND", unit_price=Decimal("0.18")
    )
    assert validate(order(lines=(unknown_word,)), master, TODAY).problems == ()  # not known: not judged


def test_a_badly_read_name_holds_back_nothing_but_a_doubtful_fact_does() -> None:
    # a description read at 0.02 decides nothing when code, quantity and price check out
    faint_text = (Evidence("lines[0].description", 0.02, Provenance(page=1, box=(1, 2, 3, 4))),)
    resolved = validate(order(evidence=faint_text), Master(), TODAY)
    assert resolved.decision is Decision.ACCEPT and resolved.confidence == 1.0
    # a quantity read that badly is a fact in doubt: a person looks
    faint_fact = (Evidence("lines[0].quantity", 0.02, Provenance(page=1, box=(1, 2, 3, 4))),)
    doubted = validate(order(evidence=faint_fact), Master(), TODAY)
    assert doubted.decision is Decision.REVIEW
    assert [(p.code.value, p.field) for p in doubted.problems] == [("low_confidence", "lines[0].quantity")]


def test_an_order_read_from_a_page_dated_weeks_before_it_came_is_looked_at() -> None:
    on_page = (Evidence("order_date", 0.95, Provenance(page=1, box=(1, 2, 3, 4), raw="06/11/2026")),)
    old = validate(order(order_date=date(2026, 11, 6), evidence=on_page), Master(), TODAY)
    assert [(p.code.value, p.field) for p in old.problems] == [("order_date_old", "order_date")]
    assert old.decision is Decision.REVIEW
    fortnight = validate(order(order_date=date(2026, 11, 12), evidence=on_page), Master(), TODAY)
    assert fortnight.decision is Decision.ACCEPT  # 14 days is still an ordinary order
    # an EDIFACT date is no reading of pixels: an old one is the partner's business, not a misread
    in_segment = (Evidence("order_date", 1.0, Provenance(segment=3, raw="DTM+137:20261106:102")),)
    edi = validate(order(order_date=date(2026, 11, 6), evidence=in_segment), Master(), TODAY)
    assert edi.decision is Decision.ACCEPT


def test_a_faint_code_master_data_confirmed_does_not_drag_the_score_down() -> None:
    faint = (Evidence("lines[0].item_code", 0.1, Provenance(page=1, box=(1, 2, 3, 4))),)
    confirmed = validate(order(evidence=faint), Master(), TODAY)
    assert confirmed.decision is Decision.ACCEPT and confirmed.confidence == 1.0
    wrong_price = order(
        evidence=faint,
        lines=(
            CapturedLine(
                line_no="1",
                item_code="8437000100102",
                gtin="8437000100102",
                quantity=Decimal(2),
                unit_price=Decimal("0.40"),
            ),
        ),
    )
    doubted = validate(wrong_price, Master(), TODAY)
    assert ("low_confidence", "lines[0].item_code") in {(p.code.value, p.field) for p in doubted.problems}
    assert doubted.decision is Decision.REVIEW


def test_many_small_doubts_add_up_to_a_reading_too_unsure_to_accept() -> None:
    """Nothing needs a person on its own, but 26 notes the reader left cost 0.02 each: 1 - 0.52 = 0.48,
    below one half, so the order goes to review with the low-confidence problem (no field to name);
    25 notes leave 0.50, which is not below one half: accepted."""
    noted = Problem(ProblemCode.UNKNOWN_PRODUCT, "reader note", severity=Severity.INFO)
    resolved = validate(order(problems=(noted,) * 26), Master(), TODAY)
    assert resolved.confidence == 0.48
    assert resolved.decision is Decision.REVIEW
    [unsure] = [p for p in resolved.problems if p.code is ProblemCode.LOW_CONFIDENCE]
    assert unsure.severity >= Severity.REVIEW and unsure.field is None
    assert "0.48" in unsure.message
    enough = validate(order(problems=(noted,) * 25), Master(), TODAY)
    assert enough.confidence == 0.5 and enough.decision is Decision.ACCEPT
