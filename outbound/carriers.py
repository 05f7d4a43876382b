"""A carrier booking adapter that behaves like a real one without a network: tracking numbers with a
check digit, PDF labels, and the same answer for a retried booking (idempotency key)."""

from __future__ import annotations

import hashlib
import threading

from core.fulfilment.domain.shipping import Booking, BookingRequest
from outbound.print.label import label_pdf

NAMES = {"TRANSLOG": "TransLog", "FRIO": "FríoExpress", "CORREO": "Correo Paquetería"}


def tracking_number(carrier: str, key: str) -> str:
    """`<carrier prefix><10 digits><check digit>`, stable for the same carrier and key."""
    digits = str(int(hashlib.sha256(f"{carrier}:{key}".encode()).hexdigest(), 16))[:10]
    check = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10
    prefix = "".join(ch for ch in carrier.upper() if ch.isalnum())[:2] or "XX"
    return f"{prefix}{digits}{check}ES"


class FakeCarrier:
    """Books shipments with any carrier code; remembers its bookings by idempotency key."""

    def __init__(self) -> None:
        self._booked: dict[str, Booking] = {}
        self._lock = threading.Lock()
        self.calls = 0

    def book(self, request: BookingRequest) -> Booking:
        with self._lock:
            self.calls += 1
            key = f"{request.carrier}:{request.idempotency_key}"
            if key not in self._booked:
                number = tracking_number(request.carrier, request.idempotency_key)
                name = NAMES.get(request.carrier, request.carrier)
                self._booked[key] = Booking(number, label_pdf(request, number, name))
            return self._booked[key]
