"""The EDIFACT channel end to end on the embedded default: arrival, orders, answers, duplicates, bad input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydifact.segmentcollection import Interchange

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import Decision, OrderState, OutboundKind, OutboundState
from oms.bootstrap import App
from tests.conftest import SAMPLES, SHARED_EDIFACT, require_shared, shared_edifact_files
from tests.integration.helpers import all_orders, answers_of, document, ingest, orders_of, outbox_files

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


def test_the_demo_interchange_becomes_accepted_orders_with_answers(demo_app: App) -> None:
    doc_id = ingest(demo_app, DEMO)
    record = document(demo_app, doc_id)
    assert record.state is DocumentState.PROCESSED, record.error
    orders = orders_of(demo_app, doc_id)
    assert [o.po_number for o in orders] == ["PO-2026-00123", "PO-2026-00124"]
    first = orders[0]
    assert first.customer_id == "C-1001"
    assert first.buyer_name == "Ferretería Núñez S.L."  # UNOC (Latin-1) decoded
    assert [line.sku for line in first.lines] == ["TOR-M8-40", "TUE-M8", "TAC-6"]
    assert first.lines[0].quantity == Decimal(250) and first.lines[0].unit_price == Decimal("0.18")
    assert [o.decision for o in orders] == [Decision.ACCEPT, Decision.ACCEPT], [o.problems for o in orders]
    assert [o.state for o in orders] == [OrderState.ACCEPTED, OrderState.ACCEPTED]
    kinds = sorted(m.kind for m in answers_of(demo_app, doc_id))
    assert kinds.count(OutboundKind.CONTRL) == 1  # UNB 0031 = 1 asked for one
    assert all(m.state is OutboundState.SENT for m in answers_of(demo_app, doc_id))
    files = outbox_files(demo_app)
    assert all(f.parent.name == "8437000100010" for f in files)
    contrl = [f for f in files if f.name.startswith("CONTRL_")]
    assert len(contrl) == 1
    parsed = Interchange.from_str(contrl[0].read_bytes().decode("latin-1"))
    uci = parsed.get_segment("UCI")
    assert uci is not None and uci.elements[0] == "100001" and uci.elements[3] == "7"


def test_accepted_orders_get_an_ordrsp_each_that_parses_back(demo_app: App) -> None:
    doc_id = ingest(demo_app, DEMO)
    orders = orders_of(demo_app, doc_id)
    # the answers to one interchange travel in one interchange: one ORDRSP message per order
    [path] = [f for f in outbox_files(demo_app) if f.name.startswith("ORDRSP_")]
    interchange = Interchange.from_str(path.read_bytes().decode("latin-1"))
    unb = interchange.get_header_segment()
    assert unb is not None
    assert unb.elements[1][0] == "8437000999997"  # we send from the id they addressed
    assert unb.elements[2][0] == "8437000100010"  # to the buyer who sent the order
    messages = list(interchange.get_messages())
    assert len(messages) == len(orders) == 2
    answered = set()
    for message in messages:
        assert message.type == "ORDRSP"
        bgm = message.get_segment("BGM")
        assert bgm is not None and bgm.elements[2] == "29"  # accepted without amendment
        rff = message.get_segment("RFF")
        assert rff is not None
        answered.add(rff.elements[0][1])
    assert answered == {"PO-2026-00123", "PO-2026-00124"}
    unz = interchange.get_footer_segment()
    assert unz is not None and unz.elements[0] == "2"


def test_control_references_run_in_sequence_per_partner(demo_app: App) -> None:
    doc_id = ingest(demo_app, DEMO)
    refs = sorted(int(m.control_ref or 0) for m in answers_of(demo_app, doc_id))
    assert refs == list(range(1, len(refs) + 1))


def test_the_same_file_twice_makes_one_set_of_orders(demo_app: App) -> None:
    first = ingest(demo_app, DEMO, "a.edi")
    second = ingest(demo_app, DEMO, "a.edi")
    assert document(demo_app, first).state is DocumentState.PROCESSED
    again = document(demo_app, second)
    assert again.state is DocumentState.DUPLICATE and again.duplicate_of == first
    assert len(all_orders(demo_app)) == 2
    assert answers_of(demo_app, second) == []


def test_the_same_interchange_under_another_name_and_bytes_is_a_duplicate(demo_app: App) -> None:
    first = ingest(demo_app, DEMO, "a.edi")
    resent = DEMO.replace(b"\r\n", b"\n")  # same interchange, other bytes (line ends changed)
    assert resent != DEMO
    second = ingest(demo_app, resent, "resent-copy.edi")
    record = document(demo_app, second)
    assert record.state is DocumentState.DUPLICATE
    assert record.duplicate_of == first
    assert [p["code"] for p in record.problems] == ["duplicate_interchange"]
    assert len(all_orders(demo_app)) == 2
    # the partner asked for acknowledgement; the repeat is answered with a CONTRL saying duplicate
    [contrl] = answers_of(demo_app, second)
    assert contrl.kind is OutboundKind.CONTRL
    text = contrl.content.decode("latin-1")
    assert "UCI+100001+" in text and "+4+26" in text


@pytest.mark.parametrize("name", shared_edifact_files())
def test_every_shared_sample_is_taken_or_quarantined_with_a_reason(app: App, name: str) -> None:
    """Each sample ends one way only, as its kind says: an ORDERS file becomes its messages' orders
    (numbers, lines and quantities as expected.json read them segment by segment, independently of
    our reader); a CONTRL is a partner acknowledging our answers, taken with nothing to order; any
    other message (ORDRSP, DESADV, INVOIC) is not an order and is quarantined saying which it is."""
    require_shared()
    orders_expected = json.loads((SHARED_EDIFACT / "expected.json").read_text(encoding="utf-8"))
    not_orders = {  # the message type each sample that is no ORDERS carries (README of the samples)
        "edifabric__CONTRL.txt": "CONTRL",
        "edifabric__PurchaseOrderResponse.txt": "ORDRSP",
        "edifabric__DespatchAdvice.txt": "DESADV",
        "edifabric__Invoice.txt": "INVOIC",
    }
    assert (name in orders_expected) != (name in not_orders), f"say what {name} should become"
    doc_id = ingest(app, (SHARED_EDIFACT / name).read_bytes(), name)
    record, orders = document(app, doc_id), orders_of(app, doc_id)
    assert record.format == "edifact"
    if name in orders_expected:
        assert record.state is DocumentState.PROCESSED, record.error
        got = [(o.po_number, [ln.quantity for ln in o.lines]) for o in orders]
        want = [
            (o["po_number"], [Decimal(str(ln["quantity"])) for ln in o["lines"]])
            for o in orders_expected[name]["orders"]
        ]
        assert got == want
    elif not_orders[name] == "CONTRL":
        assert record.state is DocumentState.PROCESSED and orders == [], record.error
    else:
        assert record.state is DocumentState.QUARANTINED and orders == []
        assert record.error and f"is {not_orders[name]}" in record.error


BAD_INPUTS: dict[str, bytes | Path] = {
    "empty": b"",
    "binary garbage": bytes(range(256)) * 40,
    "truncated": DEMO[: len(DEMO) // 3],
    "invoice in the orders inbox": SHARED_EDIFACT / "edifabric__Invoice.txt",
}


@pytest.mark.parametrize("label", sorted(BAD_INPUTS))
def test_bad_input_is_quarantined_with_its_reason_and_the_next_document_goes_through(
    demo_app: App, label: str
) -> None:
    content = BAD_INPUTS[label]
    if isinstance(content, Path):
        require_shared()
        content = content.read_bytes()
    bad = ingest(demo_app, content, f"{label}.edi")
    record = document(demo_app, bad)
    assert record.state is DocumentState.QUARANTINED, (label, record.state, record.problems)
    assert record.error and len(record.error) > 10
    assert orders_of(demo_app, bad) == []
    good = ingest(demo_app, DEMO)
    assert document(demo_app, good).state is DocumentState.PROCESSED
    with demo_app.uow() as uow:  # the bytes are kept, whatever they were
        assert uow.blobs.get(record.sha256) == content


def test_a_50_mb_file_is_kept_but_not_read(demo_app: App) -> None:
    big = DEMO + b" " * (50 * 1024 * 1024)
    doc_id = ingest(demo_app, big, "huge.edi")
    record = document(demo_app, doc_id)
    assert record.state is DocumentState.QUARANTINED
    assert record.error is not None and "50.0 MB is more than the 20 MB allowed" in record.error
    with demo_app.uow() as uow:
        assert len(uow.blobs.get(record.sha256)) == len(big)
    assert document(demo_app, ingest(demo_app, DEMO)).state is DocumentState.PROCESSED


def test_a_truncated_interchange_that_asked_for_it_gets_a_rejecting_contrl(demo_app: App) -> None:
    cut = DEMO[: DEMO.index(b"UNH+2")]  # first message complete, second message and UNZ missing
    doc_id = ingest(demo_app, cut, "cut.edi")
    record = document(demo_app, doc_id)
    assert record.state is DocumentState.PROCESSED  # the complete message is still an order
    assert [o.po_number for o in orders_of(demo_app, doc_id)] == ["PO-2026-00123"]
    assert "missing_unz" in {p["code"] for o in orders_of(demo_app, doc_id) for p in o.problems}
    [contrl] = [m for m in answers_of(demo_app, doc_id) if m.kind is OutboundKind.CONTRL]
    uci = Interchange.from_str(contrl.content.decode("latin-1")).get_segment("UCI")
    # we took the order, so we acknowledge: "rejected" would make the partner send it again
    assert uci is not None and uci.elements[0] == "100001" and uci.elements[3] == "7"


def test_an_interchange_that_yielded_nothing_can_be_sent_again_under_its_reference(demo_app: App) -> None:
    cut = DEMO[: DEMO.index(b"LIN+2")]  # ends inside the first message: nothing can be taken
    first = ingest(demo_app, cut, "cut.edi")
    assert document(demo_app, first).state is DocumentState.QUARANTINED
    [contrl] = answers_of(demo_app, first)
    uci = Interchange.from_str(contrl.content.decode("latin-1")).get_segment("UCI")
    assert uci is not None and uci.elements[3] == "4"  # rejected: please send again
    again = ingest(demo_app, DEMO, "complete.edi")
    assert document(demo_app, again).state is DocumentState.PROCESSED
    assert len(orders_of(demo_app, again)) == 2


def test_wrong_counts_send_the_message_to_review_and_the_contrl_names_the_fault(demo_app: App) -> None:
    wrong = DEMO.replace(b"UNT+26+1'", b"UNT+25+1'")
    assert wrong != DEMO
    doc_id = ingest(demo_app, wrong, "wrong-count.edi")
    first = orders_of(demo_app, doc_id)[0]
    assert first.decision is Decision.REVIEW
    assert "message_count_mismatch" in {p["code"] for p in first.problems}
    [contrl] = [m for m in answers_of(demo_app, doc_id) if m.kind is OutboundKind.CONTRL]
    text = contrl.content.decode("latin-1")
    assert "UCM+1+ORDERS:D:96A:UN:EAN008+4" in text and "29" in text
