"""Building order sheets for the tests (XLSX with openpyxl, CSV as text) and reading them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from openpyxl import Workbook

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from parsers.sheet import CsvParser, Limits, XlsxParser

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx(
    *sheets: Sequence[Sequence[object]], titles: Sequence[str] = (), hidden: Sequence[str] = ()
) -> bytes:
    """A workbook with one sheet per list of rows; the sheets titled in `hidden` hidden."""
    book = Workbook()
    for i, rows in enumerate(sheets):
        sheet = book.active if i == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = titles[i] if i < len(titles) else f"Hoja{i + 1}"
        sheet.sheet_state = "hidden" if sheet.title in hidden else "visible"
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def doc(content: bytes, name: str | None, media_type: str | None = None) -> InboundDocument:
    return InboundDocument(Channel.EMAIL, content, NOW, name, media_type=media_type)


def read_xlsx(content: bytes, limits: Limits | None = None) -> ParseResult:
    return XlsxParser(limits).parse(doc(content, "pedido.xlsx", XLSX_TYPE), ParseContext(today=NOW))


def read_csv(content: bytes | str, encoding: str = "utf-8") -> ParseResult:
    raw = content.encode(encoding) if isinstance(content, str) else content
    return CsvParser().parse(doc(raw, "pedido.csv", "text/csv"), ParseContext(today=NOW))


def line_tuples(result: ParseResult) -> list[tuple[object, ...]]:
    return [
        (ln.item_code, ln.gtin, ln.description, ln.quantity, ln.unit, ln.unit_price, ln.amount)
        for o in result.orders
        for ln in o.lines
    ]


def rezip(source: zipfile.ZipFile, changes: dict[str, bytes | None]) -> bytes:
    """The archive with parts replaced (None removes one, a new name adds one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in changes:
                replacement = changes[info.filename]
                if replacement is not None:
                    target.writestr(info.filename, replacement)
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in changes.items():
            if content is not None and name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()
