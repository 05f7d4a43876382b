"""Order lines from item rows (parsers.layout.rows): codes, units, descriptions and the numbers read
and checked against each other, with the evidence of each field."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedLine, line_net
from parsers.layout.amount_mark import amount_mark_lost
from parsers.layout.arith import CENT, COMPUTED, MOVED, Solved, agrees, pinned, scale, solve
from parsers.layout.bases import basis_read
from parsers.layout.codes import (
    EDGE,
    MAX_PIECE,
    NOT_HYPHEN,
    PIECE_EDGE,
    code_piece,
    code_text,
    gtin_in,
    misreadings,
    repairs,
    valid_gtin,
)
from parsers.layout.currencies import currency_sign
from parsers.layout.dates import (
    MAX_LEAD_DAYS,
    SHORT_YEAR,
    FoundDate,
    find_date,
    names_weekday_of,
    weekday_named,
)
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE, WRONG, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.header import date_read_from
from parsers.layout.numbers import (
    LOST_MARK,
    OTHER_MARK,
    REPAIR_COST,
    Reading,
    confusions,
    looks_numeric,
    mark_evidence,
    mark_misread,
    readings,
    repair_digits,
    strip_money,
)
from parsers.layout.page_basis import PER_EDGE, divided
from parsers.layout.row_signs import NUMERIC, POSITION_EDGE, code_like
from parsers.layout.rows import Draft
from parsers.layout.text import token_key
from parsers.layout.vocab import UNITS

HUNDRED = Decimal(100)
HALF_CENT = Decimal(
    "0.0051"
)  # a discounted amount agrees when quantity × price less the discount is this close
PRICE_BASES = (10, 100, 1000)  # units a price may be printed for
BASES_PRINTED = (
    100,
    1000,
)  # those a line's figure beside the price is taken for (ten is too common a figure)
BASIS_COST = 3  # a price read as per 100 or 1,000 units where nothing on its line says so
STATED_BASIS_COST = 1  # the same where the price heading says so: less than a decimal mark put back
PRINTED_BASIS_COST = 4  # a price read as for one unit where its line prints 100 or 1,000 beside it
BASIS_RATIO = 50  # quantity × price at least this many times the amount: the price may be for 100 or more
MENDED_BASIS = ", its figure mended"  # a reading's note: the basis read from a "Per" figure OCR spoilt
LETTERED = ", its letters read as figures"  # a reading's note: the basis from a "Per" cell read "1O0"
UNPINNED_STRAY = "its stray fraction dropped, nothing read sure pins the whole number"
# a line's amount read without the lone figure after it in its cell (a sign printed after it, misread)
SIGN_LEFT_OUT = "read without the lone figure after it, a sign misread"
SIGN_AS_FIGURE = "its last figure dropped, a sign after it misread"  # a price's (`_sign_as_last_figure`)
# a quantity's decimal mark, and a price's fitted to it, put where the quantity column prints its own
# (parsers.layout.quantity_marks): the line adds up as well without the move, so nothing vouches for it
IN_FORMAT = "its decimal mark put where its column prints it"
UNPINNED_BASIS = "its line's basis read as letters, no amount to check it"  # a price taken as for one unit
# a price taken as read on a page whose amounts say its prices are for many units, with no amount of its own
PAGE_UNPINNED = "the page's prices are for many units, no amount to say whether this one is"
JOIN_GAP = 0.5  # of a word's height: words of one number cell this close may be one number cut in two
# a group of three figures, then the decimals ("000,000" after "1" for "1.000,000"): a number cut where
# a typewriter's group point was lost, the point's whole character cell left blank between the pieces;
# a speck after it ("000,000:", "500,00."), which reading the number leaves out, does not make it another
# word; a semicolon may stand for its decimal comma
_GROUP = re.compile(r"^\d{3}(?:[.,;]\d+)?[\"'”’:;.]?$")
GROUP_GAP = 1.5
POINT_PUT_BACK = 3  # a decimal mark put back where a cell was left blank, and the two pieces joined


def unit_code(text: str) -> str:
    key = token_key(text)
    for code, words in UNITS.items():
        if key in words:
            return code
    return text.strip(".").upper()


def _join(toks: list[Tok]) -> str | None:
    text = " ".join(t.text for t in toks).strip()
    return text or None


def number_texts(items: list[Draft]) -> list[str]:
    return [t.text for d in items for kind in NUMERIC for t in d.numbers(kind)]


def currencies(items: list[Draft]) -> list[str]:
    """The currency signs and codes printed on the lines' prices and amounts, one per sign.

    A line whose price and amount carry signs of two currencies ("£950,00  €712,50") gives none: a
    line's amount is its quantity at its price, one sum in one currency, so one of the two signs is a
    misreading (a fax turns "€" into "£" as easily as back), and the line cannot say which.  The
    other lines and the totals say the currency; a line whose two signs agree counts as before."""
    found = []
    for d in items:
        signs = {
            kind: [c for tok in d.cells.get(kind, []) if (c := currency_sign(tok))]
            for kind in ("price", "amount")
        }
        if signs["price"] and signs["amount"] and len({*signs["price"], *signs["amount"]}) > 1:
            continue
        found += signs["price"] + signs["amount"]
    return found


_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/._-]{1,30}$")


@dataclass
class Built:
    """A captured line with the readings behind its numbers (for the total cross-check)."""

    line: CapturedLine
    solved: Solved
    toks: dict[str, list[Tok]]
    # how sure the layout is of the line's own delivery date, before OCR's confidence in its figures
    date_certainty: float = 0.0


@dataclass(frozen=True)
class LineDating:
    """What a scanned order's other facts say of the delivery dates printed under its lines: the
    order's date, and whether the document's own dates say which it writes first, the day or the month
    (`parsers.layout.dates.order_decided`)."""

    ordered: date | None
    order_known: bool


def line_date_certainty(found: FoundDate, dating: LineDating | None) -> float:
    """How sure a line's delivery date is for how it reads (`found.certainty`, its figures aside), once
    the order's other facts are weighed on a scan (`dating`; None for a text layer, taken as it reads).

    A line's date before the order's date, or further after it than a delivery is ever asked for, was
    misread ("11.12.24" for 11.12.26): it is doubtful however sure OCR was of its figures.  A date in its
    place needs no more: a two-figure year's century is what puts it there (a century off never is),
    and a day and month that could be read the other way round are settled when the document's own
    dates say which it writes first (a "25.11.26" elsewhere on it cannot be read month first)."""
    certainty = found.certainty
    if dating is None:
        return certainty
    if dating.ordered is not None and not 0 <= (found.value - dating.ordered).days <= MAX_LEAD_DAYS:
        return min(certainty, DOUBTFUL)
    if dating.order_known:
        certainty /= found.swap
    if dating.ordered is not None and found.short_year:
        certainty /= SHORT_YEAR
    return round(min(certainty, SURE), 2)  # what is left of factors rounded to three places


def weekday_checked(certainty: float, value: date, toks: list[Tok]) -> tuple[float, list[Tok]]:
    """A line's own delivery date weighed against a weekday printed with it ("miércoles, 2 de diciembre
    de 2026"), as the header's dates are: a weekday the date does not fall on says one of the two was
    misread ("miércoles, 3 de diciembre": the 3rd is a Thursday), and the date is doubtful however sure
    OCR was of its figures; a weekday the date falls on bears it out, so its own reading does not count
    against the date.  The certainty, and the words whose reading is the date's evidence."""
    named = {d for t in toks if (d := weekday_named(t.text)) is not None}
    if named - {value.weekday()}:
        certainty = min(certainty, DOUBTFUL)
    return certainty, [t for t in toks if not names_weekday_of(t.text, value)] or toks


def _readings(
    draft: Draft, kind: str, toks: list[Tok], mark: str, ocr: bool, sure: bool = False
) -> list[Reading]:
    found = readings(toks[-1].text, mark, rules=ocr, lost_marks=ocr) if toks else []
    if sure and not ocr and found and found[0].cost == 0:
        # every mark on the page says which is the decimal one: "5.000" on a page of "1.380,68" is five
        # thousand, never five with the other mark, however well five would add up
        found = [r for r in found if r.note != OTHER_MARK]
    if not ocr:
        return found
    if kind == "amount" and toks and _before_lone_figure(draft) == toks:
        # the amount to the cent, a sign after it read as a lone figure: that word is no piece of it
        return [replace(r, note=f"{r.note}; {SIGN_LEFT_OUT}" if r.note else SIGN_LEFT_OUT) for r in found]
    head = _head_group(draft, toks, mark) if kind == "qty" else []
    return found + _split_number(draft.numbers(kind), mark) + head


# a price's figures with three or more after the decimal mark ("\#" stands for it), its last a 5
_SIGN_FIGURE = re.compile(r"^\d+#\d{2,}5$")


def _sign_dropped(solved: Solved, price: list[Tok], mark: str) -> Solved:
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


def _before_lone_figure(draft: Draft) -> list[Tok]:
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


def _mark_misread(draft: Draft, kind: str, mark: str) -> list[Tok]:
    """The words of a number cell that holds none read as a number whose decimal mark OCR read as a
    slash or with a bracket beside it ("17/00", "61),20": `numbers.mark_misread`)."""
    return [t for t in draft.cells.get(kind, []) if mark_misread(strip_money(t.text)[0], mark) is not None]


def _line_no(draft: Draft, pos: list[Tok], index: int) -> str:
    if draft.position is not None:
        return str(draft.position)
    return pos[0].text.strip(POSITION_EDGE) or str(index + 1) if pos else str(index + 1)


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


# a code printed at the head of the description ("TOR-M1(-60 Hex bolt"): capitals, a hyphen, more
_HEAD_CODE = re.compile(r"^[A-Z0-9]{2,}[-‐‘’'”\"]\S{1,12}$")


def _code_readings(line: CapturedLine, run_on: str | None = None) -> tuple[str, ...]:
    out: list[str] = []
    codes = [line.supplier_item_code, line.item_code, line.buyer_item_code]
    head = (line.description or "").split()[:1]
    if not any(codes) and head and _HEAD_CODE.match(head[0]):
        codes.append(head[0])  # no code column: the code at the head of the description, as misread
    if run_on:
        codes.append(run_on)  # the labelled code with the piece OCR parted from it, as misread
        out.append(run_on)  # and as read: a code's misreadings leave out the code itself
    for code in codes:
        out += [c for c in misreadings(code) if c not in out] if code else []
    return tuple(out)


def _run_on(toks: list[Tok]) -> str | None:
    """A labelled code with the pieces OCR parted from it a word space or less after it ("REF.: LLA-AJ
    250", "ALA-GAI -2": the hyphen lost, or read apart), run together again; None when no such piece
    follows (a word with small letters is the description, not a piece of the code).  A piece holds a
    figure or a hyphen, or follows a hyphen ("PART NO.: GUA- TRA- 9", "BRI- NY 200": a code goes on
    past a hyphen, no code ends in one); the pieces are at most `MAX_PIECE` characters together."""
    head = code_text(toks[:1])
    if head is None:
        return None
    joined = head + ("-" if toks[0].text.rstrip(NOT_HYPHEN).endswith("-") else "")
    added = 0
    for before, piece in itertools.pairwise(toks):
        text = code_piece(before, piece)
        if (
            text is None
            or not 0 < added + len(text) <= MAX_PIECE
            or not (joined.endswith("-") or any(c.isdigit() or c == "-" for c in text))
        ):
            break
        joined, added = joined + text, added + len(text)
    return joined.strip(EDGE) if added else None


def _gtin_pieces(toks: list[Tok], run_on: str) -> list[Tok] | None:
    """The labelled code's words that run together into `run_on`, a GTIN whose check digit holds, when
    they are figures alone ("Art.-Nr.: 8437000 100195": one GTIN-13 OCR parted at a gap in its print);
    the check digit vouches for the join, which the first piece alone ("8437000") is no code of."""
    for end in range(2, len(toks) + 1):
        if code_text(toks[:end]) == run_on:
            return toks[:end] if all(t.text.strip(PIECE_EDGE).isdigit() for t in toks[:end]) else None
    return None


def _code_repairs(draft: Draft, code: str | None, pos: list[Tok]) -> tuple[str, ...]:
    """The code's pieces joined back or its neighbours taken off (parsers.layout.codes.repairs): the word
    before it from the position column, the word after it from the description."""
    before = pos[-1].text if pos and code else None
    after = draft.description[0].text if draft.description else None
    if code is None and len(draft.description) >= 2:
        before, after = draft.description[0].text, draft.description[1].text
    position = (
        str(draft.position)
        if draft.position is not None
        else (pos[0].text.strip(POSITION_EDGE) if pos else None)
    )
    return tuple(repairs(code, before, after, position))


def _confusions(toks: list[Tok], mark: str) -> list[Reading]:
    return confusions(toks[-1].text, mark) if toks else []


def build(
    draft: Draft,
    index: int,
    mark: str,
    mark_sure: float,
    rec: Recorder,
    *,
    ocr: bool = False,
    month_first: bool = False,
    dating: LineDating | None = None,
    cents: bool = False,
    page_basis: int | None = None,
) -> Built:
    """Read one draft into a captured line, recording the evidence of each field; `ocr` when the page
    was read by OCR, whose misreadings of the codes the line then carries for master data to try;
    `dating`, on a scan, what the order's other facts say of the line's delivery date; `cents` when
    the document's line amounts print their cents (`prints_cents`); `page_basis` the units the page's
    amounts say its prices are for (`parsers.layout.page_basis`), where they say one."""
    path = f"lines[{index}]"
    qty, price, amount = draft.numbers("qty")[:1], draft.numbers("price")[:1], draft.numbers("amount")[-1:]
    if ocr:
        price, amount = (
            price or _mark_misread(draft, "price", mark)[:1],
            _before_lone_figure(draft) or amount or _mark_misread(draft, "amount", mark)[-1:],
        )
    discount = _discount(draft, mark)
    solved = _numbers(
        draft, (qty, price, amount), mark, discount, ocr=ocr, sure=mark_sure >= 1, page=page_basis
    )
    if ocr and cents:
        solved = _marks_lost_together(solved, price, amount, discount)
        solved = amount_mark_lost(solved, price, amount) if discount is None else solved
    if ocr and discount is None:
        solved = _sign_dropped(solved, price, mark)
    if ocr and solved.check != "agrees":
        # a discount cell OCR spoilt (".12.50", "12 .50", "15,00" under a decimal point): the reading
        # of it that makes quantity × price less the discount the amount, if one does
        for other in _discounts_read(draft, mark):
            again = _numbers(
                draft, (qty, price, amount), mark, other, ocr=ocr, sure=mark_sure >= 1, page=page_basis
            )
            if other != discount and again.check == "agrees":
                discount, solved = other, again
                break
    if ocr and discount is None and solved.check != "agrees" and not draft.cells.get("discount"):
        # a discount under a heading OCR did not read ("Dto." lost into the description): the one
        # percentage of a column no heading names, when quantity × price less it is then the amount;
        # the figures it let agree stay short of sure unless the order's total vouches for them
        for other in _discount_aside(draft):
            again = _numbers(
                draft, (qty, price, amount), mark, other, ocr=ocr, sure=mark_sure >= 1, page=page_basis
            )
            if again.check == "agrees":
                discount, solved = other, _fitted_by_discount(again)
                break
    if ocr and discount is None and (solved.check != "agrees" or solved.cost >= REPAIR_COST):
        # a discount whose decimal mark a normal fax lost ("1250" for 12,50): cheaper than a digit
        # computed from the other two, but the arithmetic must agree with it, and the numbers it let
        # agree were mended, so they stay short of sure unless the order's total vouches for them
        for other in _discounts_unmarked(draft):
            again = _numbers(
                draft, (qty, price, amount), mark, other, ocr=ocr, sure=mark_sure >= 1, page=page_basis
            )
            if again.check == "agrees" and (solved.check != "agrees" or again.cost < solved.cost):
                discount, solved = other, _fitted_by_discount(again)
                break
    # no code column: the code on its own labelled line under the row ("Item Code: 4410-2")
    code_toks = draft.cells.get("code") or draft.subs.get("item_code", [])[:1]
    run_on = None if draft.cells.get("code") else _run_on(draft.subs.get("item_code", []))
    if run_on is not None and valid_gtin(run_on):
        code_toks = _gtin_pieces(draft.subs["item_code"], run_on) or code_toks
    description = draft.description
    if len(code_toks) > 1 and not description:
        # a "Product" column holding "[CIN-AIS-19] Insulating tape": the code and then the description
        bracket, rest = _bracketed_code(code_toks)
        if bracket:
            code_toks, description = bracket, rest
    code = code_text(code_toks)
    if code is None and description:
        code_toks, description = _bracketed_code(description)
        code = code_text(code_toks)

    as_gtin = gtin_in(code) if code else None
    if as_gtin is not None:
        code = as_gtin[0]
    gtin_toks = draft.cells.get("gtin") or draft.subs.get("gtin") or (code_toks if as_gtin else [])
    gtin = code if as_gtin and gtin_toks is code_toks else code_text(gtin_toks)
    unit_toks = draft.words("unit") or draft.words("qty")
    pos = draft.numbers("pos")
    delivery = draft.subs.get("delivery")
    found = find_date(" ".join(t.text for t in delivery), month_first=month_first) if delivery else None
    line = CapturedLine(
        line_no=_line_no(draft, pos, index),
        item_code=code,
        gtin=gtin if gtin and valid_gtin(gtin) else None,
        buyer_item_code=code_text(draft.subs.get("buyer_item_code", [])),
        supplier_item_code=code_text(draft.subs.get("supplier_item_code", [])),
        description=_join(description),
        quantity=solved.quantity.value if solved.quantity else None,
        unit=unit_code(unit_toks[0].text) if unit_toks else None,
        unit_price=solved.unit_price.value if solved.unit_price else None,
        amount=solved.amount.value if solved.amount else None,
        discount=discount,
        requested_delivery_date=found.value if found else None,
    )
    if ocr:
        line = replace(
            line, code_readings=_code_readings(line, run_on), code_repairs=_code_repairs(draft, code, pos)
        )
    rec.add(f"{path}.item_code", code_toks, LIKELY if as_gtin and as_gtin[1] else SURE)
    for kind in ("supplier_item_code", "buyer_item_code", "gtin"):
        if draft.subs.get(kind):
            rec.add(f"{path}.{kind}", draft.subs[kind], SURE)
    rec.add(f"{path}.description", description, SURE)
    dated = line_date_certainty(found, dating if ocr else None) if found is not None else 0.0
    if found is not None and delivery:
        dated, weighed = weekday_checked(dated, found.value, date_read_from(delivery, found.end))
        rec.add(f"{path}.requested_delivery_date", weighed, dated)
    if unit_toks:
        rec.add(f"{path}.unit", unit_toks[:1], SURE)
    # the numbers' evidence is recorded once the total is known (record_numbers)
    return Built(line, solved, {"quantity": qty, "unit_price": price, "amount": amount}, dated)


def _numbers(
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
    repairs = (_confusions(qty, mark), _confusions(price, mark), _confusions(amount, mark)) if ocr else None
    printed = _readings(draft, "amount", amount, mark, ocr, sure)
    gross = _before_discount(printed, discount)
    quantities = _readings(draft, "qty", qty, mark, ocr, sure)
    prices = _per_unit(_readings(draft, "price", price, mark, ocr, sure), draft, quantities, gross, page)
    if ocr:
        quantities = quantities + _groups_spoilt(draft.cells.get("qty", []), prices, gross)
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
    solved = solve(quantities, prices, gross, repairs)
    if discount is not None and solved.amount in gross:
        solved = replace(solved, amount=printed[gross.index(solved.amount)], options=())
    return solved


_HEAD_FIGURES = re.compile(r"^\d{1,3}$")
SPOILT_GROUPS = (3, 6)  # figures a quantity's spoilt groups of thousands hold: one group or two
TOP_SPOILT = 3  # readings of the price and of the amount a spoilt quantity is worked out from


def _groups_spoilt(cell: list[Tok], prices: list[Reading], amounts: list[Reading]) -> list[Reading]:
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
_CENTS = re.compile(r"\d[.,]\d\d$")


def prints_cents(drafts: list[Draft], totals: Sequence[str] = ()) -> bool:
    """Whether the lines' amounts print their cents: at least two of them end in a decimal mark and two
    figures, and either more of them do than are bare figures (a fax may lose a mark, it seldom loses
    most) or a total the document prints (`totals`, its subtotals, tax and totals as read) ends in its
    cents too. A page faxed so faint that most of its points were lost still shows the format where
    some survived; a document that prints its amounts bare prints its totals bare as well."""
    texts = [strip_money(d.numbers("amount")[-1].text)[0] for d in drafts if d.numbers("amount")]
    with_cents = sum(1 for t in texts if _CENTS.search(t))
    if with_cents < 2:
        return False
    bare = sum(1 for t in texts if _BARE.match(t))
    return with_cents > bare or any(_CENTS.search(strip_money(t)[0]) for t in totals)


def _marks_lost_together(
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


def _discount(draft: Draft, mark: str) -> Decimal | None:
    """The line's discount in percent from its discount column ("10,00", "15 %"); none when 0 or absent."""
    toks = draft.numbers("discount")[:1]
    found = readings(toks[0].text.rstrip("%").strip(), mark) if toks else []
    if not found or found[0].cost or not 0 < found[0].value < HUNDRED:
        return None
    return found[0].value


def _per_unit(
    prices: list[Reading],
    draft: Draft,
    quantities: list[Reading],
    amounts: list[Reading],
    page: int | None = None,
) -> list[Reading]:
    """Prices for 10, 100 or 1,000 units (a "Per" column beside the price) as the price of one; with no
    such column, the price per 100 or 1,000 as a costlier reading, for quantity × price = amount to
    choose ("Unit price (1000 UOM)" in the heading, a basis that changes from line to line); `page`,
    the units the page's amounts say its prices are for, makes that basis as likely a reading as one
    a line prints beside its price."""
    # "100)", "“1": a bracket or a speck OCR read beside the figure is no part of it
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")[:1]]
    lettered = _lettered_basis(draft)
    if (per == ["1"] or lettered == 1) and len(draft.cells.get("per", [])) == 1:
        # the line states its price is for one unit: no reading for 100 or 1,000 ("725" kg at 3,15
        # per 1 is 7,25 kg whose mark the fax lost, never 725 kg at 3,15 for a hundred)
        return prices
    basis = int(per[0]) if per and per[0].isdigit() and int(per[0]) in PRICE_BASES else 1
    misread = _misread_basis(per[0]) if per and basis == 1 else None
    if basis == 1 and not amounts:
        # no amount to check against: the basis the price heading states ("Precio (por 100)"); with
        # amounts, the arithmetic chooses, as a heading's basis may hold for some lines only
        basis = draft.basis
    if basis != 1:
        # "50,00/1000" under a "Per" column saying 1000 again: one basis, divided by once
        return [
            r if r.note.startswith("per ") else replace(r, value=r.value / basis, note=f"per {basis}")
            for r in prices
        ]
    if lettered and lettered != 1 and not amounts:
        # "1O0" beside a price with no amount to check it: nothing says whether the price is for a
        # hundred or, as read, for one unit, so the price is taken as read and a person confirms it
        return [replace(r, note=UNPINNED_BASIS) if not r.note else r for r in prices]
    if page and not amounts and not draft.cells.get("per"):
        # the page's other lines price many units at a time, and this one has no amount to say whether it
        # does too or prices one unit, as a table may beside them: taken as read, for a person to see
        return [replace(r, note=PAGE_UNPINNED) if not r.note else r for r in prices]
    if not prices or not quantities or not amounts or prices[0].note.startswith("per "):
        return prices
    if draft.basis != 1:
        # the heading states the basis: a price is for that many units, though a line of such a table
        # may still price one unit, as costly a reading as a basis nothing states ("1,000 ea $21.60
        # $21.60" under "Price (per 1000)", its comma read as a point, adds up as 1 at 21.60 too)
        stated = [replace(r, value=r.value / draft.basis, note=f"per {draft.basis}") for r in prices]
        return sorted(stated + [replace(r, cost=r.cost + BASIS_COST) for r in prices], key=lambda r: r.cost)
    plain = prices[0]
    # a basis whose figures OCR read as letters ("1O0") is mended only where the amount then agrees:
    # read as a hundred at a price no cheaper than a "Per" column's plain figure, the price for one
    # unit beside it as cheap as ever, so the arithmetic, not the mend, chooses
    aside = _aside_basis(draft) or misread or lettered
    if page and not aside:
        # the basis no line states but the page's amounts say (a heading "Precio (por 100)" garbled):
        # as cheap as a basis printed beside the price, the price as read for one unit cheaper still,
        # so a line that adds up as printed for one unit stays so
        ratio = 0 < BASIS_RATIO * amounts[0].value <= quantities[0].value * plain.value
        other = [r for r in _unstated(plain, page) if ratio]
        return sorted(prices + divided(prices, page, STATED_BASIS_COST) + other, key=lambda r: r.cost)
    if not aside and not 0 < BASIS_RATIO * amounts[0].value <= quantities[0].value * plain.value:
        return prices  # only a price far too big for its amount may be for many units (never a free line)
    # a basis the line prints in a column no heading names is likelier than a quantity whose decimal
    # mark OCR lost ("10 000" for 100,00), though the figure there may mean something else
    if aside in BASES_PRINTED:
        # the basis the line prints holds for the price however OCR's marks are read ("95.000 EUR 100"
        # under a comma's page is 95,000 for a hundred, never 95.000 units' price for one); these come
        # before a basis nothing prints, the readings tried being the cheapest few
        mended = MENDED_BASIS if aside == misread else LETTERED if aside == lettered else ""
        stated = [
            replace(r, value=r.value / aside, cost=r.cost + STATED_BASIS_COST, note=f"per {aside}{mended}")
            for r in prices
            if not r.note.startswith("per ")
        ]
        if aside not in (misread, lettered):
            # the line prints its basis: its price read as for one unit goes against the print, and
            # costs more than a quantity read with the other mark and the stated basis ("1,000 u
            # 50,0000 EUR 1000 50,00" is a thousand at 0,05, never one at 50 on a 1000 basis)
            prices = [replace(r, cost=r.cost + PRINTED_BASIS_COST) for r in prices]
        return sorted(prices + stated + _unstated(plain, aside), key=lambda r: r.cost)
    return prices + _unstated(plain, aside)


def _unstated(plain: Reading, printed: int | None) -> list[Reading]:
    """`plain` read as the price of 100 and of 1,000 units where nothing on its line says so, but for
    the basis the line prints (`printed`), read apart at its own cost."""
    return [
        replace(plain, value=plain.value / n, cost=plain.cost + BASIS_COST, note=f"per {n}")
        for n in (100, 1000)
        if n != printed
    ]


def printed_basis(draft: Draft) -> int | None:
    """The units the row prints its price for, when it prints them: the one figure of its "Per" cell,
    else one in a column beside the price or the quantity (`_aside_basis`), else the price heading's."""
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")]
    if len(per) == 1 and per[0].isdigit() and int(per[0]) in PRICE_BASES:
        return int(per[0])
    return _aside_basis(draft) or (draft.basis if draft.basis != 1 else None)


def stated_basis(draft: Draft) -> int | None:
    """The units the row's price is for where the page states them: `printed_basis`, else the basis a
    "Per" figure OCR spoilt still says ("106" for 100); None where nothing states one, though the
    arithmetic may have read the price as for 100 or 1,000 units (`_unstated`): that is a guess."""
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")[:1]]
    return printed_basis(draft) or (_misread_basis(per[0]) if per else None)


def _aside_basis(draft: Draft) -> int | None:
    """The units the line's price is for as it prints them in a column whose heading was not read as
    "per" (a typewriter's "POR" read "pon"): its one figure there, when that is 10, 100 or 1,000; or,
    where that column's heading was not read at all and its figures fell into the cell beside, the
    figure after the price and its currency ("95,000 EUR 100" under "Unit price | Price unit") or
    after the quantity ("1000 1000 uds" under "Qty | Per | UoM"), when that is 100 or 1,000."""
    aside = [t.text.strip(PER_EDGE) for t in _unnamed_figures(draft)]
    if len(aside) == 1 and aside[0].isdigit() and int(aside[0]) in PRICE_BASES:
        return int(aside[0])
    beside = _after_price(draft) or _after_quantity(draft)
    if not aside and beside and beside[0].isdigit() and int(beside[0]) in BASES_PRINTED:
        return int(beside[0])
    return None


def _unnamed_figures(draft: Draft) -> list[Tok]:
    """The figures the line prints in columns no heading names, those past the price where there are
    some on both sides of it ("01" a revision before the quantity, "1000" after the price, their
    headings lost: the basis is the figure past the price)."""
    others = draft.numbers("other")
    price = draft.numbers("price")
    if len(others) > 1 and price:
        others = [t for t in others if t.x0 > price[-1].x1] or others
    return others


def _after_price(draft: Draft) -> list[str]:
    """The one figure the price's cell holds after the price, a currency between them ("EUR", a sign
    or code glued to the price): a column beside the price, never a piece of it."""
    cell = draft.cells.get("price", [])
    figures = [i for i, t in enumerate(cell) if looks_numeric(t.text)]
    if len(figures) != 2:
        return []
    first, last = figures
    between = [t.text for t in cell[first + 1 : last]]
    money = strip_money(cell[first].text)[1] is not None or bool(re.search(r"[A-Za-z€£$]$", cell[first].text))
    # a price to the cent and a figure a column's width after it: the currency between them lost
    # ("35.00  1000", its "€" read as nothing), still two figures, as no number's group stands so far
    apart = (
        bool(_CENTS.search(cell[first].text)) and cell[last].x0 - cell[first].x1 > GROUP_GAP * cell[first].h
    )
    if not money and not apart and not any(w.isalpha() or strip_money(w)[1] for w in between):
        return []
    return [cell[last].text.strip(PER_EDGE)]


def _after_quantity(draft: Draft) -> list[str]:
    """The one figure the quantity's cell holds after the quantity, a column's width from it ("1000
    1000 uds" under "Qty | Per | UoM"): a basis column beside the quantity, never a thousands group."""
    figures = draft.numbers("qty")
    if len(figures) != 2 or figures[1].x0 - figures[0].x1 <= GROUP_GAP * figures[0].h:
        return []
    return [figures[1].text.strip(PER_EDGE)]


def _lettered_basis(draft: Draft) -> int | None:
    """The basis the line's one "Per" cell prints (or its one figure in a column no heading names)
    where OCR read its ones or zeros as letters ("1O0", "l00" for 100, "l" for 1:
    parsers.layout.bases), or None."""
    cell = draft.cells.get("per") or _unnamed_figures(draft)
    read = basis_read(cell[0].text) if len(cell) == 1 else None
    return read[0] if read is not None and read[1] else None


def _misread_basis(text: str) -> int | None:
    """The basis a "Per" column's figure says when OCR spoilt one of its zeros ("106", "1O0" for 100,
    "1060" for 1,000): a one and then two or three figures, the count of them the basis's."""
    bare = text.strip(PER_EDGE)
    if bare.isdigit() and len(bare) in (3, 4) and bare[0] == "1" and int(bare) not in PRICE_BASES:
        return int(10 ** (len(bare) - 1))
    return None


def _discounts_read(draft: Draft, mark: str) -> list[Decimal]:
    """The percentages a discount cell may say as OCR read it: its words joined or the first alone,
    specks at their edges dropped, under either decimal mark (a percentage below 100 with two places
    at most reads the same either way)."""
    toks = draft.cells.get("discount", [])
    texts = ["".join(t.text for t in toks), *(t.text for t in toks[:1])]
    out: list[Decimal] = []
    for text in texts:
        bare = text.replace("%", "").strip(" .,:;'\"`")
        for m in (mark, "," if mark == "." else "."):
            found = readings(bare, m, rules=False, lost_marks=False)
            if found and found[0].cost == 0 and 0 < found[0].value < HUNDRED and found[0].value not in out:
                out.append(found[0].value)
    return out


_PERCENT = re.compile(r"^\d{1,2}[.,]\d\d$")


def _discount_aside(draft: Draft) -> list[Decimal]:
    """The percentage a column no heading names may print: its one figure, printed as a percentage is
    (one or two figures, then two decimals: "12,50", "5,00"), under 100 and not 0."""
    toks = draft.numbers("other")
    bare = toks[0].text.replace("%", "").strip(" .,:;'\"`()") if len(toks) == 1 else ""
    if not _PERCENT.match(bare):
        return []
    value = Decimal(bare.replace(",", ".")).normalize()
    return [value] if 0 < value < HUNDRED else []


_UNMARKED = re.compile(r"^\d{3,4}$")


def _discounts_unmarked(draft: Draft) -> list[Decimal]:
    """The percentage a discount cell says when a normal fax lost its decimal mark: a percentage is
    printed with two decimals ("12,50", "5,00"), so three or four bare figures ("1250", "500") are that
    with the mark put back, when under 100."""
    toks = draft.cells.get("discount", [])[:1]
    bare = toks[0].text.replace("%", "").strip(" .,:;'\"`()") if toks else ""
    if not _UNMARKED.match(bare):
        return []
    value = Decimal(bare).scaleb(-2)
    return [value] if 0 < value < HUNDRED else []


def _mended(solved: Solved) -> Solved:
    """`solved` with each reading costing at least a repaired digit: the total must vouch for it too."""
    return replace(
        solved,
        **{
            name: replace(r, cost=max(r.cost, REPAIR_COST))
            for name in ("quantity", "unit_price", "amount")
            if (r := getattr(solved, name)) is not None
        },
    )


def _fitted_by_discount(solved: Solved) -> Solved:
    """`_mended` for a line a discount found aside or put back its mark made agree: each figure costs a
    repaired digit's, so that only the order's total vouches for it, but the quantity and the price
    keep their own costs, since the discount, not a changed figure of theirs, made them fit."""
    q, p = solved.quantity, solved.unit_price
    own = (q.cost, p.cost) if q is not None and p is not None else None
    return replace(_mended(solved), own_costs=own)


def _before_discount(amounts: list[Reading], discount: Decimal | None) -> list[Reading]:
    """A discounted amount as the amount before the discount, for quantity × price to be checked on."""
    if discount is None:
        return amounts
    return [replace(r, value=r.value * HUNDRED / (HUNDRED - discount)) for r in amounts]


def _bracketed_code(description: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """The item code printed in brackets at the start of the description ("[KB-40] Keyboard"), as
    shops and ERPs print their reference there; else no code and the description as it was."""
    first = description[0]
    inner = first.text[1:-1] if first.text.startswith("[") and first.text.endswith("]") else ""
    if inner and code_like(inner) and _CODE.match(inner):
        return [first.cut(1, len(first.text) - 1)], description[1:]
    return [], description


def settled(built: Built, solved: Solved) -> Built:
    """The line with the readings the order total chose for it."""
    if solved is built.solved:
        return built
    q, p, a = solved.quantity, solved.unit_price, solved.amount
    line = replace(
        built.line,
        quantity=q.value if q else None,
        unit_price=p.value if p else None,
        amount=a.value if a else None,
    )
    return Built(line, solved, built.toks, built.date_certainty)


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
            out[i] = settled(b, _mended(fitting[0]))
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
        solved = _mended(
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


def past_cents(value: Decimal) -> bool:
    """Whether an amount of money has a figure other than a zero after its cents."""
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent < -2


def record_numbers(
    rec: Recorder,
    path: str,
    solved: Solved,
    toks: dict[str, list[Tok]],
    mark_sure: float,
    *,
    verified: bool,
    discount: Decimal | None = None,
    ocr: bool = False,
) -> None:
    """Evidence for a line's numbers; `verified` when the lines were found to add up to the total,
    `ocr` when they were read from a scan."""
    # the quantity and the price both changed to fit the amount as read: one product cannot pin two
    # figures (a fax's "7.28" and "2.7100" made 7.23 × 2.718 to fit 19.65, printed 7.25 × 2.71)
    # (a line a discount made fit keeps its figures' own costs: `_fitted_by_discount`)
    costs = solved.own_costs or tuple(r.cost for r in (solved.quantity, solved.unit_price) if r is not None)
    both_mended = len(costs) == 2 and all(c >= REPAIR_COST for c in costs)
    for name in ("quantity", "unit_price", "amount"):
        reading: Reading | None = getattr(solved, name)
        if reading is None:
            continue
        if reading.note.endswith(MENDED_BASIS) or reading.note in (UNPINNED_STRAY, IN_FORMAT, SIGN_AS_FIGURE):
            # "106" read as 100 in the "Per" column: one unit at 15,48 adds up as well as a hundred at
            # 0,1548, and neither the amount nor the total tells the two apart; a quantity whose stray
            # fraction was dropped where no price and amount read as printed pin the whole number
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        elif name == "amount" and reading.note.endswith(SIGN_LEFT_OUT):
            # a word of the cell left out: only the order's total, adding up to the cent with the amount
            # as read before it, vouches for it; the line's own product pins nothing the cell did not say
            vouched = verified and solved.check == "agrees" and reading.cost < REPAIR_COST
            rec.add(f"{path}.{name}", toks[name], LIKELY if vouched else DOUBTFUL, verified=vouched)
        elif ocr and name == "amount" and past_cents(reading.value):
            # a line's amount is money to the cent: a figure after the cents on a scan is a mark OCR
            # read as one ("19.44 $" as 19.445), and the same mark after the price ("0.1944 $" as
            # 0.19445) makes the line add up on 100 units; nothing vouches for such a line
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        elif solved.check == "agrees" and reading.cost >= REPAIR_COST:
            # a swapped digit the arithmetic vouches for; the total must vouch for it too, and the
            # arithmetic only where it allows the changed figure no neighbour: a digit chosen because
            # it makes the line add up says nothing of the print where the next digit up or down adds
            # up as well ("3,1500" made 3,1508 to fit a discount of 12,5 % read as "12,550", on 7,25
            # units where 3,1507 and 3,1509 fit too). A figure worked out to fit, likewise
            vouched = verified and pinned(solved, name, discount) and not (both_mended and name != "amount")
            rec.add(f"{path}.{name}", toks[name], LIKELY if vouched else DOUBTFUL, verified=vouched)
        elif solved.check == "agrees":
            # the arithmetic vouches for the figures as read, but for a figure past the cents it does
            # not pin ("9.18 $" read "9.185" at 0.39 on one unit of 9.18: the line adds up to the cent
            # with or without the last figure): there OCR's own reading decides
            loose = ocr and past_cents(reading.value) and not pinned(solved, name, discount)
            rec.add(f"{path}.{name}", toks[name], SURE if reading.cost == 0 else LIKELY, verified=not loose)
        elif solved.check == "derived" and reading.cost == 3:
            rec.add(f"{path}.{name}", toks["amount"], DOUBTFUL)
        elif solved.check == "derived" and reading.cost > 0:
            # the figure the other was computed from, itself mended ("390" read for 3,90): nothing
            # read independently vouches for either
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        elif solved.check == "disagrees":
            rec.add(f"{path}.{name}", toks[name], WRONG)
        elif reading.note in (LOST_MARK, UNPINNED_BASIS, PAGE_UNPINNED):
            # a decimal mark put back where nothing on the line checks it (`by_column_marks`): the
            # column's format chose its place, no arithmetic did; or a price beside a basis read
            # "1O0" with no amount to say whether it is for a hundred units or for one, or on a page
            # whose prices are for many units (`_per_unit`)
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        else:
            ambiguous = mark_evidence(toks[name][-1].text) is None if toks[name] else False
            certainty = (SURE if verified else LIKELY) * (mark_sure if ambiguous else 1.0)
            rec.add(f"{path}.{name}", toks[name], certainty, verified=verified and reading.cost == 0)
