"""Small text PDFs for the layout reader's tests on unseen layouts: each test places its own phrases on a
page (reportlab), reads them through the text-layer reader and gets the contract's shape back."""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from tests.unit.parsers.pdf_support import extract

Placed = tuple[float, str]


class Doc:
    """A PDF drawn phrase by phrase: `row(y, (x, text), ...)` puts phrases on the line `y` points down."""

    def __init__(
        self, size: float = 9.0, width: float = 595.0, height: float = 842.0, font: str = "Helvetica"
    ) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=(width, height))
        self.height = height
        self.size = size
        self.font = font  # "Courier" prints as a typewriter or line printer does: one cell a character
        self.canvas.setFont(font, size)

    def row(self, y: float, *placed: Placed, bold_twice: bool = False, size: float | None = None) -> Doc:
        """Phrases on one line; `bold_twice` prints each twice, a fraction of a point apart, as
        printers fake bold type (the text layer then holds every character twice)."""
        self.canvas.setFont(self.font, size or self.size)
        for x, text in placed:
            self.canvas.drawString(x, self.height - y, text)
            if bold_twice:
                self.canvas.drawString(x + 0.4, self.height - y, text)
        self.canvas.setFont(self.font, self.size)
        return self

    def printout(self, y: float, step: float, *lines: str) -> float:
        """Whole lines set from the left margin as a line printer sets them, spaces and all (use a
        "Courier" Doc); returns the y of the line after them."""
        for text in lines:
            self.row(y, (36, text))
            y += step
        return y

    def rows(self, y: float, step: float, *lines: tuple[Placed, ...]) -> float:
        """Several lines `step` points apart from `y`; returns the y of the line after them."""
        for placed in lines:
            self.row(y, *placed)
            y += step
        return y

    def known_buyer(self, po: str, *more: str) -> Doc:
        """The demo customer's letterhead (its GLN in the master data), an order number and date, and
        `more` header lines under them on the right."""
        self.row(40, (40, "Ferretería Núñez S.L."), size=14)
        self.row(56, (40, "GLN: 8437000100010"), (300, "PEDIDO DE COMPRA"))
        self.row(70, (40, f"Nº pedido: {po}"), (300, "Fecha: 26/11/2026"))
        for i, text in enumerate(more):
            self.row(84 + 14 * i, (300, text))
        return self

    def page(self) -> Doc:
        self.canvas.showPage()
        self.canvas.setFont(self.font, self.size)
        return self

    def pdf(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()

    def read(self) -> dict[str, Any]:
        """The whole `oms extract --json` element for the document."""
        return extract(self.pdf())

    def order(self) -> dict[str, Any]:
        """The one order read from the document."""
        out = self.read()
        assert out["error"] is None, out["error"]
        [found] = out["orders"]
        return found  # type: ignore[no-any-return]


def facts(order: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(item code, quantity, unit price) of each line."""
    return [(line["item_code"], line["quantity"], line["unit_price"]) for line in order["lines"]]
