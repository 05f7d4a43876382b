"""Tables whose heading was not read (OCR garbled it past knowing, or it is worded as no vocabulary
has it): the order rows found by their own arithmetic, quantity × price = amount on the line, and the
columns by the white space running down between those rows, each typed by what stands in it.

Only for scanned pages that no heading and no table carried over from the page before account for.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from parsers.layout import columns as colfit
from parsers.layout import infer
from parsers.layout.cells import UNIT_WORDS, Column, Table
from parsers.layout.code_columns import looks_code
from parsers.layout.geometry import Line, Page, Tok, join_groups
from parsers.layout.numbers import looks_numeric, readings
from parsers.layout.row_numbering import numbering
from parsers.layout.solved_lines import EXACT
from parsers.layout.table import GAP_LINES, Region, collect, stop_kind
from parsers.layout.text import has_digit

MARKS = (",", ".")
MIN_ROWS = 2  # rows whose numbers agree that make a table (one, when a code or words stand beside them)
MAX_COST = 1  # readings of a row's numbers tried: as printed, or with a stray mark at an edge
LOST_MARK_COST = 4  # and then with a decimal mark put back
TRIVIAL_VOTE = 0.25  # what a row whose quantity or price is 1 counts for in choosing the columns
CROSSING = 0.34  # share of the rows whose words may cross the white space between two columns
CELL_SHARE = 0.6  # share of a column's cells that must be of a kind for the column to be of it
DESCRIPTION_LETTERS = 4  # letters in a word of a description
LOOK_UP = 12  # lines above the first agreeing row searched for rows OCR spoilt
HEADING_GAP = 2.5  # text heights between the first row and a heading line over it
GTIN_DIGITS = range(8, 15)
BASES = (10, 100, 1000)  # units a price may be printed for
HUNDRED = Decimal(100)
EDGE = "()[]|'\"“”‘’.,:;*"  # what OCR reads beside a basis figure ("100)", "“1")
_EDGES = re.compile(r"^\W+|\W+$")
_CENTS = re.compile(r"\d[.,]\d\d\W*$")  # an amount printed to the cent


@dataclass(frozen=True)
class Row:
    """A line whose numbers make quantity × price = amount, and which of its words those are (with the
    units the price is for, when a column of its own says so: 10000 × 1,20 / 100 = 120,00)."""

    line: Line
    qty: Tok
    price: Tok
    amount: Tok
    between: tuple[str, Tok] | None = None  # ("per", basis) or ("discount", percentage)
    plain: bool = True  # neither quantity nor price is 1

    def cells(self) -> dict[str, Tok]:
        found = {"qty": self.qty, "price": self.price, "amount": self.amount}
        return found | (dict([self.between]) if self.between is not None else {})


def add_regions(
    pages: Sequence[Page], regions: list[Region], find: Callable[[Page], Region | None] | None = None
) -> list[Region]:
    """`regions` with a table for each scanned page that has none, where `find` shows one (by default
    `table_by_rows`: where its rows' arithmetic shows one), in page order."""
    found = {r.page for r in regions}
    finder = find or table_by_rows
    added = [
        region
        for page in pages
        if page.source != "text" and page.number not in found
        for region in [finder(page)]
        if region is not None
    ]
    if not added:
        return regions
    order = {page.number: i for i, page in enumerate(pages)}
    return sorted([*regions, *added], key=lambda r: order.get(r.page, r.page))


def table_by_rows(page: Page) -> Region | None:
    """The page's table found from the lines whose numbers agree, or None when too few lines do."""
    rows = [row for line in page.lines if (row := arithmetic_row(line)) is not None]
    if not rows or (len(rows) < MIN_ROWS and not _worded(rows[0])):
        return None
    found = _numeric_runs(rows, page.body)
    if found is None:
        return None
    kinds, agreeing = found
    columns = typed(kinds, [r.line for r in agreeing])
    table = Table(columns)
    numeric = [span for span, kind in kinds.items() if kind in ("qty", "price", "amount")]
    start = first_row(page, page.lines.index(agreeing[0].line), numeric)
    head = heading_over(page, start)
    region, _ = collect(page, start, table, head)
    if len(region.lines) < 1:
        return None
    segments = colfit.segments(table.columns, region.lines, page.body)
    table.segments = infer.type_columns(segments, region.lines)
    return region


def arithmetic_row(line: Line) -> Row | None:
    """The line's quantity, price and amount when three of its numbers make quantity × price = amount
    to the cent under either decimal mark (with a price basis between price and amount if one stands
    there): the amount after the other two, printed to the cent; quantity and price either way round,
    the pair nearest the amount first (a position number or a GTIN further left is never taken for
    the quantity when the quantity's own column agrees).  Never a total's line."""
    if line.kind != "text" or stop_kind(line) is not None:
        return None
    numbers = [t for t in join_groups(line.toks) if looks_numeric(t.text) and has_digit(t.text)]
    # numbers as printed first, then with a decimal mark OCR lost put back ("475" for 4,75); a
    # quantity of 1 last (price = amount: a position and two equal figures say the same)
    for loose, one in ((False, False), (True, False), (False, True), (True, True)):
        found = _search(line, numbers, loose=loose, one=one)
        if found is not None:
            return found
    return None


def _search(line: Line, numbers: list[Tok], *, loose: bool, one: bool) -> Row | None:
    for k in range(len(numbers) - 1, 1, -1):
        amount = numbers[k]
        if not _CENTS.search(amount.text):
            continue
        pairs = sorted(itertools.combinations(range(k), 2), key=lambda ij: (-ij[0], -ij[1]))
        for i, j in pairs:
            for between in [*_between(numbers[j + 1 : k]), None]:
                for q, p in ((numbers[i], numbers[j]), (numbers[j], numbers[i])):
                    if _agree(q.text, p.text, amount.text, between, loose=loose, one=one):
                        return Row(line, q, p, amount, between, plain=not one)
    return None


def _between(toks: list[Tok]) -> list[tuple[str, Tok]]:
    """What a number between the price and the amount may be: the units the price is for (10, 100,
    1,000), or the line's discount in percent."""
    out = []
    for tok in toks:
        bare = tok.text.rstrip("%)").strip()
        if bare.isdigit() and int(bare) in BASES:
            out.append(("per", tok))
        if any(0 < v < HUNDRED for m in MARKS for v in _plain(bare, m)):
            out.append(("discount", tok))
    return out


def _agree(
    qty: str, price: str, amount: str, between: tuple[str, Tok] | None, *, loose: bool, one: bool
) -> bool:
    """Whether the three make quantity × price = amount to the cent, each number read under either
    decimal mark (a fax may lose or blur a mark; "3.90 €" beside "46,80 €" happens), with the price
    for `between`'s units or less its discount."""
    kind, tok = between if between is not None else ("", None)
    factors = [Decimal(1)]
    if kind == "per" and tok is not None:
        factors = [Decimal(1) / int(tok.text.rstrip("%)").strip())]
    elif tok is not None:
        bare = tok.text.rstrip("%)").strip()
        factors = [(HUNDRED - v) / HUNDRED for m in MARKS for v in _plain(bare, m) if 0 < v < HUNDRED]
    values = [[v for m in MARKS for v in _plain(text, m, loose=loose)] for text in (qty, price, amount)]
    for q, p, a in itertools.product(*values):
        if (
            q > 0
            and p > 0
            and a > 0
            and (1 in (q, p)) == one
            and any(abs(q * p * f - a) <= EXACT for f in factors)
        ):
            return True
    return False


def _plain(text: str, mark: str, *, loose: bool = False) -> list[Decimal]:
    """The values `text` may have: as printed, a stray mark at an edge left out, or (`loose`) with a
    decimal mark put back that OCR lost."""
    return [
        r.value
        for r in readings(text, mark, rules=False, lost_marks=loose)
        if r.cost <= (LOST_MARK_COST if loose else MAX_COST)
    ]


def _worded(row: Row) -> bool:
    """A lone row that names something: a code or words of a description beside its numbers."""
    others = [t for t in row.line.toks if t not in (row.qty, row.price, row.amount)]
    letters = sum(1 for t in others if sum(c.isalpha() for c in t.text) >= DESCRIPTION_LETTERS)
    return letters >= 2


Run = tuple[float, float]


def _numeric_runs(rows: list[Row], body: float) -> tuple[dict[Run, str], list[Row]] | None:
    """The table's columns across: quantity, price and amount (a basis or discount too) each where
    its numbers stand on the rows that agree with most, the rest by the white space between those
    rows' other words; None when two of them overlap (no columns there)."""
    runs = colfit.runs([r.line for r in rows], body)
    chosen, agreeing = _chosen(rows, runs)
    if chosen is None:
        return None
    spans = {}
    for kind, at in chosen.items():
        toks = [r.cells()[kind] for r in agreeing if kind in r.cells()]
        if kind == "per":  # and the basis column's "1" on the rows that needed no basis
            toks += [
                t for r in agreeing for t in r.line.toks if _inside(t, runs[at]) and "per" not in r.cells()
            ]
        spans[kind] = (min(t.x0 for t in toks), max(t.x1 for t in toks))
    ordered = sorted(spans.values())
    if any(b[0] <= a[1] for a, b in itertools.pairwise(ordered)):
        return None
    rest = [
        Line(row.line.page, kept)
        for row in agreeing
        if (kept := [t for t in row.line.toks if not any(_inside(t, span) for span in ordered)])
    ]
    found = {span: kind for kind, span in spans.items()}
    # a word run over the white space on one row in three ("00010TOR-M8-40") does not join two columns
    for x0, x1 in colfit.runs(rest, body, CROSSING) if rest else []:
        if not any(min(x1, b) > max(x0, a) for a, b in ordered):
            found[(x0, x1)] = "other"
    return dict(sorted(found.items())), agreeing


def _inside(tok: Tok, run: Run) -> bool:
    return run[0] <= tok.cx <= run[1]


def _chosen(rows: list[Row], runs: list[Run]) -> tuple[dict[str, int] | None, list[Row]]:
    """The run of ink each number column stands in, and the rows that agree with it.  The rows vote
    with the runs their three numbers stand in, all three at once (a row whose quantity or price is
    1 says least: a position and two equal figures make one); a basis or discount column is taken
    when two of those rows (or the one) have theirs in one run."""

    def run_of(tok: Tok) -> int | None:
        return next((i for i, run in enumerate(runs) if _inside(tok, run)), None)

    def places(row: Row) -> tuple[int | None, ...]:
        return tuple(run_of(t) for t in (row.qty, row.price, row.amount))

    votes: dict[tuple[int | None, ...], float] = {}
    for row in rows:
        votes[places(row)] = votes.get(places(row), 0.0) + (1 if row.plain else TRIVIAL_VOTE)
    best = max(votes, key=lambda k: votes[k])
    agreeing = [r for r in rows if places(r) == best]
    if None in best:
        return None, agreeing
    chosen = {kind: at for kind, at in zip(("qty", "price", "amount"), best, strict=True) if at is not None}
    between = Counter((r.between[0], run_of(r.between[1])) for r in agreeing if r.between is not None)
    for r in agreeing:  # a basis column prints 1 on the rows whose price is for one unit
        ones = {run_of(t) for t in r.line.toks if r.between is None and t.text.strip(EDGE) == "1"}
        between.update(("per", at) for at in ones if ("per", at) in between)
    enough = min(MIN_ROWS, len(agreeing))
    for (kind, at), n in between.most_common():
        if kind not in chosen and at is not None and at not in chosen.values() and n >= enough:
            chosen[kind] = at
    kept = [r for r in agreeing if r.between is None or chosen.get(r.between[0]) == run_of(r.between[1])]
    return chosen, kept or agreeing


def typed(kinds: dict[Run, str], lines: list[Line]) -> list[Column]:
    """The columns, the numbers' known; of the others, each typed by its cells: GTINs, units, the rows'
    numbering, codes (the first column of them), and the description (the column with the most
    letters, of those whose cells hold words)."""
    out: list[Column] = []
    worded: list[tuple[int, Column]] = []
    for (x0, x1), kind in kinds.items():
        cells = [[t for t in line.toks if x0 <= t.cx <= x1] for line in lines]
        cells = [c for c in cells if c]
        if kind == "other" and cells:
            kind = _kind_of(cells, taken={c.kind for c in out})
        column = Column(kind, x0, x1, "")
        if kind == "description":
            worded.append((sum(len(t.text) for c in cells for t in c), column))
        out.append(column)
    for _, column in sorted(worded, key=lambda w: -w[0])[1:]:
        column.kind = "other"
    return out


def _kind_of(cells: list[list[Tok]], taken: set[str]) -> str:
    """What a column of the rows' other words holds, by most of its cells."""
    firsts = [c[0].text for c in cells]
    texts = [" ".join(t.text for t in c) for c in cells]
    share = CELL_SHARE * len(cells)
    if sum(t.isdigit() and len(t) in GTIN_DIGITS for t in firsts) >= share:
        return "gtin"
    if sum(c[0].key in UNIT_WORDS for c in cells) >= share:
        return "unit"
    numbered = numbering([_EDGES.sub("", t) for t in texts])  # "002°", "3)": a speck or mark beside
    if numbered and "pos" not in taken and "code" not in taken:
        return "pos"
    if "code" not in taken and sum(looks_code(t) for t in texts) >= share:
        return "code"
    worded = sum(
        1 for c in cells if any(sum(ch.isalpha() for ch in t.text) >= DESCRIPTION_LETTERS for t in c)
    )
    return "description" if worded >= share else "other"


def first_row(page: Page, start: int, numeric: list[Run]) -> int:
    """Where the table begins: the first line whose numbers agree, or a line above it shaped like a
    row (numbers under two of the quantity, price and amount) whose figures OCR spoilt or whose price
    is for more units than it says; never past a total, a wide gap, or the heading over the rows."""
    first = start
    for i in range(start - 1, max(-1, start - 1 - LOOK_UP), -1):
        line, below = page.lines[i], page.lines[i + 1]
        if line.kind != "text" or stop_kind(line) is not None or below.y0 - line.y1 > GAP_LINES * page.body:
            break
        figures = [t for t in line.toks if looks_numeric(t.text) and has_digit(t.text)]
        if len({j for t in figures for j, span in enumerate(numeric) if _inside(t, span)}) >= 2:
            first = i
        elif not figures and any(_inside(t, span) for t in line.toks for span in numeric):
            break  # words over the number columns: the heading
    return first


def heading_over(page: Page, start: int) -> list[Line]:
    """The line over the first row when it is a heading OCR garbled: words without figures, close above."""
    if start == 0:
        return []
    above, first = page.lines[start - 1], page.lines[start]
    if above.kind != "text" or first.y0 - above.y1 > HEADING_GAP * first.height:
        return []
    if any(has_digit(t.text) for t in above.toks) or len(above.toks) < 2:
        return []
    return [above]
