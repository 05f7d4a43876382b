"""The numbers of a document's item rows chosen by their columns: the decimal places a column
prints, and the readings of a line that fit them or put its lost marks back."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from parsers.layout.arith import MOVED, agrees
from parsers.layout.digit_slips import scale
from parsers.layout.item_basis import PRICE_BASES
from parsers.layout.item_discounts import mended
from parsers.layout.items import Built, settled
from parsers.layout.numbers import (
    LOST_MARK,
    REPAIR_COST,
    Reading,
    readings,
    strip_money,
)
from parsers.layout.solved_lines import Solved


def places_of(reading: Reading) -> int:
    """The decimals `reading`'s value is written to ("5.000": 3; "750": 0)."""
    exponent = reading.value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def column_places(built: list[Built], name: str, mark: str, skip: int) -> int | None:
    """The decimals the other lines print in column `name` ("quantity", "unit_price") with its mark, when
    two or more print one and all of them the same number: a column is printed to one format."""
    seen = set()
    count = 0
    for i, b in enumerate(built):
        toks = b.toks.get(name) or []
        if i == skip or not toks:
            continue
        text = strip_money(toks[-1].text)[0]
        found = readings(text, mark, rules=False, lost_marks=False)
        if found and found[0].cost == 0 and mark in text:
            seen.add(places_of(found[0]))
            count += 1
    return seen.pop() if count >= 2 and len(seen) == 1 else None


def settled_places(built: list[Built], name: str, mark: str, skip: int) -> int | None:
    """The decimals column `name` prints (`column_places`, line `skip` aside), where the column's other
    lines, as their arithmetic settled them, hold them: two or more lines that add up with their figure
    read as printed to those decimals (a price for many units as its heading states it), and no line
    that adds up with its mark read as a group mark or put back ("2,000" at 0,05 = 100,00 is 2000: the
    column counts whole units, its group marks turned), nor with bare figures read as printed ("750" at
    0,34 = 255,00).  A column's print alone does not say it prints decimals: a fax turns group marks
    into decimal marks ("2,000" and "1,000" under a decimal comma).  Lines that do not add up, or have
    no amount, say nothing: their marks may be specks ("36.07")."""
    places = column_places(built, name, mark, skip)
    if not places:
        return places
    held = 0
    for j, b in enumerate(built):
        s, toks = b.solved, b.toks.get(name) or []
        read: Reading | None = getattr(s, name)
        if j == skip or not toks or s.check != "agrees" or read is None:
            continue
        text = strip_money(toks[-1].text)[0]
        if _holds(read, text, mark, places):
            held += 1
        elif places_of(read) != places and (read.note in MOVED or (mark not in text and as_printed(s))):
            return None
    return places if held >= 2 else None


def _holds(read: Reading, text: str, mark: str, places: int) -> bool:
    """Whether `read` is the figures `text` prints with `mark` and `places` decimals after it, as
    printed (divided by the units a price is stated for, if any)."""
    found = readings(text, mark, rules=False, lost_marks=False)
    return (
        mark in text
        and bool(found)
        and found[0].cost == 0
        and places_of(found[0]) == places
        and read.note not in MOVED
        and read.value * scale(read) == found[0].value
    )


def as_printed(s: Solved) -> bool:
    """Whether every number of the line was read as printed: no figure, mark or basis mended."""
    return all(r is None or (r.cost == 0 and not r.note) for r in (s.quantity, s.unit_price, s.amount))


def by_columns(built: list[Built], mark: str) -> list[Built]:
    """Lines left open between readings whose decimal marks stand in different places (`arith._shifted`:
    120 × 0.454 or 12 × 4.54 for one amount), each settled where exactly one of them puts every mark it
    moved where the other lines of its column print theirs ("12,000" and "4,20" above: 12 and 4.54).
    An option that moves no mark, its figures read as printed and its price for one unit against the
    heading's stated basis ("5,000" at "2,45" beside 12,25 under "Prix unitaire (par 1000)", where the
    other is 5000 at 0,00245 with the comma read as a group mark), fits where its quantity and its
    price have the decimals their columns print ("120,000", "2.500,000"; "3,90", "180,00").
    Still mended: the columns' format is no arithmetic, so quantity and price stay doubtful."""
    out = list(built)
    for i, b in enumerate(built):
        if b.solved.check != "disagrees" or len(b.solved.options) < 2:
            continue
        places = {name: settled_places(built, name, mark, i) for name in ("quantity", "unit_price")}
        fitting = [option for option in b.solved.options if _fits_columns(option, places)]
        if len(fitting) == 1:
            out[i] = settled(b, mended(fitting[0]))
    return out


def _fits_columns(option: Solved, places: dict[str, int | None]) -> bool:
    """Whether `option` puts its quantity's and price's decimals where their columns print theirs
    (`places`, None where a column prints no one format): every mark it moved or basis it divided by
    lands there; with none moved, quantity and price are both read as printed and both have the
    decimals their columns print (a column whose other lines print no one format says nothing: "10.000"
    under "1.000" and "60" may be ten thousand, its point a comma misread)."""
    read = [(name, r) for name in places if (r := getattr(option, name)) is not None]
    moved = [(n, r) for n, r in read if r.note in MOVED or r.note.startswith("per ")]
    if moved:
        return all(places[n] is not None and places_of(r) == places[n] for n, r in moved)
    return len(read) == len(places) and all(
        not r.note and places[n] is not None and places_of(r) == places[n] for n, r in read
    )


def by_column_marks(built: list[Built], mark: str) -> list[Built]:
    """Lines whose arithmetic could not vouch for them (no amount read, or one that disagrees), each
    quantity or price OCR read as bare figures in a column whose other lines all print their figures
    with the decimal mark and the same decimals ("4200" under "4,500", "3,600", "4,750": 4,200), read
    with the mark put back there. A column is printed to one format, and a fax loses a mark's few
    pixels more often than it prints a figure out of format. Mended, so doubtful: only a person, or
    the order's total, vouches for it."""
    out = list(built)
    for i, b in enumerate(built):
        if b.solved.check not in ("unchecked", "disagrees") or b.solved.options:
            continue
        quantity = _mark_back(built, i, "quantity", mark)
        price = _mark_back(built, i, "unit_price", mark)
        if quantity is None and price is None:
            continue
        solved = mended(
            replace(b.solved, quantity=quantity or b.solved.quantity, unit_price=price or b.solved.unit_price)
        )
        q, p, a = solved.quantity, solved.unit_price, solved.amount
        if q is not None and p is not None and a is not None and agrees(q.value, p.value, a.value):
            solved = replace(solved, check="agrees")
        out[i] = settled(b, solved)
    return out


def _mark_back(built: list[Built], i: int, name: str, mark: str) -> Reading | None:
    """Line `i`'s `name` read as plain bare figures, with the mark put back where its column prints it;
    None when the column prints no one format or the figures are too few for it."""
    read = getattr(built[i].solved, name)
    toks = built[i].toks.get(name) or []
    if read is None or read.cost != 0 or read.value == 0 or len(toks) != 1:
        return None
    figures = strip_money(toks[0].text)[0]
    places = settled_places(built, name, mark, i)
    if not figures.isdigit() or not places or len(figures) <= places:
        return None
    basis = Decimal(figures) / read.value  # a price read for 100 units was divided by 100
    if basis != 1 and basis not in PRICE_BASES:
        return None
    return Reading(Decimal(figures).scaleb(-places) / basis, REPAIR_COST, LOST_MARK)
