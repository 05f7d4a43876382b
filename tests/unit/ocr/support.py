"""Small documents for the OCR and fax tests: a one-page order PDF, a crafted PNG header, a bare PDF."""

from __future__ import annotations

import io
import struct
import zlib

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def order_pdf(pages: int = 1, *, encrypt: str | None = None, text: str = "PEDIDO Nº PO-2026-00123") -> bytes:
    """A plain order-like PDF with a text layer, `pages` pages long."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    _, height = A4
    for page in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(60, height - 90, "Ferretería Núñez S.L.")
        c.setFont("Helvetica", 12)
        c.drawString(60, height - 140, text)
        c.drawString(60, height - 160, f"Página {page}")
        c.showPage()
    c.save()
    return buf.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels but holds almost no data: a bomb's shape."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def empty_pdf() -> bytes:
    """A well-formed PDF whose page tree has no pages (as PDFium itself writes one)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    return buf.getvalue()
