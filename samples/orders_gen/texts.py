"""Words the generated orders print: labels in Spanish and English (several synonyms each), letter text."""

from __future__ import annotations

import random

LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "title": {
        "es": ("PEDIDO DE COMPRA", "PEDIDO", "ORDEN DE COMPRA", "HOJA DE PEDIDO"),
        "en": ("PURCHASE ORDER", "ORDER", "PURCHASE ORDER"),
    },
    "po": {
        "es": ("Nº pedido", "Número de pedido", "Pedido nº", "Nº de pedido", "Orden de compra"),
        "en": ("PO number", "Order no.", "Purchase order no.", "PO No.", "Order number"),
    },
    "date": {
        "es": ("Fecha", "Fecha pedido", "Fecha de pedido", "Fecha del pedido"),
        "en": ("Date", "Order date", "PO date", "Date of order"),
    },
    "delivery": {
        "es": ("Fecha de entrega", "Fecha entrega", "Entrega solicitada", "Plazo de entrega"),
        "en": ("Delivery date", "Required by", "Requested delivery", "Deliver by"),
    },
    "customer_id": {
        "es": ("Nº cliente", "Código de cliente", "Su código de cliente", "Cliente nº"),
        "en": ("Customer no.", "Account no.", "Your customer no.", "Customer account"),
    },
    "gln": {"es": ("GLN", "GLN comprador", "Código GLN"), "en": ("GLN", "Buyer GLN", "GLN")},
    "supplier": {"es": ("Proveedor", "Proveedor:", "A la atención de"), "en": ("Supplier", "Vendor", "To")},
    "ship_to": {
        "es": ("Dirección de entrega", "Lugar de entrega", "Entregar en", "Enviar a"),
        "en": ("Ship to", "Deliver to", "Delivery address", "Ship to address"),
    },
    "currency": {"es": ("Moneda", "Divisa"), "en": ("Currency", "Currency")},
    "code": {
        "es": ("Referencia", "Ref.", "Código", "Artículo", "Cód. artículo"),
        "en": ("Item", "Item code", "Part no.", "Product code", "Item #"),
    },
    "gtin": {"es": ("EAN", "Código EAN"), "en": ("EAN", "GTIN")},
    "description": {
        "es": ("Descripción", "Denominación", "Concepto", "Descripción del artículo"),
        "en": ("Description", "Description", "Item description"),
    },
    "qty": {"es": ("Cantidad", "Cant.", "Unidades"), "en": ("Qty", "Quantity", "Qty ordered")},
    "unit": {"es": ("Ud.", "Unidad", "UM"), "en": ("Unit", "UoM", "UOM")},
    "price": {
        "es": ("Precio", "Precio unit.", "Precio unitario", "P. unitario"),
        "en": ("Unit price", "Price", "Unit cost", "Price each"),
    },
    "amount": {
        "es": ("Importe", "Total", "Importe neto"),
        "en": ("Amount", "Line total", "Total", "Net amount"),
    },
    "position": {"es": ("Pos.", "Línea", "Nº"), "en": ("Pos.", "Line", "No.")},
    "subtotal": {
        "es": ("Base imponible", "Total neto", "Subtotal"),
        "en": ("Subtotal", "Net total", "Total net"),
    },
    "vat": {"es": ("IVA", "I.V.A."), "en": ("VAT", "VAT")},
    "total": {
        "es": ("TOTAL", "Total pedido", "Importe total", "Total"),
        "en": ("TOTAL", "Order total", "Total", "Grand total"),
    },
    "total_gross": {
        "es": ("Total con IVA", "TOTAL (IVA incl.)"),
        "en": ("Total incl. VAT", "Total inc. VAT"),
    },
    "carried": {"es": ("Suma y sigue", "Suma y sigue"), "en": ("Carried forward", "Total carried forward")},
    "brought": {"es": ("Suma anterior", "Suma anterior"), "en": ("Brought forward", "Brought forward")},
    "page": {"es": ("Página", "Pág."), "en": ("Page", "Page")},
}

INTROS = {
    "es": (
        "Estimados señores: les rogamos nos suministren los artículos que se detallan a continuación, "
        "a los precios acordados y en el plazo indicado.",
        "Muy señores nuestros: por la presente les confirmamos nuestro pedido de los siguientes artículos. "
        "Les agradeceremos acusen recibo a la mayor brevedad.",
    ),
    "en": (
        "Dear Sirs, please supply the following goods at the agreed prices and by the date shown below.",
        "Please accept this purchase order for the items listed below and confirm receipt by return.",
    ),
}
TERMS = {
    "es": (
        "Condiciones: pago a 60 días fecha factura. Horario de descarga de 8:00 a 14:00 h. "
        "Indiquen nuestro número de pedido en el albarán y en la factura.",
        "Forma de pago: transferencia a 30 días. No se admitirán entregas parciales sin aviso previo.",
    ),
    "en": (
        "Terms: payment 30 days from invoice. Deliveries accepted Monday to Friday, 8 am to 4 pm. "
        "Please quote our order number on all delivery notes and invoices.",
        "Part deliveries only by prior arrangement. Goods remain subject to inspection on arrival.",
    ),
}
CLOSINGS = {
    "es": ("Atentamente,", "Un cordial saludo,", "Fdo.:"),
    "en": ("Yours faithfully,", "Kind regards,", "Signed:"),
}
FOOTERS = {
    "es": "{name} · CIF {vat} · Inscrita en el Registro Mercantil, tomo 1234, folio 56, hoja M-78901",
    "en": "{name} · VAT reg. {vat} · Registered in England and Wales no. 04512398",
}


def label(rng: random.Random, field: str, language: str) -> str:
    return rng.choice(LABELS[field][language])


def pick(rng: random.Random, options: dict[str, tuple[str, ...]], language: str) -> str:
    return rng.choice(options[language])
