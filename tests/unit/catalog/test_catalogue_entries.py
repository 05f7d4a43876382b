"""What a catalogue shows: each product at the price a member of its group pays for one unit on the day,
the promotions running for it, its attributes; worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.catalog.domain.catalogue import Attribute, Catalogue, entries, token_hash
from core.catalog.domain.pricing import PriceLevel, PriceRow
from core.catalog.domain.promotions import Promotion
from core.kernel.domain.model import Partner, Product
from core.kernel.errors import SalesError
from outbound.edifact.pricat import pricat_for

DAY = date(2027, 3, 1)
PRODUCTS = [
    Product(
        "TOR-M8-40", "Tornillo M8x40", gtin="8437000100102", unit="UD", price=Decimal("0.18"), currency="EUR"
    ),
    Product("TUE-M8", "Tuerca M8", gtin="8437000100201", unit="UD", price=Decimal("0.05"), currency="EUR"),
    Product("LLA-AJ-250", "Llave ajustable 250", unit="UD", price=Decimal("12.80"), currency="EUR"),
    Product("SIN-PRECIO", "Sin precio en euros", price=Decimal("3"), currency="GBP"),
]
CATEGORIES = {"TOR-M8-40": "TORNILLERIA", "TUE-M8": "TORNILLERIA", "LLA-AJ-250": "HERRAMIENTA"}
ROWS = [
    # the group's list: bolts cheaper for FERRETERIAS until the end of March, nuts from 1,000 only
    PriceRow(
        PriceLevel.GROUP_LIST, "FERRETERIAS", "TOR-M8-40", Decimal("0.15"), "EUR", valid_to=date(2027, 3, 31)
    ),
    PriceRow(
        PriceLevel.GROUP_LIST, "FERRETERIAS", "TUE-M8", Decimal("0.04"), "EUR", min_quantity=Decimal(1000)
    ),
    # another group's price never shows in this group's catalogue
    PriceRow(PriceLevel.GROUP_LIST, "INDUSTRIA", "LLA-AJ-250", Decimal("10.00"), "EUR"),
]
PROMOTIONS = [
    Promotion("PRIMAVERA", "percent", "category", "HERRAMIENTA", value=Decimal(10), description="primavera"),
    Promotion("CODIGO", "percent", "all", value=Decimal(5), code="FERIA27"),  # needs a code: not shown
    Promotion("PASADA", "percent", "all", value=Decimal(5), valid_to=date(2027, 1, 31)),  # ended
]


def catalogue(group: str | None = "FERRETERIAS", categories: str = "") -> Catalogue:
    return Catalogue(
        name="Primavera 2027",
        season="2027-primavera",
        currency="EUR",
        valid_from=date(2027, 2, 1),
        valid_to=date(2027, 5, 31),
        created_at=datetime(2027, 1, 20, 9, 0, tzinfo=UTC),
        created_by="marta",
        token_sha256=token_hash("secret-link"),
        group_code=group,
        categories=categories,
        id=7,
    )


def test_a_group_catalogue_prices_one_unit_as_the_group_pays_it() -> None:
    shown = entries(catalogue(), PRODUCTS, ROWS, CATEGORIES, PROMOTIONS, on=DAY)
    # by category, then SKU; SIN-PRECIO has no euro price and is left out
    assert [(e.category, e.sku, e.price) for e in shown] == [
        ("HERRAMIENTA", "LLA-AJ-250", "12.80"),  # INDUSTRIA's 10.00 is not this group's
        ("TORNILLERIA", "TOR-M8-40", "0.15"),  # the group's list
        ("TORNILLERIA", "TUE-M8", "0.05"),  # the group's 0.04 starts at 1,000 units: one unit pays base
    ]
    assert shown[0].promotions == ("promotion PRIMAVERA (primavera): 10 % off",)
    assert shown[1].promotions == () and shown[2].promotions == ()


def test_after_the_group_price_ends_the_base_price_shows() -> None:
    shown = entries(catalogue(), PRODUCTS, ROWS, CATEGORIES, PROMOTIONS, on=date(2027, 4, 1))
    assert {e.sku: e.price for e in shown}["TOR-M8-40"] == "0.18"


def test_the_catalogue_for_everyone_shows_base_prices_and_chosen_categories_only() -> None:
    attributes = [
        Attribute("TOR-M8-40", "Material", "acero zincado"),
        Attribute("TOR-M8-40", "Métrica", "M8"),
    ]
    shown = entries(
        catalogue(None, "TORNILLERIA"),
        PRODUCTS,
        ROWS,
        CATEGORIES,
        [],
        attributes,
        frozenset({"TUE-M8"}),
        on=DAY,
    )
    assert [(e.sku, e.price, e.has_image) for e in shown] == [
        ("TOR-M8-40", "0.18", False),
        ("TUE-M8", "0.05", True),
    ]
    assert shown[0].attributes == (("Material", "acero zincado"), ("Métrica", "M8"))


def test_the_link_opens_only_with_its_own_token_and_a_catalogue_cannot_end_before_it_starts() -> None:
    made = catalogue()
    assert made.opens_with("secret-link")
    assert not made.opens_with("secret-link2") and not made.opens_with("")
    assert made.token_sha256 != "secret-link"  # only the hash is kept
    with pytest.raises(SalesError):
        Catalogue("x", "s", "EUR", date(2027, 2, 1), date(2027, 1, 1), made.created_at, "marta", "h")


def test_pricat_parses_back_with_every_product_and_its_price() -> None:
    shown = entries(catalogue(), PRODUCTS, ROWS, CATEGORIES, PROMOTIONS, on=DAY)
    partner = Partner(
        "8437000100010", "14", our_id="8437000000007", our_qualifier="14", address="8437000100010"
    )
    message = pricat_for(catalogue(), shown, partner, "42", datetime(2027, 3, 1, 8, 0, tzinfo=UTC))
    assert message.filename == "PRICAT_8437000100010_42.edi" and message.recipient == "8437000100010"
    interchange = Interchange.from_str(message.content.decode("latin-1"))
    assert (interchange.sender, interchange.recipient) == (["8437000000007", "14"], ["8437000100010", "14"])
    segments = list(interchange.segments)
    tags = [s.tag for s in segments]
    assert tags[0] == "UNH" and tags.count("LIN") == 3 and tags[-1] == "UNT"
    unh = next(s for s in segments if s.tag == "UNH")
    assert unh.elements[1][:3] == ["PRICAT", "D", "96A"]
    prices = [s.elements[0][1] for s in segments if s.tag == "PRI"]
    assert prices == ["12.8", "0.15", "0.05"]
    gtins = [s.elements[2][0] for s in segments if s.tag == "LIN" and len(s.elements) > 2]
    assert gtins == ["8437000100102", "8437000100201"]  # the wrench has no GTIN
    assert next(s for s in segments if s.tag == "CNT").elements[0] == ["2", "3"]
    validity = {s.elements[0][0]: s.elements[0][1] for s in segments if s.tag == "DTM"}
    assert (validity["194"], validity["206"]) == ("20270201", "20270531")
