"""ORDERS messages map to captured orders by the contract's EDIFACT rules, with evidence per field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.capture.domain.order import CapturedOrder, ProblemCode, Severity
from tests.unit.parsers.edifact_support import interchange, message, read


def _order(*body: str) -> CapturedOrder:
    (order,) = read(interchange(message("M1", *body))).orders
    return order


@pytest.mark.parametrize(
    ("bgm", "po_number", "function"),
    [
        ("BGM+220+PO-1+9", "PO-1", "original"),
        ("BGM+220::9:ORDERS+467819+9", "467819", "original"),
        ("BGM+220+PO-1+5", "PO-1", "replace"),
        ("BGM+220+PO-1+1", "PO-1", "cancel"),
        ("BGM+220+PO-1+31", "PO-1", "duplicate"),
        ("BGM+220+PO-1+4", "PO-1", "change"),
        ("BGM+220+PO-1", "PO-1", "original"),
        ("BGM+220+PO-1+:20240101:102+5", "PO-1", "replace"),  # pre-D94B layout: 1225 fourth
    ],
)
def test_bgm_number_and_function(bgm: str, po_number: str, function: str) -> None:
    order = _order(bgm)
    assert (order.po_number, order.function) == (po_number, function)


@pytest.mark.parametrize(
    ("dtm", "expected"),
    [
        ("DTM+137:20240115:102", date(2024, 1, 15)),
        ("DTM+137:202401151230:203", date(2024, 1, 15)),
        ("DTM+137:20240115123045:204", date(2024, 1, 15)),
        ("DTM+137:240115:101", date(2024, 1, 15)),
        ("DTM+137:980115:101", date(1998, 1, 15)),
        ("DTM+137:2024011520240120:718", date(2024, 1, 15)),
        ("DTM+137:20240115", date(2024, 1, 15)),  # no format: known by its length
    ],
)
def test_order_date_formats_keep_the_date_part(dtm: str, expected: date) -> None:
    assert _order("BGM+220+PO-1+9", dtm).order_date == expected


def test_invalid_date_is_none_with_a_positioned_invalid_date_problem() -> None:
    result = read(interchange(message("M1", "BGM+220+PO-1+9", "DTM+137:20241332:102")))
    (order,) = result.orders
    assert order.order_date is None
    (problem,) = order.problems
    assert (problem.code, problem.field, problem.severity) == (
        ProblemCode.INVALID_DATE,
        "order_date",
        Severity.REVIEW,
    )
    (fault,) = result.interchanges[0].messages[0].faults
    assert (
        fault.code,
        fault.segment_tag,
        fault.segment_position,
        fault.element_position,
        fault.component_position,
    ) == (
        "12",
        "DTM",
        3,
        2,
        2,
    )


def test_unsupported_date_format_is_an_invalid_date_problem_without_syntax_fault() -> None:
    result = read(interchange(message("M1", "BGM+220+PO-1+9", "DTM+2:202403:616")))
    assert result.orders[0].requested_delivery_date is None
    assert [p.code for p in result.orders[0].problems] == [ProblemCode.INVALID_DATE]
    assert result.interchanges[0].messages[0].faults == ()


def test_dtm_4_is_only_a_fallback_for_a_missing_137() -> None:
    assert _order("DTM+4:20240101:102", "DTM+137:20240115:102").order_date == date(2024, 1, 15)
    assert _order("DTM+4:20240101:102").order_date == date(2024, 1, 1)


def test_only_header_segments_before_the_first_lin_count_and_the_first_wins() -> None:
    order = _order(
        "BGM+220+PO-1+9",
        "DTM+2:20240120:102",
        "DTM+2:20240125:102",
        "NAD+BY+FIRST::9",
        "NAD+BY+SECOND::9",
        "LIN+1++4000862141404:EN",
        "NAD+SU+LINE-LEVEL::9",
        "DTM+137:20240101:102",
        "CUX+2:USD:9",
    )
    assert order.requested_delivery_date == date(2024, 1, 20)
    assert order.buyer.party_id == "FIRST"
    assert order.supplier.party_id is None
    assert order.order_date is None
    assert order.currency is None


def test_parties_with_address_and_ship_to_from_dp_or_else_st() -> None:
    order = _order(
        "NAD+IV+5450534008143::9++AMAZON EU SARL+38 Avenue J.F. Kennedy:Bldg 2+Luxembourg++1855+LU",
        "NAD+ST+STREET-PARTY::9",
        "NAD+SU+SUP::92",
    )
    invoicee = order.invoicee
    assert (invoicee.party_id, invoicee.qualifier, invoicee.name) == ("5450534008143", "9", "AMAZON EU SARL")
    assert (invoicee.street, invoicee.city, invoicee.postal_code, invoicee.country) == (
        "38 Avenue J.F. Kennedy, Bldg 2",
        "Luxembourg",
        "1855",
        "LU",
    )
    assert order.ship_to.party_id == "STREET-PARTY"
    assert (order.supplier.party_id, order.supplier.qualifier) == ("SUP", "92")
    assert _order("NAD+ST+ST-1::9", "NAD+DP+DP-1::9").ship_to.party_id == "DP-1"


def test_currency_is_the_reference_currency_of_the_first_cux() -> None:
    assert _order("CUX+2:GBP:9+3:EUR:4+1.67").currency == "GBP"
    assert _order("CUX+3:EUR:4+2:GBP:9").currency == "GBP"
    assert _order("CUX+2:EUR:9", "CUX+2:USD:9").currency == "EUR"


def test_line_fields() -> None:
    order = _order(
        "BGM+220+PO-1+9",
        "LIN+001++4000862141404:EN",
        "PIA+1+BUY-7:BP+SUP-9:SA",
        "PIA+1+OTHER:SU",
        "IMD+C++TU::9",
        "IMD+F++:::Screw M8x40:zinc plated",
        "QTY+59:6:PCE",
        "QTY+21:250:PCE",
        "QTY+21:999",
        "PRI+CAL:1",
        "PRI+AAA:18:CT:AAE:100:PCE",
        "MOA+203:45.00",
        "DTM+2:20240201:102",
    )
    (line,) = order.lines
    assert (line.line_no, line.item_code, line.gtin) == ("001", "4000862141404", "4000862141404")
    assert (line.buyer_item_code, line.supplier_item_code) == ("BUY-7", "SUP-9")
    assert line.description == "Screw M8x40 zinc plated"
    assert (line.quantity, line.unit) == (Decimal(250), "PCE")
    assert line.unit_price == Decimal("0.18")
    assert line.amount == Decimal(45)
    assert line.requested_delivery_date == date(2024, 2, 1)
    assert order.requested_delivery_date is None


@pytest.mark.parametrize(
    ("lin", "item_code", "gtin"),
    [
        ("LIN+1++:EN", None, None),
        ("LIN+1++1001:SA", "1001", None),
        ("LIN+1++4000862141404:SRS", "4000862141404", "4000862141404"),  # valid check digit
        ("LIN+1++4000862141405:SA", "4000862141405", None),  # wrong check digit, not EN
        ("LIN+1++96385074:IN", "96385074", "96385074"),  # GTIN-8
        ("LIN+1++5410738000152:SRV", "5410738000152", "5410738000152"),
    ],
)
def test_item_code_and_gtin(lin: str, item_code: str | None, gtin: str | None) -> None:
    (line,) = _order(lin).lines
    assert (line.item_code, line.gtin) == (item_code, gtin)


def test_quantities_are_normalised_decimals() -> None:
    lines = _order("LIN+1", "QTY+21:1.00", "LIN+2", "QTY+21:1500", "LIN+3", "QTY+21:0.250").lines
    assert [str(line.quantity) for line in lines] == ["1", "1500", "0.25"]


def test_non_numeric_quantity_is_none_with_an_invalid_quantity_problem() -> None:
    result = read(interchange(message("M1", "LIN+1", "QTY+21:1O:PCE")))
    (line,) = result.orders[0].lines
    assert (line.quantity, line.unit) == (None, "PCE")
    (problem,) = result.orders[0].problems
    assert (problem.code, problem.field) == (ProblemCode.INVALID_QUANTITY, "lines[0].quantity")
    (fault,) = result.interchanges[0].messages[0].faults
    assert (fault.code, fault.segment_position, fault.element_position, fault.component_position) == (
        "37",
        3,
        2,
        2,
    )


def test_summary_total_prefers_the_line_items_amount() -> None:
    body = (
        "BGM+220+PO-1+9",
        "MOA+79:999",
        "LIN+1",
        "QTY+21:1",
        "UNS+S",
        "MOA+86:119",
        "MOA+79:100",
        "CNT+2:1",
    )
    assert _order(*body).total == Decimal(100)
    assert _order("LIN+1", "QTY+21:1", "UNS+S", "MOA+86:119.00").total == Decimal(119)
    assert _order("LIN+1", "QTY+21:1", "UNS+S", "MOA+125:247.98").total is None


def test_notes_and_references() -> None:
    order = _order("FTX+AAI+++Deliver to gate 4:before noon", "FTX+ZZZ+1+001::91", "RFF+CT:652744", "RFF+ON")
    assert order.notes == ("Deliver to gate 4 before noon",)
    assert order.references == (("CT", "652744"),)


def test_evidence_points_at_the_segment_within_the_message() -> None:
    order = _order("BGM+220+PO-1+9", "LIN+1++4000862141404:EN", "QTY+21:5:PCE")
    po = order.evidence_for("po_number")
    assert po is not None
    assert (po.confidence, po.provenance.segment, po.provenance.raw) == (1.0, 2, "BGM+220+PO-1+9")
    quantity, unit = order.evidence_for("lines[0].quantity"), order.evidence_for("lines[0].unit")
    assert quantity is not None and unit is not None
    assert (quantity.provenance.segment, quantity.provenance.raw) == (4, "QTY+21:5:PCE")
    assert quantity.provenance is unit.provenance
    ref = order.evidence_for("message_ref")
    assert ref is not None and ref.provenance.segment == 1
    assert order.evidence_for("currency") is None
    assert {e.field for e in order.evidence} == {
        "message_ref",
        "po_number",
        "function",
        "lines[0].line_no",
        "lines[0].item_code",
        "lines[0].gtin",
        "lines[0].quantity",
        "lines[0].unit",
    }


def test_invoice_gives_no_orders_and_an_unsupported_message_problem() -> None:
    invoic = message(
        "I1", "BGM+380+IN432097", "LIN+1++4000862141404:SRV", "QTY+47:40", kind="INVOIC:D:01B:UN:EAN011"
    )
    result = read(interchange(invoic, message("M2")))
    assert [o.po_number for o in result.orders] == ["PO-1"]
    assert result.extra["message_types"] == ["INVOIC", "ORDERS"]
    (problem,) = result.problems
    assert (problem.code, problem.severity) == (ProblemCode.UNSUPPORTED_MESSAGE, Severity.REVIEW)
    assert "INVOIC" in problem.message
    assert [m.type for m in result.interchanges[0].messages] == ["INVOIC", "ORDERS"]


def test_contrl_is_recorded_without_complaint() -> None:
    contrl = message("C1", "UCI+131+S:14+R:14+7", kind="CONTRL:D:3:UN")
    result = read(interchange(contrl))
    assert (result.orders, result.problems) == ((), ())
    assert result.extra["message_types"] == ["CONTRL"]
