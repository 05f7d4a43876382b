"""Quantities whose decimal mark a normal fax lost or turned, put back where their column prints it: a
column is printed to one format ("5,000", "36,000", "1.200,000"), so a quantity in it read as bare
figures ("24000"), with the other mark where its decimals stand ("5,000" under a decimal point) or with
its mark lost after a group ("2.000000") or its group mark turned into the decimal mark ("2,500,000"
for 2.500,000) holds the same decimals as its neighbours.  The neighbours'
print alone does not say the column prints decimals: a whole-number column whose group marks the fax
turned ("2,000" and "1,000" under a decimal comma) prints the mark too, so the column's format
counts only where the neighbours' own arithmetic read their marks as decimal marks
(`item_columns.settled_places`)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from parsers.layout.arith import MOVED
from parsers.layout.geometry import Tok
from parsers.layout.item_columns import as_printed, settled_places
from parsers.layout.items import Built, settled
from parsers.layout.line_sums import adding_up
from parsers.layout.number_evidence import IN_FORMAT
from parsers.layout.numbers import LOST_MARK, OTHER_MARK, REPAIR_COST, Reading, readings, strip_money
from parsers.layout.solved_lines import Solved

# figures and marks only: a quantity cell as a fax left it ("24000", "5,000", "2.000000")
_FIGURES = re.compile(r"^\d[\d.,]*\d$")
# price readings that keep the figures as printed: as read, or with its mark lost or turned put back
_SAME_FIGURES = ("", LOST_MARK, OTHER_MARK)


def by_quantity_format(built: list[Built], mark: str) -> list[Built]:
    """Each line whose quantity was read against its column's format (module docstring), where the
    column's other lines (two or more) all print `mark` with the same decimals and add up so
    (`item_columns.settled_places`), read with its figures
    in that format; with it, the price and the amount as their figures were printed, when one reading
    of the price then makes quantity × price the amount to the cent ("2.000000" × "0012€" = "24,00€"
    under "1.000,000" and "500,000": 2000 × 0,012, not 2 × 12).  A line the quantity as read already
    makes add up with the price and amount as printed is left alone: the format chooses only between
    readings the line itself leaves open, or where the line cannot check it.

    The column's format chose the figures' place, so they stay doubtful (`IN_FORMAT`): the arithmetic
    agrees as well with the readings they replace (24000 × 3,89 for 1,000 units is 24 × 3,89), so
    neither the line nor the order's total can vouch for them."""
    out = list(built)
    for i, b in enumerate(built):
        s, toks = b.solved, _one_quantity(b)
        if s.quantity is None or toks is None:
            continue
        if s.check == "agrees" and as_printed(s):
            continue
        places = settled_places(built, "quantity", mark, i)
        text = strip_money(toks[0].text)[0]
        if not places or not _FIGURES.match(text) or _as_format(text, mark, places):
            continue
        figures = text.replace(".", "").replace(",", "")
        quantity = Decimal(figures).scaleb(-places)
        if quantity <= 0 or quantity == s.quantity.value:
            continue
        out[i] = settled(b, _in_format(b, s, Reading(quantity, REPAIR_COST, IN_FORMAT), mark))
    return out


def _one_quantity(b: Built) -> list[Tok] | None:
    """The line's quantity cell, when a column's format may read it: one word, the line left open by
    the arithmetic (no options to choose between) and no discount to account for; None otherwise."""
    toks = b.toks.get("quantity") or []
    if b.solved.options or b.solved.quantity is None or len(toks) != 1 or b.line.discount is not None:
        return None
    return toks


def by_whole_column(built: list[Built], mark: str) -> list[Built]:
    """Each line whose quantity was read as figures grouped by threes under the page's decimal mark
    ("5.000" under a decimal point), in a column of whole quantities whose group marks the fax turned:
    the column's other lines add up as whole numbers, two or more, one of them only with its mark read
    as a group mark ("2.000" at 0.0200 = 40.00 is 2000), none with decimals after the mark.  Read as
    the whole number ("5.000": 5000), where the line cannot check it (no amount read) or its amount
    then agrees with one reading of the price's figures as printed (`_in_format`).  With no amount, a
    price printed with two zeros ahead of its figures ("00120") lost its mark after the first zero,
    the only place a decimal mark stands in such figures (0.0120).

    The column's settled format chose the reading, not arithmetic: both stay doubtful (`IN_FORMAT`)."""
    out = list(built)
    for i, b in enumerate(built):
        s, toks = b.solved, _one_quantity(b)
        if s.quantity is None or toks is None:
            continue
        if s.check not in ("unchecked", "disagrees") or s.quantity.note:
            continue
        text = strip_money(toks[0].text)[0]
        grouped = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})+", text)
        if not grouped or not _whole_column(built, mark, i):
            continue
        quantity = Reading(Decimal(text.replace(mark, "")), REPAIR_COST, IN_FORMAT)
        if quantity.value == s.quantity.value:
            continue
        solved = _in_format(b, s, quantity, mark)
        if solved.amount is None and (price := _zeros_ahead(b)) is not None:
            solved = replace(solved, unit_price=price)
        out[i] = settled(b, solved)
    return out


def _whole_column(built: list[Built], mark: str, skip: int) -> bool:
    """Whether the quantity column's other lines, as their arithmetic settled them, count whole units
    with group marks the fax turned (`by_whole_column`)."""
    whole = turned = 0
    for j, b in enumerate(built):
        s, toks = b.solved, b.toks.get("quantity") or []
        if j == skip or not toks or s.check != "agrees" or s.quantity is None:
            continue
        printed = mark in strip_money(toks[-1].text)[0]
        fraction = s.quantity.value != s.quantity.value.to_integral_value()
        if fraction or (printed and s.quantity.note not in MOVED):
            return False
        whole += 1
        turned += printed and s.quantity.note == OTHER_MARK
    return whole >= 2 and turned >= 1


def _zeros_ahead(b: Built) -> Reading | None:
    """The line's price read with its mark put back after the first of two leading zeros ("00120":
    0.0120), else None."""
    toks = b.toks.get("unit_price") or []
    figures = strip_money(toks[-1].text)[0] if len(toks) == 1 else ""
    if not re.fullmatch(r"00\d+", figures) or not figures.strip("0"):
        return None
    return Reading(Decimal(figures).scaleb(1 - len(figures)), REPAIR_COST, IN_FORMAT)


def _as_format(text: str, mark: str, places: int) -> bool:
    """Whether `text` already prints `mark` with `places` decimals after it, and `mark` nowhere else: a
    number holds one decimal mark, so in "2,500,000" under a decimal comma the first comma is a group
    point the fax turned (2.500,000), not a second decimal mark."""
    _, sep, decimals = text.rpartition(mark)
    return bool(sep) and len(decimals) == places and decimals.isdigit() and text.count(mark) == 1


def _in_format(b: Built, s: Solved, quantity: Reading, mark: str) -> Solved:
    """The line with `quantity`: agreeing with one price reading of the figures printed and the amount
    as printed, else as it was but for the quantity, unchecked (no amount read) or disagreeing."""
    price_toks, amount_toks = b.toks.get("unit_price") or [], b.toks.get("amount") or []
    if price_toks and amount_toks:
        amounts = [r for r in readings(amount_toks[-1].text, mark) if r.cost == 0 and not r.note]
        prices = [r for r in readings(price_toks[-1].text, mark) if r.note in _SAME_FIGURES]
        fitting = adding_up(quantity.value, prices, amounts)
        if len(fitting) == 1:
            price, amount = next(iter(fitting.values()))
            if price.cost:
                price = Reading(price.value, REPAIR_COST, IN_FORMAT)
            return Solved(quantity, price, amount, "agrees")
    if s.check not in ("unchecked", "disagrees"):
        return s  # no reading of the price the print shows fits the format's quantity: the line stands
    return replace(s, quantity=quantity)
