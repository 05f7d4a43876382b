"""Totals, tax amounts and carried-forward subtotals as a page prints them: beside their label on one
line, in a row of boxes under their labels, or brought forward from an earlier page."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from parsers.layout import labels, total_labels
from parsers.layout.geometry import Line, Page, join_groups
from parsers.layout.numbers import looks_numeric, readings
from parsers.layout.total_figures import (
    before_junk,
    cent_parted,
    colon_turned,
    last_number,
    sign_specked,
    specks_glued,
)
from parsers.layout.totals import PREFERENCE, Seen
from parsers.layout.vocab import CARRIED, TOTALS

MIN_BOXES = 2  # total labels in one row that make it a row of boxes
BOX_GAP = 2.2  # text heights between a row of total labels and its amounts


def seen_in(pages: list[Page], skip: set[int]) -> list[Seen]:
    out: list[Seen] = []
    for page in pages:
        for i, line in enumerate(page.lines):
            if line.kind != "text" or id(line) in skip:
                continue
            out.extend(_in_line(line) or _in_boxes(page, i))
    return _brought_forward(out)


def _brought_forward(seen: list[Seen]) -> list[Seen]:
    """`seen` with a total whose amount a later page brings forward ("Total cif $1,840,06" at the foot
    of page 1, "Total b/f $1 840,06" heading page 2) taken for the carried subtotal it is: its label's
    "c/f" read as the freight term "cif" or lost, it is the page's subtotal, not the order's total."""
    carried = [s for s in seen if s.kind == "carried" and s.toks]
    return [
        replace(s, kind="carried")
        if s.kind in PREFERENCE and s.toks and any(c.page > s.page and _alike(c, s) for c in carried)
        else s
        for s in seen
    ]


def _alike(a: Seen, b: Seen) -> bool:
    """Whether two amounts read the same under either decimal mark (their cheapest readings)."""
    for mark in (",", "."):
        first = readings(a.toks[-1].text, mark, rules=False)[:1]
        second = readings(b.toks[-1].text, mark, rules=False)[:1]
        if first and second and first[0].value == second[0].value:
            return True
    return False


def _in_boxes(page: Page, index: int) -> list[Seen]:
    """Totals in a row of boxes, their labels over their amounts ("SUBTOTAL  I.V.A.  TOTAL" with the
    amounts on the line below): each label takes the number standing most nearly under it."""
    line = page.lines[index]
    if any(looks_numeric(t.text) for t in line.toks):
        return []
    found = [(hit, p) for p in line.phrases() for hit in labels.find(p.toks, TOTALS) if hit.start == 0]
    if len(found) < MIN_BOXES:
        return []
    rows = [
        (below, [t for t in join_groups(below.toks) if looks_numeric(t.text) and not t.text.endswith("%")])
        for below in page.lines[index + 1 : index + 3]
        if below.y0 - line.y1 <= BOX_GAP * 2 * line.height
    ]
    if not rows:
        return []
    below, numbers = max(rows, key=lambda r: len(r[1]))  # the amounts, not a tax rate between
    out: list[Seen] = []
    for hit, phrase in found if numbers else []:
        nearest = min(numbers, key=lambda t: abs(t.cx - phrase.cx))
        if abs(nearest.cx - phrase.cx) < BOX_GAP * 4 * line.height:
            out.append(Seen(hit.kind, [nearest], page.number, below.cy))
    return out


# "c/f" or "b/f" after "Total" as a fax reads it: its slash read as an i, l, 1 or bar, or as a comma
# (the slash's foot alone left: "Total b,f"), or its c as a cent sign ("Total ¢/f", "Total bif"); never
# "cif", the freight term ("Total CIF")
_GARBLED_CARRIED = re.compile(r"^(?:¢[/il1|!,]|b[il1|!,]|c[l1|!,])f$")


def _carried_end(line: Line) -> int | None:
    """The index just after a carried-forward label on the line ("Suma y sigue", "Total c/f"), or after
    "Total" and a "c/f" or "b/f" a fax garbled in a character ("Total ¢/f", "Total bif", "Total b,f");
    or None."""
    end = labels.end_of(line.toks, CARRIED)
    if end is not None:
        return end
    for a, b in itertools.pairwise(range(len(line.toks))):
        if line.toks[a].key == "total" and _GARBLED_CARRIED.match(line.toks[b].key):
            return b + 1
    return None


def _in_line(line: Line) -> list[Seen]:
    end = _carried_end(line)
    if end is not None:
        # the amount carried stands after its words ("Suma y sigue 1.430,30"); a number before them
        # is another field's ("Order no. 4535140014 (continued)" heading the next page)
        toks = last_number(line.toks[end:])
        return [Seen("carried", toks, line.page, line.cy)] if toks else []
    for phrase in line.phrases():
        hit = labels.starts_with(phrase.toks, TOTALS)
        if hit is None:
            if phrase.toks and total_labels.glued_tax_rate(phrase.toks[0]):
                # "IVA16% 2,253.22": the tax label and its rate one word
                toks = last_number([t for t in line.toks if t.x0 >= phrase.toks[0].x1])
                if toks:
                    return [Seen("tax", toks, line.page, line.cy)]
            continue
        after = [t for t in line.toks if t.x0 >= phrase.toks[hit.end - 1].x1]
        junked = before_junk(after)
        parted = [] if junked else cent_parted(after)
        # a zero parted off ("50836.5 O") leaves the amount read as it was: nothing was mended
        junked = junked or [t for t in parted if not t.text.endswith("0")]
        kind = hit.kind
        if kind == "total" and total_labels.tax_included([t for t in after if not looks_numeric(t.text)]):
            kind = "gross"  # "Total pedido IVA incl.": the total with the tax in it
        # a mark read as a colon, a speck before a total with tax read as a minus, or one glued to the
        # amount as no mark of money ("258.80/£", "<818,69"), changes no figure, yet the amount is
        # read only once it is put back or left out
        turned = (
            []
            if junked or parted
            else colon_turned(after) or sign_specked(after, kind == "gross") or specks_glued(after)
        )
        junked = junked or turned
        toks = junked or parted or last_number(after)
        if toks:
            return [Seen(kind, toks, line.page, line.cy, mended=bool(junked))]
    return []
