"""PDF orders through the whole capture path on the embedded default: `oms extract --json`, and arrivals
that become accepted orders, orders in review with the field named, or quarantined documents."""

from __future__ import annotations

import io
import json
from pathlib import Path

from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

from core.capture.domain.documents import Channel, DocumentState
from core.kernel.domain.model import Decision
from oms.bootstrap import App
from samples.orders_gen import generate, make, render
from tests.conftest import SAMPLES
from tests.integration.helpers import arrive, document, drain, orders_of
from tests.integration.test_cli import oms


def test_extract_reads_a_text_pdf_into_the_contract_shape(tmp_path: Path) -> None:
    for kind in ("customers", "products", "customer-items"):
        assert oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv")).returncode == 0
    order = generate(1, seed=5)[0]
    pdf = tmp_path / "order.pdf"
    pdf.write_bytes(order.pdf)
    result = oms(tmp_path, "extract", "--json", str(pdf))
    assert result.returncode == 0, result.stderr
    [element] = json.loads(result.stdout)
    assert element["format"] == "pdf-text" and element["error"] is None
    [got] = element["orders"]
    truth = order.truth
    assert got["po_number"] == truth["po_number"]
    assert got["customer_id"] == truth["customer_id"]
    assert [line["sku"] for line in got["lines"]] == [line["sku"] for line in truth["lines"]]
    assert got["total"] == truth["total"]


def _submit(app: App, content: bytes) -> int:
    doc_id = arrive(app, content, "order.pdf", Channel.UPLOAD)
    drain(app)
    return doc_id


def test_a_generated_pdf_becomes_an_accepted_order(demo_app: App) -> None:
    order = render(make("erp", "integration"))
    doc_id = _submit(demo_app, order.pdf)
    assert document(demo_app, doc_id).format == "pdf-text"
    [stored] = orders_of(demo_app, doc_id)
    assert stored.decision is Decision.ACCEPT, stored.problems
    assert stored.po_number == order.truth["po_number"] and stored.customer_id == order.truth["customer_id"]
    assert [line.sku for line in stored.lines] == [line["sku"] for line in order.truth["lines"]]


def test_a_pdf_whose_lines_do_not_add_up_waits_in_review_with_the_total_named(demo_app: App) -> None:
    spec = make("multipage", "integration")
    spec.printed_total = spec.total - 1
    doc_id = _submit(demo_app, render(spec).pdf)
    [stored] = orders_of(demo_app, doc_id)
    assert stored.decision is Decision.REVIEW
    # the page prints the net (one short of the lines' sum), the tax and the total with tax: the net is
    # the printed figure that does not add up, and the clerk is sent to it
    problems = {(p["code"], p["field"]) for p in stored.problems}
    assert ("total_mismatch", "net_total") in problems


def test_an_encrypted_pdf_is_quarantined_with_its_reason(demo_app: App) -> None:
    buf = io.BytesIO()
    canvas = Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    canvas.drawString(72, 720, "Pedido PED-1")
    canvas.save()
    doc_id = _submit(demo_app, buf.getvalue())
    record = document(demo_app, doc_id)
    assert record.state is DocumentState.QUARANTINED
    assert record.error is not None and "encrypted" in record.error
