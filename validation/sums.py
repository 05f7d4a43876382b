"""Totals that the lines vouch for by arithmetic: a printed total read unsure is as sure as the line
amounts it is the exact sum of, each read sure, since a misread total that still comes out to the cent
of figures read elsewhere on the page is not to be expected.  The tax is vouched for when it is the
vouched net total at a usual VAT rate to the cent (or nothing), and the total then when it is the two
added up; where no net total was read (its label or figures spoilt), the tax and the total are vouched
for by the lines' sum alone in the same way.  Nothing here is rounded or repaired: every figure is
compared as read.

A total printed anywhere but under the last line read ties nothing: "Total b/f 1617.64" heading a
second page is the sum of the first page's lines, and the lines under it that OCR lost would not
count (a printed total closes the lines above it, on their page).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from core.capture.domain.order import CapturedOrder

CENT = Decimal("0.01")
# the VAT rates (in %) the countries our customers order from charge; a tax that is the net total at
# one of them to the cent is tied to it
RATES = tuple(
    Decimal(r) for r in ("4", "5", "7", "8", "10", "12", "13", "16", "19", "20", "21", "22", "23", "25")
)


def tied_totals(order: CapturedOrder, floor: float) -> set[str]:
    """The paths of the order's totals ("net_total", "tax_total", "total") that the line amounts, each
    read with confidence `floor` or more, tie by arithmetic (module docstring)."""
    lines = _sure_sum(order, floor)
    if lines is None:
        return set()
    net, tax, total = order.net_total, order.tax_total, order.total
    tied: set[str] = set()
    paths = {"net_total": net, "tax_total": tax, "total": total}
    if not all(_under_the_lines(order, path) and _as_read(order, path, v) for path, v in paths.items()):
        return tied
    if net is not None and net == lines:
        tied.add("net_total")
    elif net is None and tax in (None, Decimal(0)) and total == lines:
        return {"total", "tax_total"} if tax is not None else {"total"}
    elif net is None and tax is not None and total == lines + tax and _at_a_rate(lines, tax):
        # no net total read: the tax is the lines' share at a usual rate and the total the two added up
        return {"total", "tax_total"}
    if "net_total" not in tied or tax is None or not _at_a_rate(lines, tax):
        return tied
    tied.add("tax_total")
    if total is not None and total == lines + tax:
        tied.add("total")
    return tied


def _under_the_lines(order: CapturedOrder, path: str) -> bool:
    """Whether the total `path` (when read) was read on the page of the last line's amount, below it."""
    found = order.evidence_for(path)
    if found is None:
        return True
    last = order.evidence_for(f"lines[{len(order.lines) - 1}].amount")
    mine, theirs = found.provenance, last.provenance if last else None
    if theirs is None or mine.box is None or theirs.box is None:
        return False
    return mine.page == theirs.page and mine.box[1] >= theirs.box[3]


def _as_read(order: CapturedOrder, path: str, value: Decimal | None) -> bool:
    """Whether the total `path` is the figure the page was read to print, not one the reader mended
    (a tax OCR read a figure off, taken as the totals' difference: that must reach a person)."""
    found = order.evidence_for(path)
    if value is None or found is None or found.provenance.raw is None:
        return True
    return re.sub(r"\D", "", found.provenance.raw).lstrip("0") == f"{value:.2f}".replace(".", "").lstrip("0")


def _sure_sum(order: CapturedOrder, floor: float) -> Decimal | None:
    """The line amounts added up, when every line has one read with confidence `floor` or more."""
    if not order.lines:
        return None
    added = Decimal(0)
    for i, line in enumerate(order.lines):
        found = order.evidence_for(f"lines[{i}].amount")
        if line.amount is None or found is None or found.confidence < floor:
            return None
        added += line.amount
    return added


def _at_a_rate(net: Decimal, tax: Decimal) -> bool:
    """Whether `tax` is nothing, or `net` at one of the usual rates to the cent (either rounding)."""
    if tax == 0:
        return True
    return any(
        tax == (net * rate / 100).quantize(CENT, rounding=rounding)
        for rate in RATES
        for rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN)
    )
