"""The generator's entry points: `generate(count, seed)` and `render(spec)`, deterministic from a seed."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from samples.orders_gen.layouts import borderless, boxed, dotmatrix, erp, multipage, ruled
from samples.orders_gen.spec import OrderSpec, make_spec, truth

TODAY = date(2026, 11, 26)

Renderer = Callable[[OrderSpec, random.Random], bytes]
LAYOUTS: dict[str, tuple[Renderer, tuple[int, int]]] = {
    "ruled": (ruled.render, (1, 8)),
    "borderless": (borderless.render, (1, 7)),
    "erp": (erp.render, (1, 5)),
    "dotmatrix": (dotmatrix.render, (1, 12)),
    "multipage": (multipage.render, (26, 40)),
    "boxed": (boxed.render, (1, 8)),
}


@dataclass(frozen=True)
class GeneratedOrder:
    """One generated purchase order: its layout, language, PDF bytes and the facts it states."""

    name: str
    layout: str
    language: str
    pdf: bytes
    truth: dict[str, Any]
    spec: OrderSpec


def render(spec: OrderSpec, seed: int | str = 0, name: str | None = None) -> GeneratedOrder:
    """Render `spec` in its layout (a test may change the spec first, e.g. print a wrong total)."""
    renderer, _ = LAYOUTS[spec.layout]
    content = renderer(spec, random.Random(f"render:{seed}"))
    return GeneratedOrder(
        name=name or f"{spec.layout}-{spec.po_number}".replace("/", "_"),
        layout=spec.layout,
        language=spec.language,
        pdf=content,
        truth=truth(spec),
        spec=spec,
    )


def make(layout: str, seed: int | str, today: date = TODAY) -> OrderSpec:
    """The spec of one order in `layout`, deterministic from `seed`."""
    _, lines = LAYOUTS[layout]
    return make_spec(random.Random(f"spec:{layout}:{seed}"), layout, today, lines)


def generate(
    count: int, seed: int = 1, *, today: date = TODAY, layouts: Sequence[str] | None = None
) -> list[GeneratedOrder]:
    """`count` orders, taking the layouts in turn, each deterministic from (`seed`, its index)."""
    names = list(layouts or LAYOUTS)
    out = []
    for i in range(count):
        layout = names[i % len(names)]
        spec = make(layout, f"{seed}:{i}", today)
        out.append(render(spec, f"{seed}:{i}", name=f"{i + 1:03d}-{layout}-{spec.language}"))
    return out
