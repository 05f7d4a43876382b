"""The lifecycle's `oms` commands: the scripted demo, and each warehouse step by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oms.cli import main

pytestmark = pytest.mark.integration


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OMS_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    monkeypatch.setenv("OMS_BROKER_URL", "memory://")
    return tmp_path / "var"


def oms(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0, argv
    return capsys.readouterr().out


def test_demo_takes_an_edi_order_from_arrival_to_delivered(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = oms(capsys, "demo")
    for step in (
        "-> allocated",
        "-> released",
        "-> picked",
        "-> packed",
        "-> shipped",
        "delivered -> delivered",
    ):
        assert step in out
    assert re.search(r"outbox: desadv sent \S+DESADV_8437000100010_\d+\.edi", out)
    assert list((data_dir / "print" / "picklists").glob("PL-*.pdf"))
    assert list((data_dir / "print" / "labels").glob("*.pdf"))
    again = oms(capsys, "demo")  # a second run takes a new order (its own interchange reference)
    assert "delivered -> delivered" in again


def test_each_warehouse_step_by_hand(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the EDIFACT part of the demo: master data, warehouses and stock; of its interchange's two orders,
    # order 1 delivered and order 2 accepted
    oms(capsys, "demo", "--channel", "edi")
    assert "order 2: allocated" in oms(capsys, "allocate", "2")
    released = oms(capsys, "release", "2")
    pick_list = re.search(r"pick list (\d+):", released)
    assert pick_list is not None
    assert "order 2: picked" in oms(capsys, "pick", pick_list[1])
    packed = oms(capsys, "pack", "2", "--warehouse", "MAD", "--weight", "9.8")
    shipment = re.search(r"shipment (\d+): 1 parcel", packed)
    assert shipment is not None and "9.8 kg" in packed
    shipped = oms(capsys, "ship", shipment[1], "--service", "TRANSLOG:URGENTE")
    assert "TRANSLOG URGENTE" in shipped and "fragile" not in shipped
    oms(capsys, "deliver", shipment[1])
    shown = oms(capsys, "order", "2")
    assert re.search(r"order 2 PO-\d+-2: delivered", shown) and "notice shipped via edi: queued" in shown
    stock = oms(capsys, "stock", "show", "LLA-AJ-250")
    assert (
        re.search(r"LLA-AJ-250 +MAD +A-09-01 +19 +0 +19", stock)
        and "available to promise: LLA-AJ-250 19" in stock
    )
    assert main(["ship", shipment[1]]) == 2  # shipped already: refused with the reason
    assert "only a packed one can ship" in capsys.readouterr().err
