"""Reading the setup CSV files (fulfilment and billing data): required columns checked, cells trimmed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from core.kernel.errors import MasterDataError


@dataclass(frozen=True)
class LoadReport:
    kind: str
    rows: int


def open_csv(text: str) -> tuple[list[str], Iterator[tuple[int, dict[str | None, Any]]]]:
    """The trimmed header of a CSV text and its rows numbered from 2 (the header is row 1); text the csv
    module cannot read (a bare carriage return inside a cell, a NUL) is a MasterDataError naming the
    row, never a crash."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip() for h in reader.fieldnames or ()]
    except csv.Error as exc:
        raise MasterDataError(f"the header is not readable as CSV: {exc}", row=1) from exc

    def rows() -> Iterator[tuple[int, dict[str | None, Any]]]:
        number = 1
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise MasterDataError(f"not readable as CSV: {exc}", row=number + 1) from exc
            number += 1
            yield number, raw

    return header, rows()


def csv_rows(kind: str, text: str, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row of `text` with its line number (the header is line 1), every cell trimmed; a file
    without one of `columns` is refused naming them."""
    header, rows = open_csv(text)
    missing = [c for c in columns if c not in header]
    if missing:
        raise MasterDataError(f"{kind} file lacks column(s): {', '.join(missing)}", row=1)
    for number, raw in rows:
        yield number, {k.strip(): (v or "").strip() for k, v in raw.items() if k}
