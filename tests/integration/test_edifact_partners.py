"""Trading partners (issue 16, item 3): only a configured UNB sender places orders, only for the buyers its
agreement names, and every answer goes to the address configured for it, never to one the
interchange's own text could name."""

from __future__ import annotations

from pathlib import Path

from core.capture.domain.documents import DocumentState
from core.capture.services.partner_import import import_partners
from core.kernel.domain.model import Decision, OrderState, OutboundKind
from oms.bootstrap import App
from tests.conftest import SAMPLES
from tests.integration.helpers import answers_of, document, ingest, orders_of, outbox_files
from tests.integration.test_review import clerk, form_fields

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()
DEMO_SENDER = b"UNB+UNOC:3+8437000100010:14+"  # Ferreteria Nunez (C-1001) sends for itself
HEADER = "sender_id,qualifier,syntax_ids,buyers,channel,address\n"


def sent_by(sender: bytes) -> bytes:
    assert DEMO_SENDER in DEMO
    return DEMO.replace(DEMO_SENDER, b"UNB+UNOC:3+" + sender + b"+")


def files_under(root: Path) -> list[Path]:
    """Every file the run wrote outside the inbox, the database and its journal."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and "inbox" not in p.parts and not p.name.startswith("oms.db")
    )


def codes(order: object) -> set[str]:
    return {p["code"] for p in order.problems}  # type: ignore[attr-defined]


def test_an_unknown_sender_ordering_for_a_customer_goes_to_review_and_gets_no_answer(
    demo_app: App, tmp_path: Path
) -> None:
    doc_id = ingest(demo_app, sent_by(b"5099999000009:14"))
    assert document(demo_app, doc_id).state is DocumentState.PROCESSED
    orders = orders_of(demo_app, doc_id)
    assert len(orders) == 2
    assert all(o.decision is Decision.REVIEW and o.state is OrderState.IN_REVIEW for o in orders)
    assert all("unknown_partner" in codes(o) for o in orders)
    assert orders[0].customer_id == "C-1001"  # the buyer was recognised: only the sender is in doubt
    # the demo interchange asks for a CONTRL (UNB 0031); to an unknown sender it is withheld, with the ORDRSPs
    assert answers_of(demo_app, doc_id) == []
    assert files_under(tmp_path) == []


def test_a_path_like_sender_never_becomes_a_folder_even_after_a_clerk_approves(
    demo_app: App, tmp_path: Path
) -> None:
    doc_id = ingest(demo_app, sent_by(b"../../tmp/x:14"))
    orders = orders_of(demo_app, doc_id)
    assert all("unknown_partner" in codes(o) for o in orders)
    client, csrf = clerk(demo_app)
    order_id = orders[0].id
    page = client.get(f"/review/{order_id}")
    assert client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf}).status_code == 200
    fields = form_fields(page.text)
    fields["then"] = "approve"
    assert client.post(f"/review/{order_id}/save", data=fields).status_code == 303
    with demo_app.uow() as uow:
        approved = uow.orders.get(order_id)
        assert approved is not None and approved.state is OrderState.ACCEPTED
    assert not any(m.kind is OutboundKind.ORDRSP for m in answers_of(demo_app, doc_id))
    assert not [p for p in tmp_path.rglob("*") if "tmp" in p.name or p.name == "x"]
    assert not (tmp_path.parent / "tmp").exists() and not Path("/tmp/x").exists()
    assert outbox_files(demo_app) == []


def test_a_configured_partner_is_answered_at_its_configured_folder_only(demo_app: App) -> None:
    import_partners(demo_app.uow(), HEADER + "8437000100010,14,UNOC,C-1001,edi,nunez-van\n")
    doc_id = ingest(demo_app, DEMO)
    orders = orders_of(demo_app, doc_id)
    assert [o.state for o in orders] == [OrderState.ACCEPTED, OrderState.ACCEPTED], [
        o.problems for o in orders
    ]
    files = outbox_files(demo_app)
    assert sorted(f.name.split("_")[0] for f in files) == ["CONTRL", "ORDRSP"]
    assert {f.parent.name for f in files} == {"nunez-van"}  # not the sender id the interchange gave


def test_a_partner_ordering_for_a_buyer_it_does_not_speak_for_goes_to_review(demo_app: App) -> None:
    # Hartley Hardware (C-2001) is a partner for its own orders; the interchange orders for C-1001
    import_partners(demo_app.uow(), HEADER + "5012345000015,14,UNOC,C-2001,edi,hartley\n")
    doc_id = ingest(demo_app, sent_by(b"5012345000015:14"))
    orders = orders_of(demo_app, doc_id)
    assert len(orders) == 2 and all(o.customer_id == "C-1001" for o in orders)
    assert all(o.state is OrderState.IN_REVIEW and "partner_not_authorised" in codes(o) for o in orders)
    assert "unknown_partner" not in codes(orders[0])
    kinds = [m.kind for m in answers_of(demo_app, doc_id)]
    assert OutboundKind.ORDRSP not in kinds  # a known partner still gets its CONTRL, at its own folder
    assert {f.parent.name for f in outbox_files(demo_app)} <= {"hartley"}


def test_a_sender_id_under_another_qualifier_is_not_the_partner(demo_app: App) -> None:
    doc_id = ingest(demo_app, sent_by(b"8437000100010:ZZ"))  # the demo partner is configured as 14 (GLN)
    orders = orders_of(demo_app, doc_id)
    assert all("unknown_partner" in codes(o) for o in orders)
    assert outbox_files(demo_app) == []
