"""A partner's control references are taken after its answers are written, on PostgreSQL.

The ORDRSPs (and CONTRLs) answering an interchange carry the partner's next control references. The
partner's row used to be locked from the moment the answers were made to the commit, so every other
transaction answering that partner waited for the rendering. Now the answers are written with the
numbers as read, and the numbers are taken by one conditional `UPDATE` just before the commit; if
another transaction took numbers meanwhile, the answers are written again with the next free ones.
Either way the numbers stay gapless and are never used twice.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core.capture.domain.documents import DocumentState
from core.capture.services import review
from core.kernel.domain.model import Decision, OutboundKind, OutboundMessage
from core.kernel.domain.users import Role
from core.kernel.services import auth
from oms.bootstrap import App
from outbound.edifact.answers import EdifactAnswers
from samples.edifact_gen import BUYER, orders_interchange
from tests.conftest import load_demo_master_data, make_app
from tests.integration.helpers import answers_of, arrive, document, orders_of

pytestmark = pytest.mark.integration


@pytest.fixture
def app(tmp_path: Path, pg_url: str) -> Iterator[App]:
    application = make_app(tmp_path, pg_url)
    load_demo_master_data(application)
    yield application
    application.close()


def next_ref(app: App) -> int:
    with app.uow() as uow:
        partner = uow.partners.get(BUYER)
        assert partner is not None
        return partner.next_control_ref


def interchange(app: App, control_ref: str, *, ack: bool = False) -> int:
    """Three orders under `control_ref`, their order numbers its own: two interchanges are two sets of
    orders, never duplicates of each other, whichever is decided first."""
    return arrive(
        app,
        orders_interchange(
            3,
            2,
            control_ref=control_ref,
            order_day=app.clock().date(),
            ack=ack,
            po_prefix=f"PO-{control_ref}",
        ),
        f"{control_ref}.edi",
    )


def unb_ref(message: OutboundMessage) -> str:
    """The control reference the interchange itself carries (UNB 0020), and UNZ repeats."""
    body = message.content.decode("latin-1")
    unb = re.search(r"UNB\+[^']*?\+[^+']*\+[^+']*\+[^+']*\+([^+']+)", body)
    unz = re.search(r"UNZ\+\d+\+([^']+)'", body)
    assert unb is not None and unz is not None
    assert unb.group(1) == unz.group(1)
    return unb.group(1)


def pause_first_ordrsp(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event, list[str]]:
    """ORDRSP writing that records each control reference it is given and, the first time, says so
    (`writing`) and waits (for `resume`) while another transaction runs."""
    writing, resume = threading.Event(), threading.Event()
    real = EdifactAnswers.order_responses
    calls: list[str] = []

    def paused(self, orders, partner, control_ref, now):  # type: ignore[no-untyped-def]
        calls.append(control_ref)
        if len(calls) == 1:
            writing.set()
            assert resume.wait(120)
        return real(self, orders, partner, control_ref, now)

    monkeypatch.setattr(EdifactAnswers, "order_responses", paused)
    return writing, resume, calls


def take_number_meanwhile(app: App, first: int) -> None:
    """Another transaction answering the same partner: the partner's row is not locked (NOWAIT raises
    at once if it is), the first transaction has taken nothing yet, and this one takes the next
    number and commits."""
    other = create_engine(app.settings.database_url)
    try:
        with other.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '1ms'"))
            row = conn.execute(
                text("SELECT next_control_ref FROM partners WHERE partner_id = :p FOR UPDATE NOWAIT"),
                {"p": BUYER},
            ).one()
            assert row.next_control_ref == first
            conn.execute(
                text("UPDATE partners SET next_control_ref = :n WHERE partner_id = :p"),
                {"n": first + 1, "p": BUYER},
            )
    finally:
        other.dispose()


def test_the_row_is_free_while_the_answers_are_written(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    first = next_ref(app)
    doc_id = interchange(app, "700001")
    writing, resume, calls = pause_first_ordrsp(monkeypatch)
    states: list[DocumentState] = []
    worker = threading.Thread(target=lambda: states.append(app.process(doc_id)))
    worker.start()
    try:
        assert writing.wait(120)
        take_number_meanwhile(app, first)
    finally:
        resume.set()
        worker.join(120)
    assert states == [DocumentState.PROCESSED]
    # written first with the number as read, then again with the next free one under the lock
    assert calls == [str(first), str(first + 1)]
    (answer,) = answers_of(app, doc_id)
    assert answer.kind is OutboundKind.ORDRSP and answer.control_ref == str(first + 1)
    assert unb_ref(answer) == str(first + 1) and answer.filename.endswith(f"_{first + 1}.edi")
    assert next_ref(app) == first + 2


def test_two_interchanges_of_one_partner_at_once_get_gapless_distinct_numbers(app: App) -> None:
    first = next_ref(app)
    docs = [interchange(app, "700011", ack=True), interchange(app, "700012", ack=True)]
    barrier = threading.Barrier(2)
    states: list[DocumentState] = []

    def process(doc_id: int) -> None:
        barrier.wait()
        states.append(app.process(doc_id))

    threads = [threading.Thread(target=process, args=(d,)) for d in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert states == [DocumentState.PROCESSED] * 2, [document(app, d).error for d in docs]
    answers = [a for d in docs for a in answers_of(app, d)]
    # each interchange owes a CONTRL (it asked for one) and one ORDRSP interchange for its 3 orders
    kinds = sorted(str(a.kind) for a in answers)
    assert kinds == sorted([str(OutboundKind.CONTRL), str(OutboundKind.ORDRSP)] * 2)
    refs = sorted(int(a.control_ref or 0) for a in answers)
    assert refs == [first, first + 1, first + 2, first + 3]  # gapless, none twice
    for a in answers:
        assert unb_ref(a) == a.control_ref and a.filename.endswith(f"_{a.control_ref}.edi")
    for d in docs:  # one transaction's numbers are consecutive: its CONTRL then its ORDRSPs
        mine = sorted(int(a.control_ref or 0) for a in answers_of(app, d))
        assert mine[1] == mine[0] + 1
    assert next_ref(app) == first + 4


def test_a_review_approval_leaves_the_row_free_while_its_ordrsp_is_written(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clerk approving an order of this partner renders its ORDRSP before taking its number: while
    it is written another transaction locks the partner's row at once (NOWAIT) and takes a number;
    the approval then answers with the next free one, and nothing is numbered twice or skipped."""
    # one order whose price is far from the list price: capture sends it to a clerk, unanswered
    content = orders_interchange(1, 2, control_ref="700021", order_day=app.clock().date())
    content = re.sub(rb"PRI\+AAA:[0-9.]+'", b"PRI+AAA:999.99'", content, count=1)
    doc_id = arrive(app, content, "700021.edi")
    app.process(doc_id)
    (order,) = orders_of(app, doc_id)
    assert order.id is not None and order.decision is Decision.REVIEW
    assert [a.kind for a in answers_of(app, doc_id)] == []  # no ORDRSP until the clerk decides
    first = next_ref(app)
    clerk = auth.create_user(app.uow(), "rosa", "a long enough password", Role.CLERK, app.clock())
    review.acquire(app.uow(), order.id, clerk, app.clock())
    writing, resume, calls = pause_first_ordrsp(monkeypatch)
    failures: list[BaseException] = []

    def approve() -> None:
        try:
            review.approve(app.uow(), order.id or 0, clerk, app.clock(), app.answer)
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=approve)
    worker.start()
    try:
        assert writing.wait(120)
        take_number_meanwhile(app, first)
    finally:
        resume.set()
        worker.join(120)
    assert failures == []
    assert calls == [str(first), str(first + 1)]  # written with the number read, then the next free one
    (answer,) = answers_of(app, doc_id)
    assert answer.kind is OutboundKind.ORDRSP and answer.control_ref == str(first + 1)
    assert unb_ref(answer) == str(first + 1)
    assert next_ref(app) == first + 2
