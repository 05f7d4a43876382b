"""Drawn orders by family, and the split the bench honours: TUNING families and seeds, which reader
work may be run on, and HELD-OUT families and seeds, which are only ever measured.

SPLIT is the split in force, SPLITS["v2"] (drawn 2026-12-03, before the reader work of issue 10):
- tuning families: erp_ruled, modern_clean, boxed_form, spreadsheet, us_po, dotmatrix, letter, sap_listing
- held-out family: freeform (every parameter from the whole space, no family narrowing; added with v2,
  so no reader change was ever made looking at it)
- tuning seeds: 0 – 199 999; held-out seeds: 200 000 – 299 999
SPLITS["v1"] is the first split (held-out families dotmatrix, letter, sap_listing; seeds 100 000 – 199 999),
kept for the record: its held-out families were looked at while fixing, so they are tuning ones now.
A document is in the tuning split only when both its family and its seed are tuning ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from samples.orders_gen import families as fam
from samples.orders_gen.drawn import mono, page
from samples.orders_gen.facts import Facts, LineChoices, draw_customer, draw_facts, truth
from samples.orders_gen.families import EVERYONE, SPANISH, Family, _n
from samples.orders_gen.look import Look

TODAY = date(2026, 11, 26)

FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "erp_ruled",
            "classic ERP print: letterhead and logo, header grid, fully ruled table, tax lines",
            fam.erp_ruled,
            EVERYONE,
            (1, 12),
            "mixed",
            lambda r, d: r.choice(
                (f"PO-{d.year}-{_n(r):05d}", f"PC{d:%y}{_n(r):06d}", f"OC/{d:%y}/{_n(r):05d}")
            ),
        ),
        Family(
            "modern_clean",
            "borderless invoice-like PO: big title, labels above values, zebra or hairline rows,"
            " [code] in the text",
            fam.modern_clean,
            EVERYONE,
            (1, 10),
            "sku",
            lambda r, d: r.choice((f"P{_n(r):05d}", f"PO{_n(r):05d}", f"PUR/{d.year}/{_n(r):05d}")),
        ),
        Family(
            "boxed_form",
            "pre-printed form: every field in a box, boxed parties, shaded heads, rubber stamps",
            fam.boxed_form,
            EVERYONE,
            (1, 10),
            "mixed",
            lambda r, d: r.choice((f"{_n(r):06d}", f"F-{_n(r):05d}")),
        ),
        Family(
            "spreadsheet",
            "spreadsheet export: header and lines in thin-ruled cells, GTIN/colour/size columns, ISO dates",
            fam.spreadsheet,
            EVERYONE,
            (2, 16),
            "mixed",
            lambda r, d: r.choice((f"OC-{d.year}-{_n(r):05d}", f"{d:%y}-{_n(r):05d}")),
        ),
        Family(
            "us_po",
            "US-style PO on Letter: vendor and ship-to boxes, month-first dates, USD, EA, sales tax",
            fam.us_po,
            ("C-3001", "C-3001", "C-3001", "C-2001", "C-3002"),
            (1, 10),
            "mixed",
            lambda r, d: r.choice((f"{_n(r):05d}", f"PO-{_n(r)}", f"{d:%y}{_n(r):05d}")),
        ),
        Family(
            "dotmatrix",
            "line-printer listing: monospaced capitals, dashes, dot leaders, overstruck bold, positions",
            fam.dotmatrix,
            (*SPANISH, "C-4001", "C-4003", "C-4004", "C-2001"),
            (1, 14),
            "mixed",
            lambda r, d: r.choice((f"{_n(r):06d}", f"{d:%y}/{_n(r):05d}")),
            mono=True,
        ),
        Family(
            "letter",
            "small-firm word-processor letter: place and written date, order number and delivery in prose",
            fam.letter,
            (*SPANISH, "C-2001", "C-3002", "C-4002"),
            (1, 6),
            "sku",
            lambda r, d: r.choice((f"{_n(r) % 1000:03d}/{d:%y}", f"{_n(r)}-{d:%y}")),
        ),
        Family(
            "sap_listing",
            "SAP-like multi-page listing: window header, 00010 positions, material row then text row,"
            " per-line dates, price per 100/1000, carried-forward totals",
            fam.sap_listing,
            (*SPANISH, "C-2001", "C-4003", "C-4004", "C-4003"),
            (14, 40),
            "customer",
            lambda r, d: f"45{r.randrange(10**7, 10**8)}",
        ),
        Family(
            "freeform",
            "any layout: every parameter drawn from the whole space, no family narrowing (held out in v2)",
            fam.freeform,
            EVERYONE,
            (1, 12),
            "mixed",
            lambda r, d: r.choice((f"PO-{d.year}-{_n(r):05d}", f"{_n(r):06d}", f"OC/{d:%y}/{_n(r):05d}")),
        ),
    )
}


@dataclass(frozen=True)
class Split:
    tuning_families: tuple[str, ...]
    held_out_families: tuple[str, ...]
    tuning_seeds: range
    held_out_seeds: range


FIRST_FIVE = ("erp_ruled", "modern_clean", "boxed_form", "spreadsheet", "us_po")
SPLITS = {
    "v1": Split(
        tuning_families=FIRST_FIVE,
        held_out_families=("dotmatrix", "letter", "sap_listing"),
        tuning_seeds=range(0, 100_000),
        held_out_seeds=range(100_000, 200_000),
    ),
    "v2": Split(
        tuning_families=(*FIRST_FIVE, "dotmatrix", "letter", "sap_listing"),
        held_out_families=("freeform",),
        tuning_seeds=range(0, 200_000),
        held_out_seeds=range(200_000, 300_000),
    ),
}
SPLIT = SPLITS["v2"]


def split_of(family: str, seed: int) -> str:
    """ "tuning" when both the family and the seed are tuning ones, else "held-out"."""
    tuning = family in SPLIT.tuning_families and seed in SPLIT.tuning_seeds
    return "tuning" if tuning else "held-out"


def default_seed(family: str) -> int:
    """Where a bench run starts its seeds for `family`: tuning seeds for tuning families, else held-out."""
    return SPLIT.tuning_seeds.start + 1 if family in SPLIT.tuning_families else SPLIT.held_out_seeds.start + 1


@dataclass
class Drawn:
    """One drawn order before rendering: its facts and look (a test may change either first)."""

    family: str
    seed: int
    facts: Facts
    look: Look


@dataclass(frozen=True)
class DrawnOrder:
    """A rendered drawn order: the PDF and the truth (facts, family, split and every drawn parameter)."""

    name: str
    family: str
    split: str
    language: str
    pdf: bytes
    truth: dict[str, Any]
    drawn: Drawn


def draw(family: str, seed: int, today: date = TODAY) -> Drawn:
    """The facts and look of order `seed` of `family`, the same for the same arguments."""
    f = FAMILIES[family]
    rng = random.Random(f"drawn:{family}:{seed}")
    customer, currency = draw_customer(rng, f.customers)
    look = f.draw(rng, customer, currency)
    choices = LineChoices(
        count=f.lines,
        code_policy="no_gtin" if "gtin" in look.columns and f.code_policy == "mixed" else f.code_policy,
        per=look.price_per,
        discount=look.discount,
        extras=tuple(k for k in ("rev", "colour", "size") if k in look.columns),
        long_tail=0.5 if look.wrap else 0.15,
        step=10 if look.position in ("10", "00010") else 1,
    )
    facts = draw_facts(rng, today, customer, currency, f.po(rng, today), choices)
    for line in facts.lines:
        if look.position == "00010":
            line.position = f"{int(line.position):05d}"
        elif look.position == "001":
            line.position = f"{int(line.position):03d}"
        if look.delivery_in != "per_line":
            line.delivery = None
    if look.delivery_in == "per_line":
        facts.delivery_date = min(line.delivery or facts.delivery_date for line in facts.lines)
    return Drawn(family, seed, facts, look)


def render(drawn: Drawn, name: str | None = None) -> DrawnOrder:
    """The PDF of `drawn` and its truth."""
    renderer = mono.render if FAMILIES[drawn.family].mono else page.render
    pdf, carried = renderer(drawn.facts, drawn.look, f"{drawn.family}:{drawn.seed}")
    record = truth(
        drawn.facts, gln_printed=drawn.look.id_kind == "gln", tax_printed=drawn.look.totals != "net"
    )
    record.update(
        family=drawn.family,
        split=split_of(drawn.family, drawn.seed),
        seed=drawn.seed,
        params=drawn.look.as_dict(),
        carried_totals=[{"page": p, "amount": str(a)} for p, a in carried],
    )
    return DrawnOrder(
        name=name or f"{drawn.family}-{drawn.seed}",
        family=drawn.family,
        split=record["split"],
        language=drawn.facts.language,
        pdf=pdf,
        truth=record,
        drawn=drawn,
    )


def families_of(which: str) -> tuple[str, ...]:
    """ "tuning", "held-out" or "all" families."""
    return {
        "tuning": SPLIT.tuning_families,
        "held-out": SPLIT.held_out_families,
        "all": SPLIT.tuning_families + SPLIT.held_out_families,
    }[which]


def generate_drawn(
    count: int, families: tuple[str, ...] | None = None, seed: int | None = None, today: date = TODAY
) -> list[DrawnOrder]:
    """`count` orders of each family, seeds from `seed` (default: the family's `default_seed`) on."""
    out = []
    for family in families or tuple(FAMILIES):
        start = default_seed(family) if seed is None else seed
        for i in range(count):
            out.append(render(draw(family, start + i, today), f"{family}-{start + i}"))
    return out
