"""Numeric cells read again: where a line's quantity × unit price is not its amount, or a number on it
was read unsure, its number cells are cut from the page image and read again alone (digits, marks and
money signs only, one line: `--psm 7`); a re-read is kept only when it makes the line's arithmetic
agree and leaves lines that added up to the printed total adding up, never because it merely differs.

Rule for one line: each number read again may be what its cell said when the page was read or what it
says read again (a value the layout reader computed or repaired to fit counts for nothing once its
cell is read again); the values that agree to the cent are kept when they are the only values that
do and a re-read says at least one of them.  Two different agreeing readings leave the line as it
was, for a person to see.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache, partial

import numpy as np
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, line_net
from parsers.layout.arith import pins, to_the_cent
from parsers.layout.evidence import DOUBTFUL, LIKELY, VERIFIED_FLOOR
from parsers.layout.extract import Basis, QuantityCell
from parsers.layout.numbers import decide_mark, readings
from parsers.ocr import holes
from parsers.ocr.engine import OcrOptions
from parsers.ocr.geometry import UprightPages, upright_image
from parsers.ocr.images import PageImage

# digits and marks, and what else a number cell prints: left out, Tesseract reads a "$" or "€" before the
# number as one more digit ("$15.61" as 515.61: 9 of the 20 such cells on the tuning faxes), and a price
# basis's "/" ("3,50/100") not at all
WHITELIST = "0123456789.,-/$€£"
NUMBERS = ("quantity", "unit_price", "amount")
UNSURE = 0.8  # a number read with less confidence than this is read again (validation's floor)
CENT = Decimal("0.01")
PAD_X = 0.6  # of the cell's height, left and right of its words, short of a neighbouring word
PAD_Y = 0.3  # of the cell's height, above and below
MARGIN = 0.5  # of the cell's height: white around the cut-out, where Tesseract finds a line best

# Reads page images (the cut-out cells) into words: the parser's engine with digit-only options.
ReadCells = Callable[[Sequence[PageImage]], list[PageWords]]


def cell_options(page: OcrOptions, *, upscale: bool = True, whitelist: str = WHITELIST) -> OcrOptions:
    """How a cell is read: one line (`--psm 7`) of the whitelist's characters (any, when empty),
    upscaled to about 300 dpi as the fax header's strip is read again (or at the page's resolution);
    nothing turned, flattened or filled in.  A cell of a normal fax is smoothed first, as its page was
    (its rows are doubled)."""
    steps = ("heal", "upscale") if upscale else ("heal",)
    return replace(
        page,
        psm=7,
        whitelist=whitelist,
        preprocess=steps,
        preprocess_normal=(*steps[:1], "smooth", *steps[1:]),
        fill_holes=False,
        orient=False,
        deskew=False,
        flatten=False,
    )


def ways_to_read(
    read_pages: Callable[..., list[PageWords]], page: OcrOptions, *, whitelist: str = WHITELIST
) -> list[ReadCells]:
    """The ways a cell is read with an engine's `read_pages`, in the order `reread_numbers` tries them:
    upscaled, then, where the line still does not add up, at the page's resolution."""
    return [
        partial(read_pages, options=cell_options(page, upscale=upscale, whitelist=whitelist))
        for upscale in (True, False)
    ]


@dataclass(frozen=True)
class Cell:
    """A number's place on a page: the field's path ("lines[2].unit_price"), page and box."""

    path: str
    page: int
    box: tuple[float, float, float, float]


def reread_numbers(
    orders: Sequence[CapturedOrder],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    reads: Sequence[ReadCells],
    bases: Sequence[Basis] = (),
    quantities: Sequence[QuantityCell] = (),
) -> list[CapturedOrder]:
    """`orders` with the numbers of their doubtful lines read again (module docstring); `images` are
    the document's pages, `pages` the words as read from them (boxes in the turned page's pixels).
    `reads` are ways of reading a cell, tried in turn: the cells of a line that still does not add
    up are read the next way, and each of its numbers may then be what any of the reads said.
    `bases` are the lines whose price the page states is for many units (the layout reader's);
    `quantities` the quantity cells OCR read nothing in (the layout reader's), where the quantity was
    worked out of the amount: read again, such a cell may say the quantity itself."""
    own = [
        {q.line: Cell(f"lines[{q.line}].quantity", q.page, q.box) for q in quantities if q.order == k}
        for k in range(len(orders))
    ]
    cells = {id(o): list(in_doubt(o, own[k])) for k, o in enumerate(orders)}
    stated = [{b.line: b.units for b in bases if b.order == k} for k in range(len(orders))]
    texts: dict[Cell, tuple[str, ...]] = {}
    wanted = [c for o in orders for c in cells[id(o)]]
    settled = list(orders)
    for read in reads:
        if not wanted:
            break
        for cell, text in zip(wanted, _read_cells(wanted, images, pages, read), strict=True):
            texts[cell] = (*texts.get(cell, ()), text)
        settled = [
            settle(o, {c.path: texts[c] for c in cells[id(o)]}, stated[k], own[k])
            for k, o in enumerate(orders)
        ]
        failing = [
            {f"lines[{i}]" for i, line in enumerate(o.lines) if not _agrees(_values(line), line.discount)}
            for o in settled
        ]
        wanted = [
            c
            for o, left in zip(orders, failing, strict=True)
            for c in cells[id(o)]
            if c.path.split(".")[0] in left
        ]
    return settled


def cut_past_cents(order: CapturedOrder) -> CapturedOrder:
    """`order` with each line amount read one figure past its cents ("333.205" for "333.20 $": the sign
    after it read as a figure, `parsers.layout.items.past_cents`) taken to the cent where the order's
    own arithmetic pins that: the line's quantity × price, less its discount, is the amount cut to the
    cent exactly, both read sure; every other line's amount was read sure or is such an amount, pinned
    alike; and the lines, with them cut, add up exactly to the net total (else the total less its tax,
    else the total) read exactly as printed.  The lines and the total are read apart: each cut figure
    is its own line's product, and together they make the lines one sum with the total, so each is as
    sure as a repaired figure the total vouches for (likely).  Two amounts so spoilt on one order (a
    dot-matrix "10,001" and "172,801") are each pinned by their own line: neither can make up for the
    other.  Anything short of that leaves every amount as it was, in doubt: two slips that agree with
    each other ("0.19445" × 100 = "19.445", the price's sign read as a figure too) never make the cut
    amount exactly."""
    mark = _mark(order)
    target, path = _target(order)
    found = order.evidence_for(path) if path else None
    printed = getattr(order, path) if path else None
    if target is None or found is None or _value(found.provenance.raw or "", mark) != printed:
        return order
    cut: dict[int, Decimal] = {}
    for i, line in enumerate(order.lines):
        read = order.evidence_for(f"lines[{i}].amount")
        if line.amount is None or read is None:
            return order
        if read.confidence >= UNSURE:
            continue
        if line.amount.as_tuple().exponent != -3 or _value(read.provenance.raw or "", mark) != line.amount:
            return order
        amount = _pinned_cut(order, i, line.amount)
        if amount is None:
            return order
        cut[i] = amount
    lines = tuple(replace(x, amount=cut[k]) if k in cut else x for k, x in enumerate(order.lines))
    if not cut or sum((x.amount or Decimal(0) for x in lines), Decimal(0)) != target:
        return order
    pinned = replace(order, lines=lines)
    for i in cut:
        pinned = pinned.with_confidence(f"lines[{i}].amount", round(LIKELY * VERIFIED_FLOOR, 3))
    return pinned


def _pinned_cut(order: CapturedOrder, i: int, amount: Decimal) -> Decimal | None:
    """Line `i`'s amount, read past its cents, cut to the cent when its quantity × price, less its
    discount, both read sure, is exactly that; None otherwise."""
    line = order.lines[i]
    sure = all(
        (e := order.evidence_for(f"lines[{i}].{name}")) is not None and e.confidence >= UNSURE
        for name in ("quantity", "unit_price")
    )
    if line.quantity is None or line.unit_price is None or not sure:
        return None
    cents = amount.quantize(CENT, rounding=ROUND_DOWN)
    return cents if line_net(line.quantity, line.unit_price, line.discount) == cents else None


def _target(order: CapturedOrder) -> tuple[Decimal | None, str | None]:
    """What the lines add up to, and the path of the printed figure it was read as: the net total, else
    the total less the tax (the total's path), else the total."""
    if order.net_total is not None:
        return order.net_total, "net_total"
    if order.total is not None:
        return order.total - (order.tax_total or 0), "total"
    return None, None


def in_doubt(order: CapturedOrder, own: Mapping[int, Cell] | None = None) -> Iterable[Cell]:
    """The number cells of each line that has all three numbers and fails quantity × price = amount or
    holds a number read unsure; only cells whose box is known.  A number the layout reader computed
    from the amount has no cell of its own read, but for a quantity whose own cell `own` names (by the
    line's index): OCR read nothing there, and that cell is read."""
    for i, line in enumerate(order.lines):
        values = _values(line)
        if None in values:
            continue
        evidence = [order.evidence_for(f"lines[{i}].{name}") for name in NUMBERS]
        unsure = any(e is None or e.confidence < UNSURE for e in evidence)
        if not unsure and _agrees(values, line.discount):
            continue
        for name, found in zip(NUMBERS, evidence, strict=True):
            where = found.provenance if found else None
            if found is None or where is None or where.page is None or where.box is None:
                continue
            if _computed(order, found):
                if name == "quantity" and own and i in own:
                    yield own[i]  # its own cell, where OCR read nothing
                continue  # computed from the amount, not read from a cell of its own
            yield Cell(f"lines[{i}].{name}", where.page, where.box)


def settle(
    order: CapturedOrder,
    texts: Mapping[str, str | tuple[str, ...]],
    bases: Mapping[int, int] | None = None,
    own: Mapping[int, Cell] | None = None,
) -> CapturedOrder:
    """`order` with the re-read `texts` (by field path; one or several reads of a cell) put in where the
    rule allows (module docstring); `bases`: the units the page states a line's price is for (by the
    line's index), where it states them; `own`: the quantity cells read again where the layout reader
    had computed the quantity from the amount (by the line's index), whose reading is the quantity's
    first of its own (the amount's figures are none of its)."""
    mark = _mark(order)
    before = _sums_agree(order)
    lines = list(order.lines)
    kept: dict[str, tuple[str, bool]] = {}  # path: the re-read taken or confirming, and whether it changed
    for i, line in enumerate(order.lines):
        again: dict[str, dict[Decimal, str]] = {}
        printed: dict[str, Decimal] = {}
        for name in NUMBERS:
            path = f"lines[{i}].{name}"
            reads = texts.get(path, ())
            found = {
                v: t
                for t in ((reads,) if isinstance(reads, str) else reads)
                if (v := _value(t, mark)) is not None
            }
            if not found:
                continue
            again[name] = found
            first = order.evidence_for(path)
            if first is not None and _computed(order, first):
                continue  # its evidence is the amount's: no reading of its own but the one again
            raw = _value(first.provenance.raw or "", mark) if first else None
            if raw is not None:
                printed[name] = raw
        _per_one(again, printed, line.unit_price, (bases or {}).get(i))
        read = _values(line)
        chosen = _choose(read, printed, again, line.discount)
        if chosen is None and "quantity" in again and "quantity" not in printed:
            # a computed quantity's own cell says a figure that makes no set agree (100 where the amount
            # leaves 90): the quantity stays as worked out, in doubt, and the other cells are weighed as
            # they were before its cell was read
            chosen = _choose(
                read, printed, {k: v for k, v in again.items() if k != "quantity"}, line.discount
            )
        if chosen is None:
            continue
        values, said = chosen
        lines[i] = replace(line, quantity=values[0], unit_price=values[1], amount=values[2])
        for name in said:
            k = NUMBERS.index(name)
            value = values[k]
            assert value is not None  # a re-read said it
            kept[f"lines[{i}].{name}"] = (again[name][value], value != read[k])
    if not kept:
        return order
    changed = replace(order, lines=tuple(lines))
    after = _sums_agree(changed)
    if before and after is False:
        return order  # the lines added up to the total before: a re-read that undoes that is wrong
    evidence = _vouched(order, kept, total=bool(after), settled=changed.lines, own=own or {})
    if before is False and after:
        evidence = _total_pinned(changed, evidence, mark)
    return replace(changed, evidence=evidence)


def _per_one(
    again: dict[str, dict[Decimal, str]],
    printed: dict[str, Decimal],
    price: Decimal | None,
    basis: int | None,
) -> None:
    """The price's readings (`again`, `printed`) made prices of one unit, where the page states the
    line's price is for `basis` units ("95.00" under "Per 100") and the line's price is the page's
    reading of its cell over that basis (0.95): the cell prints the price of that many units, read
    again it says the same.  Only a basis the page states: a price the layout reader took as for a
    thousand units because nothing else made the line add up (60000 × 4.75/1000 = 285.00, its
    quantity's mark lost: "60000" for 60,000) is a guess, and the price read again as printed (4.75)
    must be free to say so, with the quantity read again (60 × 4.75 = 285.00)."""
    first = printed.get("unit_price")
    if first is None or not price or basis is None or "unit_price" not in again:
        return
    # the cell's bare figures, the layout reader having put back the mark the fax lost where the
    # other amounts print their cents ("430" beside "100" read 4,30 for a hundred: 0.043 for one)
    if price * basis not in (first, first.scaleb(-2)):
        return
    printed["unit_price"] = price
    again["unit_price"] = {v / basis: t for v, t in again["unit_price"].items()}


def _total_pinned(order: CapturedOrder, evidence: tuple[Evidence, ...], mark: str) -> tuple[Evidence, ...]:
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
    if found is None or _value(found.provenance.raw or "", mark) != order.total:
        return evidence
    sure = round(LIKELY * VERIFIED_FLOOR, 3)
    return tuple(
        Evidence(e.field, max(e.confidence, sure), e.provenance) if e.field == "total" else e
        for e in evidence
    )


def _choose(
    read: tuple[Decimal | None, ...],
    printed: dict[str, Decimal],
    again: dict[str, dict[Decimal, str]],
    discount: Decimal | None,
) -> tuple[tuple[Decimal | None, ...], tuple[str, ...]] | None:
    """The one set of values that agrees, each number either as its cell was first read (`printed`)
    or as it was read again (`again`), and the names of the numbers a re-read says; None when no set
    or several different sets agree, or no re-read says a number of it.  A number whose cell was not
    read again (or not legibly) stays as the layout reader had it (`read`); one it computed or
    repaired to fit counts for nothing where its cell was read again."""
    options = [
        {*again[name], *([printed[name]] if name in printed else [])} if name in again else {value}
        for name, value in zip(NUMBERS, read, strict=True)
    ]
    agreeing = {values for values in itertools.product(*options) if _agrees(values, discount)}
    if len(agreeing) != 1:
        return None
    (values,) = agreeing
    said = tuple(n for k, n in enumerate(NUMBERS) if n in again and values[k] in again[n])
    if values != read and _agrees(read, discount) and _only_repeats(values, printed, said):
        return None
    return (values, said) if said else None


def _only_repeats(
    values: tuple[Decimal | None, ...], printed: dict[str, Decimal], said: tuple[str, ...]
) -> bool:
    """Whether every number a re-read says of `values` is the figures its cell gave when the page was
    read (`printed`): the same figures read twice, no more than the layout reader already weighed.
    "475€" and "47500€" for 4,75 € and 475,00 €, both marks lost, add up as 100 × 475 = 47500; the
    layout reader put both marks back where the other amounts print their cents (100 × 4.75 = 475.00,
    doubtful), and a price cell read again as "475" says nothing it did not know."""
    return all(printed.get(n) == values[NUMBERS.index(n)] for n in said)


def _agrees(values: tuple[Decimal | None, ...], discount: Decimal | None) -> bool:
    quantity, price, amount = values
    if quantity is None or price is None or amount is None or quantity <= 0:
        return False
    return to_the_cent(quantity, price, amount, discount)


def _values(line: CapturedLine) -> tuple[Decimal | None, ...]:
    return (line.quantity, line.unit_price, line.amount)


def _value(text: str, mark: str) -> Decimal | None:
    """The re-read as a number under the document's decimal mark, read exactly as printed but for marks
    at its edges (a speck or the rule beside the cell read as "." or "-")."""
    found = readings(text.strip(".,-/"), mark, rules=False, lost_marks=False)
    return found[0].value if found and found[0].cost == 0 else None


def _mark(order: CapturedOrder) -> str:
    raws = [e.provenance.raw for e in order.evidence if e.provenance.raw and _is_number(e.field)]
    return decide_mark((r for r in raws if r), order.language)[0]


def _is_number(path: str) -> bool:
    return path.endswith(NUMBERS) or path in ("total", "net_total", "tax_total")


def _sums_agree(order: CapturedOrder) -> bool | None:
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


def _vouched(
    order: CapturedOrder,
    kept: dict[str, tuple[str, bool]],
    *,
    total: bool,
    settled: Sequence[CapturedLine],
    own: Mapping[int, Cell],
) -> tuple[Evidence, ...]:
    """The evidence with each line that now agrees vouched for (`settled`: the lines as settled).  A cell
    re-read to another value is as sure as a digit the arithmetic repaired
    (`parsers.layout.items.record_numbers`): likely when the lines add up to the total too and the
    arithmetic allows the new figure no neighbour (`arith.pins`: 12.5 at 3.15004 and at 3.15 both make
    39.38), doubtful otherwise; a cell read twice alike, and the other numbers of the line, now checked,
    are as sure as an agreeing line's.  A quantity computed from the amount whose own cell (`own`), read
    again, says it is read, not computed: it is vouched for as any cell read again, and found there."""
    lines = {path.split(".")[0] for path in kept}
    out = []
    for item in order.evidence:
        line, _, name = item.field.partition(".")
        computed = item.field not in kept and _computed(order, item)
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
            pinned = pins(_values(now), name, now.discount)
            certainty = (LIKELY if total and pinned else DOUBTFUL) * VERIFIED_FLOOR
        else:
            certainty = LIKELY * VERIFIED_FLOOR if text is not None else VERIFIED_FLOOR
        where = replace(item.provenance, raw=text) if text is not None else item.provenance
        cell = own.get(int(line[len("lines[") : -1])) if name == "quantity" and text is not None else None
        if cell is not None and _computed(order, item):
            where = replace(where, page=cell.page, box=cell.box)  # read from its own cell, not the amount's
        out.append(Evidence(item.field, round(max(certainty, item.confidence), 3), where))
    return tuple(out)


def _computed(order: CapturedOrder, item: Evidence) -> bool:
    """Whether `item`, a line's quantity or price, was computed from the amount by the layout reader:
    its evidence is the amount's box (`parsers.layout.items.record_numbers`)."""
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
    quantity, price, amount = _values(line)
    if quantity is None or price is None or amount is None:
        return False
    return line_net(quantity, price, line.discount) == amount


def _read_cells(
    cells: Sequence[Cell], images: Sequence[PageImage], pages: Sequence[PageWords], read: ReadCells
) -> list[str]:
    """What each cell reads as, cut from its page turned the way its words were read."""
    crops = cut_out(cells, images, pages, streaks=False)
    # one number to a cell: words Tesseract parted ("1 250,00") are read together
    return ["".join(w.text for w in sorted(p.words, key=lambda w: w.x0)) for p in read(crops)]


def cut_out(
    cells: Sequence[Cell],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    *,
    streaks: bool = True,
    alone: bool = False,
) -> list[PageImage]:
    """Each cell cut from its page turned the way its words were read, as a page of its own; without
    `streaks`, from the page with its streaks and column rules taken away (`holes.without_streaks`,
    measured on the whole page): cut into a number's cell, a streak through a figure is read as a
    figure of its own.  With `alone` (a header value read again: `parsers.ocr.recheck`,
    `parsers.ocr.lookalike`), the cut-out holds the value's own ink alone (`_alone`)."""
    upright = UprightPages(images, pages)
    seen: dict[int, Image.Image] = {}
    crops = []
    for n, cell in enumerate(cells):
        words = upright.words[cell.page]
        if cell.page not in seen:
            image = upright.images[cell.page]
            seen[cell.page] = (
                upright(cell.page) if streaks or alone else _streakless(image, words.rotation, words.words)
            )
        crop = (_alone if alone else _cut)(seen[cell.page], cell.box, words.words)
        # the page's stated resolution goes with the cut-out: a normal fax's cell is read as one
        crops.append(PageImage.from_image(n + 1, crop, words.dpi, upright.images[cell.page].source_dpi))
    return crops


@lru_cache(maxsize=2)
def _streakless(image: PageImage, rotation: float, words: tuple[Word, ...]) -> Image.Image:
    """The page turned as its `words` were read, its streaks and column rules taken away
    (`holes.without_streaks`); kept for the cells' next way of reading, which cuts them from it again.
    Shared: never drawn on."""
    return holes.without_streaks(upright_image(image, rotation), words)


def _cut(page: Image.Image, box: tuple[float, float, float, float], words: Sequence[Word]) -> Image.Image:
    """The cell's box, widened a little short of the words beside it on its line, on a white margin."""
    return _framed(page.crop(_area(page, box, words)), box)


def _area(
    page: Image.Image, box: tuple[float, float, float, float], words: Sequence[Word]
) -> tuple[int, int, int, int]:
    """The cell's box widened a little (`PAD_X`, `PAD_Y`), short of the words beside it on its line."""
    x0, y0, x1, y1 = box
    h = max(1.0, y1 - y0)
    beside = [w for w in words if w.y0 < y1 and w.y1 > y0 and (w.x1 <= x0 or w.x0 >= x1)]
    left = max([x0 - PAD_X * h, *(w.x1 + 1 for w in beside if w.x1 <= x0)])
    right = min([x1 + PAD_X * h, *(w.x0 - 1 for w in beside if w.x0 >= x1)])
    return (
        max(0, round(left)),
        max(0, round(y0 - PAD_Y * h)),
        min(page.width, round(right)),
        min(page.height, round(y1 + PAD_Y * h)),
    )


def _alone(page: Image.Image, box: tuple[float, float, float, float], words: Sequence[Word]) -> Image.Image:
    """The value's box cut as `_cut` does, holding the value's own ink alone: its band cut short of the
    words of the lines above and below it (never into the box), and outside the box the other words'
    boxes and every rule or streak across or down made white; within the box, streaks are taken away as
    from a number's cell (`holes.without_streaks`).  Widened by a third of its height above and below,
    a header value's cut-out takes in the tops or feet of a line set close to it, and a box's rule
    beside the value; read again with them, the value reads as other characters ("soos", "[26126")
    or, read alike, unsure, where the value's own ink reads with confidence.  Ink no word was read from
    and no rule makes stays: it may be the value's own, lost to the page's reading."""
    x0, y0, x1, y1 = box
    h = max(1.0, y1 - y0)
    left, top, right, bottom = _area(page, box, words)
    # the value's own words: those whose middle lies in its box (the words of a date)
    others = [
        w for w in words if not (x0 <= w.cx <= x1 and y0 <= w.cy <= y1) and w.x1 > left and w.x0 < right
    ]
    for w in others:
        if w.cy < y0:
            top = max(top, min(round(y0), math.ceil(w.y1) + 1))
        elif w.cy > y1:
            bottom = min(bottom, max(round(y1), math.floor(w.y0) - 1))
    # rules are looked for a rule's length around the cut-out: a rule's piece within it is too short to
    # tell from a letter's stroke
    reach = round(holes.RULE_LENGTH * h) + 1
    around = (
        max(0, left - reach),
        max(0, top - reach),
        min(page.width, right + reach),
        min(page.height, bottom + reach),
    )
    region = page.crop(around)
    inside = np.s_[top - around[1] : bottom - around[1], left - around[0] : right - around[0]]
    ink = np.asarray(region.convert("L"))[inside].copy()
    ruled = np.asarray(holes.rules(region, h))[inside] < holes.INK
    ink[ruled] = 255
    for w in others:
        ink[
            max(0, math.floor(w.y0) - top) : max(0, math.ceil(w.y1) - top + 1),
            max(0, math.floor(w.x0) - left) : max(0, math.ceil(w.x1) - left + 1),
        ] = 255
    # the box itself as the page has it, but for streaks through it: its ink is the value's
    own = np.s_[max(0, round(y0) - top) : round(y1) - top, max(0, round(x0) - left) : round(x1) - left]
    ink[own] = np.asarray(holes.without_streaks(region, words).convert("L"))[inside][own]
    clean = Image.fromarray(ink, mode="L")
    return _framed(
        clean.convert("1", dither=Image.Dither.NONE) if page.mode == "1" else clean.convert(page.mode), box
    )


def _framed(cut: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    """`cut` on a white margin of `MARGIN` heights of `box`."""
    h = max(1.0, box[3] - box[1])
    margin = round(MARGIN * h)
    white = 255 if cut.mode in ("1", "L") else (255, 255, 255)
    framed = Image.new(cut.mode, (cut.width + 2 * margin, cut.height + 2 * margin), white)
    framed.paste(cut, (margin, margin))
    return framed
