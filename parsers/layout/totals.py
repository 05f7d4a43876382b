"""Totals, tax amounts and carried-forward subtotals printed outside the table, and the choice of the
order total: the one the lines add up to, else the net total before the plain one before the gross one;
with a tax amount and a total that is that one plus the tax printed too, the three (net, tax, total):
those in tax_choice, tax_rates, gross_mends and tax_mends, a total's spoilt figures in total_figures, and
where a page prints its totals (beside a label, in boxes, brought forward) in printed_totals."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parsers.layout import labels
from parsers.layout.evidence import LIKELY, SURE, WRONG
from parsers.layout.geometry import Line, Page, Tok, join_groups
from parsers.layout.line_sums import line_value, matching
from parsers.layout.numbers import Reading, looks_numeric, readings
from parsers.layout.solved_lines import Solved
from parsers.layout.text import has_digit
from parsers.layout.total_figures import (
    MONEY,
)
from parsers.layout.vocab import TOTALS

PREFERENCE = ("net", "total", "gross")
MAX_OPEN = 6  # lines with readings left open that the total may settle together
UNDER_TOTAL = 4  # lines under the total where a tax line and a total with tax are printed
# a tax rate ("21 %", "VAT20%", "7,5%", "MwSt..19 %": a speck by the label's dot read as another dot)
RATE = re.compile(r"(?<![\d,])(?<!\d\.)(\d{1,2}(?:[.,]\d{1,2})?)\s*%")


@dataclass
class Seen:
    """A total-like amount printed on a page: net, gross, plain total or a carried-forward subtotal."""

    kind: str  # "net" | "gross" | "total" | "tax" | "carried"
    toks: list[Tok]
    page: int
    y: float
    # a lone figure or money sign read after the amount was left out ("33423.73 5"): a person confirms it
    mended: bool = False


@dataclass
class Chosen:
    reading: Reading | None
    toks: list[Tok]
    certainty: float
    verified: bool


def junk_left_out(seen: list[Seen], toks: Sequence[Tok]) -> bool:
    """Whether the amount `toks` ends in was read only with a lone figure or sign after it left out."""
    return bool(toks) and any(s.mended and s.toks and s.toks[-1] is toks[-1] for s in seen)


def choose(seen: list[Seen], line_sum: Decimal | None, mark: str) -> Chosen:
    """The order total: a printed total equal to the sum of the lines wins; else by kind."""
    totals = [s for s in seen if s.kind not in ("carried", "tax")]
    if line_sum is not None:
        for s in totals:
            found = matching(readings(s.toks[-1].text, mark, rules=False), line_sum)
            if found is not None:
                return Chosen(found, s.toks, SURE if found.cost == 0 else LIKELY, True)
    for kind in PREFERENCE:
        for s in totals:
            if s.kind == kind:
                options = readings(s.toks[-1].text, mark, rules=False)
                if options:
                    return Chosen(options[0], s.toks, WRONG if line_sum is not None else LIKELY, False)
    return Chosen(None, [], 0.0, False)


def unaccounted(seen: list[Seen], chosen: Chosen, mark: str) -> str | None:
    """What the page prints about the amount the customer pays that the chosen total does not account
    for, when no net, tax and total were read together: a tax amount that no printed total includes
    (none is the chosen one plus the tax) or is made of (none plus the tax is the chosen one), or a
    total with tax ("Total inc. VAT", "Gross") above the chosen one when its tax line was not read. The
    order's total is then not known. None when all is accounted for, or nothing was chosen."""
    if chosen.reading is None:
        return None
    value = chosen.reading.value
    others = [
        (s, r.value)
        for s in seen
        if s.kind in PREFERENCE and s.toks is not chosen.toks
        for r in readings(s.toks[-1].text, mark, rules=False)[:1]
    ]
    amounts = [v for _, v in others]
    for tax in (s for s in seen if s.kind == "tax" and MONEY.search(s.toks[-1].text)):
        # an amount in cents; "VAT no. GB 284 9371 52" or "Tax ID DE 812 345 678" is an identifier
        options = readings(tax.toks[-1].text, mark, rules=False)[:1]
        if not options or not 0 < options[0].value < value:
            continue
        t = options[0].value
        if value + t in amounts or any(o + t == value for o in amounts):
            continue
        return f"a tax of {tax.toks[-1].text} is printed, but no total including it was read"
    for gross, amount in others:
        # a printed total to the cent above the chosen one ("Total inc. VAT", or the plain "Total
        # pedido" under a net total): what the customer pays is not what was taken
        if gross.kind in ("gross", "total") and amount > value and MONEY.search(gross.toks[-1].text):
            return f"a total of {gross.toks[-1].text} is printed above {value}, and nothing read explains it"
        # a total with tax below the total chosen, which it must include ("Total con IVA 1 345,28" of
        # which "345,28" alone was read): what the customer pays was printed and not read whole
        if gross.kind == "gross" and 0 <= amount < value:
            return f"a total with tax of {gross.toks[-1].text} is printed, less than {value}: not read whole"
    return None


def unread_below(pages: list[Page], chosen: Chosen, skip: set[int], mark: str) -> str | None:
    """A total line under the chosen total (a tax, a total with tax) whose figures read as no amount
    ("IVA 23 % 134167", "Total c/ IVA EUR 720/17"; "Total con IVA 7T23.82€", to the cent but with a
    letter among its figures), or an amount to the cent greater than the total on a line under it
    whose label OCR garbled past knowing ("'OTAL PEDIDO IVA INCL. €861,82"): what the customer pays
    may be that line's, unread.  None when the lines under it read as amounts no greater than the
    total, or as amounts of lines labelled a total."""
    if not chosen.toks:
        return None
    last = chosen.toks[-1]
    page = next((p for p in pages if p.number == last.page), None)
    under = [li for li in page.lines if li.y0 > last.y1 and li.kind == "text"] if page else []
    for line in under[:UNDER_TOTAL]:
        if id(line) in skip:
            continue
        labelled = False
        for phrase in line.phrases():
            hit = labels.starts_with(phrase.toks, TOTALS)
            if hit is None:
                continue
            labelled = True
            after = [t for t in line.toks if t.x0 >= phrase.toks[hit.end - 1].x1]
            figures = [t for t in join_groups(after) if has_digit(t.text) and "%" not in t.text]
            if figures and not an_amount(figures[-1].text):
                return f"'{line.text}' is printed under the total, and its amount could not be read"
        if not labelled and _greater(line, chosen, mark):
            return f"'{line.text}' is printed under the total: an amount greater than it, its label unread"
    return None


def an_amount(text: str) -> bool:
    """Whether a total line's last figures read as an amount to the cent: ending in cents is not
    enough, when a letter OCR cannot take for a figure stands among them (the "T" of "7T23.82€") the
    line's amount is no number `seen_in` could take, and its total went unseen."""
    return bool(MONEY.search(text.rstrip("€$£ "))) and looks_numeric(text)


def _greater(line: Line, chosen: Chosen, mark: str) -> bool:
    """Whether `line` ends in an amount to the cent, as printed, greater than the chosen total."""
    figures = [t for t in join_groups(line.toks) if has_digit(t.text) and "%" not in t.text]
    if chosen.reading is None or not figures:
        return False
    text = figures[-1].text.strip("€$£ ")
    if not MONEY.search(text):
        return False
    found = readings(text, mark, rules=False, lost_marks=False)
    return bool(found) and found[0].cost == 0 and found[0].value > chosen.reading.value


def settle(solved: list[Solved], seen: list[Seen], mark: str) -> list[Solved] | None:
    """For lines whose arithmetic left two readings open ("1280" read for 1230, or "12,3" for 12,8): the
    one choice per line for which the lines add up to a printed total, when exactly one choice does."""
    open_lines = [i for i, s in enumerate(solved) if s.options]
    others = [line_value(s) for i, s in enumerate(solved) if i not in open_lines]
    if not open_lines or len(open_lines) > MAX_OPEN or None in others:
        return None
    fixed = sum((v for v in others if v is not None), Decimal(0))
    printed = [readings(s.toks[-1].text, mark, rules=False) for s in seen if s.kind not in ("carried", "tax")]
    fits, exact = [], []
    for choice in itertools.product(*(solved[i].options for i in open_lines)):
        values = [line_value(c) for c in choice]
        if None in values:
            continue
        total = fixed + sum((v for v in values if v is not None), Decimal(0))
        if any(matching(options, total) is not None for options in printed):
            fits.append(choice)
        if any(r.value == total for options in printed for r in options):
            exact.append(choice)
    # of choices a cent apart ("5.000,060" read for 5.000,000, or the amount 900.01), the one the
    # printed total is to the cent
    fits = exact if len(fits) > 1 and len(exact) == 1 else fits
    if len(fits) != 1:
        return None
    out = list(solved)
    for i, chosen in zip(open_lines, fits[0], strict=True):
        out[i] = chosen
    return out


def likeliest(solved: Solved) -> Solved:
    """A line's cheapest repair when its arithmetic left several open, if one is cheaper than the rest
    ("1.900" read for 1.000 before a price computed one digit from "0,950"); else the line as it is."""
    options = sorted(solved.options, key=lambda s: s.cost)
    if len(options) == 1 or (len(options) > 1 and options[0].cost < options[1].cost):
        return options[0]
    return solved


def carried_mismatches(seen: list[Seen], sums_by_page: dict[int, Decimal], mark: str) -> list[str]:
    """Carried-forward subtotals that match neither the lines before their page nor those up to it."""
    bad = []
    for s in seen:
        if s.kind != "carried":
            continue
        before = sum((v for p, v in sums_by_page.items() if p < s.page), Decimal(0))
        upto = before + sums_by_page.get(s.page, Decimal(0))
        options = readings(s.toks[-1].text, mark, rules=False)
        if options and matching(options, before) is None and matching(options, upto) is None:
            bad.append(f"page {s.page}: {s.toks[-1].text} (the lines add up to {upto})")
    return bad
