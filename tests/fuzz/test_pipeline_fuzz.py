"""The whole intake under fuzzing: whatever bytes arrive on the EDI or e-mail channel of a real embedded
app (SQLite, the in-process broker, the demo master data), the worker raises nothing, the document ends
processed, duplicate or quarantined with a reason, and the stored raw bytes are exactly those that came.
A reader bug would end as a quarantine "internal error while reading": that counts as a failure here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from core.capture.domain.documents import Channel, DocumentState
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.fuzz.edifact_strategies import near_valid_edifact
from tests.fuzz.mail_strategies import EMAILS
from tests.integration.helpers import arrive, document, drain

# a document costs a transaction or three and a worker start: half the parser-level examples
FEWER = settings(max_examples=max(10, settings.default.max_examples // 2))
ARRIVALS = st.one_of(
    st.tuples(near_valid_edifact(), st.just(Channel.EDI)),
    st.tuples(EMAILS, st.just(Channel.EMAIL)),
    st.tuples(st.binary(max_size=200), st.sampled_from([Channel.EDI, Channel.EMAIL])),
)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = make_app(tmp_path_factory.mktemp("fuzz"), clock=fixed_clock)
    load_demo_master_data(app)
    yield app
    app.close()


@FEWER
@given(ARRIVALS)
def test_every_arrival_ends_stored_in_a_final_state(fuzz_app: App, arrival: tuple[bytes, Channel]) -> None:
    content, channel = arrival
    name = "fuzz.edi" if channel is Channel.EDI else "fuzz.eml"
    doc_id = arrive(fuzz_app, content, name, channel)
    drain(fuzz_app)  # fail_fast: an exception in a job fails the test
    record = document(fuzz_app, doc_id)
    event(f"{channel} {record.state}")
    assert record.state in (DocumentState.PROCESSED, DocumentState.DUPLICATE, DocumentState.QUARANTINED)
    if record.state is DocumentState.QUARANTINED:
        assert record.error, "a quarantined document says why"
        assert not record.error.startswith("internal error"), record.error
    with fuzz_app.uow() as uow:
        assert uow.blobs.get(record.sha256) == content
