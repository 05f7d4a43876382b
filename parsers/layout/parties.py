"""The parties of an order: the blocks under "Ship to", "Supplier", "Buyer" labels, and the buyer's
letterhead (the largest name at the top of the first page) when no label names the buyer."""

from __future__ import annotations

from core.capture.domain.order import Party
from parsers.layout import address, labels
from parsers.layout.address import Address
from parsers.layout.evidence import LIKELY, SURE, Recorder
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.text import has_digit
from parsers.layout.vocab import HEADER_LABELS, TITLE_WORDS

LETTERHEAD_BAND = 0.3  # the top of the first page


def _continued(page: Page, line: Line, toks: list[Tok]) -> list[str]:
    """A one-line address after its label, with the line or two it wraps onto."""
    text = " ".join(t.text for t in toks)
    margin = max(other.x1 for other in page.lines)
    last = line
    for more in address.block_below(page, line, line.x0, limit=2):
        first = more.toks[0]
        if last.x1 + 0.5 * first.h + (first.x1 - first.x0) < margin:
            break  # the next word would have fitted on the line before: not a wrapped line
        if more.cy - last.cy > 1.6 * last.height or not 0.8 < more.height / last.height < 1.25:
            break  # another paragraph or another type size
        text += " " + more.text
        last = more
    return address.split_one_line(text)


def read_block(pages: dict[int, Page], cand: Candidate, language: str | None) -> tuple[Address, list[Tok]]:
    """The address a block candidate points at: on its label's line, or the lines under the label."""
    line = cand.line
    if line is None:
        return Address(), []
    page = pages[line.page]
    if cand.toks:
        parts = _continued(page, line, cand.toks)
        return address.parse(parts, language), cand.toks
    lines = address.block_below(page, line, cand.label[0].x0)
    parts = (
        [p for below in lines for p in address.split_one_line(below.text)]
        if len(lines) == 1
        else [below.text for below in lines]
    )
    return address.parse(parts, language), address.block_toks(lines)


def party(found: Address, party_id: str | None = None) -> Party:
    qualifier = "9" if party_id and party_id.isdigit() and len(party_id) == 13 else None
    return Party(
        party_id=party_id,
        qualifier=qualifier,
        name=found.name,
        street=found.street,
        postal_code=found.postal_code,
        city=found.city,
        country=found.country,
    )


def letterhead(page: Page, skip: set[int], language: str | None) -> tuple[Address, list[Tok]]:
    """The biggest name at the top of the page that is no title, and the address lines aligned with it."""
    best: tuple[float, float, Line, Line] | None = None
    for line in page.lines:
        if line.kind != "text" or id(line) in skip or line.y0 > page.height * LETTERHEAD_BAND:
            continue
        for phrase in line.phrases():
            keys = {t.key for t in phrase.toks if t.key}
            if not keys or keys <= TITLE_WORDS or has_digit(phrase.text) or len(phrase.toks) > 8:
                continue
            if labels.starts_with(phrase.toks, HEADER_LABELS) is not None:
                continue
            if best is None or (phrase.height, -phrase.y0) > (best[0], -best[1]):
                best = (phrase.height, phrase.y0, phrase, line)
    if best is None:
        return Address(), []
    phrase, line = best[2], best[3]
    parts = [phrase.text]
    index = page.lines.index(line)
    for below in page.lines[index + 1 : index + 5]:
        aligned = [
            p
            for p in below.phrases()
            if min(abs(p.x0 - phrase.x0), abs(p.x1 - phrase.x1), abs(p.cx - phrase.cx)) < 3
        ]
        if not aligned or labels.starts_with(aligned[0].toks, HEADER_LABELS) is not None:
            break
        parts += address.split_one_line(aligned[0].text)
    return address.parse(parts, language), phrase.toks


def record(rec: Recorder, path: str, found: Address, toks: list[Tok], labelled: bool) -> None:
    if found.name:
        rec.add(f"{path}.name", toks, SURE if labelled else LIKELY)


# words that make a name a company's ("S.L.", "Lda.", "GmbH"), folded as label keys fold them
_COMPANY_WORDS = frozenset(
    (
        *("sl", "slu", "sa", "sau", "sll", "scp", "cb", "lda", "ltd", "limited", "plc", "gmbh", "ag", "kg"),
        *("inc", "llc", "corp", "co", "srl", "spa", "snc", "sas", "sarl", "bv", "nv", "ab", "oy"),
    )
)
_PERSON_LABELS = frozenset(("comprador", "compradora", "buyer"))


def a_person(cand: Candidate, address: Address) -> bool:
    """Whether a block labelled "Comprador" or "Buyer" holds only a person's name (two to four words of
    letters, no company form, no address): the one who buys, as many order forms print it among the
    header fields, not the customer the order is for."""
    if {t.key for t in cand.label} - _PERSON_LABELS or not address.name:
        return False
    if address.street or address.postal_code or address.city:
        return False
    words = [w.strip(",").replace(".", "") for w in address.name.split()]  # "S.L." is "SL"
    return (
        2 <= len(words) <= 4
        and all(w.isalpha() and w[0].isupper() for w in words)
        and not any(w.casefold() in _COMPANY_WORDS for w in words)
    )
