"""The `oms` command line as the contracts describe it: extract, import, ingest, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from samples.demo.seed import DEMO_WRITTEN, shift_dates
from tests.conftest import ROOT, SAMPLES, SHARED_EDIFACT, require_shared

CONTRACT_ORDER_KEYS = {
    "po_number",
    "customer_id",
    "order_date",
    "requested_delivery_date",
    "currency",
    "buyer",
    "supplier",
    "ship_to",
    "lines",
    "total",
    "confidence",
    "decision",
    "problems",
}
CONTRACT_LINE_KEYS = {
    "line_no",
    "item_code",
    "gtin",
    "buyer_item_code",
    "supplier_item_code",
    "sku",
    "description",
    "quantity",
    "unit",
    "unit_price",
}


def oms(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OMS_DATA_DIR": str(tmp_path / "var")}
    env.pop("OMS_DATABASE_URL", None)
    env.pop("OMS_BROKER_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "oms.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_extract_prints_the_contract_shape_and_stores_nothing(tmp_path: Path) -> None:
    require_shared()
    files = [
        str(SHARED_EDIFACT / "bots-plugins__order01.edi"),
        str(SHARED_EDIFACT / "edifabric__Invoice.txt"),
    ]
    result = oms(tmp_path, "extract", "--json", *files)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [e["source"] for e in out] == files
    first = out[0]
    assert first["channel"] == "edi" and first["format"] == "edifact" and first["error"] is None
    assert [o["po_number"] for o in first["orders"]] == [
        "ORDT0000000004-1",
        "ORDT0000000004-2",
        "ORDT0000000004-3",
    ]
    order = first["orders"][2]
    assert set(order) >= CONTRACT_ORDER_KEYS
    assert order["buyer"]["party_id"] == "PARTNER1" and order["supplier"]["party_id"] == "PARTNER2"
    assert set(order["ship_to"]) >= {"party_id", "name", "street", "postal_code", "city", "country"}
    assert set(order["lines"][0]) >= CONTRACT_LINE_KEYS
    assert [ln["quantity"] for ln in order["lines"]] == ["10", "100", "1000", "10000"]
    assert order["decision"] == "review"  # no master data: the buyer is unknown
    assert "unknown_customer" in {p["code"] for p in order["problems"]}
    assert out[1]["orders"] == []  # an invoice holds no orders
    assert not (tmp_path / "var" / "oms.db").exists()


def test_extract_resolves_against_imported_master_data(tmp_path: Path) -> None:
    for kind in ("customers", "products", "customer-items"):
        done = oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv"))
        assert done.returncode == 0, done.stderr
        assert "created" in done.stdout
    result = oms(tmp_path, "extract", "--json", str(SAMPLES / "edifact" / "demo-orders.edi"))
    order = json.loads(result.stdout)[0]["orders"][0]
    assert order["customer_id"] == "C-1001"
    assert [ln["sku"] for ln in order["lines"]] == ["TOR-M8-40", "TUE-M8", "TAC-6"]
    assert order["lines"][0]["unit_price"] == "0.18"
    assert order["buyer"]["name"] == "Ferretería Núñez S.L."


def test_an_unreadable_input_file_exits_2_with_the_reason(tmp_path: Path) -> None:
    result = oms(tmp_path, "extract", "--json", str(tmp_path / "missing.edi"))
    assert result.returncode == 2
    assert "missing.edi" in result.stderr
    assert oms(tmp_path, "ingest", str(tmp_path / "missing.edi")).returncode == 2
    assert oms(tmp_path, "frobnicate").returncode == 2


def test_a_bad_master_data_file_exits_2_naming_the_row(tmp_path: Path) -> None:
    bad = tmp_path / "products.csv"
    bad.write_text("sku,name,description_en,gtin,unit,price,currency\nA,B,,,,twelve,EUR\n", encoding="utf-8")
    result = oms(tmp_path, "import", "products", str(bad))
    assert result.returncode == 2 and "row 2" in result.stderr


def test_a_partners_file_with_a_bad_row_is_refused_naming_the_row(tmp_path: Path) -> None:
    oms(tmp_path, "import", "customers", str(SAMPLES / "masterdata" / "customers.csv"))
    bad = tmp_path / "partners.csv"
    bad.write_text(
        "sender_id,qualifier,syntax_ids,buyers,channel,address\n"
        "8437000100010,14,UNOC,C-1001,edi,nunez\n"
        "5012345000015,14,UNOC,C-2001,edi,../../tmp/x\n",
        encoding="utf-8",
    )
    result = oms(tmp_path, "import", "partners", str(bad))
    assert result.returncode == 2 and "row 3" in result.stderr and "address" in result.stderr
    good = tmp_path / "good.csv"
    good.write_text(bad.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert (
        "partners: 0 created" in oms(tmp_path, "import", "partners", str(good)).stdout
    )  # row 2 was not kept


def test_ingest_on_the_embedded_default_processes_at_once(tmp_path: Path) -> None:
    for kind in ("customers", "products", "customer-items", "partners"):
        oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv"))
    # the command runs on the wall clock: the interchange's dates are moved to today, as `oms db seed`
    # does, so its delivery dates are not in the past (which would send an order to review)
    demo = tmp_path / "demo-orders.edi"
    days = (datetime.now(UTC).date() - DEMO_WRITTEN).days
    demo.write_bytes(shift_dates((SAMPLES / "edifact" / "demo-orders.edi").read_bytes(), days))
    result = oms(tmp_path, "ingest", "--channel", "edi", str(demo))
    assert result.returncode == 0, result.stderr
    assert "processed" in result.stdout and "2 order(s)" in result.stdout
    again = oms(tmp_path, "ingest", str(demo))
    assert "duplicate" in again.stdout and "0 order(s)" in again.stdout
    # owed: one ORDRSP interchange carrying both orders' answers, and the CONTRL the interchange asked
    # for; the same bytes again are a duplicate of the first arrival and owe nothing more
    outbox = tmp_path / "var" / "outbox" / "edi" / "8437000100010"
    names = sorted(p.name for p in outbox.glob("*.edi"))
    assert [n.split("_")[0] for n in names] == ["CONTRL", "ORDRSP"], names
    [ordrsp] = outbox.glob("ORDRSP_*.edi")
    assert ordrsp.read_bytes().count(b"UNH+") == 2


@pytest.mark.parametrize("name", ["bots-plugins__orders96.edi", "pydifact__order.edi"])
def test_extract_reads_shared_samples(tmp_path: Path, name: str) -> None:
    require_shared()
    result = oms(tmp_path, "extract", "--json", str(SHARED_EDIFACT / name))
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["orders"]


def test_extract_shows_what_the_document_is_and_what_it_shows_unread(tmp_path: Path) -> None:
    from tests.integration.order_documents import OrderPdf

    for kind in ("customers", "products", "customer-items"):
        assert oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv")).returncode == 0
    invoice, undated = tmp_path / "factura.pdf", tmp_path / "pedido.pdf"
    invoice.write_bytes(OrderPdf(title="FACTURA", letterhead=("CIF: B-28765432",)).pdf())
    undated.write_bytes(OrderPdf(order_date="31/11/2026", letterhead=("Fax +34 912 345 678",)).pdf())
    result = oms(tmp_path, "extract", "--json", str(invoice), str(undated))
    assert result.returncode == 0, result.stderr
    [read_invoice], [read_undated] = (e["orders"] for e in json.loads(result.stdout))
    assert read_invoice["kind"] == "invoice" and read_invoice["decision"] == "review"
    assert read_invoice["customer_id"] == "C-1001"  # by the tax id its letterhead prints
    assert {p["code"] for p in read_invoice["problems"]} == {"not_an_order"}
    assert read_undated["customer_id"] == "C-1001" and read_undated["order_date"] is None
    assert read_undated["unread"] == [{"field": "order_date", "label": "Fecha:", "page": 1}]
    assert "field_not_read" in {p["code"] for p in read_undated["problems"]}
