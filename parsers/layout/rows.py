"""Item rows from a table's lines: the row that starts each order line, the lines that continue it
(wrapped descriptions, labelled ERP sub-lines), codes found in the position or description column,
and the table's own numbering of its rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from parsers.layout import labels, positions
from parsers.layout.cells import Column
from parsers.layout.codes import past_hyphens, split_position
from parsers.layout.dates import find_date
from parsers.layout.geometry import PHRASE_GAP, Line, Tok, box_on_row, join_groups
from parsers.layout.numbers import SPECK_AFTER_SIGN, looks_numeric, readings
from parsers.layout.table import Region, sub_label
from parsers.layout.text import GLUED_BASIS, has_digit, one_substituted, token_key
from parsers.layout.vocab import BASIS_UNITS, CARRIED, PER_WORDS, SUBLINES, TOTALS, UNITS

NUMERIC = ("qty", "price", "amount")
_MONEY = re.compile(r"\d[.,]\d\d\W*$")  # an amount printed to the cent
POSITION_EDGE = ").:|]/"  # what follows a position number ("10)", "2.") or a rule beside it
MIN_CODE = 3  # characters of the shortest code told apart from a word
SHORT_PART = 3  # letters of an abbreviated part of a code of letters ("GUA-NIT-L")
NEAR_ROW = 0.8  # of a text height: a line this close above the first row belongs to it
CLEARLY_NEARER = 0.6  # a line this much nearer to the row below than to the one above belongs below

Row = tuple[Line, dict[str, list[Tok]]]  # a table line and its words by column


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
        rows = _rows(region)
        rows = _split_rows_joined(rows) if ocr else rows
        priced = {"price", "amount"} & set(region.table.kinds())
        starts = [i for i, (line, cells) in enumerate(rows) if _is_item(line.toks, cells, priced)]
        unpriced = _money_lost(rows, set(starts), priced) if ocr else {}
        starts = sorted({*starts, *(i for i, coded in unpriced.items() if coded)})
        edges = _figure_edges([rows[i][1] for i in starts])
        alone = _quantity_alone(rows, starts, priced, edges) if ocr else set()
        alone |= _money_alone(rows, starts, priced, edges) if ocr else set()
        worded = any(_worded(rows[i][1]) for i in starts)
        over = bool(starts) and any(_code_label(line) for line, _ in rows[: starts[0]])
        basis = heading_basis(region)
        current: Draft | None = out[-1] if out and region.heading == [] else None
        last: Line | None = None
        pending: list[tuple[Line, dict[str, list[Tok]]]] = []
        for i, (line, cells) in enumerate(rows):
            if i in starts:
                if worded and not _worded(cells) and _subtotal(cells, since):
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
            if ocr and _garbled_figures(cells) and _misread_total(line.toks):
                continue  # "7WISCHENSUMME EUR 611,40": a sum under the rows, no order line nor part of one
            lost = (
                _lost_row(line, cells) or _figures_lettered(line, cells, edges) or i in unpriced or i in alone
            )
            if ocr and (current is not None or following is not None) and lost:
                # a row whose figures a fax spoilt past reading, between the order's rows: a line the
                # document has, kept in its place with nothing read from it (so every later line stays
                # the line it is), named for a person; never more description of a neighbour
                for before_line, before in pending:
                    if current is not None:
                        _continue(current, before_line.toks, before)
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
                _continue(current, line.toks, cells)
                last = line
            elif following is not None and _line_shaped(cells):
                pending.append((line, cells))  # before the first row: no part of it, _start names it
        for line, cells in pending:
            if current is not None:
                _continue(current, line.toks, cells)
    if any(h.kind == "pos" for r in regions for _, _, h in r.table.segments):
        out = _numbered(out, ocr)
    for draft in out if not ocr else []:
        if _crowded(draft.cells):
            draft.strays.append(
                sorted((t for toks in draft.cells.values() for t in toks), key=lambda t: t.x0)
            )
    return out


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


def _rows(region: Region) -> list[Row]:
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


def _start(
    line: Line, cells: dict[str, list[Tok]], pending: list[tuple[Line, dict[str, list[Tok]]]]
) -> Draft:
    """A draft for an item row, with the lines above it that belong to it."""
    # no description column (its heading lost): the words of the column nobody claims
    description = list(cells.get("description") or cells.get("other", []))
    if _code_alone(cells):
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
        if _stray(cells, before, before_line.toks):
            strays.append(before_line.toks)
            continue
        if before.get("code") and not cells.get("code"):
            cells = {**cells, "code": before["code"]}
        above += before.get("description") or before.get("other", [])
    if any(unreadable_figure(t.text) for kind in NUMERIC for t in cells.get(kind, [])):
        strays.append(line.toks)  # "950.00/1000", "12,?5": a figure of the row read as no number
    return Draft(line.page, cells, above + description, subs=subs, strays=strays)


def _code_alone(cells: dict[str, list[Tok]]) -> bool:
    """Whether the description cell holds a code alone (capitals joined by a hyphen, as a letter prints
    one in brackets at the head of its text) and the unnamed column beside it words (two or more)."""
    head = cells.get("description", [])
    other = cells.get("other", [])
    return (
        len(head) == 1
        and not cells.get("code")
        and "-" in head[0].text
        and head[0].text.upper() == head[0].text
        and code_like(head[0].text)
        and sum(1 for t in other if any(c.isalpha() for c in t.text)) >= 2
    )


def _split_rows_joined(rows: list[Row]) -> list[Row]:
    """One row a fax parted in two put back together: a line of figures alone (two or more of quantity,
    price and amount, nothing that names an item) directly above a line that names one (a code or a
    description) and holds no figure in those columns.  OCR read the row's figures a little higher
    than its words ("caja 3,90 19,50" over "00010 TACO DE NAILON"), its quantity often lost.

    Not where the table prints its rows over two lines the other way round (words, then figures): a
    words-only line directly above the figures, or a figures-only line directly below the words, says
    the figures belong to the words over them."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        if i + 1 < len(rows) and _parted(rows, i):
            (upper, figures), (lower, words) = rows[i], rows[i + 1]
            toks = sorted([*upper.toks, *lower.toks], key=lambda t: t.x0)
            kinds = {*figures, *words}
            cells = {k: sorted([*figures.get(k, []), *words.get(k, [])], key=lambda t: t.x0) for k in kinds}
            out.append((Line(lower.page, toks, lower.kind), cells))
            i += 2
            continue
        out.append(rows[i])
        i += 1
    return out


def _parted(rows: list[Row], i: int) -> bool:
    """Whether rows[i] holds the figures and rows[i + 1] the words of one row (_split_rows_joined)."""
    (upper, figures), (lower, words) = rows[i], rows[i + 1]
    if not (_figures_alone(upper, figures) and _words_alone(lower, words) and _adjacent(upper, lower)):
        return False
    above = rows[i - 1] if i > 0 else None
    below = rows[i + 2] if i + 2 < len(rows) else None
    if above is not None and _words_alone(*above) and _adjacent(above[0], upper):
        return False  # the figures end the row whose words stand over them
    return not (below is not None and _figures_alone(*below) and _adjacent(lower, below[0]))


def _figures_alone(line: Line, cells: dict[str, list[Tok]]) -> bool:
    numeric = [k for k in NUMERIC if any(looks_numeric(t.text) for t in cells.get(k, []))]
    return len(numeric) >= 2 and not _worded(cells) and sub_label(line.toks) is None


def _words_alone(line: Line, cells: dict[str, list[Tok]]) -> bool:
    figures = any(has_digit(t.text) for k in NUMERIC for t in cells.get(k, []))
    named = bool(cells.get("code")) or bool(cells.get("description"))
    return named and not figures and sub_label(line.toks) is None


def _adjacent(upper: Line, lower: Line) -> bool:
    """Whether `lower` stands directly under `upper`, no blank line between them."""
    return lower.y0 - upper.y1 <= NEAR_ROW * min(upper.height, lower.height)


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


def _crowded(cells: dict[str, list[Tok]]) -> bool:
    """Whether a text layer's row holds two numbers in its quantity cell ("1,000" and "1000"): a column
    was not understood, and which number is the quantity is a guess a person must check."""
    return sum(1 for t in cells.get("qty", []) if looks_numeric(t.text)) > 1


def _worded(cells: dict[str, list[Tok]]) -> bool:
    """Whether a row names what it is: a code, a GTIN, a description or a position."""
    return any(cells.get(kind) for kind in ("code", "gtin", "description", "pos", "other"))


def _subtotal(cells: dict[str, list[Tok]], since: list[Draft]) -> bool:
    """A row of numbers alone whose quantity or amount is the sum of the rows since the last subtotal."""
    for kind in ("qty", "amount"):
        printed = {_plain(t.text) for t in cells.get(kind, [])} - {None}
        values = [_plain(t.text) for d in since for t in d.numbers(kind)[:1]]
        if printed and values and None not in values and sum(v for v in values if v is not None) in printed:
            return True
    return False


def _plain(text: str) -> Decimal | None:
    """A number as a subtotal prints it: digits with a decimal point or comma, no thousands marks."""
    found = readings(text, "." if "." in text else ",", rules=False)
    return found[0].value if found and found[0].cost == 0 else None


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


def _numbers_in(cells: dict[str, list[Tok]]) -> bool:
    return any(looks_numeric(t.text) for kind in NUMERIC for t in cells.get(kind, []))


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
    its code and one of them, still show a line, and the arithmetic then says what the quantity was
    (a letter's "[TAC-6] Taco … caja 3,9000 € 15,60 €" whose "4" OCR read "A" on the line above)."""
    numeric = {kind for kind in (*NUMERIC, "pos") if any(looks_numeric(t.text) for t in cells.get(kind, []))}
    if not numeric & set(NUMERIC):
        return False
    hit = sub_label(toks)
    if hit is not None and (hit.strong or not {"qty"} | priced <= numeric):
        return False  # a labelled sub-line; "Material eléctrico 10 4,20 42,00" is a whole order line
    if "qty" in numeric and (not priced or numeric & priced):
        return True
    # a number lost: three of position, code, quantity, price and amount, or a position and a price;
    # or a code (or GTIN) of its own and an amount to the cent (its quantity and price OCR could not read)
    coded = any(code_like(t.text) for t in (*cells.get("code", []), *cells.get("gtin", [])))
    # a code at the head of the description, as a letter prints it in brackets ("[TAC-6] Taco de
    # nailon", its brackets cleaned off): capitals joined by a hyphen, as codes are and words are not
    head = cells.get("description", [])[:1]
    coded = coded or any("-" in t.text and t.text.upper() == t.text and code_like(t.text) for t in head)
    signs = len(numeric) + bool(cells.get("code"))
    cents = any(_MONEY.search(t.text) for t in cells.get("amount", []) if looks_numeric(t.text))
    # a quantity OCR read as letters ("uw" for 5) before a unit ("pzas"), with a price and an amount
    # to the cent: the row is an order line whose figures say its quantity, as a person would see it
    unreadable = bool(cells.get("qty")) and _unit_word(cells.get("unit", []))
    priced_row = {"price", "amount"} <= numeric and cents
    return (
        signs >= 3
        or ("pos" in numeric and bool(numeric & priced))
        or (coded and cents)
        or (unreadable and priced_row)
    )


def _money_lost(rows: list[Row], items: set[int], priced: set[str]) -> dict[int, bool]:
    """The rows of a priced table whose price and amount OCR lost or spoilt, their quantity read, that
    still name an order line of their own, each with whether by a code: a code that begins its phrase
    ("Dunas 10000 ys 4712 OZ", the row's price and amount lost; a letter's one row "250 u, TOR-M10-60
    Tornillo … C0340 C85.00", its euro signs read as C), or a position number alone ("20050 5) UDS").
    Each is an order line the page prints: taken as a stray of the row above it shifted every later
    line up one place, and taken as more description (or left out) it was lost without a word.  A
    row with its code is read as far as it goes, one with a position alone is kept in its place with
    nothing read (a code on a line above it may be the row above's), and both are named for a person
    (`drafts`).  Only with figures alone in its quantity cell (and a unit); not where the next line
    holds the prices alone (a row printed over two lines), nor where the next order row has no code or
    position of its own (the code and description printed over that row's figures), nor a labelled
    sub-line or a total."""
    out: dict[int, bool] = {}
    if not priced:
        return out
    for i, (line, cells) in enumerate(rows):
        if i in items or sub_label(line.toks) is not None:
            continue
        quantity = cells.get("qty", [])
        if not quantity or not all(looks_numeric(t.text) or t.key in _UNIT_WORDS for t in quantity):
            continue  # no quantity, or words in its cell ("PEUGEOT 408": a description run on there)
        if any(looks_numeric(t.text) for kind in priced for t in cells.get(kind, [])):
            continue  # a price or amount read: `_is_item` has judged the row
        if labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}):
            continue
        if any(_money_beside(rows, i, j, items, priced) for j in (i - 1, i + 1)):
            continue  # its prices on the line below it, or OCR parted the row, its figures a line apart
        nxt = next((cells for j, (_, cells) in enumerate(rows) if j > i and j in items), None)
        if nxt is not None and not (nxt.get("code") or _numbered_row(nxt)):
            continue  # the code (and description) over the figures of the next row, which has none
        coded = any(code_like(t.text) and _begins_phrase(t, line.toks) for t in cells.get("code", []))
        if _numbered_row(cells) or coded:
            out[i] = coded
    return out


_BARE_FIGURE = re.compile(r"^\d(?:[\d.,]*\d)?$")  # "12", "2.500": figures alone, no letter nor sign


def _quantity_alone(
    rows: list[Row], starts: list[int], priced: set[str], edges: dict[str, float]
) -> set[int]:
    """The lines of a priced table that hold one figure alone in the quantity column (a unit beside it
    at most), between two order rows that each show a code or a position number of their own: a row a
    fax reduced to its quantity (sap_listing's "12", its position, code, price and amount lost).  In a
    table whose rows are numbered or coded, no description wraps onto a line of its own as a bare
    figure set where the rows' quantities end, so such a line is an order line that could not be read,
    kept in its place and named (`drafts`), never more description of the row above.

    Guards, each for a figure that is no row: the figure ends where the order rows' quantities end
    (figures are set right-aligned; a wrapped description's number stands where its words run), within
    `ALIGNED`; the row above has a quantity of its own read (else the figure may be that quantity, read
    a line lower); no figures in the price or amount column on the line directly above or below (a row
    printed, or parted by OCR, over two lines); and the figure is no sum of the quantities above it."""
    out: set[int] = set()
    if not priced or "qty" not in edges:
        return out
    for i, (line, cells) in enumerate(rows):
        if i in starts or sub_label(line.toks) is not None:
            continue
        if any(toks for kind, toks in cells.items() if kind not in ("qty", "unit")):
            continue  # words or figures elsewhere on the line: "caja 100", "M8x40", a wrapped description
        quantity, unit = cells.get("qty", []), cells.get("unit", [])
        if len(quantity) != 1 or not _BARE_FIGURE.match(quantity[0].text) or (unit and not _unit_word(unit)):
            continue
        above = [j for j in starts if j < i]
        below = [j for j in starts if j > i]
        if not above or not below or not all(_named_row(rows[j][1]) for j in (above[-1], below[0])):
            continue
        if abs(quantity[0].x1 - edges["qty"]) > ALIGNED * line.height:
            continue
        if not any(looks_numeric(t.text) for t in rows[above[-1]][1].get("qty", [])):
            continue
        if any(_money_beside(rows, i, j, set(starts), priced) for j in (i - 1, i + 1)):
            continue
        sums = [_plain(t.text) for j in above for t in rows[j][1].get("qty", [])[:1] if looks_numeric(t.text)]
        if (
            len(sums) > 1
            and None not in sums
            and sum(v for v in sums if v is not None) == _plain(quantity[0].text)
        ):
            continue  # the quantities above added up; one row's own quantity repeated is no sum
        out.add(i)
    return out


def _money_alone(rows: list[Row], starts: list[int], priced: set[str], edges: dict[str, float]) -> set[int]:
    """The lines of a table that prints prices and amounts holding a price and an amount to the cent
    and nothing that names a row (no position, code, GTIN nor quantity read), between two order rows
    that each show a position number or a code and each have a price or an amount of their own: a row
    whose left side a fax spoilt past reading ("B “98,00 133 475.00" over "Cinta aislante …", its
    position, quantity and code lost).  Taken as more description of the row above, it left the order
    a line short and every later line one place up.  It is kept in its place with nothing read from
    it, and named for a person (`drafts`); its figures vouch for nothing.

    Guards, each for money that is no row of its own: the figures end where the order rows' figures
    end in their columns (right-aligned, within `ALIGNED`); the neighbouring rows' own money read, and
    no other line between them with a position, a code or a quantity, so these figures are not a
    row's printed a line apart from its words; no sign, rate or label (a discount, a tax, a sub-line,
    a total or a sum carried to the next page)."""
    out: set[int] = set()
    if priced != {"price", "amount"} or not {"price", "amount"} <= set(edges):
        return out
    for i, (line, cells) in enumerate(rows):
        if i in starts or sub_label(line.toks) is not None:
            continue
        if any(has_digit(t.text) for kind in ("pos", "code", "gtin", "qty") for t in cells.get(kind, [])):
            continue
        price, amount = cells.get("price", []), cells.get("amount", [])
        if len(price) != 1 or len(amount) != 1 or not _MONEY.search(amount[0].text):
            continue
        if not all(looks_numeric(t.text) and not any(c in t.text for c in "-%") for t in (*price, *amount)):
            continue
        if any(
            abs(cell[0].x1 - edges[kind]) > ALIGNED * line.height
            for kind, cell in (("price", price), ("amount", amount))
        ):
            continue
        above = [j for j in starts if j < i]
        below = [j for j in starts if j > i]
        if not above or not below:
            continue
        between = [rows[j][1] for j in range(above[-1] + 1, below[0]) if j != i]
        if any(_named_row(c) or any(has_digit(t.text) for t in c.get("qty", [])) for c in between):
            continue  # a row over two or three lines, its words or quantity beside these figures
        neighbours = [rows[j][1] for j in (above[-1], below[0])]
        if not all(
            _named_row(c) and any(has_digit(t.text) for k in priced for t in c.get(k, [])) for c in neighbours
        ):
            continue
        if labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}):
            continue
        if labels.starts_garbled(line.toks, SUBLINES) is not None:
            continue
        out.add(i)
    return out


def _named_row(cells: dict[str, list[Tok]]) -> bool:
    """Whether an order row shows a position number or a code of its own."""
    return _numbered_row(cells) or any(code_like(t.text) for t in cells.get("code", []))


def _money_beside(rows: list[Row], i: int, j: int, items: set[int], priced: set[str]) -> bool:
    """Whether row j, directly above or below row i and no order row itself, holds figures (read or
    spoilt) in the price or amount column: the row's own, printed on a line of their own or read a
    little higher or lower than its words ("AA ud eo3a00 el7ooo" over "TOR-M10-60 Tornillo … 500")."""
    if not 0 <= j < len(rows) or j in items:
        return False
    upper, lower = (rows[j][0], rows[i][0]) if j < i else (rows[i][0], rows[j][0])
    held = any(has_digit(t.text) for kind in priced for t in rows[j][1].get(kind, []))
    return held and _adjacent(upper, lower)


def _numbered_row(cells: dict[str, list[Tok]]) -> bool:
    """Whether the row's position cell begins with a number ("00020", "3)")."""
    pos = cells.get("pos", [])
    return bool(pos) and pos[0].text.strip(POSITION_EDGE).isdigit()


_UNIT_WORDS = frozenset(w for words in UNITS.values() for w in words)


def _unit_word(toks: list[Tok]) -> bool:
    """Whether the unit cell holds one unit of measure a line counts in ("pzas", "CJ", "kg")."""
    return len(toks) == 1 and token_key(toks[0].text) in _UNIT_WORDS


def _continue(draft: Draft, toks: list[Tok], cells: dict[str, list[Tok]]) -> None:
    """A line under an item row: a labelled sub-line (our code, EAN, delivery) or more description."""
    hit = sub_label(toks) or labels.starts_garbled(toks, SUBLINES)
    if hit is not None and _dateless_delivery(hit, toks):
        hit = None  # "PLANO ADJUNTO REV. VIGENTE": a description's word that reads like "plazo"
    valued = hit is not None and hit.end < len(toks)
    if hit is not None and valued and (hit.kind != "item_code" or _code_value(hit, toks)):
        draft.subs.setdefault(hit.kind, toks[hit.end :])
        return
    if hit is None and _stray(draft.cells, cells, toks):
        draft.strays.append(toks)  # never run into the row above as more of its description
        return
    words = cells.get("description", [])
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


def _stray(row: dict[str, list[Tok]], cells: dict[str, list[Tok]], toks: list[Tok]) -> bool:
    """Whether a line that starts no order line is shaped like one: figures that read as no number in
    a quantity, price or amount column ("####", "12,?5"), or a code of its own beside the row's code
    (a row whose numbers were lost). Such a line is an order line not read, never more description.
    A code of its own begins a phrase: "M8X40" a word space after "HEXAGONAL" is part of the text."""
    if any(unreadable_figure(t.text) for kind in NUMERIC for t in cells.get(kind, [])):
        return True
    if _garbled_figures(cells):
        return True
    own = [
        t.text
        for t in cells.get("code", [])
        if code_like(t.text) and _begins_phrase(t, toks) and not _a_size(t, toks, cells)
    ]
    theirs = {t.text for t in row.get("code", [])}
    return bool(own) and bool(theirs) and own[0] not in theirs


# words of a length or a volume a description gives a size in ("Silicona neutra transparente 300 ml")
SIZE_WORDS = frozenset({"mm", "cm", "m", "ml", "cl", "l"})
_SIZE_FIGURES = re.compile(r"^\d+(?:[.,x]\d+)*$")


def _a_size(tok: Tok, toks: list[Tok], cells: dict[str, list[Tok]]) -> bool:
    """Whether the code-like word `tok` is a size the line's description runs on with, not a code of its
    own: figures alone (or "4x10") with the word after it a length or volume ("300 ml" wrapped under
    "Silicona neutra transparente" into the code column), on a line with nothing in the quantity, price
    or amount columns. A code is no measure, and a row whose numbers were lost still shows its code
    before words, never before "mm" or "ml"."""
    if not _SIZE_FIGURES.match(tok.text) or any(cells.get(kind) for kind in NUMERIC):
        return False
    after = sorted((t for t in toks if t.x0 >= tok.x1), key=lambda t: t.x0)
    return bool(after) and after[0].text.casefold() in SIZE_WORDS


def _garbled_figures(cells: dict[str, list[Tok]]) -> bool:
    """Figures a fax spoilt into letters in two or more of the quantity, price and amount columns, each
    with a digit, one at least read as no number ("1uyy,uu NK 1,20/10U &12,UuU" for 1.000,00 NR 1,20/100
    €12,00): a row whose numbers could not be read, never more description of the row above."""
    held = [[t for t in cells.get(kind, []) if has_digit(t.text)] for kind in NUMERIC]
    spoilt = any(not looks_numeric(t.text) for column in held for t in column)
    return sum(bool(column) for column in held) >= 2 and spoilt


def _lost_row(line: Line, cells: dict[str, list[Tok]]) -> bool:
    """A row of the table whose figures a fax spoilt into letters (`_garbled_figures`), not a labelled
    sub-line, nor a total or carried-forward sum: an order line that could not be read."""
    if not _garbled_figures(cells) or sub_label(line.toks) is not None:
        return False
    if labels.starts_garbled(line.toks, SUBLINES) is not None:
        return False
    return not (labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}))


ALIGNED = 0.7  # of a text height: how far apart the right edges of one column's figures may stand
EDGE_SHARE = 0.5  # share of the item rows whose figures must show where a column's figures end


def _figure_edges(items: list[dict[str, list[Tok]]]) -> dict[str, float]:
    """Where the item rows' figures end in each of the quantity, price and amount columns (figures are
    set right-aligned): the middle right edge of the column's numbers, for the columns at least half
    the item rows print a number in (a fax may have spoilt the others)."""
    edges: dict[str, float] = {}
    for kind in NUMERIC:
        ends = sorted(t.x1 for cells in items for t in cells.get(kind, [])[-1:] if looks_numeric(t.text))
        if ends and len(ends) >= EDGE_SHARE * len(items):
            edges[kind] = ends[len(ends) // 2]
    return edges


def _figures_lettered(line: Line, cells: dict[str, list[Tok]], edges: dict[str, float]) -> bool:
    """A row whose quantity, price and amount a fax spoilt wholly into letters ("BGG)  pleces  LR  deb.
    vv" for "500 pieces 0.05 25.00"), no digit left to show them figures (`_lost_row`): each of the
    three cells ends where the item rows' figures end in its column, as right-aligned figures do and
    words run on from a description or a note do not, and reads as no number.  Not a labelled
    sub-line nor a total."""
    if set(edges) != set(NUMERIC) or sub_label(line.toks) is not None:
        return False
    for kind in NUMERIC:
        cell = cells.get(kind, [])
        if not cell or any(looks_numeric(t.text) for t in cell):
            return False
        if abs(cell[-1].x1 - edges[kind]) > ALIGNED * line.height:
            return False
    if labels.starts_garbled(line.toks, SUBLINES) is not None:
        return False
    return not (labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}))


LONG_LABEL = 8  # letters of a one-word total label long enough to know with one of them misread
_LONG_TOTALS = frozenset(
    p[0]
    for phrases in (*TOTALS.values(), CARRIED)
    for p in phrases
    if len(p) == 1 and len(p[0]) >= LONG_LABEL
)


def _misread_total(toks: list[Tok]) -> bool:
    """Whether the line begins with a long one-word total label one character of which OCR misread,
    the first too ("7WISCHENSUMME" for "ZWISCHENSUMME"), which `labels.find` does not know."""
    first = next((t.key for t in toks if t.key), "")
    return any(one_substituted(first, word) for word in _LONG_TOTALS)


def _begins_phrase(tok: Tok, toks: list[Tok]) -> bool:
    """Whether no word of the line ends a word space or less before `tok`."""
    limit = PHRASE_GAP * tok.h
    return not any(o is not tok and o.x1 <= tok.x0 and tok.x0 - o.x1 <= limit for o in toks)


def _line_shaped(cells: dict[str, list[Tok]]) -> bool:
    """A code of its own, or figures in a quantity, price or amount column."""
    figures = any(
        has_digit(t.text) or "#" in t.text or "?" in t.text for k in NUMERIC for t in cells.get(k, [])
    )
    return figures or any(code_like(t.text) for t in cells.get("code", []))


def unreadable_figure(text: str) -> bool:
    """Figures that stand where a number should and read as none: masked ("####"), unknown ("??"); or
    read with a speck after their money sign ("0,19€."), which the line must show it took as printed."""
    if looks_numeric(text):
        return SPECK_AFTER_SIGN.search(text) is not None
    return any(c in "#?" for c in text) or (has_digit(text) and not any(c.isalpha() for c in text))


def code_like(text: str) -> bool:
    """An article code: a digit in it, or capitals joined by a hyphen, one part short as codes
    abbreviate ("GUA-NIT-L"; "HIGH-VISIBILITY" is a hyphenated word); never a word that closes a
    bracket it did not open ("100)" under "(caja": the end of an aside the line above began)."""
    bare = text.strip(POSITION_EDGE + ",;")
    if len(bare) < MIN_CODE or (text.endswith(")") and "(" not in text):
        return False
    if has_digit(bare):
        return True
    parts = bare.split("-")
    return len(parts) > 1 and bare.upper() == bare and any(0 < len(p) <= SHORT_PART for p in parts)
