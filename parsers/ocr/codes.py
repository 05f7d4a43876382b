"""Item codes of a normal-resolution fax read again: at 98 rows an inch OCR misreads codes several
times as often as on a fine fax ("TOR-MA-40", "CUA-TNA:y"), so a code read with less than 0.9
confidence (not a number such as a GTIN) is cut from the page and read again alone (`--psm 7`,
upscaled; once with any character, once with capitals, digits and the marks codes print).  What the
re-reads say, and what each may have been a slip or two away (parsers.layout.codes.misreadings, as for
the code as read), only joins the line's other readings of its code (`CapturedLine.code_readings`):
resolution tries those when the code as read names no product, takes one only when it is the one
product they name, and the line's description must name it too (validation.resolve).  A re-read never
changes the code as read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder
from parsers.layout.codes import misreadings
from parsers.ocr.cutouts import Cell, ReadCells, cell_options, cut_out
from parsers.ocr.engine import OcrOptions, normal_fax
from parsers.ocr.images import PageImage

# a code read with less confidence than this is read again: above validation's floor (0.8), since on
# normal faxes codes read 0.8-0.9 were misread nearly as often as those under it (tuning seeds 95001 and
# 96001: 26 of 88 not as printed, against 60 of 140 under 0.8, 21 of 99 from 0.9), and a re-read only
# adds readings that resolution tries when the code as read names no product
UNSURE = 0.9
# what codes print besides letters and digits; without "-" and "/" a code's hyphens come back as digits
CODE_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./"
EDGES = "|¦[]{}\"'“”‘’«»`.,:;_~*()"  # a box rule, a speck or a bracket beside the code when cut out alone
MIN_LENGTH = 3


def ways_to_read(read_pages: Callable[..., list[PageWords]], page: OcrOptions) -> list[ReadCells]:
    """The two ways a code cell is read with an engine's `read_pages`: upscaled, one line, any
    character; then only the characters codes print."""
    return [
        partial(read_pages, options=cell_options(page, whitelist=whitelist))
        for whitelist in ("", CODE_WHITELIST)
    ]


def unsure_codes(orders: Sequence[CapturedOrder], images: Sequence[PageImage]) -> list[tuple[int, int, Cell]]:
    """(order, line, cell) for each item code read unsure on a normal-resolution page."""
    normal = {i.number for i in images if normal_fax(i)}
    out = []
    for n, order in enumerate(orders):
        for i, line in enumerate(order.lines):
            path = f"lines[{i}].item_code"
            found = order.evidence_for(path)
            if not line.item_code or found is None or found.confidence >= UNSURE or _numeric(line.item_code):
                continue
            where = found.provenance
            if where.page in normal and where.box is not None:
                out.append((n, i, Cell(path, where.page, where.box)))
    return out


def reread_codes(
    orders: Sequence[CapturedOrder],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    reads: Sequence[ReadCells],
) -> list[CapturedOrder]:
    """`orders` with what each unsure code on a normal fax page reads as again, each way in `reads`,
    added to its line's other readings of the code (module docstring)."""
    wanted = unsure_codes(orders, images)
    if not wanted:
        return list(orders)
    crops = cut_out([cell for _, _, cell in wanted], images, pages)
    said = [read(crops) for read in reads]
    out = list(orders)
    for k, (n, i, _) in enumerate(wanted):
        line = out[n].lines[i]
        texts = ["".join(w.text for w in sorted(again[k].words, key=lambda w: w.x0)) for again in said]
        said_again = [
            t
            for t in (_bare(text) for text in texts)
            if len(t) >= MIN_LENGTH and t != line.item_code and not _numeric(t)
        ]
        # what each re-read says, then what it may have been, one or two slips away, as for the code read
        added = [*said_again, *(m for t in said_again for m in misreadings(t))]
        readings = tuple(dict.fromkeys([*added, *line.code_readings]))
        if readings == line.code_readings:
            continue
        lines = list(out[n].lines)
        lines[i] = replace(line, code_readings=readings)
        out[n] = replace(out[n], lines=tuple(lines))
    return out


def _numeric(code: str) -> bool:
    """A code mostly of digits (a GTIN, a number): one digit from it are the GTINs of other products of
    the same maker, so its misreadings would name several products and leave the line unresolved where
    the code as read alone resolved it (seed 68001: "g437000100102" re-read "8437000100107")."""
    return sum(c.isdigit() for c in code) > sum(c.isalpha() for c in code)


def _bare(text: str) -> str:
    return text.strip().strip(EDGES)
