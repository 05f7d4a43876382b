"""A CSV file the csv module cannot read is bad input with a row number, never a crash (schemathesis
found `POST /api/prices` answering 500 to a carriage return inside an unquoted cell)."""

from __future__ import annotations

import pytest

from core.kernel.errors import MasterDataError
from core.kernel.services.setup_csv import csv_rows, open_csv


def test_a_bare_carriage_return_inside_a_cell_names_its_row() -> None:
    text = "sku,unit_price\nTOR-M8-40,0.18\nTUE\rM8,0.05\n"
    header, rows = open_csv(text)
    assert header == ["sku", "unit_price"]
    assert next(rows)[0] == 2
    with pytest.raises(MasterDataError, match="not readable as CSV") as caught:
        next(rows)
    assert "row 3" in str(caught.value)


def test_a_readable_file_reads_as_before() -> None:
    rows = list(csv_rows("prices", "sku,unit_price\n TOR-M8-40 , 0.18 \n", ["sku", "unit_price"]))
    assert rows == [(2, {"sku": "TOR-M8-40", "unit_price": "0.18"})]
