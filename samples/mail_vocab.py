"""What the generated order e-mails are made of: the buyers who send them, the articles they order, and the
phrasings, greetings, closings and disclaimers they type, in Spanish and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Buyer:
    customer_id: str | None
    company: str
    domain: str
    people: tuple[tuple[str, str], ...]  # (name, local part)
    language: str
    codes: dict[str, str]  # our SKU -> the customer's own code
    phone: str = ""  # the company's number, as its signatures print it


BUYERS = (
    Buyer(
        "C-1001",
        "Ferretería Núñez S.L.",
        "ferreterianunez.es",
        (("Ana Núñez", "pedidos"), ("José Ibáñez", "jose.ibanez")),
        "es",
        {"TOR-M8-40": "4711", "TUE-M8": "4712", "ARA-M8": "4713"},
        "+34 912 345 678",
    ),
    Buyer(
        "C-1002",
        "Bricolaje Galicia S.A.",
        "bricogalicia.es",
        (("Uxía Castro", "compras"), ("Iñaki Pérez", "almacen")),
        "es",
        {"TAC-6": "BG-TAC6"},
        "+34 981 234 567",
    ),
    Buyer(
        "C-2001",
        "Hartley Hardware Ltd",
        "hartleyhardware.co.uk",
        (("Chloe Hartley", "orders"), ("Sam O'Brien", "sam.obrien")),
        "en",
        {"BRO-HSS-8": "HH-DRILL-8", "GUA-NIT-L": "HH-GLOVE-L"},
        "+44 20 7946 0123",
    ),
)
STRANGER = Buyer(
    None,
    "Suministros Desconocidos",
    "desconocidos-sl.es",
    (("Luis Gómez", "luis"),),
    "es",
    {},
    "+34 963 000 111",
)
PRODUCTS = {  # sku: (unit, Spanish name, English name)
    "TOR-M8-40": ("UD", "tornillo hexagonal M8x40", "hex bolt M8x40"),
    "TOR-M10-60": ("UD", "tornillo hexagonal M10x60", "hex bolt M10x60"),
    "TUE-M8": ("UD", "tuerca M8", "hex nut M8"),
    "ARA-M8": ("UD", "arandela M8", "flat washer M8"),
    "TAC-6": ("CAJ", "taco de nailon 6 mm", "nylon wall plug 6 mm"),
    "BRO-HSS-8": ("UD", "broca HSS 8 mm", "HSS drill bit 8 mm"),
    "CIN-AIS-19": ("UD", "cinta aislante 19 mm", "insulating tape 19 mm"),
    "GUA-NIT-L": ("CAJ", "guantes de nitrilo talla L", "nitrile gloves size L"),
    "SIL-TRA-300": ("UD", "silicona neutra 300 ml", "neutral silicone 300 ml"),
    "LLA-AJ-250": ("UD", "llave ajustable 250 mm", "adjustable wrench 250 mm"),
}
FORMS = {
    "es": (
        "{q} x {code}",
        "{q} uds x {code}",
        "Ref. {code}: {q} uds",
        "- {code}: {q} unidades",
        "{q} uds de {code} ({name})",
        "Código {code} - {q} unidades",
        "{code} ({q} uds)",
        "* {q} x {code} {name}",
    ),
    "en": (
        "{q} x {code}",
        "qty {q} of {code}",
        "{q} pcs {code}",
        "- {code}: {q}",
        "Item {code} - {q} units",
        "{q} x {code} ({name})",
        "* {code} x {q}",
    ),
}
BOX_FORMS = {"es": "* {q} cajas de {code}", "en": "- {q} boxes of {code}"}
GREETINGS = {
    "es": ("Hola,", "Buenos días:", "Buenas tardes,", "Estimados señores:"),
    "en": ("Hi,", "Hello,", "Good morning,", "Dear Sir or Madam,"),
}
INTROS = {
    "es": (
        "Os paso el pedido de esta semana:",
        "Por favor, enviadnos lo siguiente:",
        "Necesitamos:",
        "Gracias por todo. Os hago un pedido:",
        "Les ruego nos sirvan:",
    ),
    "en": (
        "Please supply the following:",
        "Here is this week's order:",
        "We need:",
        "Thanks for the quick delivery last time. Please send:",
    ),
}
CLOSINGS = {
    "es": ("Un saludo,", "Saludos,", "Gracias,", "Atentamente,"),
    "en": ("Regards,", "Kind regards,", "Thanks,", "Best,"),
}
DISCLAIMERS = {
    "es": "AVISO LEGAL: Este mensaje y sus anexos son confidenciales y se dirigen exclusivamente a su "
    "destinatario. Si lo ha recibido por error, comuníquelo y bórrelo. Ref. 9999: 10 uds de nada.",
    "en": "This e-mail and any attachments are confidential and intended solely for the addressee. "
    "If you received it in error, delete it. 5 x NOT-AN-ORDER-1.",
}
