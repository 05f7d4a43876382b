"""A scanned order of two lines (56,10 net) with a tax line and a total with tax printed under its net
total, for the tests of totals a normal fax misread: each test writes the tax, the rate and the total
as OCR read them."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]
UNDER = 160 + 5 * 14  # the line under the table's two rows and its total (56,10)


def read_totals(
    net: str, tax: str, gross: str, rate: str = "IVA 10 %", source: str = "ocr"
) -> dict[str, Any]:
    """GOOD whose net total reads `net`, with the line `rate` `tax` and the line "Total con IVA" `gross`
    under it, words from `source` ("ocr", or "text" for a text layer's)."""
    base = order(GOOD, total=net)
    more: list[Word] = cells(UNDER, (430, rate), (500, tax)) + cells(
        UNDER + 14, (430, "Total con IVA"), (500, gross)
    )
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), source))


def read_taxed(tax: str, gross: str, rate: str) -> dict[str, Any]:
    """GOOD with the line `rate` `tax` and the line "Total con IVA" `gross` under its net total."""
    return read_totals("56,10", tax, gross, rate)


def low(got: dict[str, Any]) -> set[str]:
    """The fields read with low confidence: what a person is asked to confirm."""
    return {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}
