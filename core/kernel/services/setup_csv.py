"""Reading the setup CSV files (fulfilment and billing data): required columns checked, cells trimmed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from core.kernel.errors import MasterDataError


@dataclass(frozen=True)
class LoadReport:
    kind: str
    rows: int


def csv_rows(kind: str, text: str, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row of `text` with its line number (the header is line 1), every cell trimmed; a file
    without one of `columns` is refused naming them."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or ()]
    missing = [c for c in columns if c not in header]
    if missing:
        raise MasterDataError(f"{kind} file lacks column(s): {', '.join(missing)}", row=1)
    for number, raw in enumerate(reader, start=2):
        yield number, {k.strip(): (v or "").strip() for k, v in raw.items() if k}
