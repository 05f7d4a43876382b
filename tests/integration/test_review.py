"""The review queue end to end in the app: lock, fix, approve, answer, learn, audit, undo."""

from __future__ import annotations

import re
from decimal import Decimal

from fastapi.testclient import TestClient

from core.kernel.domain.model import OrderState, OutboundKind
from oms.bootstrap import App
from tests.conftest import SAMPLES, make_user
from tests.integration.helpers import all_orders, answers_of, ingest
from tests.integration.test_web_security import login
from web.app import create_app

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()
# a code of the customer's we never saw, and a description that names none of our products
UNKNOWN_CODE = DEMO.replace(b"PIA+5+4712:BP", b"PIA+5+9999:BP").replace(
    b"IMD+F++:::Tuerca hexagonal M8 zincada'", b"IMD+F++:::Articulo segun su catalogo'"
)
# the same unknown code, but described well enough for Comanda to propose the product
DESCRIBED = DEMO.replace(b"PIA+5+4712:BP", b"PIA+5+9999:BP")


def resend(content: bytes, ref: bytes) -> bytes:
    """The customer's next interchange: a new control reference and new order numbers."""
    content = content.replace(b"+100001++ORDERS", b"+" + ref + b"++ORDERS")
    content = content.replace(b"UNZ+2+100001", b"UNZ+2+" + ref)
    return content.replace(b"PO-2026-0012", b"PO-" + ref + b"-")


def clerk(app: App, name: str = "ana", role: str = "clerk") -> tuple[TestClient, str]:
    make_user(app, name, role)
    client = TestClient(create_app(app), follow_redirects=False)
    return client, login(client, name)


def in_review(app: App) -> list[int]:
    return [o.id for o in all_orders(app) if o.state is OrderState.IN_REVIEW and o.id is not None]


def form_fields(html: str) -> dict[str, str]:
    """The order form as the browser would post it (inputs with a name and a value)."""
    form = html[html.index('id="order-form"') : html.index("</form>", html.index('id="order-form"'))]
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name[1]] = value[1] if value else ""
    return fields


def test_a_clerk_fixes_an_unknown_code_approves_and_the_next_order_resolves_itself(demo_app: App) -> None:
    doc = ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)

    queue = client.get("/review")
    assert (
        queue.status_code == 200 and f'/review/{order_id}"' in queue.text and "unknown_product" in queue.text
    )
    page = client.get(f"/review/{order_id}")
    assert page.status_code == 200 and "PO-2026-00123" in page.text
    assert 'class="seg"' in page.text  # the EDIFACT segments stand beside the fields
    assert client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf}).status_code == 200

    fields = form_fields(page.text)
    assert fields["lines-1-buyer_item_code"] == "9999" and fields["lines-1-sku"] == ""
    fields["lines-1-sku"] = "TUE-M8"
    fields["then"] = "approve"
    done = client.post(f"/review/{order_id}/save", data=fields)
    assert done.status_code == 303, done.text
    assert done.headers["location"] == f"/review/next?after={order_id}"

    with demo_app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        assert order.state is OrderState.ACCEPTED
        assert [line.sku for line in order.lines] == ["TOR-M8-40", "TUE-M8", "TAC-6"]
        events = [(e.action, e.field, e.before, e.after) for e in uow.review.audit(order_id)]
        assert ("edit", "lines[1].sku", None, "TUE-M8") in events
        assert ("learn", "customer_item", "9999", "TUE-M8") in events
        assert events[-1][0] == "approve"
        assert uow.master.sku_for_customer_code("C-1001", "9999") == "TUE-M8"
        assert uow.review.lock(order_id) is None  # released on approval
    answers = [
        m for m in answers_of(demo_app, doc) if m.kind is OutboundKind.ORDRSP and m.order_id == order_id
    ]
    assert len(answers) == 1 and b"BGM+231+" in answers[0].content and b"+29'" in answers[0].content

    again = ingest(demo_app, resend(UNKNOWN_CODE, b"100002"))
    with demo_app.uow() as uow:
        first = uow.orders.for_document(again)[0]
        assert first.state is OrderState.ACCEPTED, first.problems  # learned: no clerk needed
        assert first.lines[1].sku == "TUE-M8"


def test_a_second_clerk_cannot_edit_a_locked_order(demo_app: App) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    ana, ana_csrf = clerk(demo_app, "ana")
    ben, ben_csrf = clerk(demo_app, "ben")
    assert ana.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": ana_csrf}).status_code == 200
    taken = ben.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": ben_csrf})
    assert taken.status_code == 409 and taken.json()["holder"] == "ana"
    fields = form_fields(ben.get(f"/review/{order_id}").text)
    fields["csrf_token"] = ben_csrf
    fields["lines-1-sku"] = "TUE-M8"
    refused = ben.post(f"/review/{order_id}/save", data=fields)
    assert refused.status_code == 409 and "another clerk" in refused.text
    queue = ben.get("/review").text
    assert "<td>ana</td>" in queue  # the queue shows who holds it


def test_reject_needs_a_reason_and_answers_the_partner(demo_app: App) -> None:
    doc = ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    assert (
        client.post(f"/review/{order_id}/reject", data={"csrf_token": csrf, "reason": " "}).status_code == 409
    )
    done = client.post(f"/review/{order_id}/reject", data={"csrf_token": csrf, "reason": "discontinued item"})
    assert done.status_code == 303
    [answer] = [m for m in answers_of(demo_app, doc) if m.order_id == order_id]
    assert b"+27'" in answer.content  # BGM 1225 27: not accepted


def test_a_supervisor_undoes_what_was_learned(demo_app: App) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    fields = form_fields(client.get(f"/review/{order_id}").text)
    fields.update({"lines-1-sku": "TUE-M8", "then": "approve"})
    client.post(f"/review/{order_id}/save", data=fields)

    boss, boss_csrf = clerk(demo_app, "sofia", "supervisor")
    listing = boss.get("/review/learned")
    assert "9999" in listing.text and "TUE-M8" in listing.text
    item = re.search(r'action="/review/learned/(\d+)/undo"', listing.text)
    assert item is not None
    assert client.post(f"/review/learned/{item[1]}/undo", data={"csrf_token": csrf}).status_code == 403
    assert boss.post(f"/review/learned/{item[1]}/undo", data={"csrf_token": boss_csrf}).status_code == 303
    with demo_app.uow() as uow:
        assert uow.master.sku_for_customer_code("C-1001", "9999") is None
    assert "undone" in boss.get("/review/learned").text
    again = ingest(demo_app, resend(UNKNOWN_CODE, b"100003"))
    with demo_app.uow() as uow:
        assert uow.orders.for_document(again)[0].state is OrderState.IN_REVIEW


def test_lines_can_be_added_split_and_removed(demo_app: App) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    fields = form_fields(client.get(f"/review/{order_id}").text)
    fields["lines-1-removed"] = "1"  # remove the unknown line
    fields.update(
        {
            "lines-3-position": "",
            "lines-3-sku": "LLA-AJ-250",
            "lines-3-quantity": "2",
            "lines-3-unit_price": "12,80",
        }
    )
    fields.update(
        {
            "lines-0-quantity": "200",
            "lines-4-position": "",
            "lines-4-sku": "TOR-M8-40",
            "lines-4-quantity": "50",
        }
    )
    assert client.post(f"/review/{order_id}/save", data=fields).status_code == 303
    with demo_app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        got = [(ln.position, ln.sku, str(ln.quantity)) for ln in order.lines]
        assert got == [
            (1, "TOR-M8-40", "200"),
            (2, "TAC-6", "4"),
            (3, "LLA-AJ-250", "2"),
            (4, "TOR-M8-40", "50"),
        ]
        assert order.lines[2].unit_price == Decimal("12.80")  # decimal comma read as the mark
        assert not any(p["code"] == "unknown_product" for p in order.problems)


def test_a_proposed_product_is_confirmed_with_one_approval_and_learned(demo_app: App) -> None:
    ingest(demo_app, DESCRIBED)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    page = client.get(f"/review/{order_id}")
    assert "product_by_description" in page.text
    fields = form_fields(page.text)
    assert fields["lines-1-sku"] == "TUE-M8"  # proposed from the description, waiting for a person
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    fields["then"] = "approve"
    assert client.post(f"/review/{order_id}/save", data=fields).status_code == 303
    with demo_app.uow() as uow:
        assert uow.master.sku_for_customer_code("C-1001", "9999") == "TUE-M8"
    again = ingest(demo_app, resend(DESCRIBED, b"100004"))
    with demo_app.uow() as uow:
        assert uow.orders.for_document(again)[0].state is OrderState.ACCEPTED


def test_saving_the_form_records_only_the_fields_the_clerk_changed(demo_app: App) -> None:
    """The form shows the code the document printed (a GTIN) in "Their code" where the buyer gave no
    code of its own; posting it back unchanged is no correction."""
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    fields = form_fields(client.get(f"/review/{order_id}").text)
    with demo_app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        shown = [(line.buyer_item_code, line.item_code) for line in order.lines]
    assert any(buyer is None and printed for buyer, printed in shown)  # the case in question is there
    fields["lines-1-sku"] = "TUE-M8"
    assert client.post(f"/review/{order_id}/save", data=fields).status_code == 303
    with demo_app.uow() as uow:
        edits = [(e.field, e.before, e.after) for e in uow.review.audit(order_id) if e.action == "edit"]
        order = uow.orders.get(order_id)
        assert order is not None
        assert [(line.buyer_item_code, line.item_code) for line in order.lines] == shown
    assert edits == [("lines[1].sku", None, "TUE-M8")]
