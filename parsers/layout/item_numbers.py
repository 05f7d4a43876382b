"""The numbers of an item row as OCR may have spoilt them, read again: a number cut in two or run
into its neighbour, a decimal mark lost or misread, a sign read as a figure, a quantity's groups
of thousands spoilt (for parsers.layout.items)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import line_net
from parsers.layout.geometry import Tok
from parsers.layout.numbers import (
    LOST_MARK,
    OTHER_MARK,
    REPAIR_COST,
    STROKE_AS_ONE,
    Reading,
    confusions,
    looks_numeric,
    readings,
    repair_digits,
    strip_money,
)
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import CENT, COMPUTED, Solved

HALF_CENT = Decimal(
    "0.0051"
)  # a discounted amount agrees when quantity × price less the discount is this close
# a line's amount read without the lone figure after it in its cell (a sign printed after it, misread)
SIGN_LEFT_OUT = "read without the lone figure after it, a sign misread"
SIGN_AS_FIGURE = "its last figure dropped, a sign after it misread"  # a price's (`_sign_as_last_figure`)
JOIN_GAP = 0.5  # of a word's height: words of one number cell this close may be one number cut in two
# a group of three figures, then the decimals ("000,000" after "1" for "1.000,000"): a number cut where
# a typewriter's group point was lost, the point's whole character cell left blank between the pieces;
# a speck after it ("000,000:", "500,00."), which reading the number leaves out, does not make it another
# word; a semicolon may stand for its decimal comma
_GROUP = re.compile(r"^\d{3}(?:[.,;]\d+)?[\"'”’:;.]?$")
GROUP_GAP = 1.5
POINT_PUT_BACK = 3  # a decimal mark put back where a cell was left blank, and the two pieces joined


def cell_readings(
    draft: Draft, kind: str, toks: list[Tok], mark: str, ocr: bool, sure: bool = False
) -> list[Reading]:
    found = readings(toks[-1].text, mark, rules=ocr, lost_marks=ocr) if toks else []
    if sure and not ocr and found and found[0].cost == 0:
        # every mark on the page says which is the decimal one: "5.000" on a page of "1.380,68" is five
        # thousand, never five with the other mark, however well five would add up
        found = [r for r in found if r.note != OTHER_MARK]
    if not ocr:
        return found
    if kind == "amount" and toks and before_lone_figure(draft) == toks:
        # the amount to the cent, a sign after it read as a lone figure: that word is no piece of it
        return [replace(r, note=f"{r.note}; {SIGN_LEFT_OUT}" if r.note else SIGN_LEFT_OUT) for r in found]
    head = _head_group(draft, toks, mark) if kind == "qty" else []
    slashed = slash_as_seven(draft.numbers(kind)) if kind == "price" else []
    return found + _split_number(draft.numbers(kind), mark) + head + slashed


# a price to the cent followed by a 7, then its basis apart ("12.007" and "1000" for "12,00/1000")
_SEVEN_FOR_SLASH = re.compile(r"^(?P<price>\d+[.,]\d\d)7$")
SLASH_AS_SEVEN = "the slash before its basis read as a 7"
SLASH_AS_SEVEN_COST = 2  # as a decimal mark read the other way: one stroke read for another


def slash_as_seven(toks: list[Tok]) -> list[Reading]:
    """A price printed for 100 or 1,000 units with a slash ("12,00/1000") whose slash OCR read as a 7
    and whose basis it set apart ("12.007" and "1000"): the price to the cent for that basis, at a
    mark read the other way's cost, for quantity × price = amount to choose; never read so alone (a price to
    three places beside a figure may be just that)."""
    if len(toks) != 2 or toks[1].text.strip() not in ("100", "1000"):
        return []
    m = _SEVEN_FOR_SLASH.match(toks[0].text.strip())
    if m is None:
        return []
    for mark in ",.":  # the basis is read apart from the price: each mark as the price's own
        found = readings(f"{m['price']}/{toks[1].text.strip()}", mark, rules=False, lost_marks=False)
        if found and found[0].cost == 0:
            return [replace(found[0], cost=SLASH_AS_SEVEN_COST, note=f"{found[0].note}; {SLASH_AS_SEVEN}")]
    return []


# a price of figures alone, or figures, the decimal mark and its places, between money signs or specks
_PRICE_FIGURES = re.compile(r"^[€$£\"'“”]*(?P<figures>\d+(?:[.,]\d+)?)[€$£\"'“”]*$")
STROKE_AS_ONE_COST = 3  # more than a mark read the other way: a figure taken out, or read as the mark
PRICE_PLACES = (2, 4)  # the places a price prints after its decimal mark, fewest and most


def stroke_as_one(toks: list[Tok], mark: str) -> list[Reading]:
    """A price one of whose 1s inside it is a stroke a fine fax drew among its figures ("4,715" for
    4,75; "€3.90100" for €3.9000), or its decimal mark so drawn ("412000" for 4,2000): each such
    reading, at a cost above a mark read the other way's, for the amount to choose a quantity the
    fax lost by (`item_figures.figures_solved`). Never read so alone: a 1 is a figure as often as not,
    and beside a quantity read, one figure changed in each would fit an amount too often (7,28 × 2,7
    for 19,65).
    Only a price of one word, the 1 neither its first nor its last figure (`numbers._variants` tries
    a rule read as a 1 at either end), and a reading to a price's places."""
    if len(toks) != 1 or (m := _PRICE_FIGURES.match(toks[0].text.strip())) is None:
        return []
    figures = m["figures"]
    marked = any(c in ".," for c in figures)
    out: list[Reading] = []
    for i in range(1, len(figures) - 1):
        if figures[i] != "1" or (marked and i < max(figures.find("."), figures.find(","))):
            continue
        text = figures[:i] + figures[i + 1 :] if marked else f"{figures[:i]}{mark}{figures[i + 1 :]}"
        places = len(text) - 1 - max(text.find("."), text.find(","))
        if not PRICE_PLACES[0] <= places <= PRICE_PLACES[1]:
            continue
        own = next((c for c in text if c in ".,"), mark)  # one mark, its places a price's: the decimal one
        for found in readings(text, own, rules=False, lost_marks=False)[:1]:
            if found.cost == 0 and all(r.value != found.value for r in out):
                out.append(replace(found, cost=STROKE_AS_ONE_COST, note=STROKE_AS_ONE))
    return out


# a price's figures with three or more after the decimal mark ("\#" stands for it), its last a 5
_SIGN_FIGURE = re.compile(r"^\d+#\d{2,}5$")


def sign_dropped(solved: Solved, price: list[Tok], mark: str) -> Solved:
    """A price printed with a money sign after it ("666.4000 $") whose sign OCR read as one more figure
    ("666.40005"): read without that figure where the quantity and the amount, each as printed, then
    make quantity × price = amount exactly, which the price as read does not (it may still round to
    the amount: 1 000 × 0,0430005 = 43,0005 is 43,00 to the cent).  Only a 5, the sign's shape, after
    at least two decimals: a price is printed to the cent or more places, never with a sign among its
    figures.  Neither the amount nor the total can tell a figure past the cents (both round alike), so
    the price is always doubtful (`SIGN_AS_FIGURE`, `record_numbers`)."""
    q, p, a = solved.quantity, solved.unit_price, solved.amount
    if not price or q is None or p is None or a is None or q.cost or a.cost or p.cost or q.value <= 0:
        return solved
    figures = strip_money(price[-1].text)[0]
    if not _SIGN_FIGURE.match(figures.replace(mark, "#")) or q.value * p.value == a.value:
        return solved
    read = readings(figures, mark, rules=False, lost_marks=False)
    cut = readings(figures[:-1], mark, rules=False, lost_marks=False)
    if not read or not cut or read[0].cost or cut[0].cost or read[0].value == 0:
        return solved
    value = cut[0].value * (p.value / read[0].value)  # the basis the price was read for, kept
    if q.value * value != a.value:
        return solved
    return Solved(q, Reading(value, REPAIR_COST, SIGN_AS_FIGURE), a, "agrees")


# a money sign printed after a line's amount as OCR reads it alone: one figure, a sign beside it or not
_LONE_FIGURE = re.compile(r"^[€$£]?\d[€$£]?$")
_TO_THE_CENT = re.compile(r"\d[.,]\d\d[€$£]?$")


def before_lone_figure(draft: Draft) -> list[Tok]:
    """The amount to the cent of a line's amount cell whose last word, right after it, is a lone figure
    ("36,00 5", "166.60 $5": the money sign printed after the amount read as a 5): [] where the cell does
    not end so.  A line prints one amount, to the cent; the lone figure is the sign misread, never the
    amount, and the amount read without it is a mend (`SIGN_LEFT_OUT`)."""
    cell = [t for t in draft.cells.get("amount", []) if t.text.strip()]
    if len(cell) < 2 or not _LONE_FIGURE.match(cell[-1].text.strip()):
        return []
    before = cell[-2]
    if not looks_numeric(before.text) or not _TO_THE_CENT.search(before.text.strip()):
        return []
    return [before]


def _head_group(draft: Draft, toks: list[Tok], mark: str) -> list[Reading]:
    """A quantity printed with a space between its thousands ("25 000,000" in a typewriter face) whose
    head group stands left of the quantity's column, in the cell before it, and OCR's word for the
    quantity the three-figure group alone ("000,000", or "500,000" of "2 500,000"): the figures just
    before that group on its line, a space from it, read as one number with it at a join's cost, for
    the arithmetic to choose."""
    if len(toks) != 1 or not _GROUP.match(toks[0].text):
        return []
    tail = toks[0]
    before = sorted(
        (
            t
            for kind, cell in draft.cells.items()
            if kind not in ("qty", "pos")
            for t in cell
            if t.x1 <= tail.x0 and abs(t.cy - tail.cy) < tail.h / 2
        ),
        key=lambda t: t.x1,
    )
    head, edge, gap = "", tail.x0, GROUP_GAP * tail.h
    for tok in reversed(before):
        if not tok.text.isdigit() or edge - tok.x1 > gap:
            break
        # the pieces of one word a column's edge cut apart ("1" and "0" of "10") stand together
        head, edge, gap = tok.text + head, tok.x0, JOIN_GAP * tail.h
    if not head or len(head) > 3:
        return []
    return [replace(r, cost=r.cost + 1) for r in readings(head + tail.text, mark)]


def _split_number(toks: list[Tok], mark: str) -> list[Reading]:
    """A number OCR cut in two ("367.5" and "0" for "367.50"): the words of the cell read as one, when
    they stand close together; a dash opening the second piece ("1" and "-03/100") is the decimal
    point OCR read as one."""
    lost: list[Reading] = []
    if len(toks) == 2 and _CUT_AT_POINT.match(toks[0].text) and _POINT_LOST.match(toks[1].text):
        lost = _point_lost(toks[0], toks[1], mark)
    if len(toks) < 2 or any(
        b.x0 - a.x1 > (GROUP_GAP if _GROUP.match(b.text) else JOIN_GAP) * a.h
        for a, b in itertools.pairwise(toks)
    ):
        return lost
    text = toks[0].text + "".join(_DASH_POINT.sub(mark, t.text) for t in toks[1:])
    return [replace(r, cost=r.cost + 1) for r in readings(text, mark)] + lost


# a price in a typewriter face whose point a fax lost ("29" and "24/100" for "29.24/100"): the point's
# character cell left blank between the figures before it and the two to four after it
_CUT_AT_POINT = re.compile(r"^\d{1,4}$")
_POINT_LOST = re.compile(r"^\d{2,4}(?:/(?:100|1000))?$")
_DASH_POINT = re.compile(r"^[-–—~](?=\d)")


def _point_lost(head: Tok, tail: Tok, mark: str) -> list[Reading]:
    """`head` and `tail` as one number with its decimal mark put back between them, at the cost of a
    mark put back and the join, when they stand a character cell apart (a word space is narrower)."""
    if not JOIN_GAP * head.h < tail.x0 - head.x1 <= GROUP_GAP * head.h:
        return []
    found = readings(f"{head.text}{mark}{tail.text}", mark, lost_marks=False)
    return [replace(r, cost=r.cost + POINT_PUT_BACK, note=LOST_MARK) for r in found[:1]]


def cell_confusions(toks: list[Tok], mark: str) -> list[Reading]:
    return confusions(toks[-1].text, mark) if toks else []


_HEAD_FIGURES = re.compile(r"^\d{1,3}$")
SPOILT_GROUPS = (3, 6)  # figures a quantity's spoilt groups of thousands hold: one group or two
TOP_SPOILT = 3  # readings of the price and of the amount a spoilt quantity is worked out from


def groups_spoilt(cell: list[Tok], prices: list[Reading], amounts: list[Reading]) -> list[Reading]:
    """A quantity printed with its thousands a space apart ("2 000", "25 000") whose groups after the
    space a fax spoilt past reading ("2 d0@", "5 Y 900", "25 0 000"): its head figures read, then more
    ink a group's gap from them in the cell.  The quantity the line's price and amount give, when its
    figures begin with the head and run on for whole groups of three, as one worked out to fit: the
    print shows its size and first figures, the arithmetic the rest, so it stays short of sure unless
    the order's total vouches for it too (`record_numbers`)."""
    if len(cell) < 2 or not _HEAD_FIGURES.match(cell[0].text):
        return []
    if any(b.x0 - a.x1 > GROUP_GAP * a.h for a, b in itertools.pairwise(cell)):
        return []
    head = cell[0].text
    out: list[Reading] = []
    for price in prices[:TOP_SPOILT]:
        for amount in amounts[:TOP_SPOILT]:
            if price.value <= 0 or amount.value <= 0:
                continue
            value = amount.value / price.value
            whole = value.quantize(Decimal(1))
            figures = str(whole)
            if abs(whole * price.value - amount.value) > CENT or not figures.startswith(head):
                continue
            if len(figures) - len(head) in SPOILT_GROUPS and all(r.value != whole for r in out):
                note = f"{COMPUTED} from the other two numbers, its groups spoilt"
                out.append(Reading(whole, REPAIR_COST + 1, note))
    return out


_BARE = re.compile(r"^\d{3,}$")
CENTS = re.compile(r"\d[.,]\d\d$")


def prints_cents(drafts: list[Draft], totals: Sequence[str] = ()) -> bool:
    """Whether the lines' amounts print their cents: at least two of them end in a decimal mark and two
    figures, and either more of them do than are bare figures (a fax may lose a mark, it seldom loses
    most) or a total the document prints (`totals`, its subtotals, tax and totals as read) ends in its
    cents too. A page faxed so faint that most of its points were lost still shows the format where
    some survived; a document that prints its amounts bare prints its totals bare as well."""
    texts = [strip_money(d.numbers("amount")[-1].text)[0] for d in drafts if d.numbers("amount")]
    with_cents = sum(1 for t in texts if CENTS.search(t))
    if with_cents < 2:
        return False
    bare = sum(1 for t in texts if _BARE.match(t))
    return with_cents > bare or any(CENTS.search(strip_money(t)[0]) for t in totals)


def marks_lost_together(
    solved: Solved, price: list[Tok], amount: list[Tok], discount: Decimal | None = None
) -> Solved:
    """A line whose price and amount a fax both read without their decimal marks ("3 × 850 = 2550" for
    3 × 8,50 = 25,50), on a document whose amounts print their cents: quantity × price = amount holds
    as well with both marks put back, so the line cannot tell, but the other amounts say the marks were
    printed. Both are read with the marks back, at a repaired digit's cost: doubtful unless the order's
    total vouches for them (`record_numbers`).  The same where the line's `discount` is taken off
    ("5.000 × 420€ less 10,00 = 1890€" for 5 × 4,20 less 10 % = 18,90, which must still hold to the
    cent with the marks back), and where OCR read no quantity and it was worked out from the amount
    and the price ("10,C00 × 390€ = 3900€"): the quantity is the same either way, price and amount
    are not."""
    if not price or not amount or solved.unit_price is None:
        return solved
    q = solved.quantity
    worked_out = solved.check == "derived" and q is not None and q.note.startswith("quantity " + COMPUTED)
    if solved.check != "agrees" and not worked_out:
        return solved
    p, a = solved.unit_price, solved.amount
    # figures as printed, or with letters OCR read for figures ("B50€" for 8,50 €); a speck at an edge
    # read as a mark ("21660." for 216,60) is no mark between figures, and the reading left it out
    bare = [repair_digits(strip_money(t[-1].text)[0].strip(".,"))[0] for t in (price, amount)]
    if a is None or not all(_BARE.match(t) for t in bare) or not _as_figures(p, bare[0]):
        return solved
    # the amount as read, or worked out from the other two where one of its figures was misread
    # ("1275€" beside 5 × 245: 1225, so 12,25 with the marks back)
    computed = a.note.startswith(COMPUTED)
    if not computed and (a.cost > 1 or a.value != Decimal(bare[1])):
        return solved
    price_back = Reading(p.value.scaleb(-2), REPAIR_COST, LOST_MARK)
    amount_back = replace(
        a, value=a.value.scaleb(-2), cost=max(a.cost, REPAIR_COST), note=a.note or LOST_MARK
    )
    if discount is not None and (
        q is None or abs(line_net(q.value, price_back.value, discount) - amount_back.value) > HALF_CENT
    ):
        return solved
    return Solved(solved.quantity, price_back, amount_back, solved.check)


def _as_figures(price: Reading, figures: str) -> bool:
    """Whether `price` is the bare `figures` as printed (or a letter OCR read for a figure), or those
    figures with a lost mark put back, two places in: "31500€" for 3,1500 € read as 315,00, the
    price column printing four places where the amounts print two."""
    if price.cost <= 1 and price.note.startswith("per "):
        # "430" beside "100" in a "Per" column, read as 4,30 for one unit: the figures as printed, the
        # basis divided by
        basis = price.note.removeprefix("per ")
        return basis.isdigit() and price.value * int(basis) == Decimal(figures)
    if price.cost <= 1:
        return price.value == Decimal(figures)
    return price.note == LOST_MARK and price.value == Decimal(figures).scaleb(-2)
