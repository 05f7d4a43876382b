"""Realistic purchase orders as text PDFs, each with its truth.

Drawn orders (`samples.orders_gen.collection`): layouts drawn from a parameter space and grouped in nine
families; `generate_drawn(count, families, seed)` renders them, `draw(family, seed)` and `render(drawn)`
give one (exported here as
`render_drawn`). `SPLIT` says which families and seeds are TUNING (reader work may run on them) and which are
HELD-OUT (only measured). The split in force is `SPLITS["v2"]`: tuning families erp_ruled, modern_clean,
boxed_form, spreadsheet, us_po, dotmatrix, letter, sap_listing; held-out family freeform; tuning seeds
0-199 999, held-out seeds 200 000-299 999 (`SPLITS["v1"]` is the first one, kept for the record).

The six fixed layouts the reader was first written beside (`LAYOUTS`, `make`, `render`, `generate`) stay
as fixed parameter sets for the reader's own tests; they are neither tuning nor held-out families.
`python -m samples.orders_gen OUTDIR --count N [--family F]` writes drawn orders to a folder.
"""

from samples.orders_gen.collection import (
    FAMILIES,
    SPLIT,
    SPLITS,
    Drawn,
    DrawnOrder,
    default_seed,
    draw,
    families_of,
    generate_drawn,
    split_of,
)
from samples.orders_gen.collection import render as render_drawn
from samples.orders_gen.generate import LAYOUTS, TODAY, GeneratedOrder, generate, make, render
from samples.orders_gen.spec import LineSpec, OrderSpec

__all__ = [
    "FAMILIES",
    "LAYOUTS",
    "SPLIT",
    "SPLITS",
    "TODAY",
    "Drawn",
    "DrawnOrder",
    "GeneratedOrder",
    "LineSpec",
    "OrderSpec",
    "default_seed",
    "draw",
    "families_of",
    "generate",
    "generate_drawn",
    "make",
    "render",
    "render_drawn",
    "split_of",
]
