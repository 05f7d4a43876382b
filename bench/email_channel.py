"""The e-mail channel: reading accuracy per kind of e-mail, and e-mails per second through SMTP.

Accuracy, on generated e-mails of each kind (order typed in the body, and XLSX/CSV sheet attached:
samples/mail_gen; PDF attached and scan attached: samples/orders_gen, the scan through
samples/faxsim), read and validated against the demo master data exactly as ingestion does:

- line accuracy: the share of the true lines (SKU and quantity) found among the order's lines;
- touchless rate: the share of the e-mails that should flow on untouched and were accepted;
- false accepts: e-mails accepted although they must not be (unknown or spoofed sender, an article
  we do not sell) or whose accepted order differs from the truth in customer, order number or lines.

Throughput: body-order e-mails sent with smtplib to the running receiver, timed from the first
message sent to the last order committed (and, separately, to the last reply sent: the reply is
rendered by its own job), against bare SMTP delivery to a handler that stores nothing (aiosmtpd),
measured in the same run.  Aims: >= 98 % of lines right on body and PDF e-mails,
zero false accepts.
"""

from __future__ import annotations

import os
import smtplib
import socket
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from core.capture.domain.documents import Channel, InboundDocument
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import Decision
from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from oms.tasks import settle_heap
from samples import mail_gen

ROOT = Path(__file__).resolve().parents[1]
DAY = datetime(2026, 11, 26, 9, tzinfo=UTC)
BODY_MAILS = int(os.environ.get("BENCH_EMAILS", "300"))
ATTACHED = int(os.environ.get("BENCH_ATTACHED", "40"))
THROUGHPUT_MAILS = int(os.environ.get("BENCH_SMTP_MAILS", "200"))


@dataclass
class Case:
    raw: bytes
    sender: str
    customer_id: str | None
    po_number: str | None
    lines: tuple[tuple[str, Decimal], ...]
    acceptable: bool
    delivery: date | None = None  # the requested delivery date the mail states (body orders)


@dataclass
class Score:
    mails: int = 0
    true_lines: int = 0
    right_lines: int = 0
    should_accept: int = 0
    accepted_right: int = 0
    false_accepts: int = 0
    unread: int = 0
    header_total: int = 0  # customer, order number and delivery date, where the truth states them
    header_right: int = 0

    def header_accuracy(self) -> float:
        return self.header_right / self.header_total if self.header_total else 0.0

    def line_accuracy(self) -> float:
        return self.right_lines / self.true_lines if self.true_lines else 0.0

    def touchless(self) -> float:
        return self.accepted_right / self.should_accept if self.should_accept else 0.0


def mail_bench_app(data_dir: Path, **settings: Any) -> App:
    app = bootstrap(
        Settings(
            data_dir=data_dir,
            database_url=f"sqlite:///{data_dir / 'oms.db'}",
            broker_url="memory://",
            **settings,
        ),
        clock=lambda: DAY,
    )
    app.upgrade_database()
    for kind in ("customers", "products", "customer-items"):
        import_csv(app.uow(), kind, (ROOT / "samples" / "masterdata" / f"{kind}.csv").read_text("utf-8"))
    return app


def score(app: App, cases: Iterable[Case]) -> Score:
    result = Score()
    with app.uow() as uow:
        for case in cases:
            result.mails += 1
            doc = InboundDocument(
                Channel.EMAIL, case.raw, DAY, sender=case.sender, media_type="message/rfc822"
            )
            read = app.read(doc)
            resolved = [app.validate(o, uow.master, DAY.date()) for o in read.orders]
            result.unread += not resolved
            found = Counter(
                (sku, line.quantity)
                for r in resolved
                for sku, line in zip(r.skus, r.captured.lines, strict=True)
            )
            truth = Counter(case.lines)
            result.true_lines += sum(truth.values())
            result.right_lines += sum((truth & found).values())
            accepted = len(resolved) == 1 and resolved[0].decision is Decision.ACCEPT
            exact = (
                accepted
                and found == truth
                and resolved[0].customer_id == case.customer_id
                and (case.po_number is None or resolved[0].captured.po_number == case.po_number)
            )
            _score_header(result, case, resolved[0] if len(resolved) == 1 else None)
            result.should_accept += case.acceptable
            result.accepted_right += case.acceptable and exact
            result.false_accepts += accepted and not (case.acceptable and exact)
    return result


def _score_header(result: Score, case: Case, read: Any) -> None:
    """Header fields of an e-mail that should be read (an acceptable one): each the truth states."""
    if not case.acceptable:
        return
    wanted: list[tuple[object, object]] = [(case.customer_id, read.customer_id if read else None)]
    if case.po_number is not None:
        wanted.append((case.po_number, read.captured.po_number if read else None))
    if case.delivery is not None:
        wanted.append((case.delivery, read.captured.requested_delivery_date if read else None))
    result.header_total += len(wanted)
    result.header_right += sum(1 for want, got in wanted if want == got)


def generated_cases(mails: list[mail_gen.GeneratedMail]) -> list[Case]:
    return [
        Case(
            m.raw,
            m.envelope_sender,
            m.truth.customer_id,
            m.truth.po_number,
            m.truth.lines,
            m.truth.acceptable,
            m.truth.delivery,
        )
        for m in mails
    ]


def attached_cases(count: int, scan: bool) -> list[Case] | None:
    try:
        from samples.orders_gen import generate
    except ImportError:
        return None
    out = []
    for i, order in enumerate(generate(count, seed=11, today=DAY.date())):
        content, name, media = order.pdf, f"{order.name}.pdf", "application/pdf"
        if scan:
            from samples.faxsim import FaxLine, fax_tiff

            content, name, media = fax_tiff(order.pdf, FaxLine(seed=i)), f"scan-{i}.tif", "image/tiff"
        truth = order.truth
        raw, sender = mail_gen.with_attachment(i, truth["customer_id"], order.language, name, media, content)
        lines = tuple((ln["sku"], Decimal(ln["quantity"])) for ln in truth["lines"])
        out.append(Case(raw, sender, truth["customer_id"], truth["po_number"], lines, True))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def send_all(port: int, messages: list[tuple[str, bytes]]) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
        for sender, raw in messages:
            smtp.sendmail(sender, ["pedidos@comanda.example"], raw)


class _Null:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 OK"


def bare_smtp_seconds(messages: list[tuple[str, bytes]]) -> float:
    port = free_port()
    controller = Controller(_Null(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        start = time.perf_counter()
        send_all(port, messages)
        return time.perf_counter() - start
    finally:
        controller.stop()


def smtp_to_orders_seconds(data_dir: Path, messages: list[tuple[str, bytes]], expected: int) -> float:
    return smtp_to_orders_and_replies_seconds(data_dir, messages, expected)[0]


def smtp_to_orders_and_replies_seconds(
    data_dir: Path, messages: list[tuple[str, bytes]], expected: int
) -> tuple[float, float]:
    """Seconds from the first message sent to the last order stored, and to the last reply sent
    (rendered by its own job, after the order is stored)."""
    from ingest.smtp import SmtpReceiver

    app = mail_bench_app(data_dir, worker_threads=2)
    settle_heap()  # as `oms run` and `oms worker` do before they take jobs
    receiver = SmtpReceiver("127.0.0.1", free_port(), app.submit, app.clock, 20 * 2**20)
    receiver.start()
    worker = app.worker()
    worker.start()
    try:
        start = time.perf_counter()
        send_all(receiver.port, messages)
        _wait(lambda: _orders(app) >= expected, 600)
        stored = time.perf_counter() - start
        _wait(lambda: _pending_answers(app) == 0, 600)
        return stored, time.perf_counter() - start
    finally:
        worker.stop()
        receiver.stop()
        app.close()


def _orders(app: App) -> int:
    with app.uow() as uow:
        return uow.orders.count()


def _pending_answers(app: App) -> int:
    from sqlalchemy import func, select

    from core.kernel.adapters.orm import outbound_messages
    from core.kernel.domain.model import OutboundState

    with app.uow() as uow:
        stmt = select(func.count()).where(outbound_messages.c.state == OutboundState.PENDING)
        return int(uow.session.scalar(stmt) or 0)


def _wait(done: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the orders did not all arrive")
        time.sleep(0.02)


def _report(kind: str, result: Score | None) -> None:
    if result is None:
        print(f"  {kind:<14} n/a (samples/orders_gen is not there)")
        return
    print(
        f"  {kind:<14} {result.mails:>4} e-mails  header {result.header_accuracy():6.1%}"
        f"  lines right {result.line_accuracy():6.1%}"
        f" ({result.right_lines}/{result.true_lines})  touchless {result.touchless():6.1%}"
        f"  false accepts {result.false_accepts}  unread {result.unread}"
    )


def main() -> None:
    print("E-mail channel")
    with tempfile.TemporaryDirectory() as tmp:
        app = mail_bench_app(Path(tmp))
        try:
            _report("body", score(app, generated_cases(mail_gen.body_orders(BODY_MAILS, 7, DAY.date()))))
            sheets = generated_cases(mail_gen.sheet_orders(ATTACHED, 13, DAY.date()))
            _report("sheet attached", score(app, sheets))
            pdf = attached_cases(ATTACHED, scan=False)
            _report("PDF attached", score(app, pdf) if pdf is not None else None)
            scans = attached_cases(max(ATTACHED // 4, 5), scan=True)
            _report("scan attached", score(app, scans) if scans is not None else None)
        finally:
            app.close()
    mails = mail_gen.body_orders(THROUGHPUT_MAILS, seed=99, day=DAY.date())
    messages = [(m.envelope_sender, m.raw) for m in mails]
    with tempfile.TemporaryDirectory() as tmp:
        expected = expected_orders(Path(tmp) / "count", mails)
        bare = min(bare_smtp_seconds(messages) for _ in range(3))
        full, replied = smtp_to_orders_and_replies_seconds(Path(tmp) / "run", messages, expected)
    print(
        f"  SMTP to stored order: {len(messages) / full:7.1f} e-mails/s ({len(messages)} body orders,"
        f" {full:.2f} s); bare SMTP to a null handler {len(messages) / bare:7.1f}/s; ratio {bare / full:.3f}"
    )
    print(
        f"  ... and every reply rendered and sent: {len(messages) / replied:7.1f} e-mails/s"
        f" ({replied:.2f} s); ratio {bare / replied:.3f}"
    )


def expected_orders(data_dir: Path, mails: list[mail_gen.GeneratedMail]) -> int:
    data_dir.mkdir(parents=True)
    app = mail_bench_app(data_dir)
    try:
        docs = [InboundDocument(Channel.EMAIL, m.raw, DAY, sender=m.envelope_sender) for m in mails]
        return sum(1 for d in docs if app.read(d).orders)
    finally:
        app.close()


if __name__ == "__main__":
    main()
