"""The order's total on a fax whose net total, tax and total do not add up as read: the total the
page prints under the net total, read as printed, instead of the net (for parsers.layout.extract)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from parsers.layout.evidence import DOUBTFUL
from parsers.layout.geometry import Page, Tok
from parsers.layout.numbers import OTHER_MARK, Reading, readings
from parsers.layout.total_figures import MONEY
from parsers.layout.totals import Chosen, Seen

ABOVE_NET = ("gross", "total")  # kinds of total that may print what the customer pays under the net


def printed_under(seen: list[Seen], chosen: Chosen, mark: str, pages: Sequence[Page]) -> Chosen | None:
    """On a scanned page, the one total greater than the chosen one printed under it on its page
    ("Order total incl. tax EUR 695,21" under "TOTAL EUR 579,34"), read to the cent as printed (no
    figure repaired, no word left out; its decimal mark may be the other one, "€434,34" on a page of
    points, a speck making a point a comma), taken for the order's total when the net total, tax and
    total read could not be made to agree (`totals.unaccounted` said what the page prints that the
    chosen total leaves out). A net total is never what the customer pays where a greater total is
    printed under it: that printed total is. It is doubtful, for the sums did not vouch for it: a
    person confirms it. None on a text layer, when no such total was read, or two differing ones."""
    if chosen.reading is None or not chosen.toks:
        return None
    last = chosen.toks[-1]
    page = next((p for p in pages if p.number == last.page), None)
    if page is None or page.source == "text":
        return None
    found: dict[Decimal, tuple[Reading, list[Tok]]] = {}
    for s in seen:
        if s.kind not in ABOVE_NET or not s.toks or s.toks is chosen.toks or s.mended:
            continue
        if s.page != last.page or s.y <= last.cy or not MONEY.search(s.toks[-1].text.rstrip("€$£ ")):
            continue
        options = readings(s.toks[-1].text, mark, rules=False)[:1]
        if options and _as_printed(options[0]) and options[0].value > chosen.reading.value:
            found.setdefault(options[0].value, (options[0], s.toks))
    if len(found) != 1:
        return None
    ((reading, toks),) = found.values()
    return Chosen(reading, toks, min(chosen.certainty, DOUBTFUL), False)


def _as_printed(reading: Reading) -> bool:
    """Whether an amount was read with every figure as printed: as it stands, or with its one decimal
    mark taken for the other (its cents settle which mark it is)."""
    return reading.cost == 0 or reading.note == OTHER_MARK
