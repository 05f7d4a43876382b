"""Composing a drawn order on pages: the top of the first page in the look's header placement, the
table with carried totals over page breaks, totals, notes, signature and footers."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from samples.orders_gen.drawn import grid, parts
from samples.orders_gen.drawn.doc import Doc
from samples.orders_gen.facts import Facts, prose_language
from samples.orders_gen.look import Look, Printer
from samples.orders_gen.master import SUPPLIER
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.words import Labels

CONTINUED = {"es": "continuación", "en": "continued", "pt": "continuação", "fr": "suite"}
CONTINUED |= {"de": "Fortsetzung", "it": "segue"}


def _title(doc: Doc, y: float, *, right: bool) -> float:
    size = doc.look.size + 7
    if right:
        doc.text(doc.right, y, doc.words["title"], size, bold=True, align="right")
    else:
        doc.text(doc.left, y, doc.words["title"], size, bold=True)
    return y + size + 8


def _window(doc: Doc) -> float:
    """SAP-style: buyer at the top right, our address in the envelope window, facts beside it."""
    c, size = doc.facts.customer, doc.look.size
    doc.text(doc.right, 52, c.name, size + 4, bold=True, align="right")
    for i, text in enumerate(parts.ids_lines(doc)):
        doc.text(doc.right, 66 + i * (size + 1), text, size - 1.5, align="right")
    doc.text(doc.left, 118, f"{c.name} · {c.street} · {c.postal_code} {c.city}", 6.5)
    doc.pdf.line(doc.left, 121, doc.left + 240, 121, 0.3)
    for i, text in enumerate(parts.supplier_lines()):
        doc.text(doc.left, 136 + i * (size + 3), text, size)
    x = doc.left + doc.width * 0.56
    doc.text(x, 118, f"{doc.words['title']} {doc.facts.po_number}", size + 2, bold=True)
    y = parts.pairs_beside(doc, x, 134, parts.header_pairs(doc))
    return parts.parties(doc, max(y, 200), supplier=False)


def _letter(doc: Doc, y: float) -> float:
    y = parts.letterhead(doc, y)
    y = parts.block(doc, doc.words["supplier"], parts.supplier_lines(), doc.left, y + 6, False, 200)
    y = parts.letter_opening(doc, y)
    return parts.parties(doc, y, supplier=False)


def top(doc: Doc) -> float:
    """The first page down to the table."""
    header, y = doc.look.header, 50.0
    if header == "window":
        return _window(doc)
    if header == "letter":
        return _letter(doc, y)
    pairs = parts.header_pairs(doc)
    if header == "cells":
        doc.text(doc.left, y, doc.facts.customer.name, doc.look.size + 3, bold=True)
        y = _title(doc, y + 20, right=False)
        y = parts.grid(doc, doc.left, y, pairs, shade=0.95)
        return parts.parties(doc, y)
    y = parts.letterhead(doc, y)
    if doc.look.letterhead in ("centre", "right") or header == "pairs_left":
        y = _title(doc, y + 4, right=False)  # under the letterhead, which may hold the top right
    else:
        _title(doc, 56, right=True)
    if header == "pairs_right":
        y = max(y, parts.pairs_beside(doc, doc.left + doc.width * 0.58, max(y, 82), pairs))
    elif header == "grid":
        y = max(y, parts.grid(doc, doc.left + doc.width * 0.55, max(y, 72), pairs))
    elif header == "boxes_above":
        y = parts.boxes_above(doc, doc.left, y, doc.width, pairs)
    else:  # pairs_left: the title under the letterhead, the fields under the title
        y = parts.pairs_beside(doc, doc.left, y, pairs)
    return parts.parties(doc, y)


def _on_break(doc: Doc, bottom: float) -> Callable[[float, Decimal], float]:
    def carry(y: float, running: Decimal) -> float:
        w, size = doc.words, doc.look.size
        label_x = doc.right - 230
        doc.text(label_x, min(y + 16, bottom + 24), w["carried"], size, bold=True)
        doc.text(
            doc.right - 4,
            min(y + 16, bottom + 24),
            doc.printer.money(running),
            size,
            bold=True,
            align="right",
        )
        doc.carried.append((doc.page, running))
        parts.footer(doc)
        doc.pdf.new_page()
        doc.page += 1
        cont = CONTINUED[doc.look.label_language]
        doc.text(
            doc.left,
            44,
            f"{doc.facts.customer.name} – {doc.label('po')} {doc.facts.po_number} ({cont})",
            size,
        )
        doc.text(label_x, 68, w["brought"], size, bold=True)
        doc.text(doc.right - 4, 68, doc.printer.money(running), size, bold=True, align="right")
        return 82.0

    return carry


def _compose(facts: Facts, look: Look, seed: str, pages: int) -> tuple[bytes, Doc]:
    rng = random.Random(f"look:{seed}")
    pdf = Pdf(look.page_size, facts.po_number)
    words = Labels(rng, look.label_language, look.upper_labels)
    doc = Doc(
        pdf, facts, look, words, Printer(look, facts.currency), rng, pages, left=rng.choice((36, 42, 50))
    )
    y = top(doc)
    if look.intro and look.header != "letter":
        y = parts.paragraph(doc, _intro(doc), y)
    bottom = pdf.height - 72
    y = grid.draw(doc, y + 4, bottom, _on_break(doc, bottom))
    if y > pdf.height - 190:  # no room left for totals and signature: they go overleaf
        parts.footer(doc)
        pdf.new_page()
        doc.page += 1
        y = 60.0
    y = parts.totals(doc, y + 16, doc.right - 230, doc.right - 4)
    y = parts.notes(doc, y)
    parts.closing(doc, y)
    parts.footer(doc)
    return pdf.finish(), doc


def _intro(doc: Doc) -> str:
    lang = prose_language(doc.facts.language)
    if lang == "es":
        name = SUPPLIER["name"]
        return f"Les rogamos suministren a {name} los artículos siguientes en las condiciones acordadas."
    return "Please supply the following goods at the agreed prices and confirm this order by return."


def render(facts: Facts, look: Look, seed: str) -> tuple[bytes, list[tuple[int, Decimal]]]:
    """The PDF and the carried-forward totals (page, running net); drawn twice to print "page n of N"."""
    _, first = _compose(facts, look, seed, 0)
    content, doc = _compose(facts, look, seed, first.page)
    if doc.page != first.page:
        raise AssertionError("page count changed between passes")
    return content, doc.carried
