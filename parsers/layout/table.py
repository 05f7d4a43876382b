"""Finding the line-item table: its heading row (Spanish or English column words, read by
`table_heading`), where it ends, and the column boundaries, taken from the white space that runs down
between the columns."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.layout import columns as colfit
from parsers.layout import infer, labels, overleaf, stacked
from parsers.layout.cells import Column, Table
from parsers.layout.column_phrases import column_hits
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.table_heading import ITEM_KINDS, extend_heading, heading
from parsers.layout.text import has_digit
from parsers.layout.vocab import CARRIED, LOOSE_CODE_LABELS, SUBLINES, TOTALS

GAP_LINES = 3.5  # a vertical gap of this many text heights ends a table
PROSE_LOOKAHEAD = 4  # lines after running text in which another order row shows the table goes on


@dataclass
class Region:
    """The lines of one table on one page, and how the table stopped there."""

    table: Table
    page: int
    heading: list[Line]
    lines: list[Line]
    ended_by: str = "page"  # "total" | "carried" | "text" | "gap" | "heading" | "page"
    end: Line | None = None
    guessed: bool = False  # found by its rows' shape alone (parsers.layout.shaped): its lines are guesses


_LOOSE = frozenset(p[0] for p in LOOSE_CODE_LABELS if len(p) == 1)


def sub_label(toks: list[Tok]) -> labels.Hit | None:
    """The label a sub-line under (or over) an order line begins with ("EAN:", "Su referencia",
    "Ref.: 4711"); a one-word code label counts only with its colon ("Referencia cruzada" is text)."""
    hit = labels.starts_with(toks, SUBLINES)
    if hit is not None and hit.size == 1 and not hit.colon and toks[hit.start].key in _LOOSE:
        return None
    return hit


def _prose(line: Line, columns: list[Column]) -> bool:
    """Running text across the table (a letter paragraph): one phrase over two or more column centres."""
    if sub_label(line.toks) is not None:
        return False  # "Delivery date: 12 December 2026" under an ERP position
    if sum(1 for t in line.toks if looks_numeric(t.text) and any(m in t.text for m in ".,")) >= 2:
        return False  # a price and an amount: an order line, whatever OCR made of its words
    centres = [c.cx for c in columns]
    for p in line.phrases():
        words = sum(1 for t in p.toks if t.key and not looks_numeric(t.text))
        if len(p.toks) >= 5 and words >= 0.7 * len(p.toks) and sum(p.x0 < x < p.x1 for x in centres) >= 2:
            return True
    return False


def _heads_next(page: Page, index: int) -> bool:
    """Whether the line at `index` is the top line of a heading set on two lines ("Order" over
    "Quantity") whose lower line names the columns."""
    if page.source != "text" or index + 1 >= len(page.lines):
        return False
    below = page.lines[index + 1]
    return heading(below) is not None and stacked.fits(page.lines[index], below)


def _rows_follow(page: Page, start: int) -> bool:
    """Whether an order row (two numbers or more) comes within the next lines: a note under one line
    ("per quotation 26-118 dated …") is no letter paragraph after the table.  A row's own labelled
    sub-line ("LIEFERTERMIN: 2026/12/14") then the table's carried or closing total says the same: the
    long text above it was the last row's description.  So does a carried-forward sum right under it
    ("Guante de trabajo piel flor" over "CONTINUED SUBTOTAL 7,019.80"): the table goes on overleaf."""
    subs = False
    for line in page.lines[start : start + PROSE_LOOKAHEAD]:
        if line.kind != "text":
            return False
        if (stop := stop_kind(line)) is not None:
            # a sum carried to the next page closes a table that goes on there, never a letter's text
            return subs or stop == "carried"
        if sub_label(line.toks) is not None:
            subs = True
            continue
        if sum(1 for t in line.toks if looks_numeric(t.text)) >= 2 and not _prose(line, []):
            return True
    return False


def stop_kind(line: Line) -> str | None:
    """Why a line would end a table: "carried" (a carried-forward subtotal) or "total"."""
    if labels.contains(line.toks, CARRIED):
        return "carried"
    numbers = sum(1 for t in line.toks if looks_numeric(t.text))
    for phrase in line.phrases():
        if numbers <= 3 and labels.starts_with(phrase.toks, TOTALS) is not None:
            return "total"
    return None


def collect(page: Page, start: int, table: Table, head: list[Line]) -> tuple[Region, int]:
    """The table's lines on `page` from line index `start`; returns the region and the next index."""
    region = Region(table, page.number, head, [])
    body = page.body
    i = start
    while i < len(page.lines):
        line = page.lines[i]
        i += 1
        if line.kind != "text":
            continue
        stop = stop_kind(line)
        if stop == "total" and not any(has_digit(t.text) for row in (*region.lines, line) for t in row.toks):
            continue  # a heading's last word on a line of its own ("Importe / neto"): no number, no total
        if stop is None and (heading(line) is not None or _heads_next(page, i - 1)):
            stop, i = "heading", i - 1
        elif stop is None and _prose(line, table.columns) and not _rows_follow(page, i):
            stop = "text"
        elif stop is None and region.lines and line.y0 - region.lines[-1].y1 > GAP_LINES * body:
            stop = "gap"
        if stop is not None:
            region.ended_by, region.end = stop, line
            break
        region.lines.append(line)
    return region, i


MONEY_KINDS = frozenset(("price", "amount"))


def find_regions(pages: list[Page]) -> list[Region]:
    """Every table region in the pages, in order; a table left open at a page end goes on overleaf."""
    regions: list[Region] = []
    for page in pages:
        i = 0
        carried = regions[-1] if regions and regions[-1].ended_by in ("carried", "page") else None
        if carried is not None and not any(heading(line) for line in page.lines):
            region, i = collect(page, _first_row(page, carried.table), carried.table, [])
            if region.lines:
                regions.append(region)
        while i < len(page.lines):
            line = page.lines[i]
            columns, garbled = _heading_of(line)
            by_stack = columns is None and page.source != "text"
            if columns is None:
                columns = _named_by_stack(page, i)
                if by_stack and columns is not None and not {c.kind for c in columns} >= MONEY_KINDS:
                    columns = None
                garbled = garbled or (by_stack and columns is not None)
            i += 1
            if columns is None:
                continue
            head = [line]
            restacked = _stacked(page, i - 1)
            if page.source != "text" and not by_stack and not _names_money(restacked, columns):
                restacked = None
            if garbled and restacked is not None and not {c.kind for c in restacked[0]} >= MONEY_KINDS:
                restacked = None  # a garbled line is a heading only if the words stacked on it make it whole
            if restacked is not None:
                columns, head = restacked
                i = page.lines.index(head[-1]) + 1
            elif i < len(page.lines) and extend_heading(columns, page.lines[i], line):
                head.append(page.lines[i])
                i += 1
            table = Table(columns)
            region, after = collect(page, i, table, head)
            segments = colfit.segments(table.columns, region.lines, page.body)
            table.segments = infer.type_columns(segments, region.lines)
            if carried is not None and carried.page < page.number and carried.table.segments:
                table.segments = overleaf.as_before(table.segments, carried.table.segments)
            if not any(h.kind == "qty" for _, _, h in table.segments):
                continue  # a heading without its quantity, and no column the numbers show to be one
            if garbled and not {"price", "amount"} <= {h.kind for _, _, h in table.segments}:
                continue  # a garbled heading the arithmetic of the rows below does not bear out
            regions.append(region)
            i = after
    return regions


def _heading_of(line: Line) -> tuple[list[Column] | None, bool]:
    """The columns if `line` heads a table, and whether only as a garbled heading (to be confirmed)."""
    if line.kind != "text":
        return None, False
    columns = heading(line) or heading(line, qty_lost=True)
    if columns is not None:
        return columns, False
    columns = heading(line, garbled=True)
    return columns, columns is not None


NUMBER_KINDS = ("qty", *MONEY_KINDS)


def _names_money(restacked: tuple[list[Column], list[Line]] | None, flat: list[Column]) -> bool:
    """Whether a scan's heading read with the lines stacked under it names a price or amount column
    that the heading line alone does not ("Unit" over "price", "Line" over "total": alone, "Unit
    Line" reads as one unit column), or tells apart two columns the line alone names alike ("Cant."
    twice, once over "precio": the quantity and the units its price is for).  Only then is the
    stacked reading taken for OCR words, which garble heading words: it must keep the quantity, the
    money the line names, and name at least as many columns."""
    if restacked is None:
        return False
    kinds = [c.kind for c in restacked[0]]
    if "qty" not in kinds or len(restacked[0]) < len(flat):
        return False
    money, named = set(kinds) & MONEY_KINDS, {c.kind for c in flat} & MONEY_KINDS
    if money > named:
        return True
    twice = [k for k in NUMBER_KINDS if [c.kind for c in flat].count(k) > 1]
    return bool(twice) and money >= named and all(kinds.count(k) == 1 for k in twice)


def _stacked(page: Page, index: int) -> tuple[list[Column], list[Line]] | None:
    """A text layer's heading at `index` read with the heading lines stacked over and under it."""
    above, below = stacked.stack_lines(page, index)
    found = stacked.cells(page.lines[index], above, below)
    if not any(c.kind == "qty" for c in found):
        return None
    return [Column(c.kind, c.x0, c.x1, c.heading) for c in found], [*above, page.lines[index], *below]


def _named_by_stack(page: Page, index: int) -> list[Column] | None:
    """The columns if the line at `index` heads a table only together with the heading words stacked
    over or under it: "Qty ... Unit ... Ext." over "ordered ... price ... price" names its price and
    amount columns on the lower line alone. The main line must be heading words and name the quantity.

    On a scan (`find_regions`) only a stack that names both the price and the amount counts, and the
    rows' own figures must then bear the columns out, as for a garbled heading: "Product Quantity U/M
    Unit Ext." over "Price price" names one item column on its own line, so it was no heading at all
    and the whole table was lost."""
    line = page.lines[index]
    if line.kind != "text" or not stacked.fits(line, line):
        return None
    if not any(h.kind == "qty" for h in column_hits(line.toks)):
        return None
    above, below = stacked.stack_lines(page, index)
    if not above and not below:
        return None
    found = stacked.cells(line, above, below)
    kinds = {c.kind for c in found}
    items = kinds & set(ITEM_KINDS)
    if "partdesc" in items:
        items |= {"code", "description"}
    if "qty" not in kinds or len(items) < 2:
        return None
    return [Column(c.kind, c.x0, c.x1, c.heading) for c in found]


def _first_row(page: Page, table: Table) -> int:
    """Where a table carried over from the previous page resumes: the first line with a quantity."""
    for i, line in enumerate(page.lines):
        if line.kind != "text" or stop_kind(line) is not None:
            continue
        cells = table.cells(line)
        if any(looks_numeric(t.text) for t in cells.get("qty", [])) and len(cells) >= 2:
            return i
    return len(page.lines)
