"""Which of our purchase order's lines a supplier's line means, by the rules written out: their code,
our SKU or the GTIN names a line; a line that names nothing (no code, no GTIN) or something not on
the order names no line, and the note says what the supplier wrote rather than "None"."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from core.purchasing.domain.answers import AnswerKind, AnswerLine, LineAction, SupplierAnswer
from core.purchasing.domain.mailed import on_order, sender_keys, supplier_of
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder
from core.purchasing.domain.responses import apply_response, find_line
from core.purchasing.domain.suppliers import OrderChannel, Supplier

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
D = Decimal


def order() -> PurchaseOrder:
    po = PurchaseOrder("PO-000031", "S-HERR", "MAD", "EUR", NOW, state=PoState.SENT)
    po.lines += [
        # a product bought without a catalogue code of the supplier's: its code is blank
        PoLine(1, "CIN-AMER-50", "", D(40), D("1.10")),
        PoLine(2, "LLA-AJ-250", "AW-250", D(6), D("6.40"), gtin="8437000100195"),
    ]
    return po


def answer(kind: AnswerKind, *lines: AnswerLine) -> SupplierAnswer:
    return SupplierAnswer(kind, "S-HERR", "R-1", "PO-000031", lines=lines)


def test_a_line_without_a_code_names_no_line_of_a_mailed_document() -> None:
    # the supplier's delivery note lists something with neither code nor GTIN: which of our lines it
    # is nobody can tell, so it is unknown (a buyer looks), never taken as the blank-coded line
    taken, unknown = on_order(order(), answer(AnswerKind.DESADV, AnswerLine(None, D(40))))
    assert unknown == ["?"]
    assert taken.lines[0].sku is None


def test_a_blank_code_names_no_line_even_where_ours_is_blank() -> None:
    taken, unknown = on_order(
        order(),
        answer(AnswerKind.DESADV, AnswerLine(None, D(5), supplier_item_code="", gtin="8400000000000")),
    )
    assert unknown == ["8400000000000"]
    assert taken.lines[0].sku is None


def test_their_code_our_sku_or_the_gtin_name_a_line_in_any_case() -> None:
    taken, unknown = on_order(
        order(),
        answer(
            AnswerKind.INVOIC,
            AnswerLine(None, D(6), supplier_item_code="aw-250"),
            AnswerLine(None, D(40), supplier_item_code="cin-amer-50"),
            AnswerLine(None, D(1), gtin="8437000100195"),
            AnswerLine(None, D(2), supplier_item_code="XX-1"),
        ),
    )
    assert [(x.sku, x.supplier_item_code) for x in taken.lines] == [
        ("LLA-AJ-250", "AW-250"),
        ("CIN-AMER-50", ""),
        ("LLA-AJ-250", "AW-250"),
        (None, "XX-1"),
    ]
    assert unknown == ["XX-1"]
    assert taken.po_number == "PO-000031"


def test_an_ordrsp_line_by_number_when_it_names_no_code() -> None:
    po = order()
    assert find_line(po, AnswerLine(2, D(6))) is po.lines[1]
    assert find_line(po, AnswerLine(None, D(6), supplier_item_code="")) is None
    assert find_line(po, AnswerLine(None, D(6), supplier_item_code="AW-250")) is po.lines[1]
    # their code first, the line number last: a number that disagrees with the code does not win
    assert find_line(po, AnswerLine(1, D(6), supplier_item_code="AW-250")) is po.lines[1]
    assert find_line(po, AnswerLine(9, D(6))) is None


def test_an_unknown_ordrsp_line_is_named_by_what_the_supplier_wrote() -> None:
    po = order()
    changes = apply_response(
        po,
        SupplierAnswer(
            AnswerKind.ORDRSP, "S-HERR", "CONF-9", "PO-000031",
            lines=(
                AnswerLine(None, D(3), supplier_item_code="ZZ-9"),
                AnswerLine(None, D(3)),
                AnswerLine(7, D(3)),
            ),
        ),
        "edi", NOW,
    )  # fmt: skip
    assert changes == ["unknown line ZZ-9: ignored", "unknown line ?: ignored", "unknown line 7: ignored"]
    assert all("None" not in c for c in changes)
    # nothing of ours changed, and the order is confirmed as ordered
    assert [x.confirmed_quantity for x in po.lines] == [None, None]
    assert po.state is PoState.CONFIRMED


def test_an_ordrsp_refusing_one_line_sets_it_to_zero_and_keeps_our_date_otherwise() -> None:
    po = order()
    po.expected_date = date(2026, 12, 8)
    changes = apply_response(
        po,
        SupplierAnswer(
            AnswerKind.ORDRSP, "S-HERR", "CONF-10", "PO-000031",
            lines=(
                AnswerLine(1, D(40), action=LineAction.REFUSED),
                AnswerLine(2, D(6), delivery_date=date(2026, 12, 12)),
            ),
        ),
        "edi", NOW,
    )  # fmt: skip
    assert changes == ["CIN-AMER-50: 40 -> 0"]
    assert po.lines[0].ordered == 0 and po.lines[1].ordered == 6
    assert po.lines[0].expected_date is None and po.lines[1].expected_date == date(2026, 12, 12)
    assert po.expected_date == date(2026, 12, 8)
    assert po.supplier_reference == "CONF-10"
    assert po.events[-1].note == "ORDRSP CONF-10: CIN-AMER-50: 40 -> 0"


def test_our_sku_or_the_gtin_names_an_ordrsp_line_before_its_number() -> None:
    po = order()
    assert find_line(po, AnswerLine(1, D(6), sku="LLA-AJ-250")) is po.lines[1]
    assert find_line(po, AnswerLine(1, D(6), gtin="8437000100195")) is po.lines[1]
    assert find_line(po, AnswerLine(None, D(6), sku="NOPE")) is None


def test_a_supplier_without_a_country_is_spanish_and_one_abroad_by_its_national_number() -> None:
    spanish = Supplier("S-QUIM", "Química", OrderChannel.FAX, fax="961 234 567")
    assert supplier_of([spanish], sender_keys("+34961234567", "fax")) is spanish
    british = Supplier("S-GB", "Hartley", OrderChannel.FAX, fax="020 7946 0123", country="GB")
    assert supplier_of([british], sender_keys("+44 20 7946 0123", "fax")) is british


def test_the_orders_history_says_who_answered_what_and_when() -> None:
    refused = order()
    apply_response(
        refused, SupplierAnswer(AnswerKind.ORDRSP, "S-HERR", "NO-1", "PO-000031", refused=True), "edi", NOW
    )
    [event] = refused.events
    assert (event.step, event.actor, event.at, event.to_state) == ("ordrsp", "edi", NOW, PoState.CANCELLED)
    assert event.note == "ORDRSP NO-1: order refused"

    po = order()
    as_ordered = SupplierAnswer(
        AnswerKind.ORDRSP, "S-HERR", "C" * 70, "PO-000031", lines=(AnswerLine(2, D(6)),)
    )
    apply_response(po, as_ordered, "edi", NOW)
    assert po.events[-1].note == f"ORDRSP {'C' * 70}: as ordered"[:500]
    assert po.supplier_reference == "C" * 64  # the column holds 64
    # a second answer on a confirmed order is noted in the history, the state kept
    later = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    changed = SupplierAnswer(
        AnswerKind.ORDRSP, "S-HERR", "C-2", "PO-000031", lines=(AnswerLine(1, D(30)), AnswerLine(2, D(5)))
    )
    assert apply_response(po, changed, "marta", later) == ["CIN-AMER-50: 40 -> 30", "LLA-AJ-250: 6 -> 5"]
    event = po.events[-1]
    assert (event.step, event.actor, event.at, event.from_state, event.to_state) == (
        "ordrsp", "marta", later, PoState.CONFIRMED, PoState.CONFIRMED,
    )  # fmt: skip
    assert event.note == "ORDRSP C-2: CIN-AMER-50: 40 -> 30; LLA-AJ-250: 6 -> 5"
    unknown = SupplierAnswer(
        AnswerKind.ORDRSP, "S-HERR", "C-3", "PO-000031", lines=(AnswerLine(None, D(1), gtin="8400000000000"),)
    )
    assert apply_response(po, unknown, "edi", later) == ["unknown line 8400000000000: ignored"]
