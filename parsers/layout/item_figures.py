"""A line's quantity, price and amount read and checked against each other, for a given discount (for
parsers.layout.items, which tries the discounts a line may have)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import line_net
from parsers.layout.arith import solve
from parsers.layout.geometry import Tok
from parsers.layout.item_basis import per_unit
from parsers.layout.item_discounts import before_discount
from parsers.layout.item_numbers import (
    HALF_CENT,
    cell_confusions,
    cell_readings,
    groups_spoilt,
    stroke_as_one,
)
from parsers.layout.price_scale import read_sure
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import Solved


def figures_solved(
    draft: Draft,
    toks: tuple[list[Tok], list[Tok], list[Tok]],
    mark: str,
    discount: Decimal | None,
    *,
    ocr: bool,
    sure: bool = False,
    page: int | None = None,
) -> Solved:
    """Quantity, price and amount read and checked against each other: the price as the price of one
    unit, the amount before the line's discount for the check and as printed in the result."""
    qty, price, amount = toks
    # OCR's slips are repaired only where OCR read: a text layer says what was printed, wrong or not
    repairs = (
        (cell_confusions(qty, mark), cell_confusions(price, mark), cell_confusions(amount, mark))
        if ocr
        else None
    )
    printed = cell_readings(draft, "amount", amount, mark, ocr, sure)
    gross = before_discount(printed, discount)
    quantities = cell_readings(draft, "qty", qty, mark, ocr, sure)
    prices = per_unit(cell_readings(draft, "price", price, mark, ocr, sure), draft, quantities, gross, page)
    if ocr and prices and not quantities:
        # the quantity lost: a 1 inside the price may be a stroke the fax drew, for the amount to choose
        prices = prices + per_unit(stroke_as_one(price, mark), draft, quantities, gross, page)
    if ocr:
        quantities = quantities + groups_spoilt(draft.cells.get("qty", []), prices, gross)
    if discount is not None and quantities and prices and printed:
        # the amount is rounded to the cent after the discount: quantity × price less the discount
        # within half a cent of it agrees, though the amount before the discount it implies does not
        # come out to the cent (60 × 2.45 less 12.5 % = 128.625, printed 128.63)
        q, p, a = quantities[0], prices[0], printed[0]
        if (
            q.cost == p.cost == a.cost == 0
            and q.value > 0  # no line orders nothing: "000,000" and "00" are figures OCR cut off
            and abs(line_net(q.value, p.value, discount) - a.value) <= HALF_CENT
        ):
            return Solved(q, p, a, "agrees")
    solved = solve(quantities, prices, gross, repairs, rescale=ocr and read_sure(qty))
    if discount is not None and solved.amount in gross:
        solved = replace(solved, amount=printed[gross.index(solved.amount)], options=())
    return solved
