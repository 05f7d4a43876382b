"""The nine layout families of drawn orders. A family fixes what makes a kind of document recognisable
(an SAP listing's windowed header and position rows, a dot-matrix printout's fixed columns) and draws
everything else from the shared parameter space, so two orders of one family still differ."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from samples.orders_gen.dates import draw_format
from samples.orders_gen.facts import prose_language
from samples.orders_gen.look import Look
from samples.orders_gen.master import Customer

SPANISH = ("C-1001", "C-1002")
EVERYONE = ("C-1001", "C-1002", "C-2001", "C-3001", "C-3002", "C-4001", "C-4002", "C-4003", "C-4004")
PROPORTIONAL = ("dejavu", "condensed", "serif", "helvetica", "times", "serif-condensed")


def _p(rng: random.Random, share: float) -> bool:
    return rng.random() < share


def _numbers(rng: random.Random, customer: Customer) -> dict[str, Any]:
    """Decimal mark and grouping as the buyer's country writes them (now and then the other way)."""
    english = customer.country in ("GB", "US", "MX")
    if _p(rng, 0.12):
        english = not english
    if english:
        return {"decimal": ".", "group": rng.choice((",", ",", ""))}
    return {"decimal": ",", "group": rng.choice((".", ".", " ", ""))}


def _columns(rng: random.Random, code_in: str, position: bool, optional: dict[str, float]) -> tuple[str, ...]:
    """A column set in one of the orders real forms use."""
    extras = [k for k in ("gtin", "rev", "colour", "size", "per", "discount") if _p(rng, optional.get(k, 0))]
    code = ["code"] if code_in in ("column", "own_row") else []
    desc = [] if code_in == "own_row" else ["description"]
    ident = (
        code
        + [k for k in ("gtin",) if k in extras]
        + desc
        + [k for k in ("rev", "colour", "size") if k in extras]
    )
    money = ["price"] + [k for k in ("per", "discount") if k in extras] + ["amount"]
    order = rng.choice(("code_first", "code_first", "qty_first", "desc_first"))
    if order == "qty_first":
        body = ["qty", "unit", *ident, *money]
    elif order == "desc_first" and code and desc:
        body = [*desc, *code, *[k for k in ident if k not in code + desc], "qty", "unit", *money]
    else:
        body = [*ident, "qty", "unit", *money]
    return tuple((["pos"] if position else []) + body)


def base(rng: random.Random, family: str, customer: Customer, currency: str) -> dict[str, Any]:
    """Every parameter drawn from the whole space; families then narrow some of them."""
    lang = customer.language
    code_in = rng.choice(("column", "column", "column", "brackets", "own_row", "labelled"))
    position = rng.choice(("none", "none", "1", "10", "001"))
    optional = {"gtin": 0.2, "rev": 0.1, "colour": 0.08, "size": 0.08, "per": 0.15, "discount": 0.2}
    price_per = rng.choice((1, 1, 1, 1, 100, 1000))
    return {
        "family": family,
        "page_size": "Letter" if customer.country in ("US", "MX") and _p(rng, 0.8) else "A4",
        "fonts": rng.choice(PROPORTIONAL),
        "size": rng.choice((8.0, 8.5, 9.0, 9.5, 10.0)),
        "label_language": lang if _p(rng, 0.85) else rng.choice(("en", "es")),
        "upper_labels": _p(rng, 0.15),
        "colon": _p(rng, 0.7),
        "letterhead": rng.choice(("left", "left", "centre", "right", "band")),
        "logo": rng.choice(("none", "disc", "bars", "monogram")),
        "letterhead_ids": _p(rng, 0.75),
        "header": rng.choice(("pairs_right", "pairs_left", "boxes_above", "grid")),
        "id_kind": rng.choice(("customer_id", "customer_id", "gln", "none", "none")),
        "vendor_no": _p(rng, 0.3),
        "parties": rng.choice(("side", "stacked", "boxes", "inline")),
        "table": rng.choice(("grid", "hlines", "plain", "zebra", "boxed")),
        "columns": _columns(rng, code_in, position != "none", optional),
        "code_in": code_in,
        "wrap": _p(rng, 0.3),
        "position": position,
        "price_per": price_per,
        "per_style": rng.choice(("column", "suffix", "heading", "heading_per"))
        if price_per > 1
        else "column",
        "discount": False,
        "totals": rng.choice(("net", "tax", "subtotal_tax")),
        "multipage": False,
        "currency_mark": _currency_mark(rng, currency),
        **_numbers(rng, customer),
        "qty_places": rng.choice((0, 0, 0, 2, 3)),
        "price_places": rng.choice((2, 2, 2, 3, 4)),
        "date_format": draw_format(rng, prose_language(lang), us=customer.country == "US"),
        "delivery_in": rng.choice(("field", "field", "field", "field_prose", "prose", "per_line")),
        "intro": _p(rng, 0.4),
        "stamp": _p(rng, 0.25),
        "signature": _p(rng, 0.5),
        "upper_desc": _p(rng, 0.1),
        "overprint": False,
    }


def _currency_mark(rng: random.Random, currency: str) -> str:
    if currency == "USD":
        return rng.choice(("symbol_before", "symbol_before", "code_before", "heading"))
    return rng.choice(("symbol_after", "symbol_after", "symbol_before", "code_after", "heading", "header"))


def finish(d: dict[str, Any]) -> Look:
    """The look, made consistent: the per-line discount and price-per follow the columns drawn."""
    cols = d["columns"]
    d["discount"] = "discount" in cols
    if "per" in cols and d["price_per"] == 1:
        d["price_per"] = 100
    if d["price_per"] > 1 and d["per_style"] == "column" and "per" not in cols:
        d["per_style"] = "suffix"
    if d["code_in"] == "own_row" and "code" not in cols:
        d["code_in"] = "column"
    return Look(**d)


# -- the families ---------------------------------------------------------------------------------------
Draw = Callable[[random.Random, Customer, str], Look]


def erp_ruled(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "erp_ruled", c, cur)
    d.update(header=rng.choice(("grid", "pairs_right")), table=rng.choice(("grid", "grid", "boxed")))
    d.update(
        fonts=rng.choice(("helvetica", "dejavu", "condensed", "times")),
        totals=rng.choice(("tax", "subtotal_tax")),
    )
    return finish(d)


def modern_clean(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "modern_clean", c, cur)
    code_in = rng.choice(("brackets", "column", "labelled"))
    d.update(header=rng.choice(("pairs_left", "boxes_above")), table=rng.choice(("plain", "zebra", "hlines")))
    d.update(code_in=code_in, position="none", fonts=rng.choice(("helvetica", "dejavu", "condensed")))
    d.update(columns=_columns(rng, code_in, False, {"discount": 0.3, "gtin": 0.1}), logo="disc")
    d.update(currency_mark=rng.choice(("symbol_before", "symbol_after")), stamp=False)
    return finish(d)


def boxed_form(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "boxed_form", c, cur)
    d.update(header=rng.choice(("boxes_above", "grid")), parties="boxes", table=rng.choice(("boxed", "grid")))
    d.update(stamp=_p(rng, 0.6), upper_labels=_p(rng, 0.5))
    return finish(d)


def spreadsheet(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "spreadsheet", c, cur)
    opt = {"gtin": 0.5, "colour": 0.3, "size": 0.3, "discount": 0.2}
    d.update(header="cells", table="cells", logo="none", letterhead_ids=False, parties="stacked")
    d.update(columns=_columns(rng, "column", _p(rng, 0.5), opt), code_in="column", position="1")
    d.update(
        fonts=rng.choice(("condensed", "dejavu", "helvetica")), intro=False, stamp=False, signature=False
    )
    d.update(
        id_kind=rng.choice(("customer_id", "gln")), date_format=rng.choice(("iso", "dmy_slash", "dmy_dot"))
    )
    d.update(group=rng.choice((d["group"], "")), price_per=1, per_style="column")
    d["columns"] = tuple(k for k in d["columns"] if k != "per")
    return finish(d)


def us_po(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "us_po", c, cur)
    d.update(page_size="Letter", header=rng.choice(("pairs_right", "boxes_above")), parties="boxes")
    d.update(
        table=rng.choice(("grid", "hlines")),
        totals="subtotal_tax",
        label_language="en" if c.country != "MX" else "es",
    )
    d.update(
        delivery_in=rng.choice(("field", "field", "field_prose")),
        fonts=rng.choice(("helvetica", "times", "dejavu")),
    )
    return finish(d)


def dotmatrix(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "dotmatrix", c, cur)
    position = rng.choice(("00010", "1", "none", "001"))
    d.update(fonts=rng.choice(("mono", "courier")), size=rng.choice((8.0, 8.5, 9.0)), upper_labels=True)
    d.update(upper_desc=True, overprint=_p(rng, 0.6), position=position, code_in="column", logo="none")
    d.update(columns=_columns(rng, "column", position != "none", {"per": 0.25, "discount": 0.15}))
    d.update(currency_mark=rng.choice(("code_after", "heading", "header")), table="plain", stamp=_p(rng, 0.3))
    d.update(date_format=rng.choice(("dmy_short_dot", "dmy_slash", "dmy_dot", "iso", "en_abbr")))
    return finish(d)


def letter(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "letter", c, cur)
    lang = prose_language(c.language)
    d.update(header="letter", parties="inline", table=rng.choice(("grid", "plain", "hlines")), intro=False)
    d.update(fonts=rng.choice(("times", "serif", "dejavu", "helvetica")), size=rng.choice((10.0, 10.5, 11.0)))
    d.update(delivery_in=rng.choice(("prose", "prose", "field_prose")), signature=True, stamp=_p(rng, 0.4))
    d.update(date_format=draw_format(rng, lang, us=c.country == "US", written=0.8), position="none")
    d.update(columns=_columns(rng, rng.choice(("column", "brackets")), False, {"discount": 0.1}))
    d["code_in"] = "column" if "code" in d["columns"] else "brackets"
    d.update(
        price_per=1,
        per_style="column",
        totals=rng.choice(("net", "tax")),
        letterhead=rng.choice(("left", "centre")),
    )
    return finish(d)


def sap_listing(rng: random.Random, c: Customer, cur: str) -> Look:
    d = base(rng, "sap_listing", c, cur)
    per = rng.choice((1, 100, 1000))
    opt = {"per": 1.0 if per > 1 else 0.0, "gtin": 0.15, "rev": 0.2}
    d.update(header="window", table=rng.choice(("plain", "hlines")), code_in="own_row", position="00010")
    d.update(columns=_columns(rng, "own_row", True, opt), price_per=per, per_style="column", multipage=True)
    d.update(
        delivery_in=rng.choice(("per_line", "per_line", "field")),
        fonts=rng.choice(("helvetica", "dejavu", "condensed")),
    )
    d.update(
        label_language=rng.choice((c.language, "en", "de"))
        if c.language != "es"
        else rng.choice(("es", "es", "en"))
    )
    d.update(size=rng.choice((8.0, 8.5, 9.0)), logo="none", letterhead_ids=_p(rng, 0.8), intro=_p(rng, 0.3))
    return finish(d)


def freeform(rng: random.Random, c: Customer, cur: str) -> Look:
    """Every parameter from the whole space, nothing narrowed: no reader change was made looking at it."""
    return finish(base(rng, "freeform", c, cur))


@dataclass(frozen=True)
class Family:
    """A named kind of document: how its look is drawn, which buyers send it, how many lines it has."""

    name: str
    summary: str
    draw: Draw
    customers: tuple[str, ...]
    lines: tuple[int, int]
    code_policy: str
    po: Callable[[random.Random, date], str]
    mono: bool = False


def _n(rng: random.Random) -> int:
    return rng.randrange(100, 99999)
