"""Item rows from a table's lines: the row that starts each order line, the lines that continue it
(wrapped descriptions, labelled ERP sub-lines), subtotals between rows, and the table's own numbering of
its rows. What a line shows is judged in `row_signs`, its words by column in `row_cells`, and the rows a
fax spoilt or parted in `lost_rows`."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.layout import labels, positions
from parsers.layout.codes import split_position
from parsers.layout.dates import find_date
from parsers.layout.geometry import Line, Tok
from parsers.layout.lettered_rows import figure_edges, figures_lettered, lost_row
from parsers.layout.lost_rows import (
    figures_lost,
    money_alone,
    money_lost,
    quantity_alone,
    quantity_lettered,
)
from parsers.layout.misread_totals import misread_total
from parsers.layout.numbers import looks_numeric
from parsers.layout.parted_rows import split_rows_joined
from parsers.layout.row_cells import heading_basis, quantity_box, table_rows
from parsers.layout.row_signs import (
    NEAR_ROW,
    NUMERIC,
    POSITION_EDGE,
    code_alone,
    code_like,
    crowded,
    garbled_figures,
    is_item,
    line_shaped,
    plain,
    stray,
    unreadable_figure,
    worded_row,
)
from parsers.layout.table import Region, sub_label
from parsers.layout.text import has_digit
from parsers.layout.vocab import SUBLINES

CLEARLY_NEARER = 0.6  # a line this much nearer to the row below than to the one above belongs below


@dataclass
class Draft:
    """One order line as found in the table, before its numbers are read."""

    page: int
    cells: dict[str, list[Tok]]
    description: list[Tok] = field(default_factory=list)
    subs: dict[str, list[Tok]] = field(default_factory=dict)
    position: int | None = None  # by the table's numbering, when it has one (parsers.layout.positions)
    missing: bool = False  # a row the numbering says is there, which OCR did not read
    strays: list[list[Tok]] = field(default_factory=list)  # rows shaped like an order line, not read as one
    basis: int = 1  # units the table's prices are for, as its price heading says ("Precio (por 100)")
    guessed: bool = False  # read from a table found by its rows' shape alone (parsers.layout.shaped)
    # on a scan, where the row's quantity cell is (pixels as read): the row's band across the quantity
    # column's span, for that cell to be read again when OCR read no quantity there (`quantity_box`)
    qty_box: tuple[float, float, float, float] | None = None

    def numbers(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if looks_numeric(t.text)]

    def words(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if not looks_numeric(t.text)]


def drafts(regions: list[Region], *, ocr: bool = False) -> list[Draft]:
    """Item rows (a quantity in the quantity column) with the lines that belong to them; where the table
    numbers its rows, each row's position, and (`ocr`) an empty row for each position OCR lost.

    A line between two rows belongs to the row it stands nearer to (a description printed above and
    below its numbers), and a line with a code of its own starts the next row when that row has none
    (the code and description on one line, the numbers on the last line of the description). A row
    of numbers alone that adds up the rows above it is a subtotal, not an order line."""
    out: list[Draft] = []
    since: list[Draft] = []  # the rows since the last subtotal, over page breaks
    for region in regions:
        rows = table_rows(region)
        rows = split_rows_joined(rows) if ocr else rows
        priced = {"price", "amount"} & set(region.table.kinds())
        starts = [i for i, (line, cells) in enumerate(rows) if is_item(line.toks, cells, priced)]
        unpriced = money_lost(rows, set(starts), priced) if ocr else {}
        starts = sorted({*starts, *(i for i, coded in unpriced.items() if coded)})
        edges = figure_edges([rows[i][1] for i in starts])
        alone = quantity_alone(rows, starts, priced, edges) if ocr else set()
        alone |= money_alone(rows, starts, priced, edges) if ocr else set()
        alone |= quantity_lettered(rows, starts, priced, edges) if ocr else set()
        alone |= figures_lost(rows, starts, priced) if ocr else set()
        worded = any(worded_row(rows[i][1]) for i in starts)
        over = bool(starts) and any(_code_label(line) for line, _ in rows[: starts[0]])
        basis = heading_basis(region)
        current: Draft | None = out[-1] if out and region.heading == [] else None
        last: Line | None = None
        pending: list[tuple[Line, dict[str, list[Tok]]]] = []
        for i, (line, cells) in enumerate(rows):
            if i in starts:
                if worded and not worded_row(cells) and _subtotal(cells, since):
                    current, last, since, pending = None, None, [], []
                    continue
                current = _start(line, cells, pending)
                current.basis, current.guessed = basis, region.guessed
                if ocr:
                    current.qty_box = quantity_box(region, line, cells)
                if i in unpriced:
                    current.strays.append(line.toks)  # read as far as it goes, and named for a person
                out.append(current)
                since.append(current)
                last, pending = line, []
                continue
            following = next((rows[j] for j in starts if j > i), None)
            if ocr and garbled_figures(cells) and misread_total(line.toks):
                continue  # "7WISCHENSUMME EUR 611,40": a sum under the rows, no order line nor part of one
            lost = (
                lost_row(line, cells) or figures_lettered(line, cells, edges) or i in unpriced or i in alone
            )
            if ocr and (current is not None or following is not None) and lost:
                # a row whose figures a fax spoilt past reading, between the order's rows: a line the
                # document has, kept in its place with nothing read from it (so every later line stays
                # the line it is), named for a person; never more description of a neighbour
                for before_line, before in pending:
                    if current is not None:
                        _continue(current, before_line.toks, before, ocr=ocr)
                current = Draft(line.page, {}, missing=True, strays=[line.toks])
                out.append(current)
                last, pending = line, []
                continue
            coded_above = bool(pending) and bool(pending[0][1].get("code"))
            if over and following is not None and _code_label(line):
                pending.append((line, cells))  # "Item Code: 4711" over its description and numbers
            elif following is not None and coded_above and sub_label(line.toks) is None:
                pending.append((line, cells))  # between a code's own line and its numbers
            elif _belongs_below(line, cells, last if current is not None else None, following):
                pending.append((line, cells))
            elif current is not None:
                _continue(current, line.toks, cells, ocr=ocr)
                last = line
            elif following is not None and line_shaped(cells):
                pending.append((line, cells))  # before the first row: no part of it, _start names it
        for line, cells in pending:
            if current is not None:
                _continue(current, line.toks, cells, ocr=ocr)
    if any(h.kind == "pos" for r in regions for _, _, h in r.table.segments):
        out = _numbered(out, ocr)
    for draft in out if not ocr else []:
        if crowded(draft.cells):
            draft.strays.append(
                sorted((t for toks in draft.cells.values() for t in toks), key=lambda t: t.x0)
            )
    return out


def _start(
    line: Line, cells: dict[str, list[Tok]], pending: list[tuple[Line, dict[str, list[Tok]]]]
) -> Draft:
    """A draft for an item row, with the lines above it that belong to it."""
    # no description column (its heading lost): the words of the column nobody claims
    description = list(cells.get("description") or cells.get("other", []))
    if code_alone(cells):
        # a letter's "[TOR-M8-40]" alone under "Désignation", its words past the heading's column in one
        # nobody named: the description runs on there, as the words a code at its head stands for
        description += cells["other"]
    above: list[Tok] = []
    strays: list[list[Tok]] = []
    subs: dict[str, list[Tok]] = {}
    for before_line, before in pending:
        if _code_label(before_line):
            hit = sub_label(before_line.toks)
            assert hit is not None
            subs.setdefault(hit.kind, before_line.toks[hit.end :])
            continue
        if stray(cells, before, before_line.toks):
            strays.append(before_line.toks)
            continue
        if before.get("code") and not cells.get("code"):
            cells = {**cells, "code": before["code"]}
        above += before.get("description") or before.get("other", [])
    if any(unreadable_figure(t.text) for kind in NUMERIC for t in cells.get(kind, [])):
        strays.append(line.toks)  # "950.00/1000", "12,?5": a figure of the row read as no number
    return Draft(line.page, cells, above + description, subs=subs, strays=strays)


def _code_label(line: Line) -> bool:
    """A line that is a labelled item code alone ("Item Code: ABC-123", "Código: 4711")."""
    hit = sub_label(line.toks)
    return (
        hit is not None
        and hit.kind in ("item_code", "supplier_item_code", "buyer_item_code")
        and hit.end < len(line.toks)
        and _code_value(hit, line.toks)
    )


def _code_value(hit: labels.Hit, toks: list[Tok]) -> bool:
    """Whether a code label is followed by a code: a word with a digit, or after the label's colon
    any code-like word ("Part No.: CHA-ALT-VIS")."""
    value = toks[hit.end].text
    return has_digit(value) or (hit.colon and code_like(value))


def _subtotal(cells: dict[str, list[Tok]], since: list[Draft]) -> bool:
    """A row of numbers alone whose quantity or amount is the sum of the rows since the last subtotal."""
    for kind in ("qty", "amount"):
        printed = {plain(t.text) for t in cells.get(kind, [])} - {None}
        values = [plain(t.text) for d in since for t in d.numbers(kind)[:1]]
        if printed and values and None not in values and sum(v for v in values if v is not None) in printed:
            return True
    return False


def _belongs_below(
    line: Line,
    cells: dict[str, list[Tok]],
    last: Line | None,
    following: tuple[Line, dict[str, list[Tok]]] | None,
) -> bool:
    """Whether a line between rows belongs to the row after it rather than the row before it."""
    if following is None or sub_label(line.toks) is not None:
        return False
    below, below_cells = following
    if cells.get("code") and not below_cells.get("code"):
        return True  # the code and the description on a line of their own, the numbers below
    gap_below = below.y0 - line.y1
    if last is None:
        return gap_below <= NEAR_ROW * line.height
    return gap_below < CLEARLY_NEARER * (line.y0 - last.y1)


def _printed_position(draft: Draft) -> int | None:
    """The row's position as printed: its position cell, or a number OCR ran into its code."""
    pos = [t.text.strip(POSITION_EDGE) for t in draft.numbers("pos")]
    if pos and pos[0].isdigit():
        return int(pos[0])
    code = draft.cells.get("code", [])
    lead = positions.leading_number(code[0].text) if code else None
    return lead if lead is not None and split_position(code, lead) is not None else None


def _numbered(found: list[Draft], ocr: bool) -> list[Draft]:
    printed_at = [_printed_position(d) for d in found]
    if ocr:
        # no table numbers a row 0: "00)" is "001" with its last figure read as a bracket, a place
        # unread, never a row before the first that the fax lost
        printed_at = [None if p == 0 else p for p in printed_at]
    numbering = positions.number(printed_at)
    if numbering is None:
        return found
    for draft, position in zip(found, numbering, strict=True):
        draft.position = position
        printed = _printed_position(draft)
        if printed is not None and not draft.numbers("pos"):  # run into the code, read right or not
            split = split_position(draft.cells.get("code", []), printed)
            if split is not None:
                draft.cells["pos"], draft.cells["code"] = [split[0]], split[1]
    if not ocr:
        return found
    out = list(found)
    for index, missing in reversed(positions.lost(numbering)):
        page = found[index].page
        out[index:index] = [Draft(page, {}, position=p, missing=True) for p in missing]
    return out


def _continue(draft: Draft, toks: list[Tok], cells: dict[str, list[Tok]], *, ocr: bool = False) -> None:
    """A line under an item row: a labelled sub-line (our code, EAN, delivery) or more description.

    On a scan (`ocr`) whose row put its description in the column nobody claims (the description's
    heading read right of where the descriptions stand: "SIL-TRA-300" in it, the row's description cell
    empty), the words of a line under it in that column run into the description column's ("Neutral
    silicone" + "clear 300 ml"): all of them are the description, not its right end alone."""
    hit = sub_label(toks) or labels.starts_garbled(toks, SUBLINES)
    if hit is not None and _dateless_delivery(hit, toks):
        hit = None  # "PLANO ADJUNTO REV. VIGENTE": a description's word that reads like "plazo"
    valued = hit is not None and hit.end < len(toks)
    if hit is not None and valued and (hit.kind != "item_code" or _code_value(hit, toks)):
        draft.subs.setdefault(hit.kind, toks[hit.end :])
        return
    if hit is None and stray(draft.cells, cells, toks):
        draft.strays.append(toks)  # never run into the row above as more of its description
        return
    words = cells.get("description", [])
    if (
        ocr
        and words
        and cells.get("other")
        and draft.cells.get("other")
        and not draft.cells.get("description")
    ):
        words = sorted([*cells["other"], *words], key=lambda t: t.x0)
    if words and draft.cells.get("code"):
        # the row has its code: words under the code column on a line below it are the description
        # set under the code and run on past the column ("HSS drill bit 8 mm for metal")
        words = sorted([*cells.get("code", []), *words], key=lambda t: t.x0)
    draft.description += words or [t for t in toks if t.key]


def _dateless_delivery(hit: labels.Hit, toks: list[Tok]) -> bool:
    """Whether a delivery sub-label stands without its colon before words that hold no date: a wrapped
    description whose first word is, or OCR made, a delivery word ("PLANO ADJUNTO REV. VIGENTE" under
    "GUANTE ... SEGUN", "PLANO" one letter from "plazo"), not the line's delivery. Taken as its date
    line it kept the row's real "DELIVERY DATE: 02.12.26" under it from being read; a label with its
    colon ("Plazo: 2 semanas") is a sub-line as before, date or not."""
    if hit.kind != "delivery" or hit.colon or hit.end >= len(toks):
        return False
    return find_date(" ".join(t.text for t in toks[hit.end :])) is None
