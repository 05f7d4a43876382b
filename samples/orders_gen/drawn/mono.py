"""A drawn order as a monospaced line-printer listing: columns of spaces, rules of dashes, dot leaders,
capitals, bold by overstriking, pages that carry their running total."""

from __future__ import annotations

import random
import textwrap
from decimal import Decimal

from samples.orders_gen.dates import DELIVERY_PROSE, prose
from samples.orders_gen.drawn import grid, ornaments, parts
from samples.orders_gen.drawn.doc import Doc
from samples.orders_gen.facts import Facts, prose_language
from samples.orders_gen.look import Look, Printer
from samples.orders_gen.master import buyer
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.words import Labels

LIMITS = {"description": 34, "code": 16}


def _leader(key: str, value: str, width: int) -> str:
    return f"{key.rstrip(':')} ".ljust(width, ".") + f": {value}"


class Listing:
    """Lines of fixed-width text laid on pages, with the table's columns measured in characters."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.chars = int(doc.width / (0.6 * doc.look.size))
        self.step = doc.look.size + 3.2
        self.y = 46.0
        self.sep = " " if doc.look.position == "00010" else "  "  # positions run into the codes
        self.cols = self._widths()

    def put(self, text: str, *, bold: bool = False) -> None:
        self.doc.text(self.doc.left, self.y, text, bold=bold)
        self.y += self.step

    def room(self, lines: int) -> bool:
        return bool(self.y + lines * self.step < self.doc.pdf.height - 70)

    def _widths(self) -> list[tuple[str, int, bool]]:
        doc = self.doc
        out = []
        for key in doc.look.columns:
            cells = [grid.cell(doc, line, key) for line in doc.facts.lines]
            width = max([len(grid.title(doc, key)), *(len(c) for c in cells)])
            out.append((key, min(width, LIMITS.get(key, width)), key in grid.RIGHT))
        used = sum(w for k, w, _ in out if k != "description") + len(self.sep) * (len(out) - 1)
        return [(k, max(self.chars - used, 16) if k == "description" else w, r) for k, w, r in out]

    def row(self, cells: dict[str, str]) -> str:
        out = []
        for key, width, right in self.cols:
            text = cells.get(key, "")[:width] if key != "description" else cells.get(key, "")
            out.append(text.rjust(width) if right else text.ljust(width))
        return self.sep.join(out).rstrip()


def _top(doc: Doc, out: Listing) -> None:
    c, w = doc.facts.customer, doc.words
    left = [c.name.upper(), c.street.upper(), f"{c.postal_code} {c.city}".upper(), *parts.ids_lines(doc)]
    right = [w["title"].upper(), *(_leader(k, v, 18) for k, v in parts.header_pairs(doc))]
    half = out.chars - 46
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        out.put(a[: half - 1].ljust(half) + b, bold=i == 0)
    out.put("")
    out.put(f"{w['supplier'].upper()}: {', '.join(parts.supplier_lines()[:3]).upper()}")
    to = doc.facts.ship_to
    out.put(f"{w['ship_to'].upper()}: {to.name}, {to.street}, {to.postal_code} {to.city}".upper())
    out.put("")


def _table(doc: Doc, out: Listing) -> None:
    heads = {key: grid.title(doc, key).upper() for key, _, _ in out.cols}
    desc_width = next((w for k, w, _ in out.cols if k == "description"), 30)

    def headings() -> None:
        out.put("=" * out.chars)
        out.put(out.row(heads), bold=True)
        out.put("-" * out.chars)

    headings()
    running = Decimal("0.00")
    for line in doc.facts.lines:
        cells = {key: grid.cell(doc, line, key) for key, _, _ in out.cols}
        desc = textwrap.wrap(cells.get("description", ""), desc_width) or [""]
        subs = [doc.date(line)] if doc.look.delivery_in == "per_line" and "delivery" not in heads else []
        if not out.room(len(desc) + len(subs) + 3):
            _carry(doc, out, running)
            headings()
        out.put(out.row({**cells, "description": desc[0]}))
        for more in desc[1:]:
            out.put(out.row({"description": more}))
        for text in subs:
            out.put(out.row({"description": f"{doc.words['line_delivery']}: {text}".upper()}))
        running += line.amount
    out.put("-" * out.chars)


def _carry(doc: Doc, out: Listing, running: Decimal) -> None:
    out.put("-" * out.chars)
    out.put(" " * (out.chars - 44) + _leader(doc.words["carried"].upper(), doc.printer.money(running), 26))
    doc.carried.append((doc.page, running))
    parts.footer(doc)
    doc.pdf.new_page()
    doc.page += 1
    out.y = 46.0
    out.put(f"{doc.facts.customer.name.upper()}  {doc.label('po').upper()} {doc.facts.po_number}")
    out.put(" " * (out.chars - 44) + _leader(doc.words["brought"].upper(), doc.printer.money(running), 26))


def _bottom(doc: Doc, out: Listing) -> None:
    f, p, w = doc.facts, doc.printer, doc.words
    code = "" if p.mark() and p.mark() != "$" else f" ({f.currency})"
    rows = [(f"{w['total'].upper()}{code}", p.money(f.total))]
    if doc.look.totals != "net":
        rows = [(f"{w['subtotal'].upper()}{code}", p.money(f.total))]
        rows += [(f"{w['tax'].upper()} {p.number(f.tax_rate, 0)}%", p.money(f.tax))]
        rows += [(f"{w['total_gross'].upper()}{code}", p.money(f.total + f.tax))]
    if not out.room(len(rows) + 8):
        _carry(doc, out, f.total)
    for key, value in rows:
        out.put(" " * (out.chars - 50) + _leader(key, value.rjust(14), 30), bold=key == rows[-1][0])
    out.put("")
    if doc.look.delivery_in in ("prose", "field_prose"):
        lang = prose_language(f.language)
        out.put(prose(doc.rng, DELIVERY_PROSE, lang, d=doc.date()).upper())
    out.put("")
    signed = "FIRMADO" if prose_language(f.language) == "es" else "SIGNED"
    out.put(f"{signed}: {buyer(f.customer.customer_id)[0].upper()}")
    if doc.look.stamp:
        ornaments.stamp(doc, doc.left + 160, out.y - 40)


def render(facts: Facts, look: Look, seed: str) -> tuple[bytes, list[tuple[int, Decimal]]]:
    def compose(pages: int) -> tuple[bytes, Doc]:
        rng = random.Random(f"look:{seed}")
        pdf = Pdf(look.page_size, facts.po_number)
        words = Labels(rng, look.label_language, upper=True)
        doc = Doc(pdf, facts, look, words, Printer(look, facts.currency), rng, pages, left=36)
        out = Listing(doc)
        _top(doc, out)
        _table(doc, out)
        _bottom(doc, out)
        parts.footer(doc)
        return pdf.finish(), doc

    _, first = compose(0)
    content, doc = compose(first.page)
    return content, doc.carried
