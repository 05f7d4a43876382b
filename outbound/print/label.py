"""Shipping labels as PDF: one 100 x 150 mm page per parcel, with the tracking and SSCC barcodes."""

from __future__ import annotations

import io

from reportlab.graphics.barcode import code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from core.fulfilment.domain.shipping import BookingRequest

WIDTH, HEIGHT = 100 * mm, 150 * mm


def label_pdf(request: BookingRequest, tracking_number: str, carrier_name: str) -> bytes:
    """The labels of a booking, reproducible for the same input (no embedded creation time)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(WIDTH, HEIGHT), invariant=1)
    canvas.setTitle(f"{carrier_name} {tracking_number}")
    for parcel in request.parcels:
        y = HEIGHT - 10 * mm
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(6 * mm, y, f"{carrier_name} · {request.service}")
        y -= 7 * mm
        canvas.setFont("Helvetica", 8)
        canvas.drawString(
            6 * mm, y, f"De / From: {request.sender_name}, {request.sender_city} ({request.sender_country})"
        )
        y -= 10 * mm
        canvas.setFont("Helvetica-Bold", 11)
        for text in (
            request.recipient_name,
            request.street,
            f"{request.postal_code} {request.city}".strip(),
            request.country,
        ):
            if text:
                canvas.drawString(6 * mm, y, text[:48])
                y -= 5.5 * mm
        y -= 4 * mm
        canvas.setFont("Helvetica", 9)
        canvas.drawString(6 * mm, y, f"Ref: {request.reference}   Bulto / parcel {parcel.number}/{parcel.of}")
        y -= 5 * mm
        canvas.drawString(
            6 * mm, y, f"Peso / weight {parcel.weight_kg} kg   Fecha / date {request.ship_date:%Y-%m-%d}"
        )
        y -= 22 * mm
        code128.Code128(tracking_number, barHeight=16 * mm, barWidth=0.4 * mm).drawOn(canvas, 6 * mm, y)
        y -= 5 * mm
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(6 * mm, y, tracking_number)
        if parcel.sscc:
            y -= 22 * mm
            code128.Code128(f"00{parcel.sscc}", barHeight=14 * mm, barWidth=0.3 * mm).drawOn(
                canvas, 6 * mm, y
            )
            y -= 5 * mm
            canvas.setFont("Helvetica", 8)
            canvas.drawString(6 * mm, y, f"(00) {parcel.sscc}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()
