"""Facts about the document as a whole, beside its order fields: what kind of document it is (by its
title), the strong identifiers it prints (with the party block they stand in), and the fields it
shows by their label but whose value could not be read."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from core.capture.domain.order import (
    CapturedLine,
    DocumentKind,
    Identifier,
    Provenance,
    UnreadField,
    line_net,
)
from parsers.layout import identifiers, labels
from parsers.layout.dates import find_date
from parsers.layout.geometry import Line, Page, Tok, box_around
from parsers.layout.header import Candidate
from parsers.layout.item_basis import printed_basis
from parsers.layout.kind import document_kind
from parsers.layout.line_sums import pins
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_signs import unreadable_figure
from parsers.layout.rows import Draft
from parsers.layout.text import has_digit
from parsers.layout.vocab import HEADER_LABELS

TITLE_BAND = 0.35  # the top of the first page, where a document says what it is
# header fields whose label, seen with no readable value, must be named (field name -> order path)
OTHER_LABELS = {"other": HEADER_LABELS["other"]}  # labels of dates that are no delivery date
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
        box=box_around(words),
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


def unlabelled_dates(
    pages: Sequence[Page], skip: set[int], known: set[date], *, month_first: bool
) -> tuple[UnreadField, ...]:
    """A date printed after a label of the header ("DÉLAI: 10.12.26", "Termin: 3.12.2026") that is no
    date the order carries: when the order has no delivery date, it may be that date under a label
    the reader does not know. Named, so the order waits for a person rather than flowing on without."""
    for page in pages:
        for line in page.lines:
            if line.kind != "text" or id(line) in skip:
                continue
            for phrase in line.phrases():
                field = _labelled_date(phrase, known, month_first)
                if field is not None:
                    return (field,)
    return ()


def _labelled_date(phrase: Line, known: set[date], month_first: bool) -> UnreadField | None:
    colon = next((i for i, t in enumerate(phrase.toks) if t.text.endswith(":")), None)
    if colon is None:
        return _delivery_in_prose(phrase, known, month_first)
    if colon + 1 >= len(phrase.toks):
        return None
    label = phrase.toks[: colon + 1]
    if labels.starts_with(label, OTHER_LABELS) is not None:
        return None
    after = " ".join(t.text for t in phrase.toks[colon + 1 :])
    found = find_date(after, month_first=month_first)
    if found is None or found.start > 1 or found.value in known:
        return None
    return UnreadField("requested_delivery_date", " ".join(t.text for t in label), box(phrase.toks))


def _delivery_in_prose(phrase: Line, known: set[date], month_first: bool) -> UnreadField | None:
    """A sentence or value holding a date the order carries nowhere ("... en nuestro almacén el
    2026-12-09 como muy tarde"): with no delivery date read, most likely that one."""
    found = find_date(phrase.text, month_first=month_first)
    if found is None or found.value in known:
        return None
    return UnreadField("requested_delivery_date", phrase.text[: found.start].strip(), box(phrase.toks))


def unread_rows(drafts: Sequence[Draft], lines: Sequence[CapturedLine] = ()) -> tuple[UnreadField, ...]:
    """Rows in a table shaped like an order line that were not read as one: each named by its text.
    A row read as its line (`lines`, one a draft) but for an amount whose figures are its quantity times
    its price is none (`amount_closes`), nor is one whose figures read as no number say what the line
    took from them (`figures_agree`)."""
    return tuple(
        UnreadField("lines", " ".join(t.text for t in toks), box(toks))
        for i, d in enumerate(drafts)
        for toks in d.strays
        if not (i < len(lines) and (amount_closes(d, toks, lines[i]) or figures_agree(d, toks, lines[i])))
    )


# a figure printed as money: whole units, a decimal mark and two decimals ("393.75", "40,731.25",
# "1.234,50"), a currency sign or code beside it left out
_MONEY_FIGURE = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})*[.,]\d{2}$|^\d+[.,]\d{2}$")


def money_unplaced(drafts: Sequence[Draft], lines: Sequence[CapturedLine]) -> tuple[UnreadField, ...]:
    """Rows read as their line with neither a price nor an amount, that print money in a column the
    reader could not name (the fax wore "P. UNITARIO" and "IMPORTE" past reading, so the row's
    "18.62 12.50 40,731.25 MXN" stands under no heading it knows): money the document states on the
    line and that was not captured, each such row named for a person.  A line with no money in any
    cell (an order that prints no prices) names nothing, nor does a figure beside it that is no money
    (a size, a count: no two decimals)."""
    out = []
    for draft, line in zip(drafts, lines, strict=False):
        if line.unit_price is not None or line.amount is not None:
            continue
        money = [t for t in draft.cells.get("other", []) if _MONEY_FIGURE.match(t.text.strip("€$£"))]
        if money:
            toks = sorted((t for toks in draft.cells.values() for t in toks), key=lambda t: (t.page, t.x0))
            out.append(UnreadField("lines", " ".join(t.text for t in toks), box(toks)))
    return tuple(out)


_NUMBERS = ("qty", "price", "amount")
_MARKS = ".,:;/"  # a decimal or group mark, or a speck or stroke OCR read in one's place ("0/05")


def figures_agree(draft: Draft, toks: Sequence[Tok], line: CapturedLine) -> bool:
    """Whether the row `toks` is the draft's own, read as `line` with its quantity, price and amount,
    the quantity times the price the amount to the cent, and each of its figures OCR read as no number
    ("1:200,000", "$4,236,00", ".€3,900", "3.900€.": a speck, or a mark read as another) one word whose
    figures are exactly those of the value the line took for its cell, to as many decimals as it
    prints: the three agree, and no figure of the row says anything the line does not.  A line that
    prints a discount agrees with its amount after it ("5.000 UDS 0:035€ 15,00 148,75 €"), and a cell
    whose money sign stands apart ("0:020 €") holds its one figure all the same (`_figured`).
    So is a row with one such figure that says the line's value but for one figure more ("4.220€." for
    4,20: a stroke read as a figure) where the other two, read as printed, are the line's and pin it
    (`_pinned_by_the_others`, never on a discounted line), or with one figure read as a stroke
    ("4,/50" for 4,750, `_figure_as_stroke`); one that says another value ("0,19€." for 0,18) still
    names the row."""
    if line.quantity is None or line.unit_price is None or line.amount is None:
        return False
    net = line_net(line.quantity, line.unit_price, line.discount)
    if net.quantize(Decimal("0.01")) != line.amount.quantize(Decimal("0.01")):
        return False
    values = dict(zip(_NUMBERS, (line.quantity, line.unit_price, line.amount), strict=True))
    spoilt = [(kind, t) for kind in _NUMBERS for t in draft.cells.get(kind, []) if unreadable_figure(t.text)]
    if not spoilt or not all(t in toks for _, t in spoilt):
        return False
    # a price the row prints for 100 or 1,000 units ("2500 pzas .€5,00 100 €125,00"): its figures are
    # those of the line's price per one times that basis, which the row prints too
    basis = printed_basis(draft)
    printed = {**values, "price": values["price"] * basis} if basis else values
    if all(
        len(_figured(draft, kind)) == 1 and (_says(tok.text, values[kind]) or _says(tok.text, printed[kind]))
        for kind, tok in spoilt
    ):
        return True
    if len(spoilt) != 1 or len(_figured(draft, spoilt[0][0])) != 1:
        return False
    kind, tok = spoilt[0]
    said = (
        _one_figure_more(tok.text, values[kind])
        or (kind == "price" and _basis_lost(tok.text, values[kind]))
        or _figure_as_stroke(tok.text, values[kind])
    )
    return said and _pinned_by_the_others(draft, kind, values)


def _figure_as_stroke(text: str, value: Decimal) -> bool:
    """Whether `text` writes `value` (to as many decimals as it prints, as `_says` reads it) with one
    of its figures read as a stroke "/" and nothing else changed ("4,/50" for 4,750: the 7 lost its
    bar on the line): a figure in the stroke's place makes it say the value.  The ink pins every
    figure but that one; only the row's other two figures read as printed, pinning the value, may
    then say the row is the line's (`_pinned_by_the_others`)."""
    bare = text.strip("".join(c for c in text if not c.isdigit()))
    if bare.count("/") != 1:
        return False
    return any(_says(bare.replace("/", figure), value) for figure in "0123456789")


def _figured(draft: Draft, kind: str) -> list[Tok]:
    """The words of the row's `kind` cell that hold a figure: its money sign set apart ("0:020 €") is
    no second figure of the cell, and says nothing the line does not."""
    return [t for t in draft.cells.get(kind, []) if has_digit(t.text)]


_LOST_BASIS = re.compile(r"^(.*\d)/(0{2,3})$")


def _basis_lost(text: str, price: Decimal) -> bool:
    """Whether `text` is the price for 100 or 1,000 units with its basis's first figure lost ("5.40/00"
    for 5,40/100, the 1 faded on the line) and its figures before the stroke say `price` times that basis
    exactly: 5,40 for 0,054.  Only the row's quantity and amount read as printed may then pin it."""
    m = _LOST_BASIS.match(text.strip())
    return m is not None and _says(m[1], price * 10 ** len(m[2]))


def _one_figure_more(text: str, value: Decimal) -> bool:
    """Whether `text` holds the figures of `value` (to the cent, or as `_says` reads them; a whole number
    also as its figures alone) in order, with one figure more among them and nothing else unknown:
    "4.220€." for 4,20, "40:1" for a quantity of 40 (the table's rule after it read as ":1")."""
    bare = text.strip("".join(c for c in text if not c.isdigit()))
    if not bare or any(not c.isdigit() and c not in _MARKS for c in bare):
        return False
    figures = "".join(c for c in bare if c.isdigit())
    wanted = {f"{value:.{n}f}".replace(".", "").lstrip("0") or "0" for n in range(2, 5)}
    if value == value.to_integral_value():
        wanted.add(f"{value:.0f}")  # a whole quantity printed without decimals ("40:1" for 40, a rule read)
    return any(
        (figures[:i] + figures[i + 1 :]).lstrip("0") in wanted
        for i in range(len(figures))
        if len(figures) > 1
    )


_PATHS = {"qty": "quantity", "price": "unit_price", "amount": "amount"}


def _pinned_by_the_others(draft: Draft, kind: str, values: Mapping[str, Decimal]) -> bool:
    """Whether the row's other two figures, each one word read as a number whose figures are the line's
    value, give the line's value for the figure `kind` exactly (quantity × price = amount, not only to
    the cent) and leave it no neighbour (`line_sums.pins`: 100 × 4,20 = 420,00, where 4,19 and 4,21 do not
    make it).  The spoilt figure ("4.220€.", a speck after the sign and a stroke read as a 2) then says
    nothing the line needs: its value is the other two's, read as printed.  The line's own evidence
    still weighs it (a figure mended to fit is vouched for only where the total agrees), and the price
    is still checked against the customer's."""
    for other in (k for k in _NUMBERS if k != kind):
        # the cell's one word with figures ("420.00", its sign "€" a word of its own beside it)
        found = [t for t in draft.cells.get(other, []) if has_digit(t.text)]
        if len(found) != 1 or not looks_numeric(found[0].text) or unreadable_figure(found[0].text):
            return False
        if not _says(found[0].text, values[other]):
            return False
    quantity, price, amount = (values[k] for k in _NUMBERS)
    return quantity * price == amount and pins((quantity, price, amount), _PATHS[kind])


def _says(text: str, value: Decimal) -> bool:
    """Whether the figures of `text` are those of `value` written with as many decimals as `text`
    prints after its last mark ("1:200,000" for 1200: three), or of the whole number `value` with its
    thousands grouped (`_grouped`)."""
    bare = text.strip("".join(c for c in text if not c.isdigit()))  # specks and signs at its ends
    if not bare or any(not c.isdigit() and c not in _MARKS for c in bare):
        return False  # a figure masked or unknown inside it ("12?5")
    decimals = len(bare) - max(bare.rfind(c) for c in _MARKS) - 1 if any(c in bare for c in _MARKS) else 0
    written = f"{value:.{decimals}f}".replace(".", "")
    return "".join(c for c in bare if c.isdigit()) == written or _grouped(bare, value)


def _grouped(bare: str, value: Decimal) -> bool:
    """Whether the figures and marks `bare` write the whole number `value` with its thousands grouped,
    each mark before exactly three figures ("10:000" for 10.000, its point read as a colon): a page
    groups a whole quantity so, and the line's arithmetic, not the mark, says which number it is."""
    groups = re.split(f"[{re.escape(_MARKS)}]", bare)
    if len(groups) < 2 or value != value.to_integral_value():
        return False
    shaped = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    return shaped and "".join(groups) == f"{value:.0f}"


def amount_closes(draft: Draft, toks: Sequence[Tok], line: CapturedLine) -> bool:
    """Whether the row `toks` is the draft's own, read as `line` but for its amount, one word that reads
    as no number ("875/00", its decimal comma read as a stroke), whose figures are those of the line's
    quantity times its price to the cent, both read: the three figures agree, and the amount says
    nothing the other two do not; so does one with a figure read as a stroke (`_stroke_for_figure`).
    Any other figure of the row read as no number leaves it unread."""
    amount = draft.cells.get("amount", [])
    if len(amount) != 1 or amount[0] not in toks or line.amount is not None or line.discount is not None:
        return False
    others = [t for kind in ("qty", "price") for t in draft.cells.get(kind, [])]
    if line.quantity is None or line.unit_price is None or not all(looks_numeric(t.text) for t in others):
        return False
    figures = "".join(c for c in amount[0].text if c.isdigit())
    product = (line.quantity * line.unit_price).quantize(Decimal("0.01"))
    closes = figures.lstrip("0") == f"{product:.2f}".replace(".", "").lstrip("0") != ""
    return closes or _stroke_for_figure(amount[0].text, product)


def _stroke_for_figure(text: str, product: Decimal) -> bool:
    """Whether `text` writes `product` to the cent with one of its figures read as a stroke and nothing
    else changed ("1/.50€" for 17,50, the 7 a "/"): every other figure in its place, its decimal mark
    where the product's is.  The ink pins all but that figure, the quantity times the price read as
    printed pins that one, and the line takes no amount from it."""
    bare = text.strip("".join(c for c in text if not c.isdigit()))
    written = f"{product:.2f}"
    if len(bare) != len(written) or bare.count("/") != 1:
        return False
    return all(
        b == w or (b == "/" and w.isdigit()) or (w == "." and b == ",")
        for b, w in zip(bare, written, strict=True)
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
