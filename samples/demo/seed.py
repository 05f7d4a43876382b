"""Demo data for `make run` (`oms db seed`): the master data in samples/ and a demo interchange dated
today, dropped into the EDI inbox."""

from __future__ import annotations

import re
from datetime import date, timedelta

from core.capture.services.partner_import import import_partners
from core.catalog.services.masterdata import import_csv
from outbound.spool import write_atomically
from samples.demo.host import SAMPLES, DemoApp

DEMO_INTERCHANGE = SAMPLES / "edifact" / "demo-orders.edi"
# The demo interchange was written on this day; its dates move with today so it stays current.
DEMO_WRITTEN = date(2026, 11, 26)
_DTM_102 = re.compile(rb"(DTM\+\d+:)(\d{8})(:102')")


def shift_dates(content: bytes, days: int) -> bytes:
    """Move every DTM date (format 102) by `days` days."""

    def move(m: re.Match[bytes]) -> bytes:
        old = date(int(m[2][:4]), int(m[2][4:6]), int(m[2][6:]))
        return m[1] + (old + timedelta(days=days)).strftime("%Y%m%d").encode() + m[3]

    return _DTM_102.sub(move, content)


def load_master_data(app: DemoApp) -> None:
    """The demo customers, products, customers' item codes, agreed prices, packs and EDIFACT partners."""
    for kind in ("customers", "products", "customer-items", "prices", "units"):
        import_csv(app.uow(), kind, (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8"))
    import_partners(app.uow(), (SAMPLES / "masterdata" / "partners.csv").read_text(encoding="utf-8"))


def seed_demo(app: DemoApp, *, if_empty: bool) -> str:
    """Load the demo master data and drop the demo interchange into the EDI inbox."""
    with app.uow() as uow:
        if if_empty and uow.master.count() > 0:
            return "master data present; demo data not loaded"
    load_master_data(app)
    days = (app.clock().date() - DEMO_WRITTEN).days
    target = app.settings.inbox / "edi" / DEMO_INTERCHANGE.name
    write_atomically(target, shift_dates(DEMO_INTERCHANGE.read_bytes(), days))
    return f"demo master data loaded; demo interchange placed in {target.parent}"
