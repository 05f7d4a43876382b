"""Comparing what was read (one order in the `oms extract --json` shape) with a generated order's truth."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

HEADER_FACTS = ("po_number", "customer_id", "order_date", "requested_delivery_date", "currency", "total")
LINE_FACTS = ("sku", "quantity", "unit_price")
NUMERIC = frozenset({"total", "quantity", "unit_price", "amount"})


def _same(name: str, want: Any, got: Any) -> bool:
    if name in NUMERIC and want is not None and got is not None:
        try:
            return Decimal(str(want)) == Decimal(str(got))
        except InvalidOperation:
            return False
    return bool(want == got)


def header_errors(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """The header facts read wrongly, as "field: got … want …"."""
    return [
        f"{name}: got {got.get(name)!r}, want {truth.get(name)!r}"
        for name in HEADER_FACTS
        if not _same(name, truth.get(name), got.get(name))
    ]


def line_errors(truth: dict[str, Any], got: dict[str, Any]) -> list[tuple[int, str]]:
    """(index, reason) for each truth line not read right (sku, quantity and unit price), and extra lines."""
    want, have = truth["lines"], got.get("lines", [])
    out = []
    for i, line in enumerate(want):
        if i >= len(have):
            out.append((i, "missing"))
            continue
        wrong = [
            f"{n}: got {have[i].get(n)!r}, want {line[n]!r}"
            for n in LINE_FACTS
            if not _same(n, line[n], have[i].get(n))
        ]
        if wrong:
            out.append((i, "; ".join(wrong)))
    out += [(i, "not in the document") for i in range(len(want), len(have))]
    return out


def ship_to_errors(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Ship-to fields read wrongly (case and surrounding spaces aside)."""
    want, have = truth["ship_to"], got.get("ship_to") or {}
    return [
        f"ship_to.{k}: got {have.get(k)!r}, want {want[k]!r}"
        for k in ("name", "street", "postal_code", "city", "country")
        if (have.get(k) or "").strip().casefold() != (want[k] or "").strip().casefold()
    ]


def differences(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every decisive fact read wrongly: header facts and each line's sku, quantity and unit price."""
    return header_errors(truth, got) + [f"lines[{i}]: {why}" for i, why in line_errors(truth, got)]
