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


# An order a customer might type and print: what the scan and photo tests read back, and the facts a
# person reads on it (the tests compare against these, written out here, never against the reader).
ORDER_NUMBER = "PO-2026-00417"
ORDER_DATE = "2026-11-23"
ORDER_LINES = [  # code, description, quantity, unit price (as printed: decimal comma)
    ("TOR-M8-40", "Tornillo hexagonal M8x40", "250", "0,18"),
    ("TUE-M8", "Tuerca hexagonal M8", "300", "0,05"),
    ("ARA-M8", "Arandela plana M8", "120", "0,03"),
]


def small_order_pdf() -> bytes:
    """A one-page Spanish purchase order: letterhead, order number and dates, a four-column table, a total."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _, top = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, top - 70, "Ferretería Núñez S.L.")
    c.setFont("Helvetica", 10)
    c.drawString(60, top - 86, "Calle Mayor 12 · 28013 Madrid · CIF B-28765432")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, top - 130, f"PEDIDO Nº {ORDER_NUMBER}")
    c.setFont("Helvetica", 11)
    c.drawString(60, top - 150, "Fecha: 23/11/2026")
    c.drawString(60, top - 166, "Fecha de entrega: 30/11/2026")
    c.drawString(60, top - 182, "Nº cliente: C-1001")
    y = top - 230
    c.setFont("Helvetica-Bold", 11)
    for x, label in (
        (60, "Código"),
        (160, "Descripción"),
        (360, "Cantidad"),
        (430, "Precio"),
        (500, "Importe"),
    ):
        c.drawString(x, y, label)
    c.line(60, y - 5, 550, y - 5)
    c.setFont("Helvetica", 11)
    total = 0
    for code, description, quantity, price in ORDER_LINES:
        y -= 20
        amount = int(quantity) * int(price.replace(",", ""))  # hundredths of a euro
        total += amount
        c.drawString(60, y, code)
        c.drawString(160, y, description)
        c.drawRightString(405, y, quantity)
        c.drawRightString(470, y, price)
        c.drawRightString(550, y, f"{amount // 100},{amount % 100:02d}")
    c.line(60, y - 8, 550, y - 8)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(400, y - 26, "Total EUR")
    c.drawRightString(550, y - 26, f"{total // 100},{total % 100:02d}")
    c.showPage()
    c.save()
    return buf.getvalue()
