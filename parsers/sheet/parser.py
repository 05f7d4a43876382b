"""The order-sheet readers: an XLSX workbook or a CSV file in, one order per sheet holding an order
table out (format "xlsx" or "csv").

A sheet's table is found by its header labels; the label and value cells above it give the order
number, dates and customer number, and a total row under it the total.  Provenance is the sheet
(as `page`, 1-based) and the cell ("C7: 250" in `raw`); every value read from a cell is as sure as
the cell is, save text numbers whose decimal mark the sheet does not settle ("1.250").
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.capture.domain.order import (
    CapturedOrder,
    DocumentKind,
    Evidence,
    Party,
    Problem,
    ProblemCode,
    Provenance,
)
from parsers.layout import identifiers
from parsers.layout.decimal_mark import decide_mark, mark_evidence
from parsers.layout.kind import title_kind
from parsers.sheet import labels
from parsers.sheet.fields import read_header
from parsers.sheet.grid import Book, Grid, Limits, load_csv, load_xlsx
from parsers.sheet.table import Body, BodyReader, find_table, number_texts

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPES = ("text/csv", "application/csv", "text/comma-separated-values")
TOTAL_PREFERENCE = ("net", "total", "gross")
_ZIP = b"PK\x03\x04"
IMPLIED_MARK = 0.9  # certainty of a decimal mark the separator or the language implies


class _SheetParser:
    """What the two sheet readers share: the limits, and reading the loaded sheets."""

    name: str

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()

    def load(self, content: bytes) -> Book:
        raise NotImplementedError

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        return read_book(self.load(doc.content), self.name)


class XlsxParser(_SheetParser):
    """Excel workbooks (OOXML), read with openpyxl in read-only mode, cached formula values only."""

    name = "xlsx"

    def score(self, doc: InboundDocument) -> int | None:
        if not doc.content.startswith(_ZIP):
            # a declared workbook that is no zip: ours to explain
            return 20 if doc.media_type == XLSX else None
        if _has_workbook(doc.content):
            return 100 if doc.media_type == XLSX else 90
        return 20 if doc.media_type == XLSX or _named(doc, ".xlsx") else None

    def load(self, content: bytes) -> Book:
        return load_xlsx(content, self.limits)


class CsvParser(_SheetParser):
    """CSV order sheets: UTF-8 (BOM or not) or windows-1252; ";", tab or "," between cells."""

    name = "csv"

    def score(self, doc: InboundDocument) -> int | None:
        if not (doc.media_type in CSV_TYPES or _named(doc, ".csv")):
            return None
        head = doc.content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith((b"UNA", b"UNB+", b"UNB:")) or (b"\x00" in head and not _utf16(doc.content)):
            return None  # an EDIFACT interchange or a binary file, whatever its name says
        return 60

    def load(self, content: bytes) -> Book:
        return load_csv(content, self.limits)


def _named(doc: InboundDocument, suffix: str) -> bool:
    return (doc.original_name or "").lower().endswith(suffix)


def _utf16(content: bytes) -> bool:
    return content.startswith((b"\xff\xfe", b"\xfe\xff"))


def _has_workbook(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def read_book(book: Book, fmt: str) -> ParseResult:
    """One order per sheet with an order table; an error when no sheet has one."""
    orders: list[CapturedOrder] = []
    reasons: list[str] = []
    for grid in book.grids:
        order, why = read_grid(grid, book.delimiter)
        if order is not None:
            orders.append(order)
        elif why:
            reasons.append(why)
    problems: list[Problem] = []
    if book.skipped_sheets:
        problems.append(
            Problem(
                ProblemCode.UNREADABLE,
                f"the workbook has {book.skipped_sheets} more sheet(s) than are read; they may hold orders",
                field="lines",
            )
        )
    if len(orders) > 1:
        problems.append(
            Problem(
                ProblemCode.UNREADABLE,
                f"order tables on {len(orders)} sheets were read as {len(orders)} orders; check they are"
                " not copies of one order",
                field="lines",
            )
        )
    extra: dict[str, object] = {"sheets": [g.name for g in book.grids]}
    if book.encoding:
        extra.update(encoding=book.encoding, delimiter=book.delimiter)
    if not orders:
        error = "; ".join(reasons) or "the file holds no sheet with values"
        return ParseResult(format=fmt, problems=tuple(problems), error=error, extra=extra)
    marked = tuple(o.with_problems(*problems) for o in orders)
    return ParseResult(format=fmt, orders=marked, problems=tuple(problems), extra=extra)


def read_grid(grid: Grid, delimiter: str | None = None) -> tuple[CapturedOrder | None, str | None]:
    """The order in one sheet, or why there is none (None when the sheet is empty)."""
    where = f"sheet {grid.name!r}" if grid.name else "the CSV file"
    if not any(grid.rows):
        return None, None
    table = find_table(grid)
    if table is None:
        return None, (
            f"{where} has no order table: no header row naming a quantity column (Cantidad, Uds, Qty…)"
            " and a code or description column (Código, Referencia, SKU, EAN, Descripción…)"
        )
    header = read_header(grid, table.header)
    heading = [c for c in grid.rows[table.header] if isinstance(c, str)]
    language = labels.language(heading + header.labels)
    mark, certainty = decimal_mark(number_texts(grid, table), language, delimiter)
    body = BodyReader(grid, table, mark, certainty).read()
    if not body.lines:
        return None, f"{where}: the table under the header in row {table.header + 1} has no lines"
    total, total_evidence = _total(body, grid.number)
    stated = body.currencies | {c for cell in heading if (c := labels.currency(cell))}
    currency = header.currency or (next(iter(stated)) if len(stated) == 1 else None)
    order = CapturedOrder(
        po_number=header.po_number,
        order_date=header.order_date,
        requested_delivery_date=header.delivery,
        currency=currency,
        buyer=Party(party_id=header.party_id, name=header.buyer_name),
        lines=tuple(body.lines),
        total=total,
        notes=tuple(header.notes),
        language=language,
        kind=next((k for t in header.texts if (k := title_kind(t)) is not None), DocumentKind.ORDER),
        identifiers=identifiers.unique(i for t in header.texts for i in identifiers.in_text(t)),
        unread=tuple(header.unread),
        evidence=tuple(header.evidence + body.evidence + total_evidence),
        problems=tuple(body.problems),
    )
    return order, None


def decimal_mark(texts: list[str], language: str | None, delimiter: str | None) -> tuple[str, float]:
    """The sheet's decimal mark and how sure it is: what its numbers prove; else what the CSV list
    separator implies (Excel writes ";" where the decimal mark is a comma, "," where it is a point);
    else the language of its labels; else a guess that leaves "1.250" for a person to check."""
    if any(mark_evidence(t) for t in texts):
        return decide_mark(texts, language)
    if delimiter in (";", ","):
        return ("," if delimiter == ";" else "."), IMPLIED_MARK
    if language is not None:
        return ("," if language == "es" else "."), IMPLIED_MARK
    return decide_mark(texts, None)


def _total(body: Body, sheet: int) -> tuple[Decimal | None, list[Evidence]]:
    """The total the lines add up to, else the net one before the plain one before the gross one."""
    if not body.totals:
        return None, []
    amounts = [_times(ln.quantity, ln.unit_price) if ln.amount is None else ln.amount for ln in body.lines]
    added = sum((a for a in amounts if a is not None), Decimal(0)) if None not in amounts else None

    def rank(kind: str) -> tuple[bool, int]:
        return body.totals[kind][0] != added, TOTAL_PREFERENCE.index(kind)

    kind = min((k for k in body.totals if k in TOTAL_PREFERENCE), key=rank, default=None)
    if kind is None:
        return None, []
    value, confidence, cell = body.totals[kind]
    return value, [Evidence("total", confidence, Provenance(page=sheet, raw=f"{cell}: {value}"))]


def _times(quantity: Decimal | None, price: Decimal | None) -> Decimal | None:
    return quantity * price if quantity is not None and price is not None else None
