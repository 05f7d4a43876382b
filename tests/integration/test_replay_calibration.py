"""Replay and calibration on a real (SQLite) history: an order a clerk fixed, then today's readers."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from core.capture.domain.documents import Channel, InboundDocument, ParseResult
from core.capture.services import calibration, review
from core.capture.services.replay import replay
from core.kernel.domain.model import Decision, OrderState
from oms.bootstrap import App
from samples.demo.seed import DEMO_WRITTEN, shift_dates
from tests.conftest import SAMPLES, make_user
from tests.integration.helpers import all_orders, answers_of, drain

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()
# the first order's second line names a code of the customer's we never saw: it waits for a clerk
UNKNOWN_CODE = DEMO.replace(b"PIA+5+4712:BP", b"PIA+5+9999:BP").replace(
    b"IMD+F++:::Tuerca hexagonal M8 zincada'", b"IMD+F++:::Articulo segun su catalogo'"
)
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def fix_and_approve(app: App, order_id: int, quantity: str) -> None:
    """A clerk maps the unknown code to its SKU, corrects line 2's quantity, and approves."""
    make_user(app, "ana")
    with app.uow() as uow:
        user = uow.users.by_name("ana")
        assert user is not None
        order = uow.orders.get(order_id)
        assert order is not None
        positions = [line.position for line in order.lines]
    review.acquire(app.uow(), order_id, user, NOW)
    edits = [review.LineEdit(p, {"sku": "TUE-M8", "quantity": quantity} if p == 2 else {}) for p in positions]
    review.save(app.uow(), order_id, user, NOW, {}, edits, app.validate)
    review.approve(app.uow(), order_id, user, NOW, app.answer)


def reader_setting_quantity(app: App, quantity: Decimal) -> object:
    """Today's reader, changed: it reads line 2 of the order in review with another quantity."""

    def read(doc: InboundDocument) -> ParseResult:
        result = app.read(doc)
        first = result.orders[0]
        lines = (first.lines[0], replace(first.lines[1], quantity=quantity), *first.lines[2:])
        return replace(result, orders=(replace(first, lines=lines), *result.orders[1:]))

    return read


def counts(app: App, doc_id: int) -> tuple[int, int, int]:
    with app.uow() as uow:
        audit = sum(len(uow.review.audit(o.id)) for o in uow.orders.list(limit=100) if o.id)
    return len(all_orders(app)), len(answers_of(app, doc_id)), audit


def ingest(app: App, content: bytes) -> int:
    """The interchange arrives on the app's own day (the demo day the interchange is dated), not the
    wall clock's: replay judges a document as on the day it arrived, so a wall-clock arrival would make
    the demo's delivery dates lie in the past once that day has gone by."""
    doc = InboundDocument(
        channel=Channel.EDI, content=content, received_at=app.clock(), original_name="orders.edi"
    )
    doc_id = app.submit(doc)
    drain(app)
    return doc_id


def test_replay_reports_what_would_change_and_changes_nothing(demo_app: App) -> None:
    doc_id = ingest(demo_app, UNKNOWN_CODE)
    [waiting] = [o for o in all_orders(demo_app) if o.state is OrderState.IN_REVIEW]
    assert waiting.id is not None
    fix_and_approve(demo_app, waiting.id, "300")  # the document says 250; the clerk knows better
    before = counts(demo_app, doc_id)

    # today's reader is the one that read it: the clerk's quantity is still not what it reads
    same = replay(demo_app.uow(), demo_app.read, demo_app.validate)
    assert same.documents == 1 and len(same.orders) == 2
    fixed = next(o for o in same.orders if o.order_id == waiting.id)
    assert fixed.corrected and fixed.decision_before == Decision.REVIEW
    assert not [c for c in fixed.changes if c.field != "lines[1].sku"]  # reads as on the first day
    assert [(c.field, c.before, c.after) for c in fixed.disagreements] == [
        ("lines[1].quantity", "300", "250")
    ]
    assert fixed.agrees_with_clerk is False
    # the code the clerk mapped was learned, so the line resolves now: not a reading change
    assert [(c.field, c.before, c.after) for c in fixed.changes] == [("lines[1].sku", None, "TUE-M8")]

    # a reader that now reads the clerk's quantity agrees with the clerk
    better = replay(demo_app.uow(), reader_setting_quantity(demo_app, Decimal("300")), demo_app.validate)
    fixed = next(o for o in better.orders if o.order_id == waiting.id)
    assert fixed.agrees_with_clerk is True and not fixed.false_accept_after
    assert ("lines[1].quantity", "250", "300") in [(c.field, c.before, c.after) for c in fixed.changes]
    assert better.summary()["now_agree_with_clerk"] == 1

    # one that reads it wrong and would accept it is reported as a false accept
    worse = replay(demo_app.uow(), reader_setting_quantity(demo_app, Decimal("7")), demo_app.validate)
    fixed = next(o for o in worse.orders if o.order_id == waiting.id)
    assert fixed.decision_after == Decision.ACCEPT  # the learned code resolves the only problem
    assert fixed.false_accept_after and worse.summary()["false_accepts_after"] == 1

    assert counts(demo_app, doc_id) == before  # no order, answer or audit entry was added


def test_replay_filters_by_channel_and_date(demo_app: App) -> None:
    ingest(demo_app, DEMO)
    assert replay(demo_app.uow(), demo_app.read, demo_app.validate, channel="fax").documents == 0
    later = datetime(2100, 1, 1, tzinfo=UTC)
    assert replay(demo_app.uow(), demo_app.read, demo_app.validate, since=later).documents == 0
    everything = replay(demo_app.uow(), demo_app.read, demo_app.validate, channel="edi")
    assert everything.documents == 1 and everything.touchless_before == everything.touchless_after == 1.0


def test_calibration_takes_a_clerks_correction_as_a_misread_at_the_confidence_capture_gave(
    demo_app: App,
) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [waiting] = [o for o in all_orders(demo_app) if o.state is OrderState.IN_REVIEW]
    assert waiting.id is not None
    given = waiting.confidence
    fix_and_approve(demo_app, waiting.id, "300")

    found = calibration.outcomes(demo_app.uow())
    checked = [o for o in found if o.checked]
    assert [(o.channel, o.confidence, o.right) for o in checked] == [("edi", given, False)]
    assert [o.checked for o in found].count(False) == 1  # the other order flowed on untouched
    [edi] = calibration.calibration(demo_app.uow())
    # its only checked order was misread, so no threshold would have kept history free of false accepts
    assert edi.checked == 1 and edi.safe_threshold is None


def test_the_commands_print_the_summary_and_write_the_report(tmp_path: Path) -> None:
    from tests.integration.test_cli import oms

    # the command runs on the wall clock: the interchange's dates are moved to today (as `oms db seed`
    # does), or once the demo's delivery dates lie in the past both orders wait for a clerk
    demo = tmp_path / "demo.edi"
    demo.write_bytes(shift_dates(UNKNOWN_CODE, (datetime.now(UTC).date() - DEMO_WRITTEN).days))
    for args in (
        ("import", "customers", str(SAMPLES / "masterdata" / "customers.csv")),
        ("import", "products", str(SAMPLES / "masterdata" / "products.csv")),
        ("import", "partners", str(SAMPLES / "masterdata" / "partners.csv")),
        ("ingest", str(demo), "--channel", "edi"),
    ):
        assert oms(tmp_path, *args).returncode == 0
    page = tmp_path / "replay.html"
    done = oms(tmp_path, "replay", "--channel", "edi", "--report", str(page))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout[: done.stdout.rindex("}") + 1])
    assert summary["documents"] == 1 and summary["orders"] == 2 and summary["false_accepts_after"] == 0
    html = page.read_text("utf-8")
    assert "Replay: today's readers" in html and "Nothing was changed" in html
    assert oms(tmp_path, "replay", "--since", "yesterday").returncode == 2  # not a date

    shown = oms(tmp_path, "calibration")
    assert shown.returncode == 0 and shown.stdout.startswith("edi: 0 checked")


def test_the_calibration_page_shows_each_channels_bands_and_threshold(demo_app: App) -> None:
    from tests.integration.test_review import clerk

    ingest(demo_app, UNKNOWN_CODE)
    [waiting] = [o for o in all_orders(demo_app) if o.state is OrderState.IN_REVIEW]
    assert waiting.id is not None
    fix_and_approve(demo_app, waiting.id, "300")
    client, _ = clerk(demo_app, "eva")
    page = client.get("/dashboard/calibration")
    assert page.status_code == 200
    assert "<h2>edi</h2>" in page.text and "No threshold" in page.text  # its one checked order was misread
    assert client.get("/dashboard").text.count('href="/dashboard/calibration"') == 1
