"""The words of the order confirmation in Spanish and English, and the reasons for a rejection."""

from __future__ import annotations

from collections.abc import Mapping

TEXTS: dict[str, dict[str, str]] = {
    "es": {
        "title": "CONFIRMACIÓN DE PEDIDO",
        "title_rejected": "PEDIDO NO ACEPTADO",
        "your_order": "Su pedido",
        "order_date": "Fecha de su pedido",
        "our_ref": "Nuestra referencia",
        "date": "Fecha",
        "delivery": "Entrega solicitada",
        "intro": "Confirmamos su pedido con las líneas y precios siguientes, tal como los hemos entendido:",
        "intro_rejected": "No podemos aceptar su pedido tal como nos ha llegado."
        " Estas son las líneas que hemos leído:",
        "pos": "Pos.",
        "item": "Artículo",
        "description": "Descripción",
        "qty": "Cantidad",
        "unit": "Ud.",
        "price": "Precio",
        "amount": "Importe",
        "total": "Total",
        "promotion": "Promoción",
        "reasons": "Motivos:",
        "closing": "Si algo no coincide con su pedido, avísenos cuanto antes (fax {fax}) indicando nuestra"
        " referencia. Precios sin IVA.",
        "page": "Página",
    },
    "en": {
        "title": "ORDER CONFIRMATION",
        "title_rejected": "ORDER NOT ACCEPTED",
        "your_order": "Your order",
        "order_date": "Your order date",
        "our_ref": "Our reference",
        "date": "Date",
        "delivery": "Requested delivery",
        "intro": "We confirm your order with the following lines and prices, as we understood them:",
        "intro_rejected": "We cannot accept your order as we received it. These are the lines we read:",
        "pos": "Pos.",
        "item": "Item",
        "description": "Description",
        "qty": "Quantity",
        "unit": "Unit",
        "price": "Price",
        "amount": "Amount",
        "total": "Total",
        "promotion": "Promotion",
        "reasons": "Reasons:",
        "closing": "If anything differs from your order, please let us know at once (fax {fax}) quoting our"
        " reference. Prices exclude VAT.",
        "page": "Page",
    },
}

# Spanish wording of the problem codes a customer may be told about; other codes show their message.
PROBLEMS_ES: dict[str, str] = {
    "missing_po_number": "falta el número de pedido",
    "no_lines": "el pedido no tiene líneas",
    "unknown_customer": "no le hemos podido identificar como cliente",
    "unknown_product": "un artículo no figura en nuestro catálogo",
    "missing_quantity": "falta una cantidad",
    "invalid_quantity": "una cantidad no es válida",
    "invalid_date": "una fecha no es válida",
    "delivery_before_order": "la fecha de entrega es anterior a la del pedido",
    "delivery_in_past": "la fecha de entrega ya ha pasado",
    "currency_mismatch": "la moneda no es la acordada",
    "price_mismatch": "un precio no coincide con nuestra tarifa",
    "amount_mismatch": "un importe no es cantidad × precio",
    "total_mismatch": "el total no es la suma de las líneas",
    "unreadable": "no hemos podido leer el documento",
    "cancellation": "el documento anula un pedido",
}


def problem_text(problem: Mapping[str, str | None], language: str) -> str:
    """One reason, in the customer's language where we have the words, naming the field it concerns."""
    code = problem.get("code") or ""
    text = PROBLEMS_ES.get(code) if language == "es" else None
    text = text or problem.get("message") or code
    where = problem.get("field")
    return f"{text} ({where})" if where and language == "es" and code in PROBLEMS_ES else text
