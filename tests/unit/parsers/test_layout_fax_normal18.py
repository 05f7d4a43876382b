"""Normal fax lines, eighteenth round (faxnorm18): a monospaced (dot-matrix) listing.  Each test
builds its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout.extract import read_page
from parsers.layout.table_heading import heading
from tests.unit.parsers.ocr_support import CHAR, cells, header_rows, page, read, word

MONO = 1.5 * CHAR  # a monospaced face's word space, a character cell and more: wider than a proportional one


def _spaced(y: float, x: float, text: str, heights: dict[str, float] | None = None) -> list[Word]:
    """The words of `text` from x, a monospaced space apart, each `heights[word]` high if given."""
    out = []
    for part in text.split():
        out.append(word(part, x, y, h=(heights or {}).get(part, 7.0)))
        x += CHAR * len(part) + MONO
    return out


def test_a_price_heading_basis_in_brackets_reaches_over_its_figures_though_a_monospaced_space_apart() -> None:
    # "UNIT COST (PER 1000) ... PER": the prices stand right-aligned under the bracket, per 1000 units.
    # A monospaced face sets a whole character cell between the words; the bracket's ink is taller
    # than the figures' ("(PER" 9 high, "1000)" 7), so a space measured against the figures alone
    # looked like a gap between two columns: the price column stopped at "COST" and the prices under
    # the bracket were no column's (a dot-matrix listing lost every row so).  Measured against the
    # taller of the two words, the bracket is the heading's and the price column reaches over it.
    words = [
        *_spaced(160, 50, "QTY"),
        *_spaced(160, 90, "CODE"),
        *_spaced(160, 160, "DESCRIPTION"),
        *_spaced(160, 260, "UNIT COST (PER 1000)", {"(PER": 9.0}),
        *_spaced(160, 400, "PER"),
    ]
    (line,) = [ln for ln in read_page(page(words)).lines if "COST" in ln.text]
    columns = heading(line)
    assert columns is not None
    (price,) = [c for c in columns if c.kind == "price"]
    bracket_end = next(w.x1 for w in words if w.text == "1000)")
    assert price.x1 >= bracket_end - 0.5


def test_a_column_headed_code_alone_holds_the_item_codes() -> None:
    # "LINE QTY UNIT CODE DESCRIPTION ..." (an "ITEM CODE" whose first word the fax garbled to
    # "TTRM"): "Code" names the item code column, as "Cód." and "Ref." do, so the codes printed
    # under it after the quantity name the products; before, the column had no kind, the codes
    # were dropped and the lines had no product
    heading = cells(
        160,
        (50, "LINE"),
        (80, "QTY"),
        (120, "UNIT"),
        (150, "TTRM CODE"),
        (230, "DESCRIPTION"),
        (400, "PRICE"),
        (470, "AMOUNT"),
    )
    rows = (
        ("001", "120", "uds", "SIL-TRA-300", "Silicona neutra", "4.20", "504.00"),
        ("002", "36", "uds", "BRO-HSS-8", "Broca HSS 8 mm", "2.45", "88.20"),
    )
    lines = [*header_rows(), heading]
    y = 160.0
    for pos, qty, unit, code, desc, price, amount in rows:
        y += 14
        placed = (50, pos), (80, qty), (120, unit), (150, code), (230, desc), (400, price), (470, amount)
        lines.append(cells(y, *placed))
    lines.append(cells(y + 28, (400, "Total"), (470, "592.20")))
    got = read(page(*lines))
    assert [line["item_code"] for line in got["lines"]] == ["SIL-TRA-300", "BRO-HSS-8"]
    assert [(line["sku"], line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("SIL-TRA-300", "120", "4.2"),
        ("BRO-HSS-8", "36", "2.45"),
    ]
