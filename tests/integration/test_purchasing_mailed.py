"""A supplier's document by e-mail or fax, end to end on SQLite through `app.submit` and the worker:
from a supplier's e-mail address or fax number it is kept for a buyer (never a customer order, never
answered); from a customer's it is still an order, also when a supplier shares the customer's address."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.kernel.errors import ComandaError
from core.purchasing.domain.answers import AnswerKind, SupplierDocument
from core.purchasing.domain.answers import DocumentState as DocState
from core.purchasing.domain.orders import PurchaseOrder
from ingest.mail import mail_envelope
from oms.bootstrap import App
from oms.cli import main
from tests.conftest import DEMO_DAY, SAMPLES, make_user
from tests.integration.helpers import all_orders, answers_of, document, drain, orders_of
from tests.integration.mail_support import mail_app
from tests.integration.order_documents import OrderPdf, mailed
from tests.unit.parsers.email_support import message
from web.app import create_app

pytestmark = pytest.mark.integration
HERR = "orders@brondby-tools.example"  # S-HERR takes our orders by e-mail (samples/masterdata/suppliers.csv)
QUIM_FAX = "+34961234567"  # S-QUIM's fax, "+34 961 234 567" in its row, as the fax channel records it


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = mail_app(tmp_path)
    suppliers = (SAMPLES / "masterdata" / "suppliers.csv").read_text(encoding="utf-8")
    application.purchasing.service.import_csv("suppliers", suppliers)
    yield application
    application.close()


def a_pdf(*printed: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842))
    canvas.setFont("Helvetica", 11)
    for i, text in enumerate(printed):
        canvas.drawString(40, 800 - 16 * i, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def supplier_mail(pdf: bytes, sender: str = HERR, message_id: str = "<oc-1@brondby-tools.example>") -> bytes:
    msg = message(
        "Dear buyer,\n\nplease find our document attached.\n\nKind regards\n",
        subject="Your order",
        from_=f"Brøndby Sales <{sender}>",
        message_id=message_id,
    )
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="document.pdf")
    return msg.as_bytes()


def purchase_order(app: App, supplier_id: str) -> str:
    with app.uow() as uow:
        number = uow.purchasing.next_number()
        uow.purchasing.add(PurchaseOrder(number, supplier_id, "MAD", "EUR", DEMO_DAY))
        uow.commit()
    return number


def supplier_documents(app: App) -> list[SupplierDocument]:
    with app.uow() as uow:
        return list(uow.purchasing.documents())


def processed(app: App, doc: InboundDocument) -> int:
    doc_id = app.submit(doc)
    drain(app)
    record = document(app, doc_id)
    assert record.state is DocumentState.PROCESSED, record.error
    return doc_id


def test_a_suppliers_emailed_pdf_confirmation_waits_for_a_buyer_and_is_no_order(app: App) -> None:
    number = purchase_order(app, "S-HERR")
    assert number == "PO-000001"
    pdf = a_pdf("ORDER CONFIRMATION AB-7731", "Your order: PO-000001", "10 x TAC-6 confirmed")
    doc_id = processed(app, mail_envelope(supplier_mail(pdf), DEMO_DAY, envelope_sender=HERR))

    assert document(app, doc_id).format == "supplier-document"
    assert orders_of(app, doc_id) == [] and all_orders(app) == []
    assert answers_of(app, doc_id) == []  # nothing goes back to the supplier as if it were a customer
    (kept,) = supplier_documents(app)
    assert (kept.supplier_id, kept.kind, kept.state) == ("S-HERR", AnswerKind.ORDRSP, DocState.WAITING)
    assert (kept.po_number, kept.document_id) == ("PO-000001", doc_id)
    with app.uow() as uow:
        po = uow.purchasing.po("PO-000001")
        assert po is not None and kept.po_id == po.id
        assert [e.step for e in po.events] == ["supplier-document"]  # noted, the order's state as it was


def test_a_fax_from_a_suppliers_number_waits_for_a_buyer(app: App) -> None:
    page = Image.new(
        "1", (400, 300), 1
    )  # an image-only page: nothing read from it, no OCR for a buyer's letter
    tiff = io.BytesIO()
    page.save(tiff, format="TIFF", compression="group4")
    fax = InboundDocument(
        channel=Channel.FAX, content=tiff.getvalue(), received_at=DEMO_DAY, original_name="fax000031.tif",
        sender=QUIM_FAX, external_id="fax-job-31", media_type="image/tiff",
    )  # fmt: skip
    doc_id = processed(app, fax)

    assert orders_of(app, doc_id) == [] and answers_of(app, doc_id) == []
    (kept,) = supplier_documents(app)
    assert (kept.supplier_id, kept.kind, kept.state, kept.po_number) == (
        "S-QUIM",
        AnswerKind.OTHER,
        DocState.WAITING,
        "",
    )
    assert kept.reference == "fax-job-31"


def test_a_faxed_invoice_pdf_names_its_order(app: App) -> None:
    purchase_order(app, "S-HERR")
    number = purchase_order(app, "S-QUIM")
    pdf = a_pdf("Química Levante S.L.", "FACTURA F-2026-118", f"Su pedido {number.replace('-', ' ')}")
    fax = InboundDocument(Channel.FAX, pdf, DEMO_DAY, "fax000032.pdf", sender="0034 961 234 567")
    processed(app, fax)
    (kept,) = supplier_documents(app)
    assert (kept.supplier_id, kept.kind, kept.po_number) == ("S-QUIM", AnswerKind.INVOIC, "PO-000002")


def test_a_customers_email_is_still_an_order(app: App) -> None:
    doc_id = processed(app, mailed(OrderPdf(po_number="PO-7781").pdf(), DEMO_DAY))
    (order,) = orders_of(app, doc_id)
    assert order.customer_id == "C-1001"
    assert supplier_documents(app) == []


def test_an_address_both_a_customers_and_a_suppliers_stays_the_customers(app: App) -> None:
    # S-HERR's sales office moves to the address C-1001 orders from: the customer's e-mail must still
    # become an order (a customer's order lost among a buyer's letters costs more than the other way)
    row = (
        "S-HERR,Herramientas Brøndby ApS,email,pedidos@ferreterianunez.es,,,,"
        "Industrivej 4,2605,Brøndby,DK,en,EUR"
    )
    header = (SAMPLES / "masterdata" / "suppliers.csv").read_text(encoding="utf-8").splitlines()[0]
    app.purchasing.service.import_csv("suppliers", f"{header}\n{row}\n")
    doc_id = processed(app, mailed(OrderPdf(po_number="PO-7790").pdf(), DEMO_DAY))
    (order,) = orders_of(app, doc_id)
    assert order.customer_id == "C-1001"
    assert supplier_documents(app) == []


def test_a_buyer_marks_one_handled_and_dismisses_another(app: App) -> None:
    for i in (1, 2):
        pdf = a_pdf("ORDER CONFIRMATION", f"AB-{i}")
        processed(
            app,
            mail_envelope(
                supplier_mail(pdf, message_id=f"<oc-{i}@b.example>"), DEMO_DAY, envelope_sender=HERR
            ),
        )
    second, first = supplier_documents(app)  # newest first
    svc = app.purchasing.service
    assert first.id is not None and second.id is not None
    assert svc.settle_document(first.id, True, "ana").state is DocState.HANDLED
    assert svc.settle_document(second.id, False, "ana").state is DocState.DISMISSED
    with pytest.raises(ComandaError):
        svc.settle_document(first.id, False, "ana")  # settled once
    assert [(d.state, d.decided_by) for d in supplier_documents(app)] == [
        (DocState.DISMISSED, "ana"), (DocState.HANDLED, "ana"),
    ]  # fmt: skip


def test_the_same_supplier_message_twice_is_kept_once(app: App) -> None:
    # sent again (the same Message-ID, bytes not quite the same: another relay's headers)
    raw = supplier_mail(a_pdf("ORDER CONFIRMATION AB-7731"))
    processed(app, mail_envelope(raw, DEMO_DAY, envelope_sender=HERR))
    processed(app, mail_envelope(b"Received: by relay2.example\r\n" + raw, DEMO_DAY, envelope_sender=HERR))
    assert len(supplier_documents(app)) == 1


def test_the_buyer_sees_it_with_its_po_and_raw_document_and_dismisses_it_on_the_web(app: App) -> None:
    purchase_order(app, "S-HERR")
    raw = supplier_mail(a_pdf("ORDER CONFIRMATION AB-7731", "Your order: PO-000001"))
    doc_id = processed(app, mail_envelope(raw, DEMO_DAY, envelope_sender=HERR))
    boss, clerk = (
        TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app, name, role)}"})
        for name, role in (("marta", "supervisor"), ("ana", "clerk"))
    )
    (listed,) = clerk.get("/api/purchasing/documents?state=waiting").json()
    assert (listed["supplier_id"], listed["po_number"], listed["channel"]) == ("S-HERR", "PO-000001", "email")
    assert listed["raw"] == f"/api/documents/{doc_id}/raw"
    assert clerk.get(listed["raw"]).content == raw  # the buyer reads the document itself
    page = boss.get("/purchasing").text
    assert "PO-000001" in page and f'href="/api/documents/{doc_id}/raw"' in page
    assert f'action="/purchasing/documents/{listed["id"]}/dismiss"' in page
    assert clerk.post(f"/api/purchasing/documents/{listed['id']}/dismiss").status_code == 403
    done = boss.post(f"/api/purchasing/documents/{listed['id']}/dismiss")
    assert (done.json()["state"], done.json()["decided_by"]) == ("dismissed", "marta")
    # no invoice to accept: the buyer's step is refused, the document stays dismissed
    assert boss.post(f"/api/purchasing/documents/{listed['id']}/accept").status_code == 400


def test_the_buyer_lists_and_settles_it_with_oms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    monkeypatch.setenv("OMS_BROKER_URL", "memory://")

    def oms(*argv: str) -> str:
        assert main(list(argv)) == 0, (argv, capsys.readouterr().err)
        return capsys.readouterr().out

    oms("import", "suppliers", str(SAMPLES / "masterdata" / "suppliers.csv"))
    mail = tmp_path / "confirmation.eml"
    mail.write_bytes(supplier_mail(a_pdf("INVOICE 2026-881", "Order PO-000007")))
    oms("ingest", str(mail), "--channel", "email")
    listed = oms("purchasing", "documents")
    assert "1 invoic <oc-1@brondby-tools.example> S-HERR PO-000007: waiting" in listed
    assert f"by email from {HERR}: /api/documents/1/raw" in listed
    assert "waiting" not in oms("purchasing", "documents", "--handled", "1").replace("handled", "")
    assert "S-HERR PO-000007: handled" in oms("purchasing", "documents")
    assert main(["purchasing", "documents", "--dismiss", "1"]) == 2  # handled already


def test_the_from_header_names_the_supplier_when_the_envelope_sender_is_a_mailers(app: App) -> None:
    raw = supplier_mail(a_pdf("Albarán / delivery note 5521"))
    processed(app, mail_envelope(raw, DEMO_DAY, envelope_sender="bounces+7731@mailer.example"))
    (kept,) = supplier_documents(app)
    assert (kept.supplier_id, kept.kind) == ("S-HERR", AnswerKind.DESADV)


def test_with_no_supplier_an_email_is_not_read_for_its_from_and_a_supplier_imported_later_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no supplier is known, nobody's answers can arrive: a customer's e-mail is read once, as
    an order, not opened first for a From to look up among no suppliers. Once suppliers are imported,
    the next e-mail from one is kept for a buyer, its From read."""
    import oms.purchasing

    froms: list[bytes] = []
    standard = oms.purchasing.mail_from

    def counted(raw: bytes) -> str:
        froms.append(raw)
        return standard(raw)

    monkeypatch.setattr(oms.purchasing, "mail_from", counted)
    application = mail_app(tmp_path)
    try:
        doc_id = processed(application, mailed(OrderPdf(po_number="PO-7795").pdf(), DEMO_DAY))
        (order,) = orders_of(application, doc_id)
        assert order.customer_id == "C-1001"
        assert froms == []

        suppliers = (SAMPLES / "masterdata" / "suppliers.csv").read_text(encoding="utf-8")
        application.purchasing.service.import_csv("suppliers", suppliers)
        raw = supplier_mail(a_pdf("Albarán / delivery note 5530"))
        kept_id = processed(
            application, mail_envelope(raw, DEMO_DAY, envelope_sender="bounce@mailer.example")
        )
        assert froms == [raw]
        assert document(application, kept_id).format == "supplier-document"
        (kept,) = supplier_documents(application)
        assert (kept.supplier_id, kept.kind) == ("S-HERR", AnswerKind.DESADV)
    finally:
        application.close()
