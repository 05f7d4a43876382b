"""Item rows from a table's lines: the row that starts each order line, the lines that continue it
(wrapped descriptions, labelled ERP sub-lines), codes found in the position or description column,
and the table's own numbering of its rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.layout import labels, positions
from parsers.layout.codes import split_position
from parsers.layout.geometry import Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.table import Region
from parsers.layout.text import has_digit
from parsers.layout.vocab import SUBLINES

NUMERIC = ("qty", "price", "amount")
POSITION_EDGE = ").:|]/"  # what follows a position number ("10)", "2.") or a rule beside it
MIN_CODE = 3  # characters of the shortest code told apart from a word


@dataclass
class Draft:
    """One order line as found in the table, before its numbers are read."""

    page: int
    cells: dict[str, list[Tok]]
    description: list[Tok] = field(default_factory=list)
    subs: dict[str, list[Tok]] = field(default_factory=dict)
    position: int | None = None  # by the table's numbering, when it has one (parsers.layout.positions)
    missing: bool = False  # a row the numbering says is there, which OCR did not read

    def numbers(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if looks_numeric(t.text)]

    def words(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if not looks_numeric(t.text)]


def drafts(regions: list[Region], *, ocr: bool = False) -> list[Draft]:
    """Item rows (a quantity in the quantity column) with the lines that continue them; where the table
    numbers its rows, each row's position, and (`ocr`) an empty row for each position OCR lost."""
    out: list[Draft] = []
    for region in regions:
        current: Draft | None = out[-1] if out and region.heading == [] else None
        priced = {"price", "amount"} & set(region.table.kinds())
        coded = any(h.kind == "code" for _, _, h in region.table.segments)
        for line in region.lines:
            cells = region.table.cells(line) if coded else _code_from_position(region.table.cells(line))
            cells = _code_from_description(cells)
            if _is_item(line.toks, cells, priced):
                # no description column (its heading lost): the words of the column nobody claims
                current = Draft(line.page, cells, list(cells.get("description") or cells.get("other", [])))
                out.append(current)
            elif current is not None:
                _continue(current, line.toks, cells)
    if any(h.kind == "pos" for r in regions for _, _, h in r.table.segments):
        out = _numbered(out, ocr)
    return out


def _code_from_position(cells: dict[str, list[Tok]]) -> dict[str, list[Tok]]:
    """In a table whose code heading OCR lost, the position column holds the code too: what follows
    the position number there (or stands there without one) is the code."""
    pos = cells.get("pos", [])
    rest = pos[1:] if pos and looks_numeric(pos[0].text) else pos
    if rest and any(c.isalpha() for t in rest for c in t.text):
        cells = {**cells, "pos": pos[: len(pos) - len(rest)], "code": rest}
    return cells


def _code_from_description(cells: dict[str, list[Tok]]) -> dict[str, list[Tok]]:
    """A column headed for both code and description ("Part/Description"): a first word that looks like
    a code (a digit in it, no lower-case letters) is the code, the rest the description."""
    toks = cells.get("partdesc")
    if toks is None:
        return cells
    cells = {k: v for k, v in cells.items() if k != "partdesc"}
    first = toks[0].text
    if not cells.get("code") and len(first) >= MIN_CODE and has_digit(first) and first == first.upper():
        cells["code"], toks = [toks[0]], toks[1:]
    if toks:
        cells["description"] = cells.get("description", []) + toks
    return cells


def _printed_position(draft: Draft) -> int | None:
    """The row's position as printed: its position cell, or a number OCR ran into its code."""
    pos = [t.text.strip(POSITION_EDGE) for t in draft.numbers("pos")]
    if pos and pos[0].isdigit():
        return int(pos[0])
    code = draft.cells.get("code", [])
    lead = positions.leading_number(code[0].text) if code else None
    return lead if lead is not None and split_position(code, lead) is not None else None


def _numbered(found: list[Draft], ocr: bool) -> list[Draft]:
    numbering = positions.number([_printed_position(d) for d in found])
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


def _is_item(toks: list[Tok], cells: dict[str, list[Tok]], priced: set[str]) -> bool:
    """A row that starts an order line: a number in a numeric column and enough else that a line is
    there (a position, a code, two of quantity, price and amount); never a labelled sub-line.

    A quantity OCR could not read ("5-4" for "5 u.") does not lose the row: its price and amount, or
    its code and one of them, still show a line, and the arithmetic then says what the quantity was."""
    numeric = {kind for kind in (*NUMERIC, "pos") if any(looks_numeric(t.text) for t in cells.get(kind, []))}
    if not numeric & set(NUMERIC):
        return False
    if labels.starts_with(toks, SUBLINES) is not None:
        return False
    if "qty" in numeric and (not priced or numeric & priced):
        return True
    # a number lost: three of position, code, quantity, price and amount, or a position and a price
    signs = len(numeric) + bool(cells.get("code"))
    return signs >= 3 or ("pos" in numeric and bool(numeric & priced))


def _continue(draft: Draft, toks: list[Tok], cells: dict[str, list[Tok]]) -> None:
    """A line under an item row: a labelled sub-line (our code, EAN, delivery) or more description."""
    hit = labels.starts_with(toks, SUBLINES) or labels.starts_garbled(toks, SUBLINES)
    valued = hit is not None and hit.end < len(toks)
    if hit is not None and valued and (hit.kind != "item_code" or has_digit(toks[hit.end].text)):
        draft.subs.setdefault(hit.kind, toks[hit.end :])
        return
    draft.description += cells.get("description", []) or [t for t in toks if t.key]
