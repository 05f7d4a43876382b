"""Lines between order rows that are a row whose figures or names could not be read (money alone, a
quantity alone, a quantity read as letters, money lost beside a code), kept in their place by
`rows.drafts`.  A row parted in two is in parted_rows, figures garbled or read wholly as letters in
lettered_rows, and a total label misread, which is no row at all, in misread_totals."""

from __future__ import annotations

import re

from parsers.layout import labels
from parsers.layout.lettered_rows import ALIGNED
from parsers.layout.lost_row_checks import (
    labelled,
    money_beside,
    money_between,
    priced_and_coded,
    rows_around,
)
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_cells import Row
from parsers.layout.row_signs import (
    NUMERIC,
    UNIT_WORDS,
    begins_phrase,
    code_like,
    named_row,
    numbered_row,
    plain,
    unit_word,
    worded_row,
)
from parsers.layout.table import sub_label
from parsers.layout.text import has_digit
from parsers.layout.vocab import CARRIED, SUBLINES, TOTALS


def money_lost(rows: list[Row], items: set[int], priced: set[str]) -> dict[int, bool]:
    """The rows of a priced table whose price and amount OCR lost or spoilt, their quantity read, that
    still name an order line of their own, each with whether by a code: a code that begins its phrase
    ("Dunas 10000 ys 4712 OZ", the row's price and amount lost; a letter's one row "250 u, TOR-M10-60
    Tornillo … C0340 C85.00", its euro signs read as C), or a position number alone ("20050 5) UDS").
    Each is an order line the page prints: taken as a stray of the row above it shifted every later
    line up one place, and taken as more description (or left out) it was lost without a word.  A
    row with its code is read as far as it goes, one with a position alone is kept in its place with
    nothing read (a code on a line above it may be the row above's), and both are named for a person
    (`rows.drafts`).  Only with figures alone in its quantity cell (and a unit); not where the next line
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
        if not quantity or not all(looks_numeric(t.text) or t.key in UNIT_WORDS for t in quantity):
            continue  # no quantity, or words in its cell ("PEUGEOT 408": a description run on there)
        if any(looks_numeric(t.text) for kind in priced for t in cells.get(kind, [])):
            continue  # a price or amount read: `row_signs.is_item` has judged the row
        if labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}):
            continue
        if any(money_beside(rows, i, j, items, priced) for j in (i - 1, i + 1)):
            continue  # its prices on the line below it, or OCR parted the row, its figures a line apart
        nxt = next((cells for j, (_, cells) in enumerate(rows) if j > i and j in items), None)
        if nxt is not None and not (nxt.get("code") or numbered_row(nxt)):
            continue  # the code (and description) over the figures of the next row, which has none
        coded = any(code_like(t.text) and begins_phrase(t, line.toks) for t in cells.get("code", []))
        if numbered_row(cells) or coded:
            out[i] = coded
    return out


_BARE_FIGURE = re.compile(r"^\d(?:[\d.,]*\d)?$")  # "12", "2.500": figures alone, no letter nor sign


def quantity_alone(rows: list[Row], starts: list[int], priced: set[str], edges: dict[str, float]) -> set[int]:
    """The lines of a priced table that hold one figure alone in the quantity column (a unit beside it
    at most), between two order rows that each show a code or a position number of their own: a row a
    fax reduced to its quantity (sap_listing's "12", its position, code, price and amount lost).  In a
    table whose rows are numbered or coded, no description wraps onto a line of its own as a bare
    figure set where the rows' quantities end, so such a line is an order line that could not be read,
    kept in its place and named (`rows.drafts`), never more description of the row above.

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
        if len(quantity) != 1 or not _BARE_FIGURE.match(quantity[0].text) or (unit and not unit_word(unit)):
            continue
        above = [j for j in starts if j < i]
        below = [j for j in starts if j > i]
        if not above or not below or not all(named_row(rows[j][1]) for j in (above[-1], below[0])):
            continue
        if abs(quantity[0].x1 - edges["qty"]) > ALIGNED * line.height:
            continue
        if not any(looks_numeric(t.text) for t in rows[above[-1]][1].get("qty", [])):
            continue
        if any(money_beside(rows, i, j, set(starts), priced) for j in (i - 1, i + 1)):
            continue
        sums = [plain(t.text) for j in above for t in rows[j][1].get("qty", [])[:1] if looks_numeric(t.text)]
        if (
            len(sums) > 1
            and None not in sums
            and sum(v for v in sums if v is not None) == plain(quantity[0].text)
        ):
            continue  # the quantities above added up; one row's own quantity repeated is no sum
        out.add(i)
    return out


def money_alone(rows: list[Row], starts: list[int], priced: set[str], edges: dict[str, float]) -> set[int]:
    """The lines of a table that prints prices and amounts holding a price and an amount to the cent
    and nothing that names a row (no position, code, GTIN nor quantity read), between two order rows
    that each show a position number or a code and each have a price or an amount of their own: a row
    whose left side a fax spoilt past reading ("B “98,00 133 475.00" over "Cinta aislante …", its
    position, quantity and code lost).  Taken as more description of the row above, it left the order
    a line short and every later line one place up.  It is kept in its place with nothing read from
    it, and named for a person (`rows.drafts`); its figures vouch for nothing.

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
        found = money_between(rows, starts, i, edges)
        if found is None:
            continue
        between, neighbours = found
        if any(named_row(c) or any(has_digit(t.text) for t in c.get("qty", [])) for c in between):
            continue  # a row over two or three lines, its words or quantity beside these figures
        if not all(
            named_row(c) and any(has_digit(t.text) for k in priced for t in c.get(k, [])) for c in neighbours
        ):
            continue
        if labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}):
            continue
        if labels.starts_garbled(line.toks, SUBLINES) is not None:
            continue
        out.add(i)
    return out


def quantity_lettered(
    rows: list[Row], starts: list[int], priced: set[str], edges: dict[str, float]
) -> set[int]:
    """The lines of a table that prints quantities, prices and amounts whose quantity cell a fax spoilt
    into letters ("WR FA" for "12 EA"), their price and amount read as figures where the rows print
    theirs, the amount to the cent, and words that name the row (a description): an order line whose
    quantity could not be read, between two order rows whose own quantity, price and amount were
    read.  Not taken as an order line (`row_signs.is_item` wants a quantity, a unit it knows, or a
    code), it ran into the row above as more description and every later line was one place up.  It
    is kept in its place with nothing read from it and named for a person (`rows.drafts`): which
    figures the letters were is a guess, so its figures vouch for nothing.

    Guards, each for letters that are no spoilt quantity: the letters end where the rows' quantities
    end (right-aligned figures, within `ALIGNED`; words run on from a description end where they
    end), with no digit; the price and amount end where the rows' do and carry no sign or rate; no
    other line between the neighbouring rows holds a quantity (a row printed over two lines); no
    label (a sub-line, a total or a sum carried to the next page)."""
    out: set[int] = set()
    if priced != {"price", "amount"} or not set(NUMERIC) <= set(edges):
        return out
    for i, (line, cells) in enumerate(rows):
        if i in starts or sub_label(line.toks) is not None or not worded_row(cells):
            continue
        quantity = cells.get("qty", [])
        if not quantity or any(has_digit(t.text) or looks_numeric(t.text) for t in quantity):
            continue
        found = money_between(rows, starts, i, edges, (("qty", quantity),))
        if found is None:
            continue
        between, neighbours = found
        if any(has_digit(t.text) for c in between for t in c.get("qty", [])):
            continue
        if not all(
            all(any(looks_numeric(t.text) for t in c.get(k, [])) for k in NUMERIC) for c in neighbours
        ):
            continue
        if labelled(line, cells):
            continue
        out.add(i)
    return out


def figures_lost(rows: list[Row], starts: list[int], priced: set[str]) -> set[int]:
    """The lines of a priced table that hold a unit of measure and a code beginning its phrase in their
    own columns, and no figure in the quantity, price or amount column, between two order rows that
    each show a code of their own, a quantity, and a price or an amount: a row whose figures the fax
    lost altogether ("pce BRO-HSS-8. HSSDRILLBIT MM FOR METAL" for "10 pce BRO-HSS-8 … €2,450 €24,50").
    No description wraps onto a line of its own with a unit in the unit column and a code in the code
    column.  Taken as a stray of the row above it made no line, and every later line was one place
    up; it is kept in its place with nothing read from it and named for a person (`rows.drafts`).

    Guards, each for a line that is no row of its own: no figures on the line directly above or below
    it in the quantity, price or amount column, other than an order row's own (a row printed over two
    lines, or parted by OCR); no other line between the two rows holding a figure there; no label (a
    sub-line, a total or a sum carried to the next page)."""
    out: set[int] = set()
    if priced != {"price", "amount"}:
        return out
    for i, (line, cells) in enumerate(rows):
        if i in starts or sub_label(line.toks) is not None:
            continue
        if any(cells.get(kind) for kind in NUMERIC) or not unit_word(cells.get("unit", [])):
            continue
        code = cells.get("code", [])
        if not code or not code_like(code[0].text) or not begins_phrase(code[0], line.toks):
            continue
        around = rows_around(starts, i)
        if around is None:
            continue
        before, after = around
        if not all(priced_and_coded(rows[j][1]) for j in around):
            continue
        between = [rows[j][1] for j in range(before + 1, after) if j != i]
        if any(has_digit(t.text) for c in between for k in NUMERIC for t in c.get(k, [])):
            continue
        if any(money_beside(rows, i, j, set(starts), priced) for j in (i - 1, i + 1)):
            continue
        if labelled(line, cells):
            continue
        out.add(i)
    return out
