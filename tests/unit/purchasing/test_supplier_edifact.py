"""Our ORDERS read back with pydifact, and suppliers' ORDRSP, DESADV and INVOIC (written here by hand)
read and taken onto the purchase order."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.purchasing.domain.answers import AnswerKind, LineAction
from core.purchasing.domain.matching import Tolerance, book_credited, book_invoiced, match, match_credit
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder
from core.purchasing.domain.outgoing import PoDocument
from core.purchasing.domain.responses import apply_response
from core.purchasing.domain.suppliers import OrderChannel, Supplier
from outbound.edifact.orders import EdifactPurchase
from parsers.edifact.supplier import read_supplier_answers

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
D = Decimal
SUPPLIER = Supplier(
    "S-TORN", "Tornillería Industrial del Ebro S.A.", OrderChannel.EDIFACT,
    edi_id="8412345000010", our_edi_id="8437000100003",
)  # fmt: skip


def order(state: PoState = PoState.SENT) -> PurchaseOrder:
    po = PurchaseOrder("PO-000007", "S-TORN", "MAD", "EUR", NOW, state=state, expected_date=date(2026, 12, 8))
    po.lines += [
        PoLine(
            1, "TOR-M8-40", "TE-0840Z", D(1000), D("0.085"), gtin="8437000100102", description="Tornillo M8"
        ),
        PoLine(2, "TUE-M8", "TU-08Z", D(2000), D("0.021"), gtin="8437000100126"),
    ]
    return po


def wrap(body: str, kind: str) -> bytes:
    count = body.count("'") + 2
    return (
        "UNA:+.? 'UNB+UNOC:3+8412345000010:14+8437000100003:14+261204:0900+77'"
        f"UNH+1+{kind}:D:96A:UN:EAN005'{body}UNT+{count}+1'UNZ+1+77'"
    ).encode("latin-1")


def test_orders_parse_back_with_pydifact() -> None:
    message = EdifactPurchase().compose(
        PoDocument(order(PoState.APPROVED), SUPPLIER, "Almacén Madrid", "12"), NOW
    )
    assert message.filename == "ORDERS_8412345000010_12.edi" and message.recipient == "8412345000010"
    interchange = Interchange.from_str(message.content.decode("latin-1"))
    assert interchange.sender[0] == "8437000100003" and interchange.recipient[0] == "8412345000010"
    [msg] = list(interchange.get_messages())
    assert msg.type == "ORDERS"
    segs = [(s.tag, s.elements) for s in msg.segments]
    assert ("BGM", ["220", "PO-000007", "9"]) in segs
    assert ("DTM", [["2", "20261208", "102"]]) in segs
    assert ("NAD", ["DP", ["MAD", "", "92"], "", "Almacén Madrid"]) in segs
    assert [e for t, e in segs if t == "LIN"] == [
        ["1", "", ["8437000100102", "EN"]],
        ["2", "", ["8437000100126", "EN"]],
    ]
    assert [e for t, e in segs if t == "QTY"] == [[["21", "1000"]], [["21", "2000"]]]
    assert [e for t, e in segs if t == "PRI"] == [[["AAA", "0.085"]], [["AAA", "0.021"]]]
    assert ("PIA", ["5", ["TE-0840Z", "SA", "", "91"], ["TOR-M8-40", "IN", "", "92"]]) in segs
    assert ("CNT", [["2", "2"]]) in segs


def test_an_ordrsp_confirms_one_line_short_refuses_another_and_moves_the_date() -> None:
    body = (
        "BGM+231+CONF-5501+4'DTM+137:20261204:102'DTM+2:20261210:102'RFF+ON:PO-000007'"
        "LIN+1+3+8437000100102:EN'QTY+113:800'DTM+2:20261211:102'"
        "LIN+2+7+8437000100126:EN'QTY+113:0'UNS+S'"
    )
    [answer] = read_supplier_answers(wrap(body, "ORDRSP"))
    assert (answer.kind, answer.sender_id, answer.reference, answer.po_number) == (
        AnswerKind.ORDRSP, "8412345000010", "CONF-5501", "PO-000007",
    )  # fmt: skip
    assert [(a.line_no, a.quantity, a.action) for a in answer.lines] == [
        (1, D(800), LineAction.CHANGED),
        (2, D(0), LineAction.REFUSED),
    ]
    po = order()
    changes = apply_response(po, answer, "edi", NOW)
    assert changes == ["TOR-M8-40: 1000 -> 800", "TUE-M8: 2000 -> 0"]
    assert po.state is PoState.CONFIRMED and po.expected_date == date(2026, 12, 10)
    assert po.line(1).ordered == 800 and po.line(1).expected_date == date(2026, 12, 11)
    assert po.line(2).ordered == 0 and po.line(2).outstanding == 0
    assert po.supplier_reference == "CONF-5501"


def test_an_ordrsp_refusing_the_order_cancels_it() -> None:
    [answer] = read_supplier_answers(wrap("BGM+231+NO-1+27'RFF+ON:PO-000007'", "ORDRSP"))
    po = order()
    apply_response(po, answer, "edi", NOW)
    assert po.state is PoState.CANCELLED


def test_desadv_lines_and_delivery_date() -> None:
    body = (
        "BGM+351+ALB-2201+9'DTM+17:20261209:102'RFF+ON:PO-000007'"
        "LIN+1++8437000100102:EN'PIA+5+TE-0840Z:SA'QTY+12:800'UNS+S'"
    )
    [advice] = read_supplier_answers(wrap(body, "DESADV"))
    assert advice.kind is AnswerKind.DESADV and advice.delivery_date == date(2026, 12, 9)
    assert [(a.gtin, a.supplier_item_code, a.quantity) for a in advice.lines] == [
        ("8437000100102", "TE-0840Z", D(800))
    ]


def invoice(quantity: str, price: str, net: str) -> bytes:
    body = (
        "BGM+380+FV-26-0912+9'DTM+137:20261210:102'DTM+13:20270109:102'RFF+ON:PO-000007'CUX+2:EUR:4'"
        f"LIN+1++8437000100102:EN'QTY+47:{quantity}'MOA+203:{net}'PRI+AAA:{price}'"
        f"UNS+S'MOA+79:{net}'MOA+125:{net}'MOA+176:14.28'MOA+77:82.28'"
    )
    return wrap(body, "INVOIC")


def test_an_invoice_within_tolerance_matches_and_one_beyond_it_shows_why() -> None:
    po = order(PoState.RECEIVED)
    po.line(1).received = D(800)
    [good] = read_supplier_answers(invoice("800", "0.0867", "69.36"))  # 2 % above 0.085 is 0.0867
    assert (good.net, good.tax, good.currency) == (D("69.36"), D("14.28"), "EUR")
    assert good.issued == date(2026, 12, 10) and good.due_date == date(2027, 1, 9)
    assert match(po, good, Tolerance(price=D("0.02"))) == []
    [dear] = read_supplier_answers(invoice("800", "0.09", "72"))
    assert [d.text() for d in match(po, dear, Tolerance(price=D("0.02")))] == [
        "TOR-M8-40: price ours 0.085, invoice 0.09"
    ]
    [more] = read_supplier_answers(invoice("900", "0.085", "76.5"))
    assert [d.text() for d in match(po, more, Tolerance())] == [
        "TOR-M8-40: quantity ours 800 received, invoice 900"
    ]
    book_invoiced(po, good)
    assert po.line(1).invoiced == 800
    assert [d.what for d in match(po, good, Tolerance())] == ["quantity"]  # invoiced already: not twice


@pytest.mark.parametrize("kind", ["ORDERS", "CONTRL"])
def test_other_message_types_are_not_a_supplier_answer(kind: str) -> None:
    assert read_supplier_answers(wrap("BGM+220+X+9'", kind)) == []


@pytest.mark.parametrize("code", ["381", "81", "83"])
def test_an_invoic_with_a_credit_note_code_is_a_credit_note_naming_the_invoice_it_corrects(code: str) -> None:
    # some write what a credit note takes back as negative figures: read as their size
    body = (
        f"BGM+{code}+AB-0007+9'DTM+137:20261212:102'RFF+ON:PO-000007'RFF+IV:FV-26-5001'CUX+2:EUR:4'"
        "LIN+1++8437000100102:EN'QTY+47:-100'PRI+AAA:0.085'"
        "UNS+S'MOA+79:-8.50'MOA+176:-1.79'MOA+77:-10.29'"
    )
    [credit] = read_supplier_answers(wrap(body, "INVOIC"))
    assert (credit.kind, credit.reference, credit.po_number, credit.corrects) == (
        AnswerKind.CREDIT, "AB-0007", "PO-000007", "FV-26-5001",
    )  # fmt: skip
    assert [(x.gtin, x.quantity, x.unit_price) for x in credit.lines] == [
        ("8437000100102", D(100), D("0.085"))
    ]
    assert (credit.net, credit.tax) == (D("8.50"), D("1.79"))
    [invoice] = read_supplier_answers(wrap(body.replace(f"BGM+{code}+", "BGM+380+"), "INVOIC"))
    assert invoice.kind is AnswerKind.INVOIC  # 380: an invoice, as before


def test_a_credit_note_matches_only_units_invoiced_and_not_owed_at_the_ordered_price() -> None:
    po = order(PoState.PARTLY_RECEIVED)
    line = po.line(1)
    line.received, line.damaged, line.invoiced = D(850), D(50), D(1000)  # 100 short, 50 damaged, all invoiced
    assert (line.creditable, line.credit_expected) == (D(150), D(50))
    body = "BGM+381+AB-1+9'RFF+ON:PO-000007'LIN+1++8437000100102:EN'QTY+47:{q}'PRI+AAA:{p}'UNS+S'"
    [right] = read_supplier_answers(wrap(body.format(q="150", p="0.085"), "INVOIC"))
    assert match_credit(po, right, Tolerance()) == []
    [much] = read_supplier_answers(wrap(body.format(q="151", p="0.085"), "INVOIC"))
    assert [d.text() for d in match_credit(po, much, Tolerance())] == [
        "TOR-M8-40: quantity ours 150 invoiced and not received (1000 invoiced, 850 due), credit note 151"
    ]
    [cheap] = read_supplier_answers(wrap(body.format(q="150", p="0.07"), "INVOIC"))
    assert [d.what for d in match_credit(po, cheap, Tolerance())] == ["price"]
    book_credited(po, right)
    assert (line.credited, line.creditable, line.credit_expected, line.net_invoiced) == (D(150), 0, 0, D(850))
    assert [d.what for d in match_credit(po, right, Tolerance())] == ["quantity"]  # credited already
    # the 100 short come after all: they may be invoiced again, as the credit took them back
    line.received = D(950)
    [later] = read_supplier_answers(invoice("100", "0.085", "8.50"))
    assert match(po, later, Tolerance()) == []
