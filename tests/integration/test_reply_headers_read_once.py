"""An e-mail's headers are parsed once between reading it and answering it (issue 15): the reply's
draft takes what the reader read of them, so neither the draft nor the render job parses the stored
e-mail again, alone or in a collector's batch, on SQLite and PostgreSQL. The reply is the one the
rule says: to the From address as the customer wrote it, in the e-mail's thread. Where the reader read
one of those headers cut short (a References longer than any real one), the draft reads the stored
e-mail whole, as before.
"""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage

import pytest

import outbound.email.reply as reply_module
from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OutboundState
from oms.bootstrap import App
from tests.conftest import fixed_clock
from tests.integration.helpers import AppOnEachDb, answers_of
from tests.integration.test_email_collector import run_queued, store

pytestmark = pytest.mark.integration

AS_WRITTEN = "Pedidos@FerreteriaNunez.es"  # the demo customer's address, in the customer's own case


def _mail(n: int, references: str = "") -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = f"Ana Núñez <{AS_WRITTEN}>"
    msg["To"] = "pedidos@comanda.example"
    msg["Subject"] = f"Pedido PO-2026-07{n:02d}"
    msg["Date"] = "Thu, 26 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = f"<po7{n:02d}@ferreterianunez.es>"
    if references:
        msg["References"] = references
    msg.set_content(f"Hola,\n\n* 10 x TOR-M8-40\n* {n + 1} cajas de TAC-6\n\nGracias,\nAna\n")
    return msg.as_bytes()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the reply's side parsed a stored e-mail's headers itself."""
    made: list[int] = []
    read = reply_module.read_original

    def counted(raw: bytes) -> reply_module.Original:
        made.append(len(raw))
        return read(raw)

    monkeypatch.setattr(reply_module, "read_original", counted)
    yield made


def _replied(app: App, doc_id: int, n: int, references: list[str] | None = None) -> None:
    (reply,) = answers_of(app, doc_id)
    assert reply.state is OutboundState.SENT and reply.content is not None
    assert reply.recipient == AS_WRITTEN
    mail = email.message_from_bytes(reply.content, policy=policy.default)
    assert mail["To"] == AS_WRITTEN
    assert mail["Subject"] == f"Re: Pedido PO-2026-07{n:02d}"
    assert mail["In-Reply-To"] == f"<po7{n:02d}@ferreterianunez.es>"
    thread = [*(references or []), f"<po7{n:02d}@ferreterianunez.es>"]
    assert mail["References"] == " ".join(thread[-20:])  # the thread's last twenty, its own message last


def test_a_batch_of_e_mails_is_answered_without_parsing_their_headers_again(
    app_on_each_db: AppOnEachDb, parses: list[int]
) -> None:
    app = app_on_each_db(clock=fixed_clock, demo=True)
    ids = [store(app, _mail(n)) for n in range(4)]
    app.broker.flush_all()  # type: ignore[attr-defined]  # the first e-mail's job collects the others
    assert app.process(ids[0]) is DocumentState.PROCESSED
    assert [len(answers_of(app, i)) for i in ids] == [1, 1, 1, 1]  # four drafts
    assert parses == []  # main: one parse a draft
    run_queued(app)  # the render job
    assert parses == []
    for n, doc_id in enumerate(ids):
        _replied(app, doc_id, n)


def test_an_e_mail_stored_alone_is_answered_without_parsing_its_headers_again(
    app_on_each_db: AppOnEachDb, parses: list[int]
) -> None:
    app = app_on_each_db(clock=fixed_clock, demo=True, collect_documents=1)
    doc_id = store(app, _mail(5))
    app.broker.flush_all()  # type: ignore[attr-defined]
    assert app.process(doc_id) is DocumentState.PROCESSED
    run_queued(app)
    assert parses == []
    _replied(app, doc_id, 5)


def test_a_header_the_reader_cut_short_is_read_whole_by_the_draft(
    app_on_each_db: AppOnEachDb, parses: list[int]
) -> None:
    app = app_on_each_db(clock=fixed_clock, demo=True, collect_documents=1)
    thread = [f"<message-{k:04d}@ferreterianunez.es>" for k in range(300)]  # 9,000 characters
    raw = _mail(6, " ".join(thread))
    doc_id = store(app, raw)
    app.broker.flush_all()  # type: ignore[attr-defined]
    assert app.process(doc_id) is DocumentState.PROCESSED
    run_queued(app)
    assert len(parses) == 1  # the draft's own parse; the render job takes what the draft read
    _replied(app, doc_id, 6, thread)
