"""A document's pages as orders: copies of a page left out, and the pages split into orders where a
page starts its own table under a clearly different order number."""

from __future__ import annotations

from collections import Counter

from parsers.layout import header_choice, labels
from parsers.layout.geometry import Page
from parsers.layout.header import Candidate
from parsers.layout.table import Region
from parsers.layout.text import has_digit
from parsers.layout.vocab import CARRIED

SAME_PAGE = 0.9  # share of a page's lines found on an earlier page that makes it a copy of that page
MIN_COPY_LINES = 3  # a page with fewer lines with numbers (a cover note) is never taken for a copy


def without_copies(pages: list[Page]) -> list[Page]:
    """The pages without those that repeat an earlier page: an invoice or order printed as "original"
    and "duplicate" (or three identical copies) in one file holds its lines once.  A copy has the
    same lines with numbers (rows, dates, totals) and nearly all the same words."""
    kept: list[Page] = []
    seen: list[tuple[Counter[str], Counter[str]]] = []
    for page in pages:
        texts = [line.text for line in page.lines if line.kind == "text"]
        numbered = Counter(t for t in texts if has_digit(t))
        words = Counter(w for t in texts for w in t.split())
        copy = sum(numbered.values()) >= MIN_COPY_LINES and any(
            _share(numbered, lines) >= SAME_PAGE and _share(words, earlier) >= SAME_PAGE
            for lines, earlier in seen
        )
        if not copy:
            kept.append(page)
            seen.append((numbered, words))
    return kept


def _share(a: Counter[str], b: Counter[str]) -> float:
    return sum((a & b).values()) / max(sum(a.values()), sum(b.values()), 1)


def groups(pages: list[Page], seen: list[list[Candidate]], headed: set[int]) -> list[list[int]]:
    """Pages split into orders: a page with its own table heading (`headed`; not one after a page whose
    table ended with a carried-forward subtotal) and a clearly different order number starts a new
    order; any other page continues the one before, whatever OCR made of either order number."""
    groups: list[list[int]] = []
    current: str | None = None
    for i, found in enumerate(seen):
        po = header_choice.choose(found, "po_number")
        value = str(po.value) if po is not None else None
        other = (
            value is not None and current is not None and _apart(value, current) and pages[i].number in headed
        )
        if not groups or other:
            groups.append([i])
            current = value
        else:
            groups[-1].append(i)
            current = current or value
    return groups


def carried_over(pages: list[Page], regions: list[Region]) -> set[int]:
    """The numbers of the pages an order runs on to, by what the pages print outside their tables: a
    carried-forward sum under a page's table ("Total c/f 3.016,40") sends the order on to the next page;
    one above a page's table ("Brought forward", "Order no. … (continued)") says the page goes on with
    the order before.  Either holds when OCR read the order number differently on the two pages, or
    took the last rows' words for the end of the table before the sum was reached."""
    out: set[int] = set()
    for page in pages:
        tables = [r for r in regions if r.page == page.number and r.heading]
        if not tables:
            continue
        top, bottom = min(r.heading[0].y0 for r in tables), max(r.heading[-1].y1 for r in tables)
        inside = {id(line) for r in tables for line in (*r.heading, *r.lines)}
        for line in page.lines:
            if line.kind != "text" or id(line) in inside or not labels.contains(line.toks, CARRIED):
                continue
            if line.y1 <= top:
                out.add(page.number)
            elif line.y0 >= bottom:
                out.add(page.number + 1)
    return out


def _apart(a: str, b: str) -> bool:
    """More than two characters differ: not one order number misread."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = row
    return previous[-1] > 2
