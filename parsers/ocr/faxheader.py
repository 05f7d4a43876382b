"""The fax header line: the strip the sending machine prints at the top of each page.

It reads like "26/11/2026 10:15  FROM +34 912 345 678  TO +34 915 550 100  P.001/002".  We take the
sending number from it when the fax server told us none, and hand the layout reader the page without
it (it is the machine's line, not the customer's document).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from core.capture.domain.layout import PageWords, Word

TOP_STRIP = 0.06  # the header sits in the top 6% of the page
FIELD_GAP = 1.6  # a gap wider than this many characters parts two fields of the header
# Labels for the sending and the receiving number, as machines print them in several languages.
_FROM = r"(?:FROM|FRQM|FR0M|\[ROM|FROH|DE|DESDE|VON|DA|FM|FAX\s*DE|REMITENTE)"
_TO = r"(?:TO|T0|A|PARA|AN|DEST)"
# Letters OCR reads for digits in a low-resolution header line ("/" for a thin 7: a T.30 station id
# holds only digits, "+" and spaces).
_LOOKALIKE = str.maketrans("OoDlIL|SsBbGZzgq/", "00011115586622997")
_DIGITISH = "0-9OoDlIL|SsBbGZzgq"
# A number with its separators and the specks a fax line leaves between digits ("345°678").
_NOISE = r"°'’`,·*:;~\"^"
_NUMBER = rf"(\+?[{_DIGITISH}][{_DIGITISH} \-/().{_NOISE}]{{5,24}}[{_DIGITISH}])"
_FROM_NUMBER = re.compile(rf"(?<![A-Za-z]){_FROM}\s*[:.]?\s*{_NUMBER}", re.IGNORECASE)
_TO_NUMBER = re.compile(rf"(?<![A-Za-z]){_TO}\s*[:.]?\s*{_NUMBER}", re.IGNORECASE)
_PAGE = re.compile(r"\b(?:P|PAG|PAGE|PÁG|S|SEITE)\s*\.?\s*\d{1,3}\s*/\s*\d{1,3}\b", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_PHONE = re.compile(rf"\+?\d[\d \-/().{_NOISE}]{{7,22}}\d")


@dataclass(frozen=True)
class FaxHeader:
    """What a header line says: its text, the sending number (as printed) and the words it took."""

    text: str
    sender: str | None
    words: tuple[Word, ...]


def _digits(candidate: str) -> str | None:
    cleaned = re.sub(f"[{_NOISE}]", " ", candidate.translate(_LOOKALIKE))
    cleaned = " ".join(cleaned.split())
    count = sum(c.isdigit() for c in cleaned)
    return cleaned if 7 <= count <= 15 else None


def sender_in(text: str) -> str | None:
    """The sending number in a header line's text, or None."""
    match = _FROM_NUMBER.search(text)
    if match:
        return _digits(match.group(1))
    # No label: the first phone-like run that is neither the date, the time, the page nor "TO ...".
    rest = _TO_NUMBER.sub(" ", text)
    rest = _PAGE.sub(" ", _TIME.sub(" ", _DATE.sub(" ", rest)))
    found = _PHONE.search(rest)
    return _digits(found.group(0)) if found else None


def _looks_like_header(text: str) -> bool:
    """A machine's header carries at least two of: a date, a time, a page marker, a FROM/TO number."""
    signs = (
        bool(_DATE.search(text)),
        bool(_TIME.search(text)),
        bool(_PAGE.search(text)),
        bool(_FROM_NUMBER.search(text) or _TO_NUMBER.search(text)),
    )
    return sum(signs) >= 2


def _top_lines(page: PageWords) -> list[list[Word]]:
    """The words in the top strip grouped into lines by vertical overlap; specks left out."""
    limit = page.height * TOP_STRIP
    top = [w for w in page.words if w.cy <= limit]
    if not top:
        return []
    heights = sorted(w.y1 - w.y0 for w in top)
    typical = heights[len(heights) // 2]
    words = sorted((w for w in top if w.y1 - w.y0 >= typical * 0.5), key=lambda w: w.cy)
    lines: list[tuple[float, float, list[Word]]] = []  # (top, bottom, words)
    for word in words:
        for k, (y0, y1, members) in enumerate(lines):
            overlap = min(y1, word.y1) - max(y0, word.y0)
            if overlap >= 0.5 * min(y1 - y0, word.y1 - word.y0):
                members.append(word)
                lines[k] = (min(y0, word.y0), max(y1, word.y1), members)
                break
        else:
            lines.append((word.y0, word.y1, [word]))
    return [sorted(members, key=lambda w: w.x0) for _, _, members in lines]


def line_text(words: Sequence[Word]) -> str:
    """The line's words joined by a space, or by a tab where the gap is wide enough to part two fields
    (machines print the fields of the header apart), so a number never runs into the next field."""
    widths = sorted((w.x1 - w.x0) / max(1, len(w.text)) for w in words)
    char = widths[len(widths) // 2] if widths else 0.0
    out = words[0].text if words else ""
    for before, word in pairwise(words):
        out += ("\t" if word.x0 - before.x1 > FIELD_GAP * char else " ") + word.text
    return out


def find_header(page: PageWords) -> FaxHeader | None:
    """The fax header line of a page, if the page has one."""
    for line in _top_lines(page):
        text = line_text(line)
        if _looks_like_header(text):
            return FaxHeader(text=text.replace("\t", "  "), sender=sender_in(text), words=tuple(line))
    return None


def strip_headers(pages: Sequence[PageWords]) -> tuple[list[PageWords], str | None]:
    """The pages without their header lines, and the sending number the first header gives."""
    out: list[PageWords] = []
    sender: str | None = None
    for page in pages:
        header = find_header(page)
        if header is None:
            out.append(page)
            continue
        sender = sender or header.sender
        taken = {id(w) for w in header.words}
        out.append(replace(page, words=tuple(w for w in page.words if id(w) not in taken)))
    return out, sender
