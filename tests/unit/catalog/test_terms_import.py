"""`oms import prices` and `oms import units`: the contract's columns, replacing by
(customer_id, sku, min_quantity, valid_from), and a bad row refusing the whole file by its number."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.catalog.domain.pricing import PriceLevel
from core.catalog.services.masterdata import import_csv
from core.kernel.errors import MasterDataError
from oms.bootstrap import App

PRODUCTS = (
    "sku,name,description_en,gtin,unit,price,currency\n"
    "TOR,Tornillo,,8437000100102,UD,0.18,EUR\n"
    "GUA,Guantes de nitrilo,,8437000100171,UD,0.09,EUR\n"
)
CUSTOMERS = (
    "customer_id,name,email,fax,gln,street,postal_code,city,country,language\n"
    "C-1,Ferretería Núñez,,,,,,,ES,es\n"
)
PRICES = "customer_id,sku,unit_price,currency,min_quantity,valid_from,valid_to\n"
UNITS = "sku,unit,factor,gtin\n"


@pytest.fixture
def loaded(app: App) -> App:
    import_csv(app.uow(), "products", PRODUCTS)
    import_csv(app.uow(), "customers", CUSTOMERS)
    return app


def prices(app: App, sku: str) -> list[tuple[str, str, Decimal, str, Decimal, date | None, date | None]]:
    with app.uow() as uow:
        return sorted(
            (r.level, r.party, r.unit_price, r.currency, r.min_quantity, r.valid_from, r.valid_to)
            for r in uow.master.prices_for(sku)
        )


def test_agreed_prices_and_breaks_load_with_their_defaults(loaded: App) -> None:
    report = import_csv(
        loaded.uow(),
        "prices",
        PRICES + "C-1,TOR,0.16,eur,,,\n,TOR,0.15,EUR,1000,2026-01-01,2026-12-31\n",
    )
    assert (report.created, report.updated) == (2, 0)
    assert prices(loaded, "TOR") == [
        ("agreement", "C-1", Decimal("0.16"), "EUR", Decimal(1), None, None),
        ("base", "", Decimal("0.15"), "EUR", Decimal(1000), date(2026, 1, 1), date(2026, 12, 31)),
    ]


def test_a_later_import_replaces_the_same_customer_sku_break_and_first_day(loaded: App) -> None:
    import_csv(loaded.uow(), "prices", PRICES + "C-1,TOR,0.16,EUR,10,2026-01-01,\nC-1,TOR,0.17,EUR,,,\n")
    report = import_csv(
        loaded.uow(),
        "prices",
        # same key as the first row ("10.0" is the break 10): replaced; another first day: a new row
        PRICES + "C-1,TOR,0.155,EUR,10.0,2026-01-01,2026-06-30\nC-1,TOR,0.15,EUR,10,2026-07-01,\n",
    )
    assert (report.created, report.updated) == (1, 1)
    assert prices(loaded, "TOR") == [  # sorted by level, customer, price
        (PriceLevel.AGREEMENT, "C-1", Decimal("0.15"), "EUR", Decimal(10), date(2026, 7, 1), None),
        (
            PriceLevel.AGREEMENT,
            "C-1",
            Decimal("0.155"),
            "EUR",
            Decimal(10),
            date(2026, 1, 1),
            date(2026, 6, 30),
        ),
        (PriceLevel.AGREEMENT, "C-1", Decimal("0.17"), "EUR", Decimal(1), None, None),
    ]


def test_packs_load_and_are_found_by_their_gtin(loaded: App) -> None:
    text = UNITS + "GUA,CJ,100,18437000100178\nTOR,CJ,12,\nTOR,PAL,480,28437000100109\n"
    assert import_csv(loaded.uow(), "units", text).created == 3
    assert import_csv(loaded.uow(), "units", UNITS + "TOR,cj,24,\n").updated == 1
    with loaded.uow() as uow:
        assert [(p.unit, p.factor, p.gtin) for p in uow.master.packs_for("TOR")] == [
            ("CJ", Decimal(24), None),
            ("PAL", Decimal(480), "28437000100109"),
        ]
        box = uow.master.pack_by_gtin("18437000100178")
        assert box is not None and (box.sku, box.unit, box.factor) == ("GUA", "CJ", Decimal(100))


@pytest.mark.parametrize(
    ("kind", "rows", "message"),
    [
        ("prices", "C-1,TOR,0,16,EUR,,,\n", "row 2: more cells"),  # a decimal comma
        ("prices", "C-1,TOR,abc,EUR,,,\n", "row 2: unit_price 'abc'"),
        ("prices", "C-1,TOR,-1,EUR,,,\n", "row 2: unit_price '-1'"),
        ("prices", "C-1,TOR,0.16,,,,\n", "row 2: currency is empty"),
        ("prices", "C-1,TOR,0.16,EURO,,,\n", "row 2: currency 'EURO'"),
        ("prices", "C-1,TOR,0.16,EUR,0,,\n", "row 2: min_quantity '0'"),
        ("prices", "C-1,TOR,0.16,EUR,,01/02/2026,\n", "row 2: valid_from '01/02/2026'"),
        ("prices", "C-1,TOR,0.16,EUR,,2026-02-01,2026-01-31\n", "row 2: valid_to 2026-01-31 is before"),
        ("prices", "C-9,TOR,0.16,EUR,,,\n", "row 2: customer 'C-9' does not exist"),
        ("prices", "C-1,NOPE,0.16,EUR,,,\n", "row 2: sku 'NOPE' does not exist"),
        ("units", "TOR,CJ,,\n", "row 2: factor is empty"),
        ("units", "TOR,CJ,0,\n", "row 2: factor '0'"),
        ("units", "TOR,CJ,12,123\n", "row 2: gtin '123'"),
        ("units", "TOR,CJ,12,8437000100171\n", "row 2: gtin 8437000100171 is the GTIN of product GUA"),
        ("units", "NOPE,CJ,12,\n", "row 2: sku 'NOPE' does not exist"),
    ],
)
def test_a_bad_row_refuses_the_whole_file_with_its_number(
    loaded: App, kind: str, rows: str, message: str
) -> None:
    header = PRICES if kind == "prices" else UNITS
    good = "C-1,GUA,0.08,EUR,,,\n" if kind == "prices" else "GUA,CJ,100,\n"
    # the good row is row 2, the bad one row 3
    with pytest.raises(MasterDataError, match=message.replace("row 2", "row 3")):
        import_csv(loaded.uow(), kind, header + good + rows)
    with loaded.uow() as uow:
        assert uow.master.prices_for("GUA") == [] and uow.master.packs_for("GUA") == []


def test_a_pack_gtin_already_another_packs_is_refused(loaded: App) -> None:
    import_csv(loaded.uow(), "units", UNITS + "GUA,CJ,100,18437000100178\n")
    with pytest.raises(MasterDataError, match="row 2: gtin 18437000100178 is already the GTIN of GUA CJ"):
        import_csv(loaded.uow(), "units", UNITS + "TOR,CJ,12,18437000100178\n")
