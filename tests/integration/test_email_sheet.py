"""An e-mailed XLSX order sheet through the whole pipeline: stored, read, resolved, accepted, answered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from core.kernel.domain.model import OrderState
from ingest.mail import mail_envelope
from oms.bootstrap import App
from tests.conftest import DEMO_DAY
from tests.integration.helpers import document, drain, orders_of
from tests.integration.mail_support import mail_app
from tests.unit.parsers.email_support import message
from tests.unit.parsers.sheet_support import xlsx

pytestmark = pytest.mark.integration
CUSTOMER = "pedidos@ferreterianunez.es"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = mail_app(tmp_path)  # no smarthost: replies are written to outbox/email/
    yield application
    application.close()


def test_an_emailed_order_sheet_is_accepted_and_answered(app: App) -> None:
    sheet = xlsx(
        [
            ["Nº pedido", "PED-2026-0900"],
            ["Fecha de entrega", date(2026, 12, 4)],
            [],
            ["Código", "Descripción", "Uds", "Precio"],
            ["TOR-M8-40", "Tornillo hexagonal M8x40", 500, 0.18],
            ["4713", "Arandela plana M8", 500, 0.02],
            [8437000100195, "Llave ajustable 250 mm", 2, 12.8],
        ],
        titles=["Pedido"],
    )
    msg = message("Buenos días,\n\nOs adjunto el pedido.\n\nAna\n", subject="Pedido semanal")
    msg.add_attachment(
        sheet,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="pedido.xlsx",
    )
    doc_id = app.submit(mail_envelope(msg.as_bytes(), DEMO_DAY, envelope_sender=CUSTOMER))
    drain(app)

    record = document(app, doc_id)
    assert record.state == DocumentState.PROCESSED and record.format == "xlsx"
    (order,) = orders_of(app, doc_id)
    assert order.state == OrderState.ACCEPTED and order.customer_id == "C-1001"
    assert order.po_number == "PED-2026-0900" and order.requested_delivery_date == date(2026, 12, 4)
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in order.lines] == [
        ("TOR-M8-40", Decimal("500"), Decimal("0.18")),
        ("ARA-M8", Decimal("500"), Decimal("0.02")),
        ("LLA-AJ-250", Decimal("2"), Decimal("12.8")),
    ]
    replies = list((app.settings.outbox / "email").rglob("*.eml"))
    assert len(replies) == 1 and b"PED-2026-0900" in replies[0].read_bytes()
