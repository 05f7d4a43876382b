"""A report written out: CSV (every section one after another, a blank row between) or XLSX (a sheet per
section, numbers as numbers)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook

from core.reporting.domain.reports import Report

FORMATS = ("csv", "xlsx")


def to_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([report.title, f"{report.period.start} to {report.period.end}"])
    for section in report.sections:
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.columns)
        writer.writerows([["" if v is None else str(v) for v in row] for row in section.rows])
    return out.getvalue().encode("utf-8")


def to_xlsx(report: Report) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for section in report.sections:
        sheet = book.create_sheet(_sheet_name(section.title, used))
        sheet.append([f"{report.title}: {section.title}", f"{report.period.start} to {report.period.end}"])
        sheet.append(section.columns)
        for row in section.rows:
            sheet.append([_cell(v) for v in row])
    if not report.sections:
        book.create_sheet("report")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(report: Report, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    return to_csv(report) if fmt == "csv" else to_xlsx(report)


def _cell(value: object) -> object:
    # openpyxl writes Decimal as a number; keep integers whole and amounts as they are
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28] or "sheet"
    name, n = base, 2
    while name in used:
        name, n = f"{base[:26]} {n}", n + 1
    used.add(name)
    return name
