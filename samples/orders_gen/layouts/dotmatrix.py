"""Layout (d): a monospaced dot-matrix listing: fixed columns of spaces, rules of dashes, dot leaders."""

from __future__ import annotations

import random
import textwrap

from samples.orders_gen.blocks import BUYERS, Labels, id_pair, one_line_address, supplier_lines
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import OrderSpec
from samples.orders_gen.style import Style

SIZE = 9.5
WIDTH = 88  # characters per line
COLS = (
    ("code", 14, "l"),
    ("description", 32, "l"),
    ("qty", 9, "r"),
    ("unit", 6, "l"),
    ("price", 11, "r"),
    ("amount", 12, "r"),
)


def _leader(key: str, value: str, width: int = 16) -> str:
    return f"{key.upper()} ".ljust(width, ".") + f": {value}"


def _row(cells: dict[str, str]) -> str:
    out = []
    for key, width, align in COLS:
        text = cells.get(key, "")
        out.append(text.rjust(width) if align == "r" else text.ljust(width))
    return "  ".join(out).rstrip()


def render(spec: OrderSpec, rng: random.Random) -> bytes:
    words = Labels.choose(rng, spec.language)
    s: Style = spec.style
    if rng.random() < 0.5:
        s = Style(**{**s.__dict__, "date_format": "dmy_dot_short"})
    pdf = Pdf(spec.page_size, spec.po_number, blank_pages=spec.extras.get("blank_pages", 0))
    c = spec.customer
    left_lines = [c.name.upper(), c.street.upper(), f"{c.postal_code} {c.city}".upper(), f"TEL/FAX {c.fax}"]
    right_lines = [
        words["title"],
        _leader(words["po"], spec.po_number),
        _leader(words["date"], s.date(spec.order_date)),
        _leader(words["delivery"], s.date(spec.delivery_date)),
        _leader(*id_pair(spec, words)),
    ]
    lines: list[str] = []
    for i in range(max(len(left_lines), len(right_lines))):
        a = left_lines[i] if i < len(left_lines) else ""
        b = right_lines[i] if i < len(right_lines) else ""
        lines.append(a.ljust(WIDTH - 40) + b)
    lines += ["", f"{words['supplier'].rstrip(':').upper()}: {supplier_lines()[0].upper()}"]
    lines += [f"{words['ship_to'].upper()}: {one_line_address(spec.ship_to)}", ""]
    lines.append("=" * WIDTH)
    heads = {k: words[k].upper() for k in ("code", "description", "qty", "unit", "price", "amount")}
    lines += [_row(heads), "-" * WIDTH]
    for line in spec.lines:
        desc = textwrap.wrap(line.description.upper(), 32)
        cells = {
            "code": line.code,
            "description": desc[0],
            "qty": s.quantity(line.quantity),
            "unit": s.unit(line.product.unit).upper(),
            "price": s.number(line.unit_price, max(s.price_places, 3)),
            "amount": s.number(line.amount),
        }
        lines.append(_row(cells))
        lines += [_row({"description": more}) for more in desc[1:]]
    lines.append("-" * WIDTH)
    total_key = f"{words['total'].upper()} (EUR)"
    lines.append(" " * 40 + _leader(total_key, s.number(spec.shown_total).rjust(14), 28))
    lines += ["", ""]
    name = BUYERS[c.customer_id][0]
    lines += [("FIRMADO: " if spec.language == "es" else "SIGNED: ") + name.upper()]
    y = 48.0
    for text in lines:
        pdf.text(42, y, text, SIZE, "mono")
        y += SIZE + 3.5
    pdf.text(42, pdf.height - 30, f"{words['page'].upper()} 1", SIZE, "mono")
    return pdf.finish()
