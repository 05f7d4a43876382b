"""Realistic purchase orders as text PDFs, in several layouts and both languages, each with its truth.

`generate(count, seed)` returns `GeneratedOrder`s (layout, language, PDF bytes, truth in the shape of
`oms extract --json`); `python -m samples.orders_gen OUTDIR --count N` writes them to a folder.
"""

from samples.orders_gen.generate import LAYOUTS, TODAY, GeneratedOrder, generate, make, render
from samples.orders_gen.spec import LineSpec, OrderSpec

__all__ = ["LAYOUTS", "TODAY", "GeneratedOrder", "LineSpec", "OrderSpec", "generate", "make", "render"]
