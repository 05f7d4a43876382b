"""A fax code whose only differences from one product's code are look-alike characters, each in the
other's place (issue 10, faxlet21): "T0R-M8-4O" is TOR-M8-40 however garbled the description beside it,
provided that description reads as no other product; the line still waits for a person unless its price,
read sure, is the product's.  A small letter read amid figures ("BRI-NY-2b0") is the figure it looks
like ("b" a 6), not the capital it folds to ("B", an 8's look-alike), since master data's codes print
capitals."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.misread import figures_back
from core.capture.domain.order import CapturedLine, CapturedOrder
from core.kernel.domain.model import Decision, Product
from tests.unit.validation.test_decide import TODAY, Master, code_read
from validation.decide import validate
from validation.lookalike import alike_only
from validation.resolve import resolve_line


def master() -> Master:
    m = Master()
    m.product_rows["TOR-M8-40"] = Product(
        "TOR-M8-40", "Tornillo hexagonal M8x40", price=Decimal("0.12"), currency="EUR"
    )
    m.product_rows["BRI-NY-260"] = Product(
        "BRI-NY-260", "Brida de nailon 260 mm", price=Decimal("0.05"), currency="EUR"
    )
    m.product_rows["BRI-NY-280"] = Product(
        "BRI-NY-280", "Brida de nailon 280 mm", price=Decimal("0.06"), currency="EUR"
    )
    m.product_rows["GUA-NIT-L"] = Product(
        "GUA-NIT-L", "Guantes de nitrilo talla L", price=Decimal("9.50"), currency="EUR"
    )
    return m


def line(code: str, description: str = "", price: str | None = None) -> CapturedLine:
    return CapturedLine(
        line_no="1",
        item_code=code,
        description=description,
        quantity=Decimal(100),
        unit_price=Decimal(price) if price else None,
    )


def test_look_alike_characters_in_their_places_only() -> None:
    assert alike_only("T0R-M8-4O", "TOR-M8-40")  # 0 for O, O for 0
    assert alike_only("1OR-M8-40", "TOR-M8-40")  # 1 for T
    assert alike_only("TOR-MB-40", "TOR-M8-40")  # B for 8
    assert not alike_only("TOR-M8-40", "TOR-M8-40")  # nothing differs
    assert not alike_only("TPR-M8-40", "TOR-M8-40")  # P is no look-alike of O
    assert not alike_only("TOR-M8-4", "TOR-M8-40")  # a character lost is not a look-alike
    assert not alike_only("TORM8-400", "TOR-M8-40")  # nor one added where a hyphen was lost


def test_a_small_letter_amid_figures_is_the_figure_it_looks_like() -> None:
    assert figures_back("BRI-NY-2b0") == "BRI-NY-260"
    assert figures_back("BRI-NY-20b") == "BRI-NY-206"
    assert figures_back("1q5") == "195"
    # beside a letter it is a letter of a word, not a figure
    assert figures_back("Hub-20") == "Hub-20"
    assert figures_back("2ba") == "2ba"


def test_a_code_of_look_alikes_resolves_without_a_description() -> None:
    found = resolve_line(line("T0R-M8-4O"), None, master())
    assert (found.product and found.product.sku, found.via) == ("TOR-M8-40", "lookalike_shape")
    # a description that reads like no product says nothing against it
    found = resolve_line(line("T0R-M8-4O", "xxqz wvv"), None, master())
    assert (found.product and found.product.sku, found.via) == ("TOR-M8-40", "lookalike_shape")


def test_a_description_naming_another_product_settles_nothing() -> None:
    found = resolve_line(line("T0R-M8-4O", "Guantes de nitrilo talla L"), None, master())
    assert found.product is None or found.product.sku != "TOR-M8-40"


def test_a_code_other_than_look_alikes_apart_needs_the_description() -> None:
    # P for O is a whole slip, within a code's allowance but no look-alike: without words naming the bolt
    # nothing is resolved
    assert resolve_line(line("TPR-M8-40"), None, master()).product is None


def test_a_small_b_amid_figures_is_no_eight() -> None:
    # "BRI-NY-2b0" printed BRI-NY-260: folded to a capital B it would be an 8's look-alike, the 280's code
    # half a slip away; as the figure it looks like, a 6, it is the 260's code (and one figure from the
    # 280's, so with both in the catalogue a person decides)
    tie = "Brida de nailon"
    both = master()
    found = resolve_line(line("BRI-NY-2b0", tie), None, both)
    assert found.product is None or found.product.sku != "BRI-NY-280"
    only_260 = master()
    del only_260.product_rows["BRI-NY-280"]
    found = resolve_line(line("BRI-NY-2b0", tie), None, only_260)
    assert (found.product and found.product.sku) == "BRI-NY-260"


def _order(code: str, price: str, confidence: float = 0.95) -> CapturedOrder:
    return code_read(line(code, "", price), confidence)


def test_the_line_waits_unless_its_price_is_the_products() -> None:
    agreed = validate(_order("T0R-M8-4O", "0.12"), master(), TODAY)
    assert agreed.skus == ("TOR-M8-40",)
    assert not [p for p in agreed.problems if p.field == "lines[0].item_code"]
    held = validate(_order("T0R-M8-4O", "0.15"), master(), TODAY)
    assert held.skus == ("TOR-M8-40",) and held.decision is not Decision.ACCEPT
    assert "low_confidence" in [p.code.value for p in held.problems if p.field == "lines[0].item_code"]
