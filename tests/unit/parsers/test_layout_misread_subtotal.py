"""A subtotal under the rows whose label OCR misread by its first letter ("7WISCHENSUMME" for
"ZWISCHENSUMME", issue 10, normal faxes): its label in the quantity column read as a spoilt figure, it
passed for an order line whose figures the fax spoilt, and the order gained an empty line that the
document does not have, named for a person as a line not read."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.unit.parsers.ocr_support import cells, numbers, order, read, row


def _with_subtotal(label: str) -> dict[str, Any]:
    rows = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10")]
    page = order(rows, total=None)
    subtotal = cells(160 + 3 * 14, (350, label), (440, "EUR"), (505, "56,10"))
    return read(replace(page, words=(*page.words, *subtotal)))


def test_a_subtotal_with_its_first_letter_misread_is_no_order_line() -> None:
    got = _with_subtotal("7WISCHENSUMME")
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
    assert not any(p["field"] == "lines" or p["field"].startswith("lines[2]") for p in got["problems"])


def test_a_spoilt_row_under_the_rows_is_still_a_line_not_read() -> None:
    # the same place holding no total's label: a row the fax spoilt, kept as a line for a person
    got = _with_subtotal("7W1SCHEN5UMXE")
    assert len(got["lines"]) == 3
