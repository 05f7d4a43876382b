"""The IMAP poller against a real dovecot: fetched, stored, moved, never stored twice; IDLE wakes it."""

from __future__ import annotations

import imaplib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from ingest.imap import KEYWORD, ImapAccount, ImapPoller
from oms.bootstrap import App
from tests.integration.dovecot import ImapServer, dovecot
from tests.integration.helpers import all_orders, drain
from tests.integration.mail_support import mail_app
from tests.unit.parsers.email_support import message
from tests.waiting import wait_until

pytestmark = pytest.mark.integration


@pytest.fixture
def imap() -> Iterator[ImapServer]:
    with dovecot() as server:
        yield server


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = mail_app(tmp_path)
    yield application
    application.close()


def deliver(server: ImapServer, *raws: bytes, folder: str = "INBOX") -> None:
    """What the provider's delivery does: put messages into the mailbox."""
    box = imaplib.IMAP4("127.0.0.1", server.port)
    try:
        box.login(server.username, server.password)
        for raw in raws:
            box.append(folder, None, None, raw)
    finally:
        box.logout()


def mailbox(server: ImapServer, folder: str) -> list[bytes]:
    """The flags of every message in a folder."""
    box = imaplib.IMAP4("127.0.0.1", server.port)
    try:
        box.login(server.username, server.password)
        status, count = box.select(folder.replace("/", "."))  # dovecot's Maildir separates with '.'
        if status != "OK" or count[0] == b"0":
            return []
        _, data = box.fetch("1:*", "(FLAGS)")
    finally:
        box.logout()
    return [d for d in data if isinstance(d, bytes)]


def stored(app: App) -> int:
    with app.uow() as uow:
        return len(uow.documents.list())


def wait_for(done: Callable[[], bool], timeout: float = 20) -> None:
    wait_until(done, "the mailbox and the store", timeout)


def order(n: int) -> bytes:
    return message(f"{n} x TOR-M8-40\n", message_id=f"<imap{n}@ferreterianunez.es>").as_bytes()


def test_poller_stores_moves_and_wakes_on_idle(imap: ImapServer, app: App) -> None:
    deliver(imap, order(1), order(2))
    poller = ImapPoller(ImapAccount.parse(imap.url), app.submit, app.clock, done_folder="Comanda/Pedidos")
    poller.start()
    try:
        wait_for(lambda: stored(app) == 2)
        started = time.monotonic()
        deliver(imap, order(3))  # arrives while the poller waits in IDLE
        wait_for(lambda: stored(app) == 3, timeout=10)
        assert time.monotonic() - started < 5  # IDLE, not the 60-second poll
        wait_for(lambda: len(mailbox(imap, "Comanda/Pedidos")) == 3)
    finally:
        poller.stop()
    assert mailbox(imap, "INBOX") == []
    assert all(KEYWORD.encode() in flags and b"\\Seen" in flags for flags in mailbox(imap, "Comanda/Pedidos"))
    drain(app)
    assert sorted(o.lines[0].quantity for o in all_orders(app)) == [1, 2, 3]
    with app.uow() as uow:
        docs = uow.documents.list()
    assert {d.channel for d in docs} == {"email"} and {d.state for d in docs} == {DocumentState.PROCESSED}
    assert {d.sender for d in docs} == {"pedidos@ferreterianunez.es"}


def test_without_a_done_folder_messages_are_flagged_and_not_stored_again(imap: ImapServer, app: App) -> None:
    deliver(imap, order(4))
    account = ImapAccount.parse(imap.url)
    for _ in range(2):  # a second poller (a restart) finds nothing new
        poller = ImapPoller(account, app.submit, app.clock, idle=False, poll=0.1)
        client = poller.connect()
        try:
            poller.fetch_new(client)
        finally:
            client.logout()
    assert stored(app) == 1
    (flags,) = mailbox(imap, "INBOX")
    assert KEYWORD.encode() in flags and b"\\Seen" in flags


def test_a_message_is_left_unmarked_when_it_cannot_be_stored(imap: ImapServer, app: App) -> None:
    deliver(imap, order(5))

    def broken_store(doc: object) -> int:
        raise RuntimeError("database away")

    poller = ImapPoller(ImapAccount.parse(imap.url), broken_store, app.clock, idle=False)
    client = poller.connect()
    try:
        with pytest.raises(RuntimeError):
            poller.fetch_new(client)
    finally:
        client.logout()
    (flags,) = mailbox(imap, "INBOX")
    assert KEYWORD.encode() not in flags and b"\\Seen" not in flags  # fetched with PEEK, still new
