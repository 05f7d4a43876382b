"""Address blocks: the lines under (or after) a label such as "Ship to", and reading them into name,
street, postal code, city and country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.layout import labels
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.text import fold
from parsers.layout.vocab import HEADER_LABELS

_ES_POSTAL = re.compile(r"^(?P<postal>\d{5})\s+(?P<city>\D.*)$")
_UK_POSTAL = re.compile(r"\b(?P<postal>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b")
COUNTRIES = {
    "espana": "ES", "spain": "ES", "es": "ES", "reino unido": "GB", "united kingdom": "GB", "uk": "GB",
    "gb": "GB", "england": "GB", "great britain": "GB", "portugal": "PT", "francia": "FR", "france": "FR",
    "alemania": "DE", "germany": "DE", "italia": "IT", "italy": "IT",
}  # fmt: skip


@dataclass
class Address:
    name: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None


def _postal(text: str) -> tuple[str, str, str] | None:
    """(postal code, city, country) when `text` is a postal-code line: "28013 Madrid", "London N1 7GR"."""
    m = _ES_POSTAL.match(text.strip())
    if m:
        return m["postal"], m["city"].strip(" ,"), "ES"
    m = _UK_POSTAL.search(text)
    if m:
        city = (text[: m.start()] + text[m.end() :]).strip(" ,")
        return m["postal"], city, "GB"
    return None


def parse(parts: list[str], language: str | None) -> Address:
    """Name first, street after it, then the postal-code line and perhaps a country."""
    parts = [p.strip(" ,") for p in parts if p.strip(" ,")]
    out = Address()
    if not parts:
        return out
    out.name = parts[0]
    rest = parts[1:]
    for i, text in enumerate(rest):
        country = COUNTRIES.get(fold(text).strip(" ."))
        if country and i > 0:
            out.country = country
            continue
        found = _postal(text)
        if found is None or out.postal_code:
            continue
        out.postal_code, city, guess = found
        before = rest[:i]
        if not city and len(before) >= 2:  # "London" on its own line above the postcode
            city, before = before[-1], before[:-1]
        out.city = city or None
        out.street = ", ".join(before) or None
        if guess == "GB" or language == "es":
            out.country = out.country or guess
    if out.postal_code is None and len(rest) >= 1:
        out.street = rest[0]
        out.city = rest[1] if len(rest) > 1 else None
    return out


def split_one_line(text: str) -> list[str]:
    """ "Name, street, 28031 Madrid" or "Name · street · 28031 Madrid" as separate parts."""
    return [p for p in re.split(r"\s*[,·|]\s+|\s+[·|]\s*", text) if p]


def block_below(page: Page, line: Line, x0: float, *, limit: int = 6) -> list[Line]:
    """The phrases starting near `x0` on the lines under `line`, until a gap, a label or `limit` lines."""
    out: list[Line] = []
    index = page.lines.index(line)
    last = line
    for below in page.lines[index + 1 :]:
        if below.kind != "text" or below.y0 - last.y1 > 1.2 * max(last.height, below.height):
            break
        phrase = next((p for p in below.phrases() if abs(p.x0 - x0) <= 1.5 * below.height), None)
        if phrase is None:
            if any(p.x0 < x0 - 1.5 * below.height < p.x1 for p in below.phrases()):
                break  # text running across the column: the block is over
            continue
        if labels.starts_with(phrase.toks, HEADER_LABELS) is not None:
            break
        out.append(phrase)
        last = below
        if len(out) >= limit:
            break
    return out


def block_toks(lines: list[Line]) -> list[Tok]:
    return [t for line in lines for t in line.toks]
