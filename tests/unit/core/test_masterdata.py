"""Master-data CSV import: columns of the contract, upserts, and bad rows named by number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.catalog.services.masterdata import import_csv
from core.kernel.errors import MasterDataError
from oms.bootstrap import App
from tests.conftest import SAMPLES


def test_the_demo_files_import_and_a_second_import_updates(app: App) -> None:
    for kind in ("customers", "products", "customer-items"):
        text = (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8")
        report = import_csv(app.uow(), kind, text)
        assert report.created > 0 and report.updated == 0
    again = import_csv(app.uow(), "products", (SAMPLES / "masterdata" / "products.csv").read_text())
    assert again.created == 0 and again.updated == 10
    with app.uow() as uow:
        customer = uow.master.customer_by_gln("8437000100010")
        assert customer is not None and customer.name == "Ferretería Núñez S.L."
        product = uow.master.product("TOR-M8-40")
        assert product is not None and product.price == Decimal("0.18") and isinstance(product.price, Decimal)
        assert uow.master.sku_for_customer_code("C-1001", "4712") == "TUE-M8"


def test_prices_stay_exact(app: App) -> None:
    csv = "sku,name,description_en,gtin,unit,price,currency\nX,Thing,,,UD,0.1000000001,eur\n"
    import_csv(app.uow(), "products", csv)
    with app.uow() as uow:
        product = uow.master.product("X")
        assert product is not None
        assert product.price == Decimal("0.1000000001") and product.currency == "EUR"


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("products", "sku,name\nA,B\n", "lacks column(s): description_en"),
        (
            "products",
            "sku,name,description_en,gtin,unit,price,currency\nA,B,,,,1,5,EUR\n",
            "row 2: more cells",
        ),
        ("products", "sku,name,description_en,gtin,unit,price,currency\nA,B,,,,abc,EUR\n", "row 2: price"),
        ("products", "sku,name,description_en,gtin,unit,price,currency\nA,B,,123,,1,EUR\n", "row 2: gtin"),
        (
            "products",
            "sku,name,description_en,gtin,unit,price,currency\n,B,,,,1,EUR\n",
            "row 2: sku is empty",
        ),
        (
            "customers",
            "customer_id,name,email,fax,gln,street,postal_code,city,country,language\nC,N,,,,,,,ESP,\n",
            "row 2: country",
        ),
        ("customer-items", "customer_id,customer_item_code,sku\nNOPE,1,X\n", "row 2: customer 'NOPE'"),
    ],
)
def test_bad_files_are_refused_whole_with_the_row(app: App, kind: str, text: str, message: str) -> None:
    with pytest.raises(MasterDataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_csv(app.uow(), kind, text)
    with app.uow() as uow:
        assert uow.master.count() == 0
