"""A captured line's three numbers as the re-reads of their cells weigh them: whether they agree
(quantity × price, less the discount, is the amount to the cent), what a re-read text says under the
document's decimal mark, which numbers the layout reader computed rather than read, and how sure a
re-read leaves the line and the total (`vouched_for`, `total_pinned`).  Shared by `parsers.ocr.cells`
and `parsers.ocr.past_cents`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, line_net
from parsers.layout.decimal_mark import decide_mark
from parsers.layout.evidence import DOUBTFUL, LIKELY, VERIFIED_FLOOR
from parsers.layout.line_sums import pins, to_the_cent
from parsers.layout.numbers import readings
from parsers.ocr.cutouts import Cell

NUMBERS = ("quantity", "unit_price", "amount")
UNSURE = 0.8  # a number read with less confidence than this is read again (validation's floor)
CENT = Decimal("0.01")


def line_agrees(values: tuple[Decimal | None, ...], discount: Decimal | None) -> bool:
    quantity, price, amount = values
    if quantity is None or price is None or amount is None or quantity <= 0:
        return False
    return to_the_cent(quantity, price, amount, discount)


def line_values(line: CapturedLine) -> tuple[Decimal | None, ...]:
    return (line.quantity, line.unit_price, line.amount)


def reread_value(text: str, mark: str) -> Decimal | None:
    """The re-read as a number under the document's decimal mark, read exactly as printed but for marks
    at its edges (a speck or the rule beside the cell read as "." or "-")."""
    found = readings(text.strip(".,-/"), mark, rules=False, lost_marks=False)
    return found[0].value if found and found[0].cost == 0 else None


def document_mark(order: CapturedOrder) -> str:
    raws = [e.provenance.raw for e in order.evidence if e.provenance.raw and _is_number(e.field)]
    return decide_mark((r for r in raws if r), order.language)[0]


def _is_number(path: str) -> bool:
    return path.endswith(NUMBERS) or path in ("total", "net_total", "tax_total")


def sums_agree(order: CapturedOrder) -> bool | None:
    """Whether the lines add up to the printed total before tax (None when there is nothing to check):
    the net total, else the total less the tax, else the total."""
    target = order.net_total
    if target is None and order.total is not None:
        target = order.total - (order.tax_total or 0)
    if target is None or not order.lines:
        return None
    added = Decimal(0)
    for line in order.lines:
        if line.amount is not None:
            added += line.amount
        elif line.quantity is not None and line.unit_price is not None:
            added += (line.quantity * line.unit_price).quantize(CENT)
        else:
            return None
    return abs(added - target) <= CENT + CENT / 2 * len(order.lines)


def vouched_for(
    order: CapturedOrder,
    kept: dict[str, tuple[str, bool]],
    *,
    total: bool,
    settled: Sequence[CapturedLine],
    own: Mapping[int, Cell],
) -> tuple[Evidence, ...]:
    """The evidence with each line that now agrees vouched for (`settled`: the lines as settled).  A cell
    re-read to another value is as sure as a digit the arithmetic repaired
    (`parsers.layout.number_evidence.record_numbers`): likely when the lines add up to the total too and the
    arithmetic allows the new figure no neighbour (`line_sums.pins`: 12.5 at 3.15004 and at 3.15 both make
    39.38), doubtful otherwise; a cell read twice alike, and the other numbers of the line, now checked,
    are as sure as an agreeing line's.  A quantity computed from the amount whose own cell (`own`), read
    again, says it is read, not computed: it is vouched for as any cell read again, and found there."""
    lines = {path.split(".")[0] for path in kept}
    out = []
    for item in order.evidence:
        line, _, name = item.field.partition(".")
        computed = item.field not in kept and computed_from_amount(order, item)
        if line not in lines or name not in NUMBERS or (computed and not _exact_price(order, line, name)):
            # a price the layout reader computed from the amount, rounded, agrees with it by
            # construction: the re-read cells say nothing of it ("7.3102" for a printed 7.31); a
            # quantity computed so is whole by construction, so even an exact one says nothing: the
            # amount less a discount the reader missed leaves a whole number too (100 × 0.18 less
            # 10 % = 16.20, and 16.20 / 0.18 = 90), and no price list checks a quantity afterwards
            out.append(item)
            continue
        text, different = kept.get(item.field, (None, False))
        if different:
            now = settled[int(line[len("lines[") : -1])]
            pinned = pins(line_values(now), name, now.discount)
            certainty = (LIKELY if total and pinned else DOUBTFUL) * VERIFIED_FLOOR
        else:
            certainty = LIKELY * VERIFIED_FLOOR if text is not None else VERIFIED_FLOOR
        where = replace(item.provenance, raw=text) if text is not None else item.provenance
        cell = own.get(int(line[len("lines[") : -1])) if name == "quantity" and text is not None else None
        if cell is not None and computed_from_amount(order, item):
            where = replace(where, page=cell.page, box=cell.box)  # read from its own cell, not the amount's
        out.append(Evidence(item.field, round(max(certainty, item.confidence), 3), where))
    return tuple(out)


def total_pinned(order: CapturedOrder, evidence: tuple[Evidence, ...], mark: str) -> tuple[Evidence, ...]:
    """`evidence` with the order's total vouched for by its lines, now that a re-read made them add up
    to it.  The layout reader checks the printed total against the lines' sum and, where they differ,
    takes the total as read but unconfirmed (`parsers.layout.totals.choose`: a cross-check failed);
    when a line's cells read again settle that line (its quantity × price now its amount) and with it
    the lines add up to the total as printed, the lines and the total, read apart, say one sum: the
    check that failed now holds.  Only a total with no tax beside it (the lines' sum is the total
    itself) and read exactly as printed, no figure repaired; a net and a tax beside it, or a total
    whose reading was mended to fit, stay as they were."""
    if order.net_total is not None or order.tax_total is not None or order.total is None:
        return evidence
    found = order.evidence_for("total")
    if found is None or reread_value(found.provenance.raw or "", mark) != order.total:
        return evidence
    sure = round(LIKELY * VERIFIED_FLOOR, 3)
    return tuple(
        Evidence(e.field, max(e.confidence, sure), e.provenance) if e.field == "total" else e
        for e in evidence
    )


def computed_from_amount(order: CapturedOrder, item: Evidence) -> bool:
    """Whether `item`, a line's quantity or price, was computed from the amount by the layout reader:
    its evidence is the amount's box (`parsers.layout.number_evidence.record_numbers`)."""
    line, _, name = item.field.partition(".")
    if name not in ("quantity", "unit_price") or item.provenance.box is None:
        return False
    amount = order.evidence_for(f"{line}.amount")
    return amount is not None and item.provenance.box == amount.provenance.box


def _exact_price(order: CapturedOrder, path: str, name: str) -> bool:
    """Whether a number computed from the amount may be vouched for: a price that leaves the amount with
    nothing rounded (`_exact`), never a quantity."""
    return name == "unit_price" and _exact(order, path)


def _exact(order: CapturedOrder, path: str) -> bool:
    """Whether the line's quantity × price, less its discount, is its amount with nothing rounded."""
    line = order.lines[int(path[len("lines[") : -1])]
    quantity, price, amount = line_values(line)
    if quantity is None or price is None or amount is None:
        return False
    return line_net(quantity, price, line.discount) == amount
