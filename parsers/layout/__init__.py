"""Layout-independent extraction of purchase orders from words with boxes (a PDF text layer or OCR)."""

from collections.abc import Sequence

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder
from parsers.layout.extract import Extraction, extract_orders


def read_orders(pages: Sequence[PageWords]) -> tuple[CapturedOrder, ...]:
    """The orders in `pages` only: the shape of the OCR parsers' injected extractor."""
    return extract_orders(pages).orders


__all__ = ["Extraction", "extract_orders", "read_orders"]
