"""An item row's discount: read from its cell, from a column no heading names, or from a cell
whose decimal mark a fax lost; and the amount before it (for parsers.layout.items)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from parsers.layout.numbers import (
    REPAIR_COST,
    Reading,
    readings,
)
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import Solved

HUNDRED = Decimal(100)


def discount_of(draft: Draft, mark: str) -> Decimal | None:
    """The line's discount in percent from its discount column ("10,00", "15 %"); none when 0 or absent."""
    toks = draft.numbers("discount")[:1]
    found = readings(toks[0].text.rstrip("%").strip(), mark) if toks else []
    if not found or found[0].cost or not 0 < found[0].value < HUNDRED:
        return None
    return found[0].value


def discounts_read(draft: Draft, mark: str) -> list[Decimal]:
    """The percentages a discount cell may say as OCR read it: its words joined or the first alone,
    specks at their edges dropped, under either decimal mark (a percentage below 100 with two places
    at most reads the same either way)."""
    toks = draft.cells.get("discount", [])
    texts = ["".join(t.text for t in toks), *(t.text for t in toks[:1])]
    out: list[Decimal] = []
    for text in texts:
        bare = text.replace("%", "").strip(" .,:;'\"`")
        for m in (mark, "," if mark == "." else "."):
            found = readings(bare, m, rules=False, lost_marks=False)
            if found and found[0].cost == 0 and 0 < found[0].value < HUNDRED and found[0].value not in out:
                out.append(found[0].value)
    return out


_PERCENT = re.compile(r"^\d{1,2}[.,]\d\d$")


def discount_aside(draft: Draft) -> list[Decimal]:
    """The percentage a column no heading names may print: its one figure, printed as a percentage is
    (one or two figures, then two decimals: "12,50", "5,00"), under 100 and not 0."""
    toks = draft.numbers("other")
    bare = toks[0].text.replace("%", "").strip(" .,:;'\"`()") if len(toks) == 1 else ""
    if not _PERCENT.match(bare):
        return []
    value = Decimal(bare.replace(",", ".")).normalize()
    return [value] if 0 < value < HUNDRED else []


_UNMARKED = re.compile(r"^\d{3,4}$")


def discounts_unmarked(draft: Draft) -> list[Decimal]:
    """The percentage a discount cell says when a normal fax lost its decimal mark: a percentage is
    printed with two decimals ("12,50", "5,00"), so three or four bare figures ("1250", "500") are that
    with the mark put back, when under 100."""
    toks = draft.cells.get("discount", [])[:1]
    bare = toks[0].text.replace("%", "").strip(" .,:;'\"`()") if toks else ""
    if not _UNMARKED.match(bare):
        return []
    value = Decimal(bare).scaleb(-2)
    return [value] if 0 < value < HUNDRED else []


def mended(solved: Solved) -> Solved:
    """`solved` with each reading costing at least a repaired digit: the total must vouch for it too."""
    return replace(
        solved,
        **{
            name: replace(r, cost=max(r.cost, REPAIR_COST))
            for name in ("quantity", "unit_price", "amount")
            if (r := getattr(solved, name)) is not None
        },
    )


def fitted_by_discount(solved: Solved) -> Solved:
    """`mended` for a line a discount found aside or put back its mark made agree: each figure costs a
    repaired digit's, so that only the order's total vouches for it, but the quantity and the price
    keep their own costs, since the discount, not a changed figure of theirs, made them fit."""
    q, p = solved.quantity, solved.unit_price
    own = (q.cost, p.cost) if q is not None and p is not None else None
    return replace(mended(solved), own_costs=own)


def before_discount(amounts: list[Reading], discount: Decimal | None) -> list[Reading]:
    """A discounted amount as the amount before the discount, for quantity × price to be checked on."""
    if discount is None:
        return amounts
    return [replace(r, value=r.value * HUNDRED / (HUNDRED - discount)) for r in amounts]
