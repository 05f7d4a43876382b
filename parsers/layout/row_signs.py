"""What a table line shows: an order row's start (`is_item`), a code (`code_like`), a figure read as no
number, figures a fax spoilt, a line shaped like an order line that starts none (`stray`), and the small
tests of cells these rules share."""

from __future__ import annotations

import re
from decimal import Decimal

from parsers.layout.geometry import PHRASE_GAP, Line, Tok
from parsers.layout.numbers import SPECK_AFTER_SIGN, looks_numeric, readings
from parsers.layout.table import sub_label
from parsers.layout.text import has_digit, token_key
from parsers.layout.vocab import UNITS

NUMERIC = ("qty", "price", "amount")
MONEY = re.compile(r"\d[.,]\d\d\W*$")  # an amount printed to the cent
POSITION_EDGE = ").:|]/"  # what follows a position number ("10)", "2.") or a rule beside it
MIN_CODE = 3  # characters of the shortest code told apart from a word
SHORT_PART = 3  # letters of an abbreviated part of a code of letters ("GUA-NIT-L")
NEAR_ROW = 0.8  # of a text height: a line this close above the first row belongs to it


def code_alone(cells: dict[str, list[Tok]]) -> bool:
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


def adjacent(upper: Line, lower: Line) -> bool:
    """Whether `lower` stands directly under `upper`, no blank line between them."""
    return lower.y0 - upper.y1 <= NEAR_ROW * min(upper.height, lower.height)


def crowded(cells: dict[str, list[Tok]]) -> bool:
    """Whether a text layer's row holds two numbers in its quantity cell ("1,000" and "1000"): a column
    was not understood, and which number is the quantity is a guess a person must check."""
    return sum(1 for t in cells.get("qty", []) if looks_numeric(t.text)) > 1


def worded_row(cells: dict[str, list[Tok]]) -> bool:
    """Whether a row names what it is: a code, a GTIN, a description or a position."""
    return any(cells.get(kind) for kind in ("code", "gtin", "description", "pos", "other"))


def plain(text: str) -> Decimal | None:
    """A number as a subtotal prints it: digits with a decimal point or comma, no thousands marks."""
    found = readings(text, "." if "." in text else ",", rules=False)
    return found[0].value if found and found[0].cost == 0 else None


def _numbers_in(cells: dict[str, list[Tok]]) -> bool:
    return any(looks_numeric(t.text) for kind in NUMERIC for t in cells.get(kind, []))


def is_item(toks: list[Tok], cells: dict[str, list[Tok]], priced: set[str]) -> bool:
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
    cents = any(MONEY.search(t.text) for t in cells.get("amount", []) if looks_numeric(t.text))
    # a quantity OCR read as letters ("uw" for 5) before a unit ("pzas"), with a price and an amount
    # to the cent: the row is an order line whose figures say its quantity, as a person would see it
    unreadable = bool(cells.get("qty")) and unit_word(cells.get("unit", []))
    priced_row = {"price", "amount"} <= numeric and cents
    return (
        signs >= 3
        or ("pos" in numeric and bool(numeric & priced))
        or (coded and cents)
        or (unreadable and priced_row)
    )


def named_row(cells: dict[str, list[Tok]]) -> bool:
    """Whether an order row shows a position number or a code of its own."""
    return numbered_row(cells) or any(code_like(t.text) for t in cells.get("code", []))


def numbered_row(cells: dict[str, list[Tok]]) -> bool:
    """Whether the row's position cell begins with a number ("00020", "3)")."""
    pos = cells.get("pos", [])
    return bool(pos) and pos[0].text.strip(POSITION_EDGE).isdigit()


UNIT_WORDS = frozenset(w for words in UNITS.values() for w in words)


def unit_word(toks: list[Tok]) -> bool:
    """Whether the unit cell holds one unit of measure a line counts in ("pzas", "CJ", "kg")."""
    return len(toks) == 1 and token_key(toks[0].text) in UNIT_WORDS


def stray(row: dict[str, list[Tok]], cells: dict[str, list[Tok]], toks: list[Tok]) -> bool:
    """Whether a line that starts no order line is shaped like one: figures that read as no number in
    a quantity, price or amount column ("####", "12,?5"), or a code of its own beside the row's code
    (a row whose numbers were lost). Such a line is an order line not read, never more description.
    A code of its own begins a phrase: "M8X40" a word space after "HEXAGONAL" is part of the text."""
    if any(unreadable_figure(t.text) for kind in NUMERIC for t in cells.get(kind, [])):
        return True
    if garbled_figures(cells):
        return True
    own = [
        t.text
        for t in cells.get("code", [])
        if code_like(t.text) and begins_phrase(t, toks) and not _a_size(t, toks, cells)
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


def garbled_figures(cells: dict[str, list[Tok]]) -> bool:
    """Figures a fax spoilt into letters in two or more of the quantity, price and amount columns, each
    with a digit, one at least read as no number ("1uyy,uu NK 1,20/10U &12,UuU" for 1.000,00 NR 1,20/100
    €12,00): a row whose numbers could not be read, never more description of the row above."""
    held = [[t for t in cells.get(kind, []) if has_digit(t.text)] for kind in NUMERIC]
    spoilt = any(not looks_numeric(t.text) for column in held for t in column)
    return sum(bool(column) for column in held) >= 2 and spoilt


def begins_phrase(tok: Tok, toks: list[Tok]) -> bool:
    """Whether no word of the line ends a word space or less before `tok`."""
    limit = PHRASE_GAP * tok.h
    return not any(o is not tok and o.x1 <= tok.x0 and tok.x0 - o.x1 <= limit for o in toks)


def line_shaped(cells: dict[str, list[Tok]]) -> bool:
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
