"""Drawing the line-item table: ruled or borderless, wrapped descriptions, sub-lines, page breaks with
carried-forward subtotals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import LineSpec, OrderSpec


@dataclass(frozen=True)
class Column:
    key: str  # pos | code | gtin | description | qty | unit | qty_unit | price | amount
    title: str
    width: float
    align: str = "left"


@dataclass
class TableStyle:
    size: float = 10
    font: str = "sans"
    header_font: str = "bold"
    ruled: bool = False  # a full grid
    header_rule: bool = True  # a rule under the headings (borderless tables)
    shade: float | None = None  # grey level behind the headings
    money_symbol: bool = False  # currency symbol in price and amount cells
    qty_places: int = 0
    upper: bool = False  # descriptions in capitals (dot-matrix)
    row_pad: float = 4
    sublines: Callable[[LineSpec], list[str]] | None = None  # extra lines under a row (ERP)
    mono_rules: str | None = None  # a character drawn as rule lines in monospaced listings


@dataclass
class PageBreak:
    """What to draw when the table runs off a page; returns the y where the table goes on."""

    bottom: float
    carry: Callable[[Pdf, float, Decimal], float] = field(default=lambda pdf, y, s: y)


def cell(spec: OrderSpec, line: LineSpec, key: str, ts: TableStyle) -> str:
    s = spec.style
    if key == "pos":
        return line.line_no
    if key == "code":
        return line.code
    if key == "gtin":
        return line.gtin or line.product.gtin
    if key == "description":
        return line.description.upper() if ts.upper else line.description
    if key == "qty":
        return s.quantity(line.quantity, ts.qty_places)
    if key == "unit":
        return s.unit(line.product.unit)
    if key == "qty_unit":
        return f"{s.quantity(line.quantity, ts.qty_places)} {s.unit(line.product.unit)}"
    if key == "price":
        return s.money(line.unit_price, s.price_places, symbol=ts.money_symbol)
    if key == "amount":
        return s.money(line.amount, 2, symbol=ts.money_symbol)
    raise ValueError(key)


def _place(pdf: Pdf, col: Column, x: float, y: float, text: str, ts: TableStyle, font: str) -> None:
    if col.align == "right":
        pdf.text(x + col.width - 4, y, text, ts.size, font, "right")
    elif col.align == "center":
        pdf.text(x + col.width / 2, y, text, ts.size, font, "center")
    else:
        pdf.text(x + 4, y, text, ts.size, font)


def headings(pdf: Pdf, columns: list[Column], x: float, y: float, ts: TableStyle) -> float:
    """The heading row; headings too wide for their column wrap onto a second line."""
    step = ts.size + 3
    total = sum(c.width for c in columns)
    wrapped = [pdf.wrap(c.title, c.width - 6, ts.size, ts.header_font) or [""] for c in columns]
    height = step * max(len(w) for w in wrapped) + ts.row_pad * 2
    if ts.shade is not None:
        pdf.rect(x, y, total, height, 0.6 if ts.ruled else 0, fill=ts.shade)
    cx = x
    for col, lines in zip(columns, wrapped, strict=True):
        for i, text in enumerate(lines):
            _place(pdf, col, cx, y + ts.row_pad + ts.size + i * step - 2, text, ts, ts.header_font)
        cx += col.width
    if ts.ruled:
        pdf.line(x, y, x + total, y)
    y += height
    if ts.ruled or ts.header_rule:
        pdf.line(x, y, x + total, y, 0.8)
    if ts.mono_rules:
        pdf.text(
            x,
            y + ts.size - 2,
            ts.mono_rules * int(total / pdf.width_of("-", ts.size, ts.font)),
            ts.size,
            ts.font,
        )
        y += ts.size + 2
    return y


def _verticals(pdf: Pdf, columns: list[Column], x: float, top: float, bottom: float) -> None:
    cx = x
    for col in columns:
        pdf.line(cx, top, cx, bottom)
        cx += col.width
    pdf.line(cx, top, cx, bottom)


def fit(pdf: Pdf, spec: OrderSpec, columns: list[Column], ts: TableStyle) -> list[Column]:
    """Widen columns whose cells or heading words would not fit; the description gives up the room."""
    total = sum(c.width for c in columns)
    out = []
    for col in columns:
        if col.key == "description":
            out.append(col)
            continue
        texts = [cell(spec, line, col.key, ts) for line in spec.lines]
        need = max(pdf.width_of(text, ts.size, ts.font) for text in texts) + 12
        longest_word = max(pdf.width_of(w, ts.size, ts.header_font) for w in col.title.split()) + 12
        out.append(Column(col.key, col.title, max(col.width, need, longest_word), col.align))
    rest = total - sum(c.width for c in out if c.key != "description")
    return [Column(c.key, c.title, max(rest, 110), c.align) if c.key == "description" else c for c in out]


def draw(
    pdf: Pdf,
    spec: OrderSpec,
    columns: list[Column],
    x: float,
    y: float,
    ts: TableStyle,
    brk: PageBreak | None = None,
) -> float:
    """Draw the headings and every line of `spec`; returns the y below the table."""
    columns = fit(pdf, spec, columns, ts)
    step = ts.size + 3
    top = y
    y = headings(pdf, columns, x, y, ts)
    running = Decimal("0.00")
    for line in spec.lines:
        texts = {c.key: cell(spec, line, c.key, ts) for c in columns}
        desc_col = next((c for c in columns if c.key == "description"), None)
        desc = (
            pdf.wrap(texts.get("description", ""), desc_col.width - 8, ts.size, ts.font) if desc_col else []
        )
        subs = ts.sublines(line) if ts.sublines else []
        height = step * (max(1, len(desc)) + len(subs)) + ts.row_pad * 2 - 3
        if brk is not None and y + height > brk.bottom:
            if ts.ruled:
                _verticals(pdf, columns, x, top, y)
            y = brk.carry(pdf, y, running)
            top = y
            y = headings(pdf, columns, x, y, ts)
        base = y + ts.row_pad + ts.size - 1
        cx = x
        for col in columns:
            if col.key == "description":
                for i, text in enumerate(desc):
                    _place(pdf, col, cx, base + i * step, text, ts, ts.font)
                for j, text in enumerate(subs):
                    _place(pdf, col, cx, base + (len(desc) + j) * step, text, ts, ts.font)
            else:
                _place(pdf, col, cx, base, texts[col.key], ts, ts.font)
            cx += col.width
        y += height
        running += line.amount
        if ts.ruled:
            pdf.line(x, y, x + sum(c.width for c in columns), y)
    if ts.ruled:
        _verticals(pdf, columns, x, top, y)
    return y
