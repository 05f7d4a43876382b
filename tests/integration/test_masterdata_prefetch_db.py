"""Reading an e-mail's products at once (`prefetch_products`) answers every later lookup in the unit of
work exactly as reading them one by one would, without another statement, on SQLite and PostgreSQL.

The master data is written here: two products, one with three price rows (a customer's agreed price, a
quantity break and a price from next year, stored in that order) and two packs (a box and a pallet), one
with neither; and a code that names no product ("NADA-1"), which must stay unknown.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event

from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceLevel, PriceRow
from core.kernel.domain.model import Product
from oms.bootstrap import App

pytestmark = pytest.mark.integration

SCREW, GLUE, NOTHING = "TOR-M8-40", "SIL-TRA-300", "NADA-1"


@pytest.fixture
def shop(app_each_db: App) -> App:
    app = app_each_db
    with app.uow() as uow:
        uow.master.upsert(Product(sku=SCREW, name="Tornillo hexagonal M8×40 cincado", price=Decimal("0.18")))
        uow.master.upsert(Product(sku=GLUE, name="Silicona neutra", price=Decimal("4.20")))
        uow.commit()
    with app.uow() as uow:
        for row in (
            PriceRow(PriceLevel.AGREEMENT, "C-1001", SCREW, Decimal("0.16"), "EUR", Decimal("5000")),
            PriceRow(PriceLevel.BASE, "", SCREW, Decimal("0.17"), "EUR", Decimal("1000")),
            PriceRow(PriceLevel.BASE, "", SCREW, Decimal("0.19"), "EUR", Decimal("1"), date(2027, 1, 1)),
        ):
            uow.master.upsert_price(row)
        uow.master.upsert_pack(Pack(SCREW, "PAL", Decimal("20000")))
        uow.master.upsert_pack(Pack(SCREW, "CJ", Decimal("100"), "18437000100017"))
        uow.commit()
    return app


def _seen(uow: object) -> dict[str, object]:
    master = uow.master  # type: ignore[attr-defined]
    return {
        code: (
            master.product(code) and master.product(code).name,
            [(r.level, r.party, r.unit_price, r.min_quantity, r.valid_from) for r in master.prices_for(code)],
            [(p.unit, p.factor, p.gtin) for p in master.packs_for(code)],
        )
        for code in (SCREW, GLUE, NOTHING)
    }


def test_prefetched_lookups_are_the_ones_read_one_by_one_and_ask_nothing_more(shop: App) -> None:
    with shop.uow() as uow:
        one_by_one = _seen(uow)
    statements: list[str] = []
    event.listen(shop.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with shop.uow() as uow:
        uow.master.prefetch_products([SCREW, GLUE, NOTHING, SCREW])
        prefetched = len(statements)
        at_once = _seen(uow)
        asked_after = statements[prefetched:]
    assert at_once == one_by_one
    assert at_once[SCREW] == (
        "Tornillo hexagonal M8×40 cincado",
        [
            (PriceLevel.AGREEMENT, "C-1001", Decimal("0.16"), Decimal("5000"), None),
            (PriceLevel.BASE, "", Decimal("0.17"), Decimal("1000"), None),
            (PriceLevel.BASE, "", Decimal("0.19"), Decimal("1"), date(2027, 1, 1)),
        ],
        [("CJ", Decimal("100"), "18437000100017"), ("PAL", Decimal("20000"), None)],
    )
    assert at_once[GLUE] == ("Silicona neutra", [], [])
    assert at_once[NOTHING] == (None, [], [])
    assert asked_after == []  # every lookup answered from what the three statements read
    reads = [s for s in statements[:prefetched] if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 3  # products, their price rows, their packs
