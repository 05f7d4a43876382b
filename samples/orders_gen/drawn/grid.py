"""The line-item table of a drawn order: drawn column set and order, rule styles (grid, rules between
rows, none, zebra, boxed, spreadsheet cells), codes in brackets or on their own row, wrapped
descriptions, sub-rows, and page breaks that carry the running total forward."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from samples.orders_gen.drawn.doc import Doc
from samples.orders_gen.facts import Line

RIGHT = frozenset({"qty", "price", "per", "discount", "amount"})
HEADING = {"pos": "position", "description": "description", "delivery": "line_delivery"}


@dataclass(frozen=True)
class Col:
    key: str
    title: str
    width: float
    align: str


def cell(doc: Doc, line: Line, key: str) -> str:
    p, look = doc.printer, doc.look
    marked = look.currency_mark.startswith(("symbol", "code"))
    if key == "pos":
        return line.position
    if key == "code":
        return line.code
    if key == "gtin":
        return line.product.gtin
    if key == "description":
        text = f"[{line.code}] {line.description}" if look.code_in == "brackets" else line.description
        return text.upper() if look.upper_desc else text
    if key in ("rev", "colour", "size"):
        return line.extra.get(key, "")
    if key == "qty":
        return p.quantity(line.quantity)
    if key == "unit":
        return line.unit_word
    if key == "price":
        suffix = f"/{line.per}" if look.per_style == "suffix" and line.per > 1 else ""
        return p.price(line.price, marked=marked and not suffix) + suffix
    if key == "per":
        return str(line.per)
    if key == "discount":
        return p.number(line.discount, 2) if line.discount else ""
    if key == "amount":
        return p.money(line.amount, marked=marked)
    if key == "delivery":
        return doc.date(line)
    raise ValueError(key)


def title(doc: Doc, key: str) -> str:
    w, look = doc.words, doc.look
    text = w[HEADING.get(key, key)]
    if key == "code" and look.code_in == "own_row":
        text = f"{text} / {w['description']}"
    if key == "price" and look.per_style == "heading" and look.price_per > 1:
        text = f"{text} ({look.price_per} {w['unit']})"
    if key == "price" and look.per_style == "heading_per" and look.price_per > 1:
        text = f"{text} ({w['per_word']} {look.price_per})"
    if key in ("price", "amount") and look.currency_mark == "heading":
        text = f"{text} {doc.facts.currency}"
    return text


def columns(doc: Doc, size: float) -> list[Col]:
    """Each column as wide as its widest cell or heading word; the description takes what is left."""
    out = []
    for key in doc.look.columns:
        head = title(doc, key)
        words = [doc.width_of(word, size, bold=True) for word in head.split()]
        cells = [doc.width_of(cell(doc, line, key), size) for line in doc.facts.lines]
        if key == "code" and doc.look.code_in == "own_row":
            cells = [doc.width_of(line.code, size) + 20 for line in doc.facts.lines]
        need = max([*words, *cells, 14]) + 10
        out.append(Col(key, head, need, "right" if key in RIGHT else "left"))
    wide = "description" if "description" in doc.look.columns else "code"  # code above text: code widens
    rest = doc.width - sum(c.width for c in out if c.key != wide)
    cap = 170 if doc.look.wrap and wide == "description" else rest
    return [Col(c.key, c.title, max(min(rest, cap), 90), c.align) if c.key == wide else c for c in out]


def fits(doc: Doc) -> float:
    """The largest table text size (down from the body size) at which the columns fit the page."""
    size = doc.look.size
    while size > 6.5:
        fixed = sum(c.width for c in columns(doc, size) if c.key != "description")
        if fixed + (90 if "description" in doc.look.columns else 0) <= doc.width:
            return size
        size -= 0.5
    return size


def _put(doc: Doc, col: Col, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
    if col.align == "right":
        doc.text(x + col.width - 4, y, text, size, bold=bold, align="right")
    else:
        doc.text(x + 4, y, text, size, bold=bold)


def headings(doc: Doc, cols: list[Col], y: float, size: float) -> float:
    style, x0 = doc.look.table, doc.left
    total = sum(c.width for c in cols)
    wrapped = [doc.pdf.wrap(c.title, c.width - 6, size, doc.bold) or [""] for c in cols]
    height = (size + 3) * max(len(w) for w in wrapped) + 8
    if style in ("grid", "boxed", "zebra"):
        doc.pdf.rect(x0, y, total, height, 0.6 if style != "zebra" else 0, fill=0.82)
    x = x0
    for col, lines in zip(cols, wrapped, strict=True):
        for i, text in enumerate(lines):
            _put(doc, col, x, y + 4 + size + i * (size + 3), text, size, bold=True)
        x += col.width
    y += height
    doc.pdf.line(x0, y, x0 + total, y, 0.9 if style != "cells" else 0.3)
    return y


def _rows(doc: Doc, line: Line, cols: list[Col], size: float) -> tuple[dict[str, list[str]], list[str]]:
    """The text of each cell (a list of lines) and the sub-rows under the description."""
    texts = {c.key: [cell(doc, line, c.key)] for c in cols}
    for col in cols:
        if col.key == "description":
            texts["description"] = doc.pdf.wrap(texts["description"][0], col.width - 8, size, doc.regular)
    subs = []
    if doc.look.code_in == "labelled":
        subs.append(f"{doc.words['code_label']}: {line.code}")
    if doc.look.code_in == "own_row":
        desc = line.description.upper() if doc.look.upper_desc else line.description
        subs.append(desc)
    if doc.look.delivery_in == "per_line" and "delivery" not in doc.look.columns:
        subs.append(f"{doc.words['line_delivery']}: {doc.date(line)}")
    return texts, subs


def draw(doc: Doc, y: float, bottom: float, on_break: Callable[[float, Decimal], float]) -> float:
    """Headings and every line; `on_break(y, running)` closes a page and returns where the table goes on."""
    size = fits(doc)
    cols = columns(doc, size)
    total = sum(c.width for c in cols)
    step = size + 3
    top = y = headings(doc, cols, y, size)
    running = Decimal("0.00")
    sub_x = doc.left + sum(c.width for c in cols[: _sub_col(cols)])
    for n, line in enumerate(doc.facts.lines):
        texts, subs = _rows(doc, line, cols, size)
        height = step * (max(len(t) for t in texts.values()) + len(subs)) + 6
        if y + height > bottom:
            _verticals(doc, cols, top, y)
            y = on_break(y, running)
            top = y = headings(doc, cols, y, size)
        if doc.look.table == "zebra" and n % 2:
            doc.pdf.rect(doc.left, y, total, height, 0, fill=0.92)
        x, base = doc.left, y + size + 3
        for col in cols:
            for i, text in enumerate(texts[col.key]):
                _put(doc, col, x, base + i * step, text, size)
            x += col.width
        first = max(len(t) for t in texts.values())
        for j, text in enumerate(subs):
            doc.text(sub_x + 4, base + (first + j) * step, text, size)
        y += height
        running += line.amount
        if doc.look.table in ("grid", "hlines", "cells"):
            doc.pdf.line(doc.left, y, doc.left + total, y, 0.3 if doc.look.table == "cells" else 0.5)
    _verticals(doc, cols, top, y)
    if doc.look.table in ("boxed", "plain", "zebra"):
        doc.pdf.line(doc.left, y, doc.left + total, y, 0.8)
    return y


def _sub_col(cols: list[Col]) -> int:
    """Index of the column sub-rows start under: the description's, else the code's."""
    keys = [c.key for c in cols]
    return keys.index("description") if "description" in keys else keys.index("code")


def _verticals(doc: Doc, cols: list[Col], top: float, bottom: float) -> None:
    if doc.look.table not in ("grid", "boxed", "cells"):
        return
    x = doc.left
    width = 0.3 if doc.look.table == "cells" else 0.5
    for col in cols:
        doc.pdf.line(x, top, x, bottom, width)
        x += col.width
    doc.pdf.line(x, top, x, bottom, width)
