"""Numeric cells read again: where a line's quantity × unit price is not its amount, or a number on it
was read unsure, its number cells are cut from the page image and read again alone (digits, marks and
money signs only, one line: `--psm 7`); a re-read is kept only when it makes the line's arithmetic
agree and leaves lines that added up to the printed total adding up, never because it merely differs.

Rule for one line: each number read again may be what its cell said when the page was read or what it
says read again (a value the layout reader computed or repaired to fit counts for nothing once its
cell is read again); the values that agree to the cent are kept when they are the only values that
do and a re-read says at least one of them.  Two different agreeing readings leave the line as it
was, for a person to see.

The cells are cut out and read by `parsers.ocr.cutouts`; a line's arithmetic, and how sure a
re-read leaves it, is `parsers.ocr.cell_checks`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder
from parsers.layout.extract import Basis, QuantityCell
from parsers.ocr.cell_checks import (
    NUMBERS,
    UNSURE,
    computed_from_amount,
    document_mark,
    line_agrees,
    line_values,
    reread_value,
    sums_agree,
    total_pinned,
    vouched_for,
)
from parsers.ocr.cutouts import Cell, ReadCells, cut_out
from parsers.ocr.images import PageImage


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
            {
                f"lines[{i}]"
                for i, line in enumerate(o.lines)
                if not line_agrees(line_values(line), line.discount)
            }
            for o in settled
        ]
        wanted = [
            c
            for o, left in zip(orders, failing, strict=True)
            for c in cells[id(o)]
            if c.path.split(".")[0] in left
        ]
    return settled


def in_doubt(order: CapturedOrder, own: Mapping[int, Cell] | None = None) -> Iterable[Cell]:
    """The number cells of each line that has all three numbers and fails quantity × price = amount or
    holds a number read unsure; only cells whose box is known.  A number the layout reader computed
    from the amount has no cell of its own read, but for a quantity whose own cell `own` names (by the
    line's index): OCR read nothing there, and that cell is read."""
    for i, line in enumerate(order.lines):
        values = line_values(line)
        if None in values:
            continue
        evidence = [order.evidence_for(f"lines[{i}].{name}") for name in NUMBERS]
        unsure = any(e is None or e.confidence < UNSURE for e in evidence)
        if not unsure and line_agrees(values, line.discount):
            continue
        for name, found in zip(NUMBERS, evidence, strict=True):
            where = found.provenance if found else None
            if found is None or where is None or where.page is None or where.box is None:
                continue
            if computed_from_amount(order, found):
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
    mark = document_mark(order)
    before = sums_agree(order)
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
                if (v := reread_value(t, mark)) is not None
            }
            if not found:
                continue
            again[name] = found
            first = order.evidence_for(path)
            if first is not None and computed_from_amount(order, first):
                continue  # its evidence is the amount's: no reading of its own but the one again
            raw = reread_value(first.provenance.raw or "", mark) if first else None
            if raw is not None:
                printed[name] = raw
        _per_one(again, printed, line.unit_price, (bases or {}).get(i))
        read = line_values(line)
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
    after = sums_agree(changed)
    if before and after is False:
        return order  # the lines added up to the total before: a re-read that undoes that is wrong
    evidence = vouched_for(order, kept, total=bool(after), settled=changed.lines, own=own or {})
    if before is False and after:
        evidence = total_pinned(changed, evidence, mark)
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
    agreeing = {values for values in itertools.product(*options) if line_agrees(values, discount)}
    if len(agreeing) != 1:
        return None
    (values,) = agreeing
    said = tuple(n for k, n in enumerate(NUMBERS) if n in again and values[k] in again[n])
    if values != read and line_agrees(read, discount) and _only_repeats(values, printed, said):
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


def _read_cells(
    cells: Sequence[Cell], images: Sequence[PageImage], pages: Sequence[PageWords], read: ReadCells
) -> list[str]:
    """What each cell reads as, cut from its page turned the way its words were read."""
    crops = cut_out(cells, images, pages, streaks=False)
    # one number to a cell: words Tesseract parted ("1 250,00") are read together
    return ["".join(w.text for w in sorted(p.words, key=lambda w: w.x0)) for p in read(crops)]
