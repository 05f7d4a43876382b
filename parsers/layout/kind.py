"""What a document is by its own title: a purchase order, an order confirmation, a quote, an invoice,
a credit note or a delivery note. Read from short title lines, so that "Invoice address:" or
"Remito Nro.:" in a field label never makes an order an invoice."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.capture.domain.order import DocumentKind
from parsers.layout.text import fold

# Title words, most specific first (a "factura rectificativa" is a credit note, not an invoice).
_TITLES: tuple[tuple[DocumentKind, str], ...] = (
    (
        DocumentKind.CREDIT_NOTE,
        r"nota de cr[eé]dito|nota de abono|factura rectificativa|abono|credit note|credit memo|gutschrift|"
        r"avoir|nota di credito",
    ),
    (
        DocumentKind.ORDER_CONFIRMATION,
        r"confirmaci[oó]n de pedido|confirmacion del pedido|order confirmation|order acknowledge?ment|"
        r"sales order|pedido de venta|acuse de pedido|auftragsbest[aä]tigung|confirmation de commande|"
        r"conferma d'ordine|confirma[cç][aã]o de encomenda",
    ),
    (
        DocumentKind.QUOTE,
        r"presupuesto|cotizaci[oó]n|oferta|quotation|quote|proforma|pro-forma|angebot|devis|preventivo|"
        r"or[cç]amento",
    ),
    (
        DocumentKind.DELIVERY_NOTE,
        r"albar[aá]n|nota de entrega|delivery note|packing slip|packing list|despatch note|dispatch note|"
        r"remito|lieferschein|bon de livraison|documento di trasporto|ddt|guia de remessa",
    ),
    (DocumentKind.INVOICE, r"factura|invoice|rechnung|facture|fattura|fatura|tax invoice"),
    (
        DocumentKind.ORDER,
        r"pedido|orden de compra|hoja de pedido|nota de pedido|purchase order|order form|order|"
        r"bestellung|commande|bon de commande|ordine|ordine d'acquisto|encomenda|nota de encomenda",
    ),
)
_PATTERNS = tuple((kind, re.compile(rf"^(?:{words})\b")) for kind, words in _TITLES)
# What follows a title word when it is a field label instead ("Invoice to:", "Factura a nombre de")
_LABEL_AFTER = re.compile(
    r"^\s*(?::|to\b|a\b|address|and\b|no\b|n[ºo°]\b|nro|number|date|fecha|de facturaci)"
)
MAX_TITLE_WORDS = 6


def title_kind(phrase: str) -> DocumentKind | None:
    """The kind a title names ("FACTURA", "Purchase Order 4471", "Albarán nº 12"), if the phrase is one."""
    text = fold(phrase).strip(" .-▌|*")
    if not text or len(text.split()) > MAX_TITLE_WORDS:
        return None
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end() :]
        numbered = bool(re.match(r"^\s*(?:n[ºo°]\.?|nro\.?|no\.?|#|number)?\s*:?\s*[\w-]*\d", rest))
        if rest.strip() and _LABEL_AFTER.match(rest) and not numbered:
            return None
        if rest.strip().endswith(":") and not numbered:
            return None
        return kind
    return None


def document_kind(titles: Sequence[tuple[str, float]]) -> DocumentKind | None:
    """The kind named by the most prominent title: `titles` are (phrase, type size) in reading order,
    from the top of the first page; the largest type wins, the first of equal size."""
    best: tuple[float, DocumentKind] | None = None
    for phrase, size in titles:
        kind = title_kind(phrase)
        if kind is not None and (best is None or size > best[0] * 1.05):
            best = (size, kind)
    return best[1] if best is not None else None
