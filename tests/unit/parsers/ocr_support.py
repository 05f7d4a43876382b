"""Small OCR pages for the layout reader's tests: words as Tesseract boxes them (ink-high, confidence
below 1, source "ocr"), laid out in points, so each test states only the words that matter."""

from __future__ import annotations

from typing import Any

from core.capture.domain.documents import ParseResult
from core.capture.domain.layout import PageWords, Word
from oms.extract import result_json
from parsers.layout import extract_orders
from tests.unit.parsers.pdf_support import TODAY, SampleMaster

CHAR = 5.4  # points per character of 10-point type
SPACE = 2.8
INK = 7.0  # an OCR box holds the ink, about 0.7 of the type size
STEP = 14.0  # points from one line to the next


def word(text: str, x: float, y: float, conf: float = 0.95, h: float = INK) -> Word:
    return Word(text, x, y, x + CHAR * len(text), y + h, conf)


CELL_GAP = 8.0  # points between words set a character cell apart (a dot-matrix face): each its own phrase


def spaced(y: float, x: float, *texts: str, gap: float = CELL_GAP) -> list[Word]:
    """Words `gap` apart from `x` on the line at `y`: wider than a phrase's space, so each its own phrase."""
    out = []
    for text in texts:
        out.append(word(text, x, y))
        x += CHAR * len(text) + gap
    return out


def sentence(y: float, *words: tuple[str, float]) -> list[Word]:
    """A line of running text from x 50: each (text, OCR confidence) a word space after the one before."""
    out: list[Word] = []
    x = 50.0
    for text, conf in words:
        out.append(word(text, x, y, conf=conf))
        x = out[-1].x1 + SPACE
    return out


def cells(y: float, *placed: tuple[float, str], conf: float = 0.95) -> list[Word]:
    """The words of a line: each (x, text) a phrase starting at x, its words a space apart."""
    out = []
    for x, text in placed:
        for part in text.split():
            out.append(word(part, x, y, conf))
            x += CHAR * len(part) + SPACE
    return out


def page(*lines: list[Word], number: int = 1) -> PageWords:
    return PageWords(number, 595.0, 842.0, 72.0, tuple(w for line in lines for w in line), "ocr")


HEADING = (
    (50, "Código"),
    (130, "Descripción"),
    (330, "Cantidad"),
    (390, "Ud."),
    (430, "Precio"),
    (500, "Importe"),
)


def order(
    rows: list[tuple[tuple[float, str], ...]],
    *,
    total: str | None = "56,10",
    heading: tuple[tuple[float, str], ...] = HEADING,
    header: bool = True,
    drop: str | None = None,
    total_label: float = 430,
    total_at: float = 500,
) -> PageWords:
    """A Spanish order from customer C-1001: header fields (but the one labelled `drop`), a table with
    `rows` from 174, a line apart, and the printed total two lines under them: its label at
    `total_label`, its amount at `total_at`."""
    lines = [cells(40, (50, "Ferretería Núñez S.L."))]
    fields = ["Nº pedido: PED-26/00123", "Fecha: 23/11/2026", "Fecha de entrega: 30/11/2026"]
    fields += ["Nº cliente: C-1001", "Moneda: EUR"]
    if header:
        lines += [
            cells(70 + 14 * i, (50, text))
            for i, text in enumerate(fields)
            if not drop or not text.startswith(drop + " ")
        ]
    y = 160.0
    lines.append(cells(y, *heading))
    for row in rows:
        y += STEP
        lines.append(cells(y, *row))
    if total is not None:
        lines.append(cells(y + 2 * STEP, (total_label, "Total"), (total_at, total)))
    return page(*lines)


def row(code: str, qty: str, price: str, amount: str, unit: str = "uds", desc: str = "Tornillo") -> tuple:
    return (50, code), (130, desc), (350, qty), (390, unit), (440, price), (505, amount)


def read(pages: list[PageWords] | PageWords) -> dict[str, Any]:
    """The first order as `oms extract --json` gives it, validated against the demo master data."""
    pages = pages if isinstance(pages, list) else [pages]
    result = ParseResult(format="tiff-ocr", orders=extract_orders(pages).orders)
    return result_json("fax.tif", "fax", result, SampleMaster(), TODAY)["orders"][0]  # type: ignore[no-any-return]


def numbers(got: dict[str, Any]) -> list[tuple[str | None, str | None, str | None]]:
    """(sku, quantity, unit price) of each line read."""
    return [(line["sku"], line["quantity"], line["unit_price"]) for line in got["lines"]]


def silicone_page(first: tuple[str, str, str, str, str, str], total: str) -> list[list[Word]]:
    """Order 032/26 of 24/11/2026: a table whose `first` row (code, description, quantity, unit, price,
    amount) stands over 12 uds of SIL-TRA-300 at 4,2000 = 50,40, and the printed `total`."""
    heading = ("Código", "Descripción", "Cantidad", "UM", "Precio", "Importe")
    at = (50, 130, 330, 390, 430, 500)
    second = ("SIL-TRA-300", "Silicona neutra", "12", "uds", "4,2000", "50,40")
    return [
        cells(40, (50, "Nº pedido: 032/26")),
        cells(54, (50, "Fecha: 24/11/2026")),
        *(
            cells(y, *zip(at, texts, strict=True))
            for y, texts in ((160, heading), (174, first), (188, second))
        ),
        cells(216, (430, "Total"), (500, total)),
    ]


def doubted(got: dict[str, Any], field: str) -> bool:
    """Whether the order asks a person to confirm `field`: read with too little confidence."""
    return any(p["field"] == field and p["code"] == "low_confidence" for p in got["problems"])


def header_rows(
    po_number: str = "PED-26/00123",
    *,
    currency: bool = True,
    ordered: str = "23/11/2026",
    delivery: str | None = "30/11/2026",
) -> list[list[Word]]:
    """The letterhead and header of Ferretería Núñez's order `po_number` for customer C-1001, dated
    `ordered` for `delivery` (None: no delivery line), with "Moneda: EUR" under them unless `currency`
    is False (a test printing its own currency line there): one field a line from 70, every 14 points,
    the rows above a heading at 160."""
    fields = [f"Nº pedido: {po_number}", f"Fecha: {ordered}"]
    fields += [f"Fecha de entrega: {delivery}"] if delivery is not None else []
    fields += ["Nº cliente: C-1001", "Moneda: EUR"] if currency else ["Nº cliente: C-1001"]
    return [
        cells(40, (50, "Ferretería Núñez S.L.")),
        *(cells(70 + 14 * i, (50, f)) for i, f in enumerate(fields)),
    ]


def one_line_order(description: str) -> dict[str, Any]:
    """Order PED-26/00123 of customer C-1001, read: one line, `description` (no code column), 100 units
    at 0,05 = 5,00."""
    heading = ((50, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio"), (500, "Importe"))
    return read(
        page(
            *header_rows(),
            cells(160, *heading),
            cells(174, (50, description), (350, "100"), (390, "uds"), (440, "0,05"), (505, "5,00")),
            cells(202, (430, "Total"), (500, "5,00")),
        )
    )


def euro_currency(
    *head: list[Word], heading: tuple[str, str, str, str] = ("Código", "Descripción", "Cantidad", "Precio")
) -> tuple[str | None, float]:
    """The currency of a small order whose every amount prints "€" under the header rows `head` (a
    letterhead, a greeting: where a stray sign may stand), its table headed `heading` and "Total", and
    how sure it was read."""
    code, description, quantity, price = heading
    words = page(
        *head,
        cells(160, (50, code), (130, description), (330, quantity), (400, price), (500, "Total")),
        cells(174, (50, "TUE-M8"), (130, "Tuerca"), (340, "2.000"), (400, "€0,050"), (500, "€100,00")),
        cells(188, (50, "LLA-AJ-250"), (130, "Llave"), (340, "3"), (400, "€12,80"), (500, "€38,40")),
        cells(216, (400, "Total"), (500, "€138,40")),
    )
    (got,) = extract_orders([words]).orders
    found = got.evidence_for("currency")
    assert found is not None
    return got.currency, found.confidence


def assert_kept_between(got: dict[str, Any], first: tuple[str, str, str], last: tuple[str, str, str]) -> None:
    """That the order read three lines, `first` and `last` as (sku, quantity, unit price) and between them
    a row the fax spoilt kept in its place with nothing read from it (its figures vouch for nothing),
    named for a person, and the order not accepted."""
    lines = numbers(got)
    assert len(lines) == 3
    assert lines[0] == first
    assert lines[1][1:] == (None, None)
    assert lines[2] == last
    assert any(p["field"] == "lines" for p in got["problems"])
    assert got["decision"] != "accept"
