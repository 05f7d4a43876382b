"""The carried-forward subtotals checked again on the order as it stands after a scan's number cells
were read again: a subtotal that did not add up with a line amount as the page's first reading gave it
("8.550€" taken as 8550 for 8,50) adds up once that cell, read again, says the amount the line's
quantity and price make, and the order then carries no problem saying it does not (for
parsers.ocr.parser, after `cells.reread_numbers` and `recheck.confirm`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder, ProblemCode
from parsers.layout.numbers import readings
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import CENT
from parsers.layout.totals import Seen

CARRIED_OFF = "carried-forward subtotal does not add up"  # the problem's message begins so


@dataclass(frozen=True)
class CarriedSums:
    """The carried-forward subtotals of order `order` that did not all add up with its lines as first
    read: the page each line stands on, and each subtotal's page with the amounts its print reads as
    (OCR only)."""

    order: int
    line_pages: tuple[int, ...]
    subtotals: tuple[tuple[int, tuple[Decimal, ...]], ...]


def carried_sums(drafts: Sequence[Draft], seen: Sequence[Seen], mark: str) -> CarriedSums:
    """What checking the carried-forward subtotals of `seen` again needs (its `order` set by the caller)."""
    subtotals = tuple(
        (s.page, tuple(r.value for r in readings(s.toks[-1].text, mark, rules=False)))
        for s in seen
        if s.kind == "carried" and s.toks
    )
    return CarriedSums(0, tuple(d.page for d in drafts), subtotals)


def added_up_again(orders: Sequence[CapturedOrder], checks: Sequence[CarriedSums]) -> list[CapturedOrder]:
    """Each order whose carried-forward subtotals every one add up, to the cent, with its lines as they
    now stand (the lines before the subtotal's page, or up to it, as `totals.carried_mismatches` asks),
    without the problems saying they do not. A line with no amount and no quantity and price to make one
    leaves the problems as they are: its share is unknown."""
    out = list(orders)
    for check in checks:
        order = out[check.order]
        if len(order.lines) != len(check.line_pages) or not check.subtotals:
            continue
        values = [_value(line) for line in order.lines]
        if any(v is None for v in values) or not _all_add_up(check, values):
            continue
        kept = tuple(
            p
            for p in order.problems
            if not (p.code == ProblemCode.TOTAL_MISMATCH and p.message.startswith(CARRIED_OFF))
        )
        out[check.order] = replace(order, problems=kept)
    return out


def _value(line: CapturedLine) -> Decimal | None:
    """What a line adds: its amount, else quantity × price to the cent (`line_sums.line_value`)."""
    if line.amount is not None:
        return line.amount
    if line.quantity is not None and line.unit_price is not None:
        return (line.quantity * line.unit_price).quantize(CENT)
    return None


def _all_add_up(check: CarriedSums, values: Sequence[Decimal | None]) -> bool:
    sums: dict[int, Decimal] = {}
    for page, value in zip(check.line_pages, values, strict=True):
        sums[page] = sums.get(page, Decimal(0)) + (value or Decimal(0))
    for page, options in check.subtotals:
        before = sum((v for p, v in sums.items() if p < page), Decimal(0))
        upto = before + sums.get(page, Decimal(0))
        if not any(abs(o - target) <= CENT for o in options for target in (before, upto)):
            return False
    return True
