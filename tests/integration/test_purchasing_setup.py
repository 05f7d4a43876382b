"""Purchasing's master data from CSV, planning into drafts, and the buyer's steps, by the `oms` command
line and the service, on the embedded default."""

from __future__ import annotations

from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pdfplumber
import pytest
from pydifact.segmentcollection import Interchange

from core.purchasing.domain.errors import IllegalPoTransition
from oms.bootstrap import App
from oms.cli import main
from tests.conftest import SAMPLES
from tests.integration.purchasing_support import TORN, po, shop

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    monkeypatch.setenv("OMS_BROKER_URL", "memory://")
    return tmp_path / "var"


def oms(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0, (argv, capsys.readouterr().err)
    return capsys.readouterr().out


def test_imports_refuse_a_bad_file_naming_the_row_and_load_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oms(capsys, "import", "products", str(SAMPLES / "masterdata" / "products.csv"))
    oms(capsys, "stock", "setup")
    bad = tmp_path / "suppliers.csv"
    lines = (SAMPLES / "masterdata" / "suppliers.csv").read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*lines, "S-MALO,Sin canal,paloma,,,,,,,,,,"]), encoding="utf-8")
    assert main(["import", "suppliers", str(bad)]) == 2
    assert "row 5: channel 'paloma' is not edifact, email or fax" in capsys.readouterr().err
    assert main(["import", "supplier-products", str(SAMPLES / "masterdata" / "supplier-products.csv")]) == 2
    assert "row 2: supplier 'S-TORN' does not exist" in capsys.readouterr().err  # the bad file loaded none
    assert "suppliers: 3 created, 0 updated" in oms(
        capsys, "import", "suppliers", str(SAMPLES / "masterdata" / "suppliers.csv")
    )
    products = tmp_path / "offers.csv"
    offers = (SAMPLES / "masterdata" / "supplier-products.csv").read_text(encoding="utf-8").splitlines()
    products.write_text("\n".join([*offers, "S-TORN,TOR-M8-40,X,0,1,EUR,1,1,"]), encoding="utf-8")
    assert main(["import", "supplier-products", str(products)]) == 2
    assert "row 13: pack must be above zero" in capsys.readouterr().err
    reorder = tmp_path / "reorder.csv"
    reorder.write_text(
        "sku,warehouse,reorder_point,order_up_to\nTAC-6,MAD,5,10\nTAC-6,VLC,5,10\n", encoding="utf-8"
    )
    assert main(["import", "reorder", str(reorder)]) == 2
    assert "row 3: warehouse 'VLC' does not exist" in capsys.readouterr().err
    out = oms(capsys, "import", "supplier-products", str(SAMPLES / "masterdata" / "supplier-products.csv"))
    assert "supplier-products: 11 created, 0 updated" in out
    assert "reorder: 12 created" in oms(
        capsys, "import", "reorder", str(SAMPLES / "masterdata" / "reorder.csv")
    )


def test_plan_from_reorder_rules_then_edit_approve_and_drop_by_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oms(capsys, "import", "products", str(SAMPLES / "masterdata" / "products.csv"))
    oms(capsys, "stock", "setup")  # the warehouses the preferences and rules name
    for kind in ("suppliers", "supplier-products"):
        oms(capsys, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv"))
    oms(capsys, "import", "reorder", str(SAMPLES / "masterdata" / "reorder.csv"))
    # stock.csv against reorder.csv, by hand: BRO-HSS-8 120 <= 150 -> 180 (packs of 10); GUA-NIT-L 80 <= 100
    # -> 120; LLA-AJ-250 25 <= 30 -> 35 -> 36 (packs of 6), all S-HERR; SIL-TRA-300 150 <= 160 -> 250 -> 264
    # (packs of 24) from S-QUIM; everything else is above its reorder point
    out = oms(capsys, "purchasing", "plan")
    assert "proposed PO-000001 S-HERR MAD: draft, 3 line(s), 920.40 EUR" in out
    assert "1 BRO-HSS-8 180 x 1.1" in out and "3 LLA-AJ-250 36 x 6.4" in out
    assert "proposed PO-000002 S-QUIM MAD: draft, 1 line(s), 514.80 EUR" in out
    assert "nothing to order" in oms(capsys, "purchasing", "plan")  # the drafts count as on order
    assert "2 line(s)" in oms(capsys, "purchasing", "edit", "PO-000001", "2", "0")
    assert main(["purchasing", "edit", "PO-000001", "9", "5"]) == 2
    assert "has no line 9" in capsys.readouterr().err
    assert "PO-000002 S-QUIM MAD: cancelled" in oms(capsys, "purchasing", "drop", "PO-000002")
    assert "PO-000001 S-HERR MAD: approved" in oms(capsys, "purchasing", "approve", "PO-000001")
    history = oms(capsys, "purchasing", "list", "PO-000001")
    for step in (
        "propose: draft -> draft",
        "edit: draft -> draft line 2 GUA-NIT-L: 120 -> 0",
        "approve: draft -> approved",
        "send: approved -> sent email to orders@brondby-tools.example",
    ):
        assert step in history
    assert main(["purchasing", "approve", "PO-000002"]) == 2  # cancelled: nothing more happens to it
    assert "cancelled; it cannot become approved" in capsys.readouterr().err
    mail = message_from_bytes(
        (
            data_dir / "outbox" / "email" / "orders_brondby-tools.example" / "PURCHASE_PO-000001.eml"
        ).read_bytes(),
        policy=policy.default,
    )
    assert isinstance(mail, EmailMessage) and mail["Subject"] == "Purchase order PO-000001"
    [pdf] = [p.get_content() for p in mail.walk() if p.get_content_type() == "application/pdf"]
    text = _pdf_text(pdf, data_dir / "po.pdf")
    assert "Purchase order PO-000001" in text and "AW-250" in text and "GUA-NIT-L" not in text


def _pdf_text(content: bytes, path: Path) -> str:
    path.write_bytes(content)
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_edifact_and_fax_suppliers_get_orders_and_a_spanish_pdf(app: App, tmp_path: Path) -> None:
    shop(app)
    svc = app.purchasing.service
    with app.uow() as uow:
        uow.purchasing.upsert(_rule("TOR-M8-40", "MAD", "2500", "4000"))
        uow.purchasing.upsert(_rule("SIL-TRA-300", "MAD", "200", "300"))
        uow.commit()
    made, _ = svc.plan("ana")
    assert [(p.supplier_id, [(line.sku, line.quantity) for line in p.lines]) for p in made] == [
        ("S-QUIM", [("SIL-TRA-300", D(168))]),  # 300 - 150 = 150 -> 7 packs of 24
        ("S-TORN", [("TOR-M8-40", D(2000))]),  # 4000 - 2000 = 2000, in packs of 500
    ]
    for order in made:
        svc.approve(order.number, "ana")
    app.run_jobs()
    assert po(app, made[1].number).state == "sent" and po(app, made[0].number).state == "sent"
    [edi] = list((tmp_path / "outbox" / "edi" / TORN).glob("ORDERS_*.edi"))
    [msg] = list(Interchange.from_str(edi.read_bytes().decode("latin-1")).get_messages())
    assert msg.type == "ORDERS" and ("BGM", ["220", made[1].number, "9"]) in [
        (s.tag, s.elements) for s in msg.segments
    ]
    fax = tmp_path / "outbox" / "fax" / f"purchase-{made[0].number}.pdf"
    text = _pdf_text(fax.read_bytes(), tmp_path / "fax.pdf")
    assert f"Pedido de compra {made[0].number}" in text and "Almacén Madrid" in text and "Descripción" in text
    with pytest.raises(IllegalPoTransition):
        svc.edit(made[0].number, 1, D(10), "ana")


def _rule(sku: str, warehouse: str, point: str, up_to: str) -> object:
    from core.purchasing.domain.suppliers import ReorderRule

    return ReorderRule(sku, warehouse, D(point), D(up_to))


def test_receive_by_the_command_line_good_damaged_and_over(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oms(capsys, "import", "products", str(SAMPLES / "masterdata" / "products.csv"))
    oms(capsys, "stock", "setup")
    for kind in ("suppliers", "supplier-products", "reorder"):
        oms(capsys, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv"))
    oms(capsys, "purchasing", "plan")
    assert main(["purchasing", "receive", "PO-000002", "SIL-TRA-300=10"]) == 2  # a draft: nothing came yet
    assert "draft; goods cannot be received on it" in capsys.readouterr().err
    oms(capsys, "purchasing", "approve", "PO-000002")  # S-QUIM, SIL-TRA-300 264 by fax
    out = oms(capsys, "purchasing", "receive", "PO-000002", "SIL-TRA-300=200:4", "--ref", "ALB-77")
    assert "SIL-TRA-300: 200 received, 4 damaged to CUARENTENA" in out
    assert "PO-000002 S-QUIM MAD: partly_received" in out
    assert main(["purchasing", "receive", "PO-000002", "TAC-6=1"]) == 2
    assert "TAC-6 is not on purchase order PO-000002" in capsys.readouterr().err
    out = oms(capsys, "purchasing", "receive", "PO-000002", "SIL-TRA-300=70")  # 64 were outstanding
    assert "SIL-TRA-300: 70 received, 6 over" in out and "PO-000002 S-QUIM MAD: received" in out
    stock = oms(capsys, "stock", "show", "SIL-TRA-300")
    assert "available to promise: SIL-TRA-300 420" in stock  # 150 + 200 + 70; the damaged 4 are not stock
    assert main(["purchasing", "receive", "PO-000002", "SIL-TRA-300=1"]) == 2
    assert "PO-000002 is received; goods cannot be received on it" in capsys.readouterr().err
    assert main(["purchasing", "invoice", "PO-000002", "FQ-1", "SIL-TRA-300=270x1.95"]) == 2
    assert "invoice lines are SKU=QUANTITY@PRICE, not 'SIL-TRA-300=270x1.95'" in capsys.readouterr().err
    # 270 x 1.95 = 526.50 of goods, 20.00 carriage and 5.35 duties; VAT 21 % of 551.85 = 115.89
    out = oms(
        capsys, "purchasing", "invoice", "PO-000002", "FQ-1", "SIL-TRA-300=270@1.95",
        "--carriage", "20", "--duties", "5.35", "--tax", "115.89",
    )  # fmt: skip
    assert "invoice FQ-1 of S-QUIM on PO-000002: matched" in out and "25.35 of charges spread by value" in out
    listed = oms(capsys, "purchasing", "list", "PO-000002")
    assert "landed: received -> received FQ-1: carriage 20, duties 5.35 spread by value" in listed
    assert "received 270 damaged 4 invoiced 270 landed 25.35" in listed
    assert "PO-000002 S-QUIM MAD: invoiced" in oms(capsys, "purchasing", "list", "PO-000002")
    assert "PO-000002 S-QUIM MAD: closed" in oms(capsys, "purchasing", "close", "PO-000002")
    # the 4 damaged wait in quarantine; a buyer finds one fit and writes the other three off
    assert "SIL-TRA-300 MAD/CUARENTENA: 4 held" in oms(capsys, "purchasing", "quarantine")
    out = oms(capsys, "purchasing", "quarantine", "SIL-TRA-300", "1", "--warehouse", "MAD", "--release")
    assert "SIL-TRA-300: 1 released from MAD/CUARENTENA to" in out
    assert "available to promise: SIL-TRA-300 421" in oms(capsys, "stock", "show", "SIL-TRA-300")
    assert main(["purchasing", "quarantine", "SIL-TRA-300", "4", "--warehouse", "MAD", "--write-off"]) == 2
    assert "holds 3 of SIL-TRA-300 in quarantine, not 4" in capsys.readouterr().err
    out = oms(capsys, "purchasing", "quarantine", "SIL-TRA-300", "3", "--warehouse", "MAD", "--write-off")
    assert "SIL-TRA-300: 3 written off at MAD/CUARENTENA" in out
    assert "nothing in quarantine" in oms(capsys, "purchasing", "quarantine")
