"""What validation works out once and keeps (issue 15, val32): the protocol master data answers to, once
per class; the keys of an identifier, once per identifier; master data's folded product names, once per
name; the promotions' statement, only when they are read. And what it must not keep: a product, a
promotion or a customer's name changed between two batches is seen by the second."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from core.capture.domain.order import CapturedLine, CapturedOrder, Party, ProblemCode
from core.catalog.adapters import terms as catalog_terms
from core.catalog.services.masterdata import import_csv
from core.kernel.domain import identity
from core.kernel.domain.model import Product
from oms.bootstrap import App
from validation import fuzzy, units
from validation import terms as validation_terms
from validation.terms import CommercialTerms, NoTerms, conforms, terms_of

D = Decimal
TODAY = date(2026, 11, 26)
PRODUCTS = "sku,name,description_en,gtin,unit,price,currency\n"
CUSTOMERS = "customer_id,name,email,fax,gln,street,postal_code,city,country,language\n"
PROMOS = "promotion_id,description,kind,value,buy,get,scope,target,currency,valid_from,valid_to,code\n"


def calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[tuple[Any, ...]]:
    """The arguments of every call of `module.name` from here on (it still answers as it did)."""
    seen: list[tuple[Any, ...]] = []
    original = getattr(module, name)

    def counting(*args: Any) -> Any:
        seen.append(args)
        return original(*args)

    monkeypatch.setattr(module, name, counting)
    return seen


def test_the_protocol_is_checked_once_for_a_class_and_always_for_a_bare_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[object] = []

    def counting(obj: object, kind: Any) -> bool:
        if kind is CommercialTerms:
            checked.append(obj)
        return isinstance(obj, kind)

    monkeypatch.setattr(validation_terms, "isinstance", counting, raising=False)

    class Terms(NoTerms):
        pass

    first, second = Terms(), Terms()
    assert terms_of(first) is first and terms_of(second) is second
    assert checked == [first]  # the second of the class is not checked again
    # an object whose own attributes make it conform says nothing of another of its class
    rows = SimpleNamespace(prices_for=lambda sku: (), packs_for=lambda sku: (), pack_by_gtin=lambda g: None)
    bare = SimpleNamespace(prices_for=lambda sku: ())
    assert conforms(rows, CommercialTerms) and conforms(rows, CommercialTerms)
    assert not conforms(bare, CommercialTerms)
    assert isinstance(terms_of(bare), NoTerms)


def test_an_identifiers_keys_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    worked = calls(monkeypatch, identity, "_number_keys")
    value = "+34 976 517 293"  # no other test asks for it
    keys = {"tel:+34976517293", "tel:n:976517293"}
    assert identity.identifier_keys("fax", value) == keys
    assert identity.identifier_keys("fax", value) == keys
    assert worked == [(value, None)]


def test_master_datas_product_names_are_folded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    folded = calls(monkeypatch, fuzzy, "fold")
    products = [
        Product("VAL32-A", "Bisagra ñandú acodada", description_en="Cranked hinge"),
        Product("VAL32-B", "Pasador ñandú de latón", description_en="Brass door bolt"),
    ]
    for _ in range(2):
        found = fuzzy.product_by_description("bisagra ñandu acodada", products)
        assert found is not None and found[0].sku == "VAL32-A"
    # the two orders' own descriptions, and each product's two texts once
    assert sorted(text for (text,) in folded) == sorted(
        ["bisagra ñandu acodada"] * 2
        + ["Bisagra ñandú acodada", "Cranked hinge", "Pasador ñandú de latón", "Brass door bolt"]
    )


def test_a_unit_words_kind_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    folded = calls(monkeypatch, units, "fold")
    word = "Cajas_val32."  # no other test asks for it
    assert units.kind_of(word) is None and units.kind_of(word) is None
    assert units.kind_of("Cajas.") == "box"
    assert folded.count((word,)) == 1


@pytest.fixture
def shop(app: App) -> App:
    import_csv(app.uow(), "products", PRODUCTS + "TOR,Tornillo,,8437000100102,UD,0.18,EUR\n")
    import_csv(app.uow(), "customers", CUSTOMERS + "C-1,Ferretería Núñez,,,,,,,ES,es\n")
    return app


def _validated(app: App, *lines: CapturedLine, buyer: Party | None = None) -> Any:
    order = CapturedOrder(
        po_number="PO-1",
        order_date=TODAY,
        currency="EUR",
        buyer=buyer or Party(party_id="C-1"),
        lines=lines,
    )
    with app.reading_uow() as uow:  # the processing path's: master data kept by the process
        return app.validate(order, uow.master, TODAY)


def test_the_promotions_statement_is_built_only_when_they_are_read(
    shop: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = calls(monkeypatch, catalog_terms, "select")
    with shop.reading_uow() as uow:
        first: Sequence[object] = uow.master.promotions()
        assert uow.master.promotions() == first == []
    assert len(built) == 1


def test_a_product_and_a_promotion_added_between_two_batches_are_seen_by_the_second(shop: App) -> None:
    new = CapturedLine(line_no="1", item_code="VAL32-N", quantity=D(10), unit_price=D("1.00"))
    screws = CapturedLine(line_no="2", item_code="TOR", quantity=D(100), unit_price=D("0.18"))
    before = _validated(shop, new, screws)
    assert before.skus == (None, "TOR")
    assert ProblemCode.UNKNOWN_PRODUCT in {p.code for p in before.problems}
    assert before.terms[1].discount is None
    import_csv(shop.uow(), "products", PRODUCTS + "VAL32-N,Escuadra nueva,,,UD,1.00,EUR\n")
    import_csv(shop.uow(), "promotions", PROMOS + "TOR10,Diez,percent,10,,,product,TOR,,,,\n")
    after = _validated(shop, new, screws)
    assert after.skus == ("VAL32-N", "TOR")
    assert ProblemCode.UNKNOWN_PRODUCT not in {p.code for p in after.problems}
    assert after.terms[1].discount == D("1.80")  # 10 % of 100 × 0.18


def test_a_customer_renamed_between_two_batches_is_found_by_its_new_name(shop: App) -> None:
    line = CapturedLine(line_no="1", item_code="TOR", quantity=D(100), unit_price=D("0.18"))
    by_name = Party(name="Suministros Val Treinta y Dos")
    assert _validated(shop, line, buyer=by_name).customer_id is None
    import_csv(shop.uow(), "customers", CUSTOMERS + "C-1,Suministros Val Treinta y Dos SL,,,,,,,ES,es\n")
    assert _validated(shop, line, buyer=by_name).customer_id == "C-1"
    assert _validated(shop, line, buyer=Party(name="Ferretería Núñez")).customer_id is None
