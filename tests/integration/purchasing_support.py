"""Helpers for the purchasing tests: a shop with master data, warehouses and suppliers, and the
supplier's EDIFACT answers written by hand the way a supplier's translator writes them."""

from __future__ import annotations

from decimal import Decimal

from core.purchasing.domain.orders import PurchaseOrder
from oms.bootstrap import App
from tests.conftest import SAMPLES, load_demo_master_data
from tests.integration.lifecycle_support import set_up_shop

D = Decimal
TORN = "8412345000010"  # S-TORN's interchange id (samples/masterdata/suppliers.csv)
US = "8437000100003"  # ours, as S-TORN knows us


def load_suppliers(app: App, *, reorder: bool = False) -> None:
    kinds = ["suppliers", "supplier-products"] + (["reorder"] if reorder else [])
    for kind in kinds:
        text = (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8")
        app.purchasing.service.import_csv(kind, text)


def shop(app: App, *, stock: bool = True, reorder: bool = False) -> None:
    load_demo_master_data(app)
    set_up_shop(app, stock=stock)
    load_suppliers(app, reorder=reorder)


def po(app: App, ident: int | str) -> PurchaseOrder:
    with app.uow() as uow:
        found = uow.purchasing.po(ident)
        assert found is not None
        return found


def interchange(kind: str, body: str, ref: str) -> bytes:
    """One message from S-TORN to us; the segment count is worked out from the body."""
    count = body.count("'") + 2
    return (
        f"UNA:+.? 'UNB+UNOC:3+{TORN}:14+{US}:14+261204:0900+{ref}'"
        f"UNH+1+{kind}:D:96A:UN:EAN005'{body}UNT+{count}+1'UNZ+1+{ref}'"
    ).encode("latin-1")
