"""E-mails stored while a worker was busy are read and stored together by one processing job (the
collector), each with its own outcome: one order per e-mail, one reply each, sent once, the accents of
the Spanish original kept; a refused e-mail quarantined alone; a worker dying in the middle of the batch
doubling nothing."""

from __future__ import annotations

import contextlib
import email
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import event

from core.capture.domain.documents import Channel, DocumentState, InboundDocument, ParseResult
from core.kernel.domain.model import OutboundState
from oms.bootstrap import App
from tests.conftest import fixed_clock, make_app
from tests.integration.helpers import answers_of, document, orders_of

pytestmark = pytest.mark.integration
CUSTOMER = "pedidos@ferreterianunez.es"


def order_mail(n: int, note: str = "") -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = f"Ana Núñez <{CUSTOMER}>"
    msg["To"] = "pedidos@comanda.example"
    msg["Subject"] = f"Pedido PO-2026-09{n:02d} – señal de ñandú"
    msg["Date"] = "Thu, 26 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = f"<po9{n:02d}@ferreterianunez.es>"
    msg.set_content(f"Hola,\n\n* 10 x TOR-M8-40{note}\n* {n + 1} cajas de TAC-6\n\nGracias,\nAna\n")
    return msg.as_bytes()


def store(app: App, raw: bytes) -> int:
    """The SMTP receiver's step: the bytes stored (what the 250 waits for), nothing read yet."""
    return app.submit(InboundDocument(Channel.EMAIL, raw, fixed_clock(), sender=CUSTOMER))


def run_queued(app: App, skip: str = "") -> None:
    """The jobs the in-process queue holds, in this thread, until none is left (but `skip`'s)."""
    from dramatiq import Message

    broker = app.broker
    ran = True
    while ran:
        ran = False
        for queue in list(broker.queues.values()):  # type: ignore[attr-defined]
            while not queue.empty():
                message = Message.decode(queue.get())
                queue.task_done()
                if message.actor_name != skip:
                    broker.get_actor(message.actor_name).fn(*message.args, **message.kwargs)
                    ran = True


def one_spanish_reply(app: App, doc_id: int, n: int) -> None:
    (reply,) = answers_of(app, doc_id)
    assert reply.state is OutboundState.SENT and reply.content is not None
    mail = email.message_from_bytes(reply.content, policy=policy.default)
    assert mail["Subject"] == f"Re: Pedido PO-2026-09{n:02d} – señal de ñandú"
    assert mail["In-Reply-To"] == f"<po9{n:02d}@ferreterianunez.es>"
    assert "Buenos días:" in mail.get_body(("plain",)).get_content()


def test_one_job_reads_the_waiting_e_mails_each_its_order_and_one_reply(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(4)]
    app.broker.flush_all()  # type: ignore[attr-defined]  # only the first e-mail's job runs
    assert app.process(ids[0]) is DocumentState.PROCESSED
    # the other three were waiting: the same job read them
    assert [document(app, i).state for i in ids] == [DocumentState.PROCESSED] * 4
    for n, doc_id in enumerate(ids):
        (order,) = orders_of(app, doc_id)
        assert order.po_number == f"PO-2026-09{n:02d}"
        assert [line.quantity for line in order.lines] == [10, n + 1]
    run_queued(app)
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)
    # their own jobs, run late (a redelivery, the sweep), find them finished and change nothing
    for doc_id in ids:
        assert app.process(doc_id) is DocumentState.PROCESSED
        assert app.render_answers(doc_id) == 0
    assert [len(orders_of(app, i)) for i in ids] == [1, 1, 1, 1]
    assert [len(answers_of(app, i)) for i in ids] == [1, 1, 1, 1]


_BY_ID = re.compile(r"FROM documents\s+WHERE documents\.id (=|IN)", re.IGNORECASE)
_BYTES = re.compile(r"SELECT (blobs\.sha256, )?blobs\.content\s+FROM blobs", re.IGNORECASE)


@contextlib.contextmanager
def rows_read_by_id(app: App, pattern: re.Pattern[str] = _BY_ID) -> Iterator[list[str]]:
    """The statements that read whole document rows by their ids (or `pattern`), while the block runs."""
    read: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if pattern.search(statement):
            read.append(statement)

    event.listen(app.engine, "before_cursor_execute", seen)
    try:
        yield read
    finally:
        event.remove(app.engine, "before_cursor_execute", seen)


def test_a_batchs_document_rows_are_read_at_once_to_store_and_to_render(demo_app_each_db: App) -> None:
    """Storing the batch reads its five rows (locked) in one statement after the job's own row, and
    the render job its five documents in one: not one statement a document, whatever the batch's size."""
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(5)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    with rows_read_by_id(app) as processing:
        assert app.process(ids[0]) is DocumentState.PROCESSED
    assert len(processing) == 2  # the job's own row taken up, then the batch's rows to store
    with rows_read_by_id(app) as rendering:
        app.render_answers(ids)
    assert len(rendering) == 1
    for n, doc_id in enumerate(ids):
        one_spanish_reply(app, doc_id, n)


def test_the_e_mails_a_job_collects_are_fetched_in_one_statement(demo_app_each_db: App) -> None:
    """The job's own e-mail's bytes, then the four it collects at once: two reads of stored bytes,
    not one an e-mail; each is still read as its own order."""
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(5)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    with rows_read_by_id(app, _BYTES) as fetched:
        assert app.process(ids[0]) is DocumentState.PROCESSED
    assert len(fetched) == 2
    for n, doc_id in enumerate(ids):
        (order,) = orders_of(app, doc_id)
        assert order.po_number == f"PO-2026-09{n:02d}" and [ln.quantity for ln in order.lines] == [10, n + 1]


def test_the_same_e_mail_twice_in_one_batch_makes_one_order(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    first, again, other = store(app, order_mail(1)), store(app, order_mail(1)), store(app, order_mail(2))
    app.process(first)
    assert document(app, again).state is DocumentState.DUPLICATE
    assert document(app, again).duplicate_of == first
    assert [len(orders_of(app, i)) for i in (first, again, other)] == [1, 0, 1]


def test_one_order_mailed_twice_under_two_message_ids_in_one_batch_makes_one_order(
    demo_app_each_db: App,
) -> None:
    """The customer sends the same order again as a new message (another Message-ID, so not a copy of
    the bytes): read together by one job, the second e-mail's order is the first's, not a second one."""
    app = demo_app_each_db
    again = order_mail(7).replace(b"<po907@ferreterianunez.es>", b"<po907-otra-vez@ferreterianunez.es>")
    assert again != order_mail(7)
    first, second = store(app, order_mail(7)), store(app, again)
    app.process(first)
    assert document(app, second).state is not DocumentState.RECEIVED  # the first one's job read it too
    orders = [o for i in (first, second) for o in orders_of(app, i)]
    assert [o.po_number for o in orders if o.duplicate_of is None] == ["PO-2026-0907"]


def test_an_e_mail_the_database_refuses_is_quarantined_alone_the_others_stored_and_answered(
    pg_demo_app: App,
) -> None:
    app = pg_demo_app
    # PostgreSQL's text holds no NUL: the second e-mail's line note cannot be stored
    ids = [store(app, order_mail(n, " (nota: \x00)" if n == 1 else "")) for n in range(3)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    app.process(ids[0])
    run_queued(app)  # what that job queued again
    assert [document(app, i).state for i in ids] == [
        DocumentState.PROCESSED,
        DocumentState.QUARANTINED,
        DocumentState.PROCESSED,
    ]
    assert "could not store" in (document(app, ids[1]).error or "")
    assert [len(orders_of(app, i)) for i in ids] == [1, 0, 1]
    one_spanish_reply(app, ids[0], 0)
    one_spanish_reply(app, ids[2], 2)
    assert answers_of(app, ids[1]) == []


class Killed(BaseException):
    """The worker dies (SIGKILL, the machine off): nothing of the job after this point runs."""


def test_a_worker_dying_in_the_middle_of_a_batch_loses_and_doubles_nothing(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(4)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    deadly = document(app, ids[2]).sha256
    read = app.read

    def dies_on_the_third(doc: InboundDocument) -> ParseResult:
        if doc.sha256 == deadly:
            raise Killed
        return read(doc)

    app.read = dies_on_the_third
    with pytest.raises(Killed):
        app.process(ids[0])
    # all four were taken up together; nothing of the batch was stored
    assert [document(app, i).state for i in ids] == [DocumentState.PROCESSING] * 4
    assert [len(orders_of(app, i)) for i in ids] == [0, 0, 0, 0]
    # start-up queues every unfinished document again; each is taken up alone now, and the one that
    # kills its worker every time is given up on by itself, not with its neighbours
    for _ in range(app.settings.max_attempts):
        app.requeue_unfinished(everything=True)
        with contextlib.suppress(Killed):  # the worker that read it dies again
            run_queued(app)
    assert [document(app, i).state for i in ids] == [
        DocumentState.PROCESSED,
        DocumentState.PROCESSED,
        DocumentState.QUARANTINED,
        DocumentState.PROCESSED,
    ]
    run_queued(app)
    for n in (0, 1, 3):
        assert len(orders_of(app, ids[n])) == 1
        one_spanish_reply(app, ids[n], n)
    assert orders_of(app, ids[2]) == [] and answers_of(app, ids[2]) == []


@pytest.mark.parametrize("threads", [1, 2, 4, 8, 16])
def test_every_worker_threads_batch_at_once_fits_in_the_connection_pool(
    tmp_path: Path, pg_url: str, threads: int
) -> None:
    # on PostgreSQL a batch holds a connection per e-mail it claims, its job's transaction one more;
    # the periodic sweep one: all threads collecting at once must not wait for the pool (30). Where
    # even one e-mail a thread does not fit (16 threads), nobody collects: no more than before.
    app = make_app(tmp_path, pg_url, worker_threads=threads)
    try:
        assert threads * (app.collect_size + 1) + 1 <= 30 or app.collect_size == 1
        assert 1 <= app.collect_size <= app.settings.collect_documents
    finally:
        app.close()
