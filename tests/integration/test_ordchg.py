"""A buyer's ORDCHG interchange changes the order it names, and is answered with an ORDRSP "changed"."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OrderState, OutboundKind
from oms.bootstrap import App
from tests.integration.helpers import arrive, document, orders_of
from tests.integration.lifecycle_support import demo_orders, drain_all, set_up_shop
from tests.integration.test_lifecycle_flow import outbound


def ordchg(ref: str, po: str, lines: list[tuple[str, str, str]]) -> bytes:
    """An ORDCHG (D96A) from Ferretería Núñez changing `po`: (line number, GTIN, quantity) each."""
    body = [
        "UNH+1+ORDCHG:D:96A:UN:EAN008'",
        f"BGM+230+{po}+4'",
        "DTM+137:20261126:102'",
        "NAD+BY+8437000100010::9'",
        "NAD+SU+8437000999997::9'",
    ]
    for line_no, gtin, qty in lines:
        body += [f"LIN+{line_no}+3+{gtin}:EN'", f"QTY+21:{qty}:PCE'"]
    body += ["UNS+S'"]
    text = (
        f"UNB+UNOC:3+8437000100010:14+8437000999997:14+261126:1000+{ref}'"
        + "".join(body)
        + f"UNT+{len(body) + 1}+1'UNZ+1+{ref}'"
    )
    return text.encode("latin-1")


def test_an_ordchg_changes_the_original_order(demo_app: App) -> None:
    set_up_shop(demo_app)
    first, _ = demo_orders(demo_app)
    demo_app.lifecycle.service.start([first], "clerk")
    doc = arrive(demo_app, ordchg("200001", "PO-2026-00123", [("1", "8437000100102", "300")]))
    drain_all(demo_app)
    record = document(demo_app, doc)
    assert record.state is DocumentState.PROCESSED, record.error
    assert [p["code"] for p in record.problems] == ["change_applied"]
    assert orders_of(demo_app, doc) == []  # a change is not a new order
    with demo_app.uow() as uow:
        changed = uow.orders.get(first)
        assert changed is not None
        assert changed.lines[0].quantity == Decimal(300)
    [answer] = [m for m in outbound(demo_app, first) if m.kind is OutboundKind.ORDRSP and b"+4'" in m.content]
    assert b"BGM+231+" in answer.content and b"QTY+21:300" in answer.content


def test_a_change_to_an_unknown_order_waits_for_a_clerk(demo_app: App) -> None:
    doc = arrive(demo_app, ordchg("200002", "PO-NOPE", [("1", "8437000100102", "5")]))
    drain_all(demo_app)
    [kept] = orders_of(demo_app, doc)
    assert kept.state is OrderState.IN_REVIEW
    assert "change_not_applied" in {p["code"] for p in kept.problems}
