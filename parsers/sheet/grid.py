"""Spreadsheets as grids of cell values: XLSX through openpyxl (read-only, capped so a zip bomb or a
runaway sheet is refused before it costs memory), CSV with its encoding and delimiter found from
the bytes.  Cells are `str`, exact `Decimal` (never float arithmetic), `date`, or None."""

from __future__ import annotations

import codecs
import csv
import io
import math
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Context, Decimal
from typing import Any

from core.kernel.errors import ParseError

Cell = str | Decimal | date | None
Row = tuple[Cell, ...]
CSV_DELIMITERS = (";", "\t", ",")  # on a tie the first wins: a decimal comma makes "," the weakest guess
SAMPLE_LINES = 50
_EXCEL_DIGITS = Context(prec=15)  # Excel shows a float to 15 significant digits: 12.8, not 12.799…98


@dataclass(frozen=True)
class Limits:
    """How big an order sheet may be; beyond any of these the file is refused with a ParseError."""

    max_unpacked: int = 32 * 2**20  # bytes, every part of an XLSX archive together
    max_parts: int = 1000  # files inside an XLSX archive
    max_sheets: int = 20  # visible sheets read; any further ones are reported, not read
    max_rows: int = 5000  # rows with a value, per sheet
    max_columns: int = 100  # the rightmost column with a value
    max_cells: int = 100_000  # cells with a value, in the whole workbook

    @property
    def max_scanned(self) -> int:
        """Rows walked in one sheet, empty ones included."""
        return self.max_rows * 4


@dataclass(frozen=True)
class Grid:
    """One sheet: `rows[i]` is sheet row i + 1, without the empty cells at its right end."""

    name: str
    number: int  # 1-based position among the sheets read
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Book:
    """What was read from one file."""

    grids: tuple[Grid, ...]
    skipped_sheets: int = 0
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only


class _Counter:
    """Counts the cells and rows read against the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cells = 0

    def rows(self, raw: Iterable[Iterable[Cell]], sheet: str) -> tuple[Row, ...]:
        out: list[Row] = []
        filled = 0
        for scanned, values in enumerate(raw, start=1):
            if scanned > self.limits.max_scanned:
                raise ParseError(f"{sheet} has more than {self.limits.max_scanned} rows; not an order sheet")
            row = tuple(values)
            end = len(row)
            while end and row[end - 1] is None:
                end -= 1
            row = row[:end]
            if end > self.limits.max_columns:
                raise ParseError(
                    f"{sheet} has a value in column {end}; an order sheet has at most"
                    f" {self.limits.max_columns} columns"
                )
            if row:
                filled += 1
                self.cells += sum(1 for c in row if c is not None)
            if filled > self.limits.max_rows:
                raise ParseError(f"{sheet} has more than {self.limits.max_rows} rows with values")
            if self.cells > self.limits.max_cells:
                raise ParseError(f"the file has more than {self.limits.max_cells} cells with values")
            out.append(row)
        return tuple(out)


def load_csv(content: bytes, limits: Limits) -> Book:
    text, encoding = decode(content)
    lines = text.splitlines()
    delimiter = None
    if lines and len(lines[0].strip()) == 5 and lines[0].lower().startswith("sep="):
        delimiter, text = lines[0].strip()[4], "\n".join(lines[1:])  # Excel's own hint
    delimiter = delimiter or sniff_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        raw = ([cell.strip() or None for cell in row] for row in reader)
        rows = _Counter(limits).rows(raw, "the CSV file")
    except csv.Error as exc:
        raise ParseError(f"the CSV file cannot be read: {exc}") from exc
    return Book((Grid("", 1, rows),), encoding=encoding, delimiter=delimiter)


def decode(content: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else windows-1252."""
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16", errors="replace"), "utf-16"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return content.decode("windows-1252", errors="replace"), "windows-1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the most lines into the same number of cells (header lines above
    the table have fewer, and decimal commas split a ";" sheet unevenly)."""
    sample = [ln for ln in text.splitlines()[:SAMPLE_LINES] if ln.strip()]

    def fit(delimiter: str) -> int:
        try:
            widths = Counter(len(r) for r in csv.reader(sample, delimiter=delimiter) if len(r) > 1)
        except csv.Error:
            return 0
        return max((count * (width - 1) for width, count in widths.items()), default=0)

    return max(CSV_DELIMITERS, key=lambda d: (fit(d), -CSV_DELIMITERS.index(d)))


def load_xlsx(content: bytes, limits: Limits) -> Book:
    check_archive(content, limits)
    from openpyxl import load_workbook  # imported here: reading a CSV or an e-mail never needs it

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever its XML and zip layers raise on damaged files
        raise ParseError(f"the XLSX file is damaged and cannot be read ({_why(exc)})") from exc
    try:
        counter = _Counter(limits)
        visible = [s for s in book.worksheets if s.sheet_state == "visible"]
        grids = []
        for number, sheet in enumerate(visible[: limits.max_sheets], start=1):
            sheet.reset_dimensions()  # the stored dimension may be wrong; read every row there is
            raw = ((_cell(v) for v in row) for row in sheet.iter_rows(values_only=True))
            grids.append(Grid(sheet.title, number, counter.rows(raw, f"sheet {sheet.title!r}")))
        return Book(tuple(grids), skipped_sheets=max(0, len(visible) - limits.max_sheets))
    except ParseError:
        raise
    except Exception as exc:  # as above: a damaged sheet fails anywhere inside openpyxl
        raise ParseError(f"the XLSX file is damaged and cannot be read ({_why(exc)})") from exc
    finally:
        book.close()


def check_archive(content: bytes, limits: Limits) -> None:
    """Refuse a file that is no workbook, or that would unpack to more than the limits allow."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ParseError(f"the XLSX file is not a readable zip archive ({_why(exc)})") from exc
    if len(parts) > limits.max_parts:
        raise ParseError(f"the XLSX archive holds {len(parts)} files; at most {limits.max_parts} are read")
    if not any(p.filename == "xl/workbook.xml" for p in parts):
        raise ParseError("the zip archive holds no Excel workbook (xl/workbook.xml is missing)")
    if any(p.flag_bits & 0x1 for p in parts):
        raise ParseError("the XLSX file is encrypted; it cannot be read without its password")
    unpacked = sum(p.file_size for p in parts)  # zipfile never inflates a part past its stated size
    if unpacked > limits.max_unpacked:
        raise ParseError(
            f"the XLSX file would unpack to {unpacked / 2**20:.0f} MiB, more than the"
            f" {limits.max_unpacked / 2**20:.0f} MiB an order sheet may take (a zip bomb?)"
        )


def _cell(value: Any) -> Cell:
    if isinstance(value, str):
        return value.strip() or None
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return excel_number(value) if math.isfinite(value) else None
    return str(value)  # a time of day or a duration


def excel_number(value: float) -> Decimal:
    """A float cell as the Decimal Excel shows: its shortest repr, to 15 significant digits."""
    exact = _EXCEL_DIGITS.create_decimal(repr(value))
    if exact == exact.to_integral_value() and exact.adjusted() < _EXCEL_DIGITS.prec:
        return exact.quantize(Decimal(1))  # 4711, not 4.711E+3
    return exact.normalize(_EXCEL_DIGITS)


def _why(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
