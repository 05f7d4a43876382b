"""The drawn-order generator: its truth adds up, what the truth says is printed, the same seed gives the
same document, families differ from each other and orders within a family differ, and the split keeps
held-out families apart."""

from __future__ import annotations

import io
import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pdfplumber
import pytest

from samples.orders_gen import FAMILIES, SPLIT, default_seed, draw, generate_drawn, render_drawn, split_of
from samples.orders_gen.dates import format_date
from samples.orders_gen.words import Labels

SEEDS = (0, 1, 2)


@cache
def orders(family: str) -> list:  # type: ignore[type-arg]
    return [render_drawn(draw(family, default_seed(family) + k)) for k in SEEDS]


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text; overstruck bold (every character printed twice) read once."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.dedupe_chars().extract_text() or "" for page in doc.pages]


def printed_number(value: str, places: int, decimal: str, group: str) -> str:
    """`value` written as the document's conventions say, worked out here from the recorded params."""
    q = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    whole = group.join([whole, *groups])
    return whole + (decimal + frac if places else "")


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_amounts_add_up_to_the_total(family: str) -> None:
    for order in orders(family):
        t = order.truth
        total = Decimal(0)
        for line in t["lines"]:
            gross = Decimal(line["quantity"]) * Decimal(line["printed_price"]) / line["price_per"]
            net = gross * (100 - Decimal(line["discount_pct"])) / 100
            assert Decimal(line["amount"]) == net.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert Decimal(line["unit_price"]) * line["price_per"] == Decimal(line["printed_price"])
            total += Decimal(line["amount"])
        if t["net_total"] is None:  # one total printed: the lines' sum
            assert Decimal(t["total"]) == total, order.name
            continue
        # net, tax at the order's rate, and the total with the tax, as the page prints them
        assert Decimal(t["net_total"]) == total, order.name
        tax = (total * Decimal(t["tax_rate"]) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert Decimal(t["tax_total"]) == tax, order.name
        assert Decimal(t["total"]) == total + tax, order.name


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_what_the_truth_says_is_printed(family: str) -> None:
    for order in orders(family):
        t, p = order.truth, order.truth["params"]
        text = "\n".join(page_texts(order.pdf))
        flat = text.casefold()  # capitals where the look prints its words in capitals
        assert t["po_number"] in text, order.name
        for fact in ("order_date", "requested_delivery_date"):
            shown = format_date(date.fromisoformat(t[fact]), p["date_format"])
            assert shown.casefold() in flat, (order.name, fact, shown)
        for line in t["lines"]:
            places = max(p["qty_places"], -Decimal(line["quantity"]).normalize().as_tuple().exponent)
            qty = printed_number(line["quantity"], max(places, 0), p["decimal"], p["group"])
            assert qty in text, (order.name, line["quantity"], qty)
            assert line["item_code"] in text, (order.name, line["item_code"])
        assert printed_number(t["total"], 2, p["decimal"], p["group"]) in text, order.name


def test_carried_totals_are_the_lines_before_the_break_printed_on_both_pages() -> None:
    long = [o for o in orders("sap_listing") if o.truth["carried_totals"]]
    assert long, "SAP listings run over pages"
    for order in long:
        t, p = order.truth, order.truth["params"]
        amounts = [Decimal(line["amount"]) for line in t["lines"]]
        prefixes = {sum(amounts[:k], Decimal("0.00")) for k in range(1, len(amounts))}
        pages = page_texts(order.pdf)
        for carried in t["carried_totals"]:
            amount = Decimal(carried["amount"])
            assert amount in prefixes, (order.name, amount)
            shown = printed_number(carried["amount"], 2, p["decimal"], p["group"])
            assert shown in pages[carried["page"] - 1] and shown in pages[carried["page"]], order.name
        steps = [Decimal(c["amount"]) for c in t["carried_totals"]]
        assert steps == sorted(steps) and steps[-1] < Decimal(t["total"])


def test_the_same_seed_gives_the_same_document() -> None:
    for family in FAMILIES:
        a, b = render_drawn(draw(family, 7)), render_drawn(draw(family, 7))
        assert a.pdf == b.pdf and a.truth == b.truth
        assert render_drawn(draw(family, 8)).pdf != a.pdf


def test_families_differ_and_orders_within_a_family_differ() -> None:
    shapes = {}
    for family in FAMILIES:
        params = [o.truth["params"] for o in orders(family)]
        assert all(p["family"] == family for p in params)
        assert len({tuple(sorted(map(str, p.values()))) for p in params}) == len(SEEDS), family
        shapes[family] = {(p["header"], p["table"], p["fonts"] in ("mono", "courier")) for p in params}
    for a in FAMILIES:
        for b in FAMILIES:
            if a < b:
                assert shapes[a] != shapes[b], (a, b)


def test_us_month_first_dates_are_decidable() -> None:
    for k in range(12):
        t = render_drawn(draw("us_po", default_seed("us_po") + k)).truth
        if t["params"]["date_format"].startswith("mdy"):
            days = [date.fromisoformat(t[f]).day for f in ("order_date", "requested_delivery_date")]
            assert max(days) > 12, t["po_number"]


def test_the_split_keeps_held_out_families_and_seeds_apart() -> None:
    assert SPLIT.held_out_families == ("freeform",)
    assert SPLIT.held_out_seeds.start >= 200_000
    assert set(SPLIT.tuning_families).isdisjoint(SPLIT.held_out_families)
    assert set(SPLIT.tuning_families) | set(SPLIT.held_out_families) == set(FAMILIES)
    assert not set(SPLIT.tuning_seeds) & set(SPLIT.held_out_seeds)
    assert split_of("erp_ruled", 5) == "tuning"
    assert split_of("erp_ruled", SPLIT.held_out_seeds.start) == "held-out"
    assert split_of("freeform", 5) == "held-out"
    assert split_of("letter", 150_000) == "tuning"
    assert split_of("letter", 200_001) == "held-out"
    tuning = generate_drawn(1, SPLIT.tuning_families)
    assert {o.truth["split"] for o in tuning} == {"tuning"}
    assert {o.split for o in generate_drawn(1, SPLIT.held_out_families)} == {"held-out"}


def _tuning_looks(field: str, value: str) -> list[tuple[str, int]]:
    """(family, seed) of the tuning documents among seeds 1-30 whose drawn look has `field` = `value`."""
    return [
        (family, seed)
        for family in SPLIT.tuning_families
        for seed in range(1, 31)
        if getattr(draw(family, seed).look, field) == value
    ]


def test_item_codes_labelled_on_their_own_line_are_drawn() -> None:
    """Some tuning documents print each code as "<label>: <code>" on a line of its own under the line's
    description, with no code column: real ERPs print "Item Code: ABC-12" so."""
    found = _tuning_looks("code_in", "labelled")
    assert len(found) >= 3, "labelled codes are one of the drawn ways to print codes"
    for family, seed in found[:3]:
        order = render_drawn(draw(family, seed))
        text = "\n".join(page_texts(order.pdf))
        for line in order.truth["lines"]:
            assert f": {line['item_code']}" in text, (order.name, line["item_code"])


def test_a_price_basis_is_drawn_in_brackets_after_per_in_the_price_heading() -> None:
    """ "Price (per 1000)", "Precio (por 100)": the basis in brackets after the language's word for per."""
    found = _tuning_looks("per_style", "heading_per")
    drawn = [
        (f, s) for f, s in found if "price" in draw(f, s).look.columns and draw(f, s).look.fonts != "mono"
    ]
    assert drawn, "a bracketed basis in the heading is one of the drawn ways to state it"
    family, seed = drawn[0]
    order = render_drawn(draw(family, seed))
    text = "\n".join(page_texts(order.pdf)).replace("\n", " ")
    basis = order.truth["params"]["price_per"]
    assert any(f"({word} {basis})" in text for word in ("por", "per", "par", "je", "pro")), order.name


@pytest.mark.parametrize(
    ("language", "wanted"),
    [
        ("es", {"Código", "Artículo", "Articulo", "Ref.", "Referencia"}),
        ("en", {"ITEM NO.", "Item Number", "Part no.", "Part Number", "SKU", "Material", "Product code"}),
        ("pt", {"Código", "Referência"}),
        ("fr", {"Référence", "Code article"}),
        ("de", {"Artikelnummer", "Art.-Nr.", "Materialnummer"}),
        ("it", {"Codice", "Codice articolo"}),
    ],
)
def test_the_code_column_is_headed_in_the_ways_real_documents_head_it(
    language: str, wanted: set[str]
) -> None:
    """The code column's heading is drawn among the synonyms suppliers print in each language."""
    drawn = {Labels(random.Random(seed), language)["code"] for seed in range(300)}
    assert wanted <= drawn, wanted - drawn
