"""A line's amount worked out one figure from its print, where the carried-forward subtotals the pages
print, or the order's net total, add up only with the amount as printed: the amount is taken as printed
and the price worked out."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout.items import Built, settled
from parsers.layout.line_sums import line_value
from parsers.layout.numbers import REPAIR_COST, Reading, readings
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import COMPUTED, Solved
from parsers.layout.text import one_edit
from parsers.layout.totals import Seen, carried_mismatches

PRICE_PLACES = Decimal("0.0001")  # the finest price a line prints (arith._derive)
FROM_CARRIED = f"{COMPUTED} from the amount the carried-forward subtotals add up with"
FROM_NET = f"{COMPUTED} from the amount the printed net total adds up with"


def by_carried(built: list[Built], drafts: list[Draft], seen: list[Seen], mark: str) -> list[Built]:
    """Where a page's carried-forward subtotal does not add up and exactly one line makes every such
    subtotal add up once its amount is taken as printed instead of worked out from its quantity and
    price ("60 × 7,45 147,00" read with the amount made 447,00, one figure from the print, beside
    "Suma y sigue 1.858,85" that 147,00 makes): that line's amount as printed, its quantity as printed
    and its price worked out of the two (2,45), where that is one figure from the price as read and a
    price to four places.  The subtotals vouch for the amount; the price stays doubtful (worked out,
    `number_evidence.record_numbers`): a price that contradicts its own line is for a person to confirm."""
    values = [line_value(b.solved) for b in built]
    if not any(s.kind == "carried" for s in seen) or not carried_mismatches(
        seen, _sums(drafts, values), mark
    ):
        return built
    found: list[tuple[int, Solved]] = []
    for i, b in enumerate(built):
        mended = _as_printed(b, mark)
        if mended is None or mended.amount is None:
            continue
        trial = [mended.amount.value if j == i else v for j, v in enumerate(values)]
        if not carried_mismatches(seen, _sums(drafts, trial), mark):
            found.append((i, mended))
    if len(found) != 1:
        return built
    index, solved = found[0]
    return [settled(b, solved) if i == index else b for i, b in enumerate(built)]


def by_net(built: list[Built], seen: list[Seen], mark: str) -> list[Built]:
    """Where the lines do not add up to the order's net total read as printed (`_net_printed`), and
    exactly one line makes them add up once its amount is taken as printed instead of worked out one
    figure from its print ("1,000 × 0.3100 340.00" read with the amount made 310.00,
    beside a net total of 566.00 that 340.00 makes): that line's amount as printed, its quantity as
    printed and its price worked out of the two (0.34), one figure from the price as read, as
    `by_carried` does with a page's subtotals.  The total vouches for the amount only; the price worked
    out stays doubtful (`items.record_numbers`), so the order waits for a person to confirm it."""
    target = _net_printed(seen, mark)
    values = [line_value(b.solved) for b in built]
    if target is None or sum((v or Decimal(0) for v in values), Decimal(0)) == target:
        return built
    found: list[tuple[int, Solved]] = []
    for i, b in enumerate(built):
        mended = _as_printed(b, mark, FROM_NET)
        if mended is None or mended.amount is None:
            continue
        trial = [mended.amount.value if j == i else v for j, v in enumerate(values)]
        if sum((v or Decimal(0) for v in trial), Decimal(0)) == target:
            found.append((i, mended))
    if len(found) != 1:
        return built
    index, solved = found[0]
    return [settled(b, solved) if i == index else b for i, b in enumerate(built)]


def _net_printed(seen: list[Seen], mark: str) -> Decimal | None:
    """The order's net total as printed, where every one read as printed says the same amount: a total
    labelled net, else a plain total that, with a tax printed, makes the total with tax printed ("Total
    566.00", "IVA 113.20", "Total IVA incl. 679.20").  None otherwise: a plain total alone may hold a
    tax OCR lost, and is then no sum of lines."""
    printed = [(s.kind, _printed(s, mark)) for s in seen if s.toks and not s.mended]
    kinds = {kind for kind, _ in printed}
    if "net" in kinds:
        values = {v for kind, v in printed if kind == "net"}
    else:
        taxes = {v for kind, v in printed if kind == "tax" and v is not None}
        grosses = {v for kind, v in printed if kind == "gross" and v is not None}
        values = {
            v
            for kind, v in printed
            if kind == "total" and (v is None or any(v + t in grosses for t in taxes))
        }
    return values.pop() if len(values) == 1 and None not in values else None


def _printed(s: Seen, mark: str) -> Decimal | None:
    found = readings(s.toks[-1].text, mark, rules=False, lost_marks=False)
    return found[0].value if found and found[0].cost == 0 else None


def _as_printed(b: Built, mark: str, note: str = FROM_CARRIED) -> Solved | None:
    """The line with its amount as printed and its price worked out of it, when its amount was worked
    out one figure from the print and its quantity was read as printed; None otherwise."""
    q, p, a = b.solved.quantity, b.solved.unit_price, b.solved.amount
    cell = b.toks.get("amount") or []
    if q is None or p is None or a is None or not cell or b.line.discount is not None:
        return None
    if not a.note.startswith(COMPUTED) or q.cost != 0 or q.value <= 0 or p.value <= 0:
        return None
    printed = readings(cell[-1].text, mark, rules=False, lost_marks=False)
    if not printed or printed[0].cost != 0 or printed[0].value == a.value:
        return None
    price = printed[0].value / q.value
    if price <= 0 or price != price.quantize(PRICE_PLACES):
        return None
    if not one_edit(_figures(p.value), _figures(price)):
        return None
    worked_out = Reading(price.quantize(PRICE_PLACES).normalize(), REPAIR_COST + 1, note)
    return Solved(q, worked_out, printed[0], "derived")


def _figures(value: Decimal) -> str:
    return format(value.quantize(PRICE_PLACES), "f").replace(".", "")


def _sums(drafts: list[Draft], values: list[Decimal | None]) -> dict[int, Decimal]:
    sums: dict[int, Decimal] = {}
    for d, v in zip(drafts, values, strict=True):
        sums[d.page] = sums.get(d.page, Decimal(0)) + (v or Decimal(0))
    return sums
