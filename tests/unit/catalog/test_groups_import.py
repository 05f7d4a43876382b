"""`oms import customer-groups|group-prices|customer-prices|categories|promotions`: each row lands at its
level, a later import replaces the same row, and a bad row refuses the whole file by its number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.catalog.domain.pricing import PriceLevel
from core.catalog.services.masterdata import import_csv
from core.kernel.errors import MasterDataError
from oms.bootstrap import App
from tests.unit.catalog.test_terms_import import CUSTOMERS, PRODUCTS, prices

D = Decimal
PROMOS = "promotion_id,description,kind,value,buy,get,scope,target,currency,valid_from,valid_to,code\n"


@pytest.fixture
def loaded(app: App) -> App:
    import_csv(app.uow(), "products", PRODUCTS)
    import_csv(app.uow(), "customers", CUSTOMERS)
    return app


def test_a_customer_joins_a_group_and_moves_to_another(loaded: App) -> None:
    report = import_csv(loaded.uow(), "customer-groups", "customer_id,group\nC-1,Ferreterías\n")
    assert (report.created, report.updated) == (1, 0)
    with loaded.uow() as uow:
        assert uow.master.group_of("C-1") == "FERRETERÍAS"  # upper case, accent kept
    import_csv(loaded.uow(), "customer-groups", "customer_id,group\nC-1,grandes\n")
    with loaded.uow() as uow:
        assert uow.master.group_of("C-1") == "GRANDES"
        assert uow.master.group_of("C-9") is None


def test_group_and_customer_lists_land_at_their_levels(loaded: App) -> None:
    header = "sku,unit_price,currency,min_quantity,valid_from,valid_to\n"
    import_csv(loaded.uow(), "group-prices", "group," + header + "ferreterias,TOR,0.17,EUR,,,\n")
    import_csv(loaded.uow(), "customer-prices", "customer_id," + header + "C-1,TOR,0.165,EUR,500,,\n")
    assert prices(loaded, "TOR") == [
        (PriceLevel.CUSTOMER_LIST, "C-1", D("0.165"), "EUR", D(500), None, None),
        (PriceLevel.GROUP_LIST, "FERRETERIAS", D("0.17"), "EUR", D(1), None, None),
    ]
    # the same group, SKU, break and first day: replaced, not added
    report = import_csv(loaded.uow(), "group-prices", "group," + header + "FERRETERIAS,TOR,0.168,EUR,1,,\n")
    assert (report.created, report.updated) == (0, 1)
    assert [p[2] for p in prices(loaded, "TOR") if p[0] == PriceLevel.GROUP_LIST] == [D("0.168")]


def test_a_bad_row_loads_nothing_and_names_its_row(loaded: App) -> None:
    header = "customer_id,sku,unit_price,currency,min_quantity,valid_from,valid_to\n"
    with pytest.raises(MasterDataError) as err:
        import_csv(loaded.uow(), "customer-prices", header + "C-1,TOR,0.16,EUR,,,\nC-404,TOR,0.16,EUR,,,\n")
    assert err.value.row == 3 and "C-404" in str(err.value)
    assert prices(loaded, "TOR") == []
    with pytest.raises(MasterDataError) as err:
        import_csv(loaded.uow(), "categories", "sku,category\nTOR,Tornillería\nNOPE,X\n")
    assert err.value.row == 3
    with loaded.uow() as uow:
        assert uow.master.categories() == {}


def test_categories_load(loaded: App) -> None:
    import_csv(loaded.uow(), "categories", "sku,category\nTOR,Tornillería\nGUA,epis\n")
    with loaded.uow() as uow:
        assert uow.master.categories() == {"TOR": "TORNILLERÍA", "GUA": "EPIS"}


def test_promotions_load_each_kind(loaded: App) -> None:
    rows = (
        "navidad10,Navidad,percent,10,,,category,tornillería,,2026-12-01,2026-12-31,XMAS26\n"
        "GUA3X2,Tres por dos,buy-get,,2,1,product,GUA,,,,\n"
        "C1-MENOS,,fixed,0.01,,,customer,C-1,eur,,,\n"
    )
    report = import_csv(loaded.uow(), "promotions", PROMOS + rows)
    assert (report.created, report.updated) == (3, 0)
    with loaded.uow() as uow:
        found = {p.promotion_id: p for p in uow.master.promotions()}
    assert sorted(found) == ["C1-MENOS", "GUA3X2", "NAVIDAD10"]
    xmas = found["NAVIDAD10"]
    assert (xmas.kind, xmas.value, xmas.scope, xmas.target, xmas.code) == (
        "percent",
        D(10),
        "category",
        "TORNILLERÍA",
        "XMAS26",
    )
    assert (found["GUA3X2"].kind, found["GUA3X2"].buy, found["GUA3X2"].get) == ("buy_get", 2, 1)
    assert (found["C1-MENOS"].currency, found["C1-MENOS"].target) == ("EUR", "C-1")


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("P,,percent,120,,,all,,,,,", "percentage"),
        ("P,,percent,10,,,product,,,,,", "needs a target"),
        ("P,,percent,10,,,all,TOR,,,,", "takes no target"),
        ("P,,fixed,0.05,,,all,,,,,", "currency"),
        ("P,,buy_get,,3,,all,,,,,", "both buy and get"),
        ("P,,buy_get,,1.5,1,all,,,,,", "whole number"),
        ("P,,gift,1,,,all,,,,,", "kind"),
        ("P,,percent,10,,,product,NOPE,,,,", "NOPE"),
        ("P,,percent,10,,,all,,,2026-12-31,2026-12-01,", "before"),
    ],
)
def test_a_bad_promotion_is_refused_with_its_reason(loaded: App, row: str, said: str) -> None:
    with pytest.raises(MasterDataError) as err:
        import_csv(loaded.uow(), "promotions", PROMOS + row + "\n")
    assert err.value.row == 2 and said in str(err.value)
