"""The same order on two channels is caught and linked; the decision policy comes from the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.capture.domain.documents import Channel
from core.kernel.domain.model import Decision, OrderState
from oms.bootstrap import App
from samples.orders_gen.generate import make, render
from samples.orders_gen.master import customers
from tests.conftest import ROOT, SAMPLES
from tests.integration.helpers import arrive, drain, ingest, orders_of

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


def pdf_order(po_number: str, customer_id: str = "C-1001") -> bytes:
    spec = make("ruled", "dup:1")
    spec.customer = customers()[customer_id]
    spec.po_number = po_number
    return render(spec, 1).pdf


def test_an_edi_order_sent_again_as_a_pdf_is_caught_and_linked(demo_app: App) -> None:
    first = ingest(demo_app, DEMO)
    original = orders_of(demo_app, first)[0]
    assert original.po_number == "PO-2026-00123"
    doc = arrive(demo_app, pdf_order("PO-2026-00123"), "pedido.pdf", Channel.UPLOAD)
    drain(demo_app)
    [again] = orders_of(demo_app, doc)
    assert again.customer_id == "C-1001"
    assert again.state is OrderState.IN_REVIEW and again.decision is Decision.REVIEW
    assert again.duplicate_of == original.id
    [problem] = [p for p in again.problems if p["code"] == "duplicate_order"]
    assert f"order {original.id}" in str(problem["message"])


def test_another_order_number_from_the_same_customer_is_no_duplicate(demo_app: App) -> None:
    ingest(demo_app, DEMO)
    doc = arrive(demo_app, pdf_order("PO-2026-00999"), "pedido.pdf", Channel.UPLOAD)
    drain(demo_app)
    [other] = orders_of(demo_app, doc)
    assert other.duplicate_of is None
    assert "duplicate_order" not in {p["code"] for p in other.problems}


def test_policies_set_with_the_command_line_steer_the_decision(demo_app: App, tmp_path: Path) -> None:
    env = {"OMS_DATA_DIR": str(demo_app.settings.data_dir), "PATH": "/usr/bin:/bin"}
    env["OMS_DATABASE_URL"] = demo_app.settings.database_url

    def oms(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "oms.cli", "policy", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "review_new_customers=True" in oms("set", "--review-new-customers")
    shown = oms("set", "--customer", "C-2001", "--always-review")
    assert "customer:C-2001: always_review=True" in shown and "default: review_new_customers=True" in shown
    first = orders_of(demo_app, ingest(demo_app, DEMO))
    assert [o.state for o in first] == [OrderState.IN_REVIEW, OrderState.IN_REVIEW]  # a customer's first
    assert {p["code"] for o in first for p in o.problems} == {"new_customer"}
    later = DEMO.replace(b"+100001++ORDERS", b"+100009++ORDERS").replace(b"UNZ+2+100001", b"UNZ+2+100009")
    later = later.replace(b"PO-2026-00123", b"PO-2026-00200").replace(b"PO-2026-00124", b"PO-2026-00201")
    # other quantities too: the same lines again within days would be caught as a duplicate
    later = later.replace(b"QTY+21:250:PCE", b"QTY+21:300:PCE").replace(b"QTY+21:6:PCE", b"QTY+21:7:PCE")
    second = orders_of(demo_app, ingest(demo_app, later))
    assert [o.state for o in second] == [OrderState.ACCEPTED, OrderState.ACCEPTED]  # known by now
    assert "default" not in oms("clear")


def test_the_same_lines_again_are_a_duplicate_only_on_another_channel(demo_app: App) -> None:
    first = orders_of(demo_app, ingest(demo_app, DEMO))
    renumbered = DEMO.replace(b"+100001++ORDERS", b"+100010++ORDERS").replace(
        b"UNZ+2+100001", b"UNZ+2+100010"
    )
    renumbered = renumbered.replace(b"PO-2026-00123", b"PO-2026-00300").replace(
        b"PO-2026-00124", b"PO-2026-00301"
    )
    routine = orders_of(demo_app, ingest(demo_app, renumbered))  # same lines, new numbers, same channel
    assert [o.duplicate_of for o in routine] == [None, None]
    by_mail = renumbered.replace(b"+100010++ORDERS", b"+100011++ORDERS").replace(
        b"UNZ+2+100010", b"UNZ+2+100011"
    )
    by_mail = by_mail.replace(b"PO-2026-00300", b"PO-2026-00400").replace(b"PO-2026-00301", b"PO-2026-00401")
    doc = arrive(demo_app, by_mail, "orders.edi", Channel.EMAIL)  # the same again, sent by e-mail
    drain(demo_app)
    again = orders_of(demo_app, doc)
    assert [o.duplicate_of for o in again] == [first[0].id, first[1].id]
    assert all(o.state is OrderState.IN_REVIEW for o in again)
