"""A report as plain tables (a title, a header, rows) for the PDF and XLSX writers to lay out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Cell = str | int | float


@dataclass(frozen=True)
class Section:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    made_at: datetime
    sections: tuple[Section, ...]
