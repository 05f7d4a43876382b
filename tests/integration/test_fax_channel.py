"""The fax channel end to end: a fax in the inbox becomes an order, and a confirmation goes back by fax."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pdfplumber
import pytest

from core.capture.domain.documents import Channel, DocumentState
from core.capture.services import review
from core.kernel.domain.model import Decision, OutboundKind, OutboundState
from core.kernel.domain.users import Role
from core.kernel.services import auth
from oms.bootstrap import App
from oms.cli.run import watcher
from samples.faxsim import FaxLine, fax_tiff
from samples.orders_gen import GeneratedOrder, make, render
from tests.integration.helpers import answers_of, document, drain, orders_of

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    if shutil.which("tesseract") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tesseract is not installed (make install does it)")
        pytest.skip("tesseract is not installed")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _order(layout: str, seed: int) -> GeneratedOrder:
    """A generated order, the same every run."""
    return render(make(layout, f"fax-e2e:{seed}"), seed)


def _drop(app: App, name: str, content: bytes, sidecar: dict[str, str] | None = None) -> int:
    inbox = app.settings.inbox / "fax"
    inbox.mkdir(parents=True, exist_ok=True)
    if sidecar is not None:
        (inbox / Path(name).with_suffix(".json")).write_text(json.dumps(sidecar), encoding="utf-8")
    (inbox / name).write_bytes(content)
    doc_id = watcher(app).take(inbox / name)
    assert doc_id is not None
    assert list(inbox.iterdir()) == []  # the fax and its sidecar were taken together
    drain(app)
    return doc_id


def _fax_outbox(app: App) -> list[Path]:
    root = app.settings.outbox / "fax"
    return sorted(root.iterdir()) if root.exists() else []


def test_a_fax_in_the_inbox_becomes_an_order_and_a_confirmation_by_fax(demo_app: App) -> None:
    order = _order("borderless", 10)  # Bricolaje Galicia (C-1002), fax +34 981 234 567 on file
    assert order.spec.customer.customer_id == "C-1002"
    tiff = fax_tiff(order.pdf, FaxLine(resolution="fine", seed=21, sender="+34 981 234 567"))
    doc_id = _drop(demo_app, "fax000021.tif", tiff)
    record = document(demo_app, doc_id)
    assert record.state is DocumentState.PROCESSED, record.error
    assert (record.channel, record.format, record.sender) == (Channel.FAX, "tiff-ocr", "+34981234567")
    (got,) = orders_of(demo_app, doc_id)
    assert (got.po_number, got.customer_id) == (order.truth["po_number"], "C-1002")
    assert got.decision is Decision.ACCEPT, got.problems
    (answer,) = answers_of(demo_app, doc_id)
    assert (answer.channel, answer.kind, answer.recipient, answer.state) == (
        "fax",
        OutboundKind.REPLY,
        "+34981234567",
        OutboundState.SENT,
    )
    job, pdf = _fax_outbox(demo_app)
    assert pdf.suffix == ".pdf" and pdf.read_bytes() == answer.content
    ticket = json.loads(job.read_text(encoding="utf-8"))
    assert ticket["number"] == "+34981234567" and ticket["document"] == pdf.name and ticket["pages"] >= 1
    assert order.truth["po_number"] in _text(pdf.read_bytes()) and "CONFIRMACIÓN" in _text(pdf.read_bytes())


def test_the_sidecar_names_the_sender(demo_app: App) -> None:
    order = _order("borderless", 10)
    line = FaxLine(resolution="normal", seed=22, sender="+34 981 234 567", header=False)
    sidecar = {"caller_id": "0034981234567", "commid": "000000022"}
    doc_id = _drop(demo_app, "fax000022.tif", fax_tiff(order.pdf, line), sidecar)
    record = document(demo_app, doc_id)
    assert record.state is DocumentState.PROCESSED, record.error
    assert (record.sender, record.external_id) == ("+34981234567", "000000022")
    (got,) = orders_of(demo_app, doc_id)
    assert got.customer_id == "C-1002"


def test_a_review_order_gets_its_confirmation_only_once_approved(demo_app: App) -> None:
    order = _order("borderless", 10)
    spec = order.spec
    spec.printed_total = spec.total + 100  # the lines no longer add up to the total
    wrong = render(spec, 10)
    line = FaxLine(resolution="fine", seed=21, sender="+34 981 234 567")
    doc_id = _drop(demo_app, "fax000023.tif", fax_tiff(wrong.pdf, line))
    (got,) = orders_of(demo_app, doc_id)
    assert got.decision is Decision.REVIEW
    assert answers_of(demo_app, doc_id) == [] and _fax_outbox(demo_app) == []

    now = demo_app.clock()
    clerk = auth.create_user(demo_app.uow(), "clerk", "a long enough password", Role.CLERK, now)
    assert got.id is not None
    review.acquire(demo_app.uow(), got.id, clerk, now)
    uow = demo_app.uow()
    review.approve(uow, got.id, clerk, now, demo_app.answer)
    demo_app.publish(uow.collect_events())
    drain(demo_app)
    (answer,) = answers_of(demo_app, doc_id)
    assert (answer.recipient, answer.state) == ("+34981234567", OutboundState.SENT)
    assert "CONFIRMACIÓN" in _text(answer.content)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)
