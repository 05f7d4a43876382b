"""Whether a collected e-mail is a copy of an earlier arrival (the same bytes, or the same Message-ID)
is asked for the whole batch in one statement, and still decided as one e-mail at a time would: a copy
of another e-mail of the same batch, taken up a moment earlier in the same transaction, is a copy."""

from __future__ import annotations

import re

import pytest

from core.capture.domain.documents import DocumentState
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import fixed_clock
from tests.integration.helpers import document, orders_of
from tests.integration.test_email_collector import CUSTOMER, order_mail, rows_read_by_id

pytestmark = pytest.mark.integration


def store(app: App, raw: bytes) -> int:
    """As the SMTP receiver stores an e-mail: its Message-ID is the document's external id."""
    return app.submit(mail_envelope(raw, fixed_clock(), envelope_sender=CUSTOMER))


_COPIES = re.compile(
    r"FROM documents\s+WHERE .*documents\.(sha256|external_id) (=|IN)", re.IGNORECASE | re.DOTALL
)


def test_a_batchs_copies_are_looked_up_in_one_statement(demo_app_each_db: App) -> None:
    """The job's own e-mail: its bytes and its Message-ID in one statement; the four it collects: one."""
    app = demo_app_each_db
    ids = [store(app, order_mail(n)) for n in range(5)]
    app.broker.flush_all()  # type: ignore[attr-defined]
    with rows_read_by_id(app, _COPIES) as asked:
        assert app.process(ids[0]) is DocumentState.PROCESSED
    assert len(asked) == 2  # one for the job's own e-mail (two before), one for the batch (ten before)
    assert [len(orders_of(app, i)) for i in ids] == [1] * 5


def test_the_same_message_twice_in_one_batch_is_a_copy_of_the_first(demo_app_each_db: App) -> None:
    """The same Message-ID with other bytes (a relay added a header), both collected by a third
    e-mail's job: the second is the first's copy, whose order is the only one."""
    app = demo_app_each_db
    again = order_mail(5).replace(b"Subject:", b"X-Relayed: once more\r\nSubject:", 1)
    assert again != order_mail(5)
    own, first, second = store(app, order_mail(4)), store(app, order_mail(5)), store(app, again)
    app.broker.flush_all()  # type: ignore[attr-defined]
    app.process(own)
    assert document(app, first).state is DocumentState.PROCESSED
    assert document(app, second).state is DocumentState.DUPLICATE
    assert document(app, second).duplicate_of == first
    assert "the same message (<po905@ferreterianunez.es>)" in document(app, second).problems[0]["message"]
    assert [len(orders_of(app, i)) for i in (own, first, second)] == [1, 1, 0]


def test_the_same_bytes_twice_in_one_batch_is_a_copy_of_the_first(demo_app_each_db: App) -> None:
    app = demo_app_each_db
    own, first, second = store(app, order_mail(6)), store(app, order_mail(7)), store(app, order_mail(7))
    app.broker.flush_all()  # type: ignore[attr-defined]
    app.process(own)
    assert document(app, second).state is DocumentState.DUPLICATE
    assert document(app, second).duplicate_of == first
    assert "the same bytes" in document(app, second).problems[0]["message"]
    assert [len(orders_of(app, i)) for i in (own, first, second)] == [1, 1, 0]
