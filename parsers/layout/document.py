"""Facts about the document as a whole, beside its order fields: what kind of document it is (by its
title), the strong identifiers it prints (with the party block they stand in), and the fields it
shows by their label but whose value could not be read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.capture.domain.order import DocumentKind, Identifier, Provenance, UnreadField
from parsers.layout import identifiers
from parsers.layout.geometry import Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.kind import document_kind
from parsers.layout.rows import Draft

TITLE_BAND = 0.35  # the top of the first page, where a document says what it is
# header fields whose label, seen with no readable value, must be named (field name -> order path)
SHOWN_FIELDS = {
    "po_number": "po_number",
    "order_date": "order_date",
    "delivery_date": "requested_delivery_date",
}


def kind(pages: Sequence[Page]) -> DocumentKind:
    """The kind the first page's title names; an order when it names none (what the inbox expects)."""
    if not pages:
        return DocumentKind.ORDER
    first = pages[0]
    titles = [
        (phrase.text, phrase.height)
        for line in first.lines
        if line.kind in ("text", "fax") and line.y0 <= first.height * TITLE_BAND
        for phrase in line.phrases()
    ]
    return document_kind(titles) or DocumentKind.ORDER


def box(toks: Sequence[Tok]) -> Provenance:
    """Where the words stand: their page and the box around them in page pixels, and the text."""
    if not toks:
        return Provenance()
    page = toks[0].page
    words = [t.word for t in toks if t.page == page]
    return Provenance(
        page=page,
        box=(
            min(w.x0 for w in words),
            min(w.y0 for w in words),
            max(w.x1 for w in words),
            max(w.y1 for w in words),
        ),
        raw=" ".join(t.text for t in toks),
    )


def printed_identifiers(pages: Sequence[Page], blocks: Mapping[str, Sequence[Tok]]) -> tuple[Identifier, ...]:
    """Every strong identifier on the pages; those printed inside a party's block carry its role."""
    owner = {id(t): role for role, toks in blocks.items() for t in toks}
    found: list[Identifier] = []
    for page in pages:
        for line in page.lines:
            if line.kind == "fax":
                continue  # the fax machine's header line names the sending machine, read elsewhere
            roles = {owner[id(t)] for t in line.toks if id(t) in owner}
            role = roles.pop() if len(roles) == 1 else None
            found += identifiers.in_text(line.text, box(line.toks), role)
    return identifiers.unique(found)


def unread_rows(drafts: Sequence[Draft]) -> tuple[UnreadField, ...]:
    """Rows in a table shaped like an order line that were not read as one: each named by its text."""
    return tuple(
        UnreadField("lines", " ".join(t.text for t in toks), box(toks)) for d in drafts for toks in d.strays
    )


def unread_fields(found: Sequence[Candidate], read: Mapping[str, object]) -> tuple[UnreadField, ...]:
    """The fields the document labels but whose value could not be read: a label with words after or
    under it that are no value of that field, for each field that was not read elsewhere."""
    out: list[UnreadField] = []
    for name, path in SHOWN_FIELDS.items():
        if read.get(name) is not None:
            continue
        seen = next((c for c in found if c.name == name and c.value is None and c.toks), None)
        if seen is not None:
            label = " ".join(t.text for t in seen.label)
            out.append(UnreadField(path, label, box(seen.label + seen.toks)))
    return tuple(out)
