"""Facts an e-mail body states beside its lines: the order date in prose ("dated 2026-09-11",
"Valencia, 2 de diciembre de 2026"), a delivery date it names but that cannot be read, the strong
identifiers in its text and signature, and what kind of document its subject says it is."""

from __future__ import annotations

import re
from datetime import date

from core.capture.domain.order import DocumentKind, Identifier, Provenance, UnreadField
from parsers.email import fields
from parsers.layout import identifiers
from parsers.layout.kind import title_kind

_ORDER_DATE = re.compile(
    r"(?:\bdated|\bde fecha|\bcon fecha|\bfecha(?: del pedido)?\s*:|\border date\s*:|\bdate\s*:)\s*",
    re.IGNORECASE,
)
# a letter's place and date: "Valencia, 2 de diciembre de 2026", "London, 3rd December 2026"
_PLACE_DATE = re.compile(
    r"^\s*[A-ZÁÉÍÓÚÑ][\w'.-]*(?:\s+[\w'.-]+){0,3},\s+(?:a\s+|el\s+|on\s+)?(?=\d)", re.MULTILINE
)
_DATE_FIRST = re.compile(r"\s*(?:\d|[A-Za-zé]{3,10}\.?\s+\d)")
_NUMERIC_DATE = re.compile(r"\s*(?:el\s+|the\s+|on\s+)?\d{1,4}\s*[/.-]\s*\d")
WINDOW = 40  # characters after a label in which its date stands


def order_date(text: str, reference: date) -> date | None:
    """The order date the text states in prose, if any (the e-mail's own date otherwise applies)."""
    for pattern in (_ORDER_DATE, _PLACE_DATE):
        for m in pattern.finditer(text):
            found = fields.first_date(text[m.end() : m.end() + WINDOW], reference)
            if found is not None and _at_start(text[m.end() : m.end() + WINDOW]):
                return found
    return None


def _at_start(window: str) -> bool:
    """Whether the window begins with its date (a number or a month name), not some other words."""
    return bool(_DATE_FIRST.match(window))


def unread_delivery(text: str, reference: date) -> tuple[UnreadField, ...]:
    """A delivery label followed by something date-like ("antes del 31/11/2026", "for 12.13.") that
    reads as no date: named, so the order waits for a person instead of flowing on without it."""
    if fields.delivery_date(reference, text) is not None:
        return ()
    for label in fields.delivery_labels(text):
        window = text[label.end() : label.end() + WINDOW].split("\n")[0]
        if _NUMERIC_DATE.match(window):
            return (UnreadField("requested_delivery_date", label.group(0), Provenance(raw=window.strip())),)
    return ()


def printed_identifiers(text: str) -> tuple[Identifier, ...]:
    found = [i for line in text.splitlines() for i in identifiers.in_text(line)]
    return identifiers.unique(found)


def kind(subject: str) -> DocumentKind:
    """The kind the subject names ("Factura 2231", "Albarán del pedido ..."); an order otherwise."""
    return title_kind(subject) or DocumentKind.ORDER
