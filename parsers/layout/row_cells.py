"""A table line's words by column for its item row: the code taken out of the position or description
column where the table prints it there, where the row's quantity cell stands on a scan (`quantity_box`),
and the units the price heading says the prices are for (`heading_basis`)."""

from __future__ import annotations

import re

from parsers.layout import positions
from parsers.layout.cells import Column
from parsers.layout.codes import past_hyphens
from parsers.layout.geometry import Line, Tok, box_on_row, join_groups
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_signs import NUMERIC, code_like
from parsers.layout.table import Region
from parsers.layout.text import GLUED_BASIS
from parsers.layout.vocab import BASIS_UNITS, PER_WORDS

Row = tuple[Line, dict[str, list[Tok]]]  # a table line and its words by column


def quantity_box(
    region: Region, line: Line, cells: dict[str, list[Tok]]
) -> tuple[float, float, float, float] | None:
    """Where the quantity cell of the row `line` is, in the pixels its words were read in: the row's
    band across the quantity column's span (`Table.span`), short of the words read on the row that
    reach into it from the columns beside (a unit column, a long description), but for the words the
    page's reading put in that cell: figures read as letters ("un a)" for 50) are the quantity's own
    ink, and a unit printed in the cell after the quantity, read with it, only makes a reading that
    says no quantity.  A cell whose words hold figures has its place too: the layout reader uses it only
    where those words gave no quantity ("200/00" for 200.00, its point read as a slash), and its ink read
    again alone may say the quantity (`parsers.layout.extract._unread_quantities`).  None when the
    column's span or the row's band is not known."""
    span = region.table.span("qty")
    if span is None:
        return None
    x0, x1 = span
    ours = cells.get("qty", [])  # figures read as letters ("un a)" for 50): the quantity's own ink
    for tok in line.toks:
        if tok.x1 <= x0 or tok.x0 >= x1 or tok in ours:
            continue
        if tok.cx >= (x0 + x1) / 2:
            x1 = min(x1, tok.x0)
        else:
            x0 = max(x0, tok.x1)
    return box_on_row(line, x0, x1) if x1 > x0 else None


_BASIS_WORDS = frozenset((*PER_WORDS, "x", "/"))
_BASIS = re.compile(
    rf"^\(?(?:(?:{'|'.join(map(re.escape, sorted(_BASIS_WORDS)))})\s*)?({BASIS_UNITS})\)?$", re.I
)


def heading_basis(region: Region) -> int:
    """The units a table's prices are for when its price heading says so in brackets or after "per"
    ("Precio (por 100)", "Price (per 1,000)", "Preis je 100"): 1 otherwise."""
    price = [c for c in region.table.columns if c.kind == "price"]
    if not price:
        return 1
    others = [c for c in region.table.columns if c.kind != "price"]
    above: list[Tok] = []
    for line in [*region.heading, *_heading_tail(region)]:
        for i, tok in enumerate(line.toks):
            m = _BASIS.match(tok.text.strip())
            glued = GLUED_BASIS.match(tok.text.strip()) if m is None else None
            if glued is not None:  # "Preis'((1000": the bracket glued to the price heading's word
                if _nearest([*price, *others], tok).kind == "price":
                    return int(re.sub(r"\D", "", glued[2]))
                continue
            # a line of its own may begin with the bracket ("Precio/ud." over "(100 EUR") or close the
            # one opened after "per" in the line above it ("Price each (per" over "1000)")
            over = next((t.text for t in above if t.x0 < tok.x1 and tok.x0 < t.x1), "") if i == 0 else ""
            opened = over.startswith("(") and tok.text.endswith(")")
            if m is None or (i == 0 and not tok.text.startswith("(") and not opened):
                continue
            before = line.toks[i - 1].text.strip("(").casefold() if i else over.strip("(").casefold()
            if before not in _BASIS_WORDS and not tok.text.startswith(("(", "/")):
                continue
            if _nearest([*price, *others], tok).kind == "price":
                return int(re.sub(r"\D", "", m[1]))
        above = line.toks
    return 1


def _nearest(columns: list[Column], tok: Tok) -> Column:
    """The column whose span lies nearest the word (0 for every column it overlaps: the first)."""
    return min(columns, key=lambda c: max(c.x0 - tok.x1, tok.x0 - c.x1, 0.0))


TAIL_WORDS = 2  # words at most on a line that ends a heading stacked over several lines ("(100", "Ud.)")
TAIL_LINES = 2


def _heading_tail(region: Region) -> list[Line]:
    """The table's first lines when they are the end of a heading stacked deeper than the heading was
    read ("P." over "unitario" over "(100" over "Ud.)"): a word or two a line, above every row."""
    tail = []
    for line in region.lines[:TAIL_LINES]:
        if len(line.toks) > TAIL_WORDS:
            break
        tail.append(line)
    return tail


def table_rows(region: Region) -> list[Row]:
    """The region's lines, each with its words by column; a position column's figures garbled into
    letters ("Q007C" for 00070, among 00060 and 00080) stay the position, never a code."""
    found = [region.table.cells(line) for line in region.lines]
    firsts = [(i, cells["pos"][0].text) for i, cells in enumerate(found) if cells.get("pos")]
    garbled = {firsts[k][0] for k in positions.garbled([text for _, text in firsts])}
    return [
        (line, _cells(region, cells, i in garbled))
        for i, (line, cells) in enumerate(zip(region.lines, found, strict=True))
    ]


def _cells(region: Region, cells: dict[str, list[Tok]], garbled: bool) -> dict[str, list[Tok]]:
    """A line's words by column (`cells`), the code taken out of the position or description column
    where the table prints it there; `garbled` when the position cell begins with the numbering's
    figures OCR read as letters."""
    coded = any(h.kind == "code" for _, _, h in region.table.segments)
    cells = {k: join_groups(v) if k in NUMERIC else v for k, v in cells.items()}
    return _code_from_description(cells if coded else _code_from_position(cells, garbled), coded)


def _code_from_position(cells: dict[str, list[Tok]], garbled: bool = False) -> dict[str, list[Tok]]:
    """In a table whose code heading OCR lost, the position column holds the code too: what follows
    the position number there (or stands there without one) is the code.  A position read as letters
    (`garbled`) is still the position: only what follows it may be the code."""
    pos = cells.get("pos", [])
    rest = pos[1:] if pos and (garbled or looks_numeric(pos[0].text)) else pos
    if rest and any(c.isalpha() for t in rest for c in t.text):
        cells = {**cells, "pos": pos[: len(pos) - len(rest)], "code": rest}
    return cells


def _code_from_description(cells: dict[str, list[Tok]], coded: bool = False) -> dict[str, list[Tok]]:
    """A column headed for both code and description ("Part/Description"): a first word that looks like
    a code (a digit in it or capitals joined by hyphens, no lower-case letters) is the code, the rest
    the description.  Where the table has a code column of its own (`coded`), that column holds the
    codes and this one only words: "250 mm (sample)" wrapped under "Adjustable wrench" is description."""
    toks = cells.get("partdesc")
    if toks is None:
        return cells
    cells = {k: v for k, v in cells.items() if k != "partdesc"}
    first = toks[0].text
    if not coded and not cells.get("code") and code_like(first) and first == first.upper():
        bracketed = len(first) > 2 and first[0] == "[" and first[-1] == "]"  # "[TOR-M10-60] TORNILLO"
        # a code OCR parted after its hyphens ("TOR- M10- 60 HEX BOLT") is all its pieces, not "TOR"
        taken = 1 if bracketed else past_hyphens(toks)
        cells["code"], toks = [toks[0].cut(1, len(first) - 1)] if bracketed else toks[:taken], toks[taken:]
    if toks:
        cells["description"] = cells.get("description", []) + toks
    return cells
