"""The supply loop end to end on PostgreSQL: a backorder raises a proposal, the approved order goes to
the supplier as ORDERS, the supplier's ORDRSP and DESADV come back through the EDIFACT intake (and
become no customer order), receiving serves the backorder, the supplier's INVOIC matches and is
posted to accounts payable, and the books balance."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.billing.domain.ledger import INPUT_VAT, PAYABLE
from core.purchasing.domain.receiving import Counted
from oms.bootstrap import App
from tests.integration.billing_support import account_balance, assert_trial_balance_zero
from tests.integration.helpers import arrive
from tests.integration.lifecycle_support import allocations, demo_orders, drain_all, state
from tests.integration.purchasing_support import TORN, interchange, po, shop

pytestmark = pytest.mark.integration
D = Decimal


def test_a_backorder_is_bought_received_served_invoiced_and_booked(pg_app: App) -> None:
    app = pg_app
    shop(app, stock=False)  # warehouses, no stock: every demo order waits
    first, second = demo_orders(app)
    app.lifecycle.service.start([first, second], "ana")
    drain_all(app)
    assert state(app, first) == "backordered" and state(app, second) == "backordered"

    # the demo orders, by hand: TOR-M8-40 250 and TUE-M8 250 (S-TORN, preferred; minimum 1000 in packs
    # of 500 / minimum 2000 in packs of 1000), TAC-6 4 (S-HERR: a pack of 12), LLA-AJ-250 6 (S-HERR, a
    # pack of 6), SIL-TRA-300 24 (S-QUIM: minimum 48); all of it waits at MAD, where sourcing looks first
    made, plan = app.purchasing.service.plan("ana")
    assert plan.unsourced == []
    got = {p.supplier_id: sorted((line.sku, line.quantity) for line in p.lines) for p in made}
    assert got == {
        "S-HERR": [("LLA-AJ-250", D(6)), ("TAC-6", D(12))],
        "S-QUIM": [("SIL-TRA-300", D(48))],
        "S-TORN": [("TOR-M8-40", D(1000)), ("TUE-M8", D(2000))],
    }
    number = next(p.number for p in made if p.supplier_id == "S-TORN")
    app.purchasing.service.approve(number, "ana")
    drain_all(app)
    assert po(app, number).state == "sent"
    [edi] = list((app.settings.outbox / "edi" / TORN).glob("ORDERS_*.edi"))
    [orders] = list(Interchange.from_str(edi.read_bytes().decode("latin-1")).get_messages())
    assert [(s.tag, s.elements) for s in orders.segments if s.tag == "QTY"] == [
        ("QTY", [["21", "1000"]]),
        ("QTY", [["21", "2000"]]),
    ]

    ordrsp = (
        f"BGM+231+CONF-88+29'DTM+137:20261204:102'DTM+2:20261209:102'RFF+ON:{number}'"
        "LIN+1+5+8437000100102:EN'QTY+113:1000'LIN+2+5+8437000100126:EN'QTY+113:2000'UNS+S'"
    )
    desadv = (
        f"BGM+351+ALB-501+9'DTM+17:20261209:102'RFF+ON:{number}'"
        "LIN+1++8437000100102:EN'QTY+12:1000'LIN+2++8437000100126:EN'QTY+12:1510'UNS+S'"
    )
    for kind, body, ref in (("ORDRSP", ordrsp, "901"), ("DESADV", desadv, "902")):
        doc = arrive(app, interchange(kind, body, ref), f"{kind.lower()}.edi")
        drain_all(app)
        with app.uow() as uow:
            record = uow.documents.get(doc)
            assert record is not None and record.state == "processed"
            assert list(uow.orders.for_document(doc)) == []  # a supplier's message is no customer order
    confirmed = po(app, number)
    assert confirmed.state == "confirmed" and str(confirmed.expected_date) == "2026-12-09"
    assert [e.step for e in confirmed.events][-2:] == ["ordrsp", "desadv"]

    # the DESADV's delivery: all the bolts, 1500 nuts good and 10 crushed; the rest of the nuts later
    svc = app.purchasing.service
    announced = svc.announced(number, "ALB-501")
    assert [(c.sku, c.good) for c in announced] == [("TOR-M8-40", D(1000)), ("TUE-M8", D(1510))]
    counted = [announced[0], Counted("TUE-M8", D(1500), D(10))]  # as announced, but 10 nuts crushed
    svc.receive(number, counted, "ana", reference="ALB-501")
    drain_all(app)
    assert po(app, number).state == "partly_received"
    served = {a.sku: a.quantity for a in allocations(app, first)}
    assert served == {"TOR-M8-40": D(250), "TUE-M8": D(250)}  # TAC-6 still waits for S-HERR
    with app.uow() as uow:
        levels = {
            (lv.sku, lv.location): (lv.on_hand, lv.allocated) for lv in uow.stock.levels(warehouse="MAD")
        }
    assert levels[("TUE-M8", "RECEPCION")] == (D(1500), D(250))  # the crushed 10 are not on the shelf
    assert levels[("TUE-M8", "CUARENTENA")] == (D(10), D(0))  # but held in quarantine, allocated to none
    with app.uow() as uow:
        assert uow.stock.available_to_promise(["TUE-M8"]) == {"TUE-M8": D(1250)}  # 1500 - 250, not 1260
    svc.receive(number, [Counted("TUE-M8", D(500))], "ana", reference="ALB-502")
    drain_all(app)
    assert po(app, number).state == "received"

    # their invoice: 1000 x 0.085 = 85.00 and 2000 x 0.021 = 42.00, net 127.00, VAT 21 % 26.67
    invoic = (
        f"BGM+380+FV-26-3101+9'DTM+137:20261210:102'DTM+13:20270109:102'RFF+ON:{number}'CUX+2:EUR:4'"
        "LIN+1++8437000100102:EN'QTY+47:1000'MOA+203:85'PRI+AAA:0.085'"
        "LIN+2++8437000100126:EN'QTY+47:2000'MOA+203:42'PRI+AAA:0.021'"
        "UNS+S'MOA+79:127'MOA+125:127'MOA+176:26.67'MOA+77:153.67'"
    )
    arrive(app, interchange("INVOIC", invoic, "903"), "invoic.edi")
    drain_all(app)
    done = po(app, number)
    assert done.state == "invoiced"
    assert [(line.sku, line.invoiced) for line in done.lines] == [("TOR-M8-40", D(1000)), ("TUE-M8", D(2000))]
    with app.uow() as uow:
        [posted] = uow.billing.supplier_invoices("S-TORN")
        assert (posted["number"], posted["net"], posted["tax"], posted["total"]) == (
            "FV-26-3101", D(127), D("26.67"), D("153.67"),
        )  # fmt: skip
        [kept] = [d for d in uow.purchasing.documents(po_id=done.id) if d.kind == "invoic"]
        assert kept.state == "matched"
    assert account_balance(app, PAYABLE) == D("-153.67")  # we owe the gross
    assert account_balance(app, INPUT_VAT) == D("26.67")
    assert_trial_balance_zero(app)


def test_an_invoice_beyond_tolerance_waits_for_a_buyer_who_accepts_it(app: App) -> None:
    shop(app)
    svc = app.purchasing.service
    from core.purchasing.domain.suppliers import ReorderRule

    with app.uow() as uow:
        uow.purchasing.upsert(ReorderRule("TOR-M8-40", "MAD", D(2500), D(3000)))
        uow.commit()
    [made], _ = svc.plan("ana")  # 3000 - 2000 = 1000, two packs of 500
    svc.approve(made.number, "ana")
    drain_all(app)
    svc.receive(made.number, [Counted("TOR-M8-40", D(1000))], "ana")
    invoic = (
        f"BGM+380+FV-9+9'DTM+137:20261210:102'RFF+ON:{made.number}'CUX+2:EUR:4'"
        "LIN+1++8437000100102:EN'QTY+47:1000'PRI+AAA:0.095'UNS+S'MOA+79:95'MOA+176:19.95'"
    )
    arrive(app, interchange("INVOIC", invoic, "904"), "invoic.edi")
    drain_all(app)
    with app.uow() as uow:
        [doc] = uow.purchasing.documents(kind=None, state=None)
        assert doc.state == "mismatch"
        assert doc.detail["differences"] == ["TOR-M8-40: price ours 0.085, invoice 0.095"]
        assert uow.billing.supplier_invoices("S-TORN") == []
        doc_id = doc.id
    assert doc_id is not None
    assert po(app, made.number).state == "received"
    svc.decide_invoice(doc_id, True, "ana")
    assert po(app, made.number).state == "invoiced"
    with app.uow() as uow:
        assert [i["net"] for i in uow.billing.supplier_invoices("S-TORN")] == [D(95)]
    assert_trial_balance_zero(app)


def test_a_supplier_message_that_cannot_be_taken_is_quarantined_with_why_and_a_customers_is_read_as_before(
    app: App,
) -> None:
    shop(app)
    svc = app.purchasing.service
    from core.purchasing.domain.suppliers import ReorderRule

    with app.uow() as uow:
        uow.purchasing.upsert(ReorderRule("TOR-M8-40", "MAD", D(2500), D(2500)))
        uow.commit()
    [made], _ = svc.plan("ana")
    svc.approve(made.number, "ana")
    drain_all(app)
    svc.receive(made.number, [Counted("TOR-M8-40", D(1000))], "ana")  # 500 short, the minimum is 1000
    refusal = arrive(app, interchange("ORDRSP", f"BGM+231+NO-5+27'RFF+ON:{made.number}'", "905"), "no.edi")
    drain_all(app)
    with app.uow() as uow:
        record = uow.documents.get(refusal)
        assert record is not None and record.state == "quarantined"
        assert "received; it cannot become cancelled" in (record.error or "")
    assert po(app, made.number).state == "received"
    # the same ORDRSP from a customer's GLN (no supplier of ours): the order reader sees it, as before
    theirs = interchange("ORDRSP", f"BGM+231+NO-6+27'RFF+ON:{made.number}'", "906").replace(
        b"8412345000010", b"8437000100010"
    )
    doc = arrive(app, theirs, "customer.edi")
    drain_all(app)
    with app.uow() as uow:
        record = uow.documents.get(doc)
        assert record is not None and record.format == "edifact"
        assert any("only ORDERS messages are read" in str(p) for p in record.problems)
