"""Label wording for drawn orders in six languages (es/en mainly; pt/fr/de/it as foreign buyers print
them), several synonyms per field, as ERPs, forms and small firms word them."""

from __future__ import annotations

import random

W = dict[str, tuple[str, ...]]
LANGS = ("es", "en", "pt", "fr", "de", "it")

LABELS: dict[str, W] = {
    "title": {
        "es": ("PEDIDO DE COMPRA", "PEDIDO", "ORDEN DE COMPRA", "Pedido a proveedor", "NOTA DE PEDIDO"),
        "en": ("PURCHASE ORDER", "Purchase Order", "ORDER", "PO", "Purchase order"),
        "pt": ("NOTA DE ENCOMENDA", "Encomenda", "PEDIDO DE COMPRA"),
        "fr": ("BON DE COMMANDE", "Commande fournisseur", "COMMANDE"),
        "de": ("BESTELLUNG", "Bestellung", "Einkaufsbestellung"),
        "it": ("ORDINE DI ACQUISTO", "Ordine fornitore", "ORDINE"),
    },
    "po": {
        "es": ("Nº pedido", "Número de pedido", "Pedido nº", "Nº de pedido", "N/Pedido", "Ref. pedido"),
        "en": ("PO number", "Order no.", "P.O. No.", "PO #", "Order number", "Purchase order no."),
        "pt": ("Nº encomenda", "Encomenda n.º", "N.º do pedido"),
        "fr": ("N° de commande", "Commande n°", "Réf. commande"),
        "de": ("Bestellnummer", "Bestell-Nr.", "Bestellung Nr."),
        "it": ("N. ordine", "Ordine n.", "Numero ordine"),
    },
    "date": {
        "es": ("Fecha", "Fecha pedido", "Fecha de pedido", "Fecha emisión"),
        "en": ("Date", "Order date", "PO date", "Date issued"),
        "pt": ("Data", "Data da encomenda"),
        "fr": ("Date", "Date de commande"),
        "de": ("Datum", "Bestelldatum"),
        "it": ("Data", "Data ordine"),
    },
    "delivery": {
        "es": ("Fecha de entrega", "Fecha entrega", "Entrega", "Plazo de entrega", "F. entrega"),
        "en": ("Delivery date", "Required by", "Deliver by", "Need by", "Requested delivery", "Due date"),
        "pt": ("Data de entrega", "Prazo de entrega"),
        "fr": ("Date de livraison", "Livraison souhaitée", "Délai"),
        "de": ("Liefertermin", "Lieferdatum", "Wunschtermin"),
        "it": ("Data consegna", "Consegna richiesta"),
    },
    "customer_id": {
        "es": ("Nº cliente", "Código cliente", "Su ref. cliente", "Cliente nº"),
        "en": ("Customer no.", "Account no.", "Your account", "Customer ID"),
        "pt": ("N.º cliente", "Cliente n.º"),
        "fr": ("N° client", "Code client"),
        "de": ("Kundennummer", "Kunden-Nr."),
        "it": ("Codice cliente", "N. cliente"),
    },
    "vendor_no": {
        "es": ("Nº proveedor", "Cód. proveedor", "Proveedor nº"),
        "en": ("Vendor no.", "Supplier no.", "Vendor ID"),
        "pt": ("N.º fornecedor",),
        "fr": ("N° fournisseur", "Code fournisseur"),
        "de": ("Lieferantennummer", "Lief.-Nr."),
        "it": ("Codice fornitore",),
    },
    "gln": {k: ("GLN", "GLN", "EAN/GLN") for k in LANGS},
    "vat": {
        "es": ("CIF", "NIF", "C.I.F."),
        "en": ("VAT no.", "VAT reg.", "Tax ID"),
        "pt": ("NIF", "Contribuinte"),
        "fr": ("N° TVA", "TVA intracom."),
        "de": ("USt-IdNr.", "USt-ID"),
        "it": ("P. IVA", "Partita IVA"),
    },
    "supplier": {
        "es": ("Proveedor", "A la atención de", "Señores"),
        "en": ("Vendor", "Supplier", "To"),
        "pt": ("Fornecedor", "Exmos. Senhores"),
        "fr": ("Fournisseur", "À l'attention de"),
        "de": ("Lieferant", "An"),
        "it": ("Fornitore", "Spett.le"),
    },
    "ship_to": {
        "es": ("Dirección de entrega", "Lugar de entrega", "Entregar en", "Enviar a"),
        "en": ("Ship to", "Deliver to", "Delivery address", "Ship To"),
        "pt": ("Local de entrega", "Morada de entrega"),
        "fr": ("Adresse de livraison", "Livrer à"),
        "de": ("Lieferanschrift", "Lieferadresse", "Anlieferung"),
        "it": ("Luogo di consegna", "Destinazione merce"),
    },
    "currency": {
        "es": ("Moneda", "Divisa"),
        "en": ("Currency", "Currency"),
        "pt": ("Moeda",),
        "fr": ("Devise", "Monnaie"),
        "de": ("Währung",),
        "it": ("Valuta",),
    },
    "code": {
        "es": ("Referencia", "Ref.", "Código", "Artículo", "Cód. art.", "Articulo", "Código artículo"),
        "en": (
            "Item",
            "Item code",
            "Part no.",
            "Product code",
            "Item #",
            "SKU",
            "ITEM NO.",
            "Item Number",
            "Part Number",
            "Material",
        ),
        "pt": ("Referência", "Código", "Artigo", "Código produto"),
        "fr": ("Référence", "Réf.", "Code article"),
        "de": ("Artikel-Nr.", "Material", "Art.-Nr.", "Artikelnummer", "Materialnummer"),
        "it": ("Codice", "Cod. articolo", "Articolo", "Codice articolo"),
    },
    "gtin": {k: ("EAN", "EAN13", "GTIN", "Cód. barras" if k == "es" else "EAN") for k in LANGS},
    "description": {
        "es": ("Descripción", "Denominación", "Concepto", "Artículo / Descripción"),
        "en": ("Description", "Item description", "Product", "Details"),
        "pt": ("Descrição", "Designação"),
        "fr": ("Désignation", "Description", "Libellé"),
        "de": ("Bezeichnung", "Beschreibung", "Kurztext"),
        "it": ("Descrizione", "Denominazione"),
    },
    "qty": {
        "es": ("Cantidad", "Cant.", "Unidades", "Uds."),
        "en": ("Qty", "Quantity", "Qty ordered", "QTY"),
        "pt": ("Quantidade", "Qtd."),
        "fr": ("Quantité", "Qté"),
        "de": ("Menge", "Bestellmenge"),
        "it": ("Quantità", "Q.tà"),
    },
    "unit": {
        "es": ("Ud.", "Unidad", "UM", "U.M."),
        "en": ("Unit", "UoM", "UOM", "U/M"),
        "pt": ("Un.", "Unidade"),
        "fr": ("Unité", "UV"),
        "de": ("ME", "Einheit"),
        "it": ("UM", "U.M."),
    },
    "price": {
        "es": ("Precio", "Precio unit.", "Precio unitario", "P. unitario", "Precio/ud."),
        "en": ("Unit price", "Price", "Unit cost", "Price each", "Rate"),
        "pt": ("Preço unit.", "Preço unitário"),
        "fr": ("Prix unitaire", "P.U. HT", "Prix unit."),
        "de": ("Preis", "Einzelpreis", "Nettopreis"),
        "it": ("Prezzo unitario", "Prezzo"),
    },
    "per": {
        "es": ("Por", "P.U.P.", "Cant. precio"),
        "en": ("Per", "Price unit", "Per"),
        "pt": ("Por",),
        "fr": ("Par",),
        "de": ("PE", "pro"),
        "it": ("Per",),
    },
    "discount": {
        "es": ("Dto. %", "% Dto.", "Descuento"),
        "en": ("Disc. %", "Discount %", "Disc"),
        "pt": ("Desc. %",),
        "fr": ("Remise %", "Rem."),
        "de": ("Rabatt %", "Rab."),
        "it": ("Sconto %", "Sc."),
    },
    "amount": {
        "es": ("Importe", "Total", "Importe neto", "Subtotal"),
        "en": ("Amount", "Line total", "Total", "Ext. price", "Net amount"),
        "pt": ("Valor", "Total"),
        "fr": ("Montant HT", "Montant", "Total HT"),
        "de": ("Betrag", "Gesamtpreis", "Nettowert"),
        "it": ("Importo", "Totale"),
    },
    "position": {
        "es": ("Pos.", "Línea", "Nº", "It."),
        "en": ("Pos.", "Line", "#", "Item"),
        "pt": ("Pos.", "Linha"),
        "fr": ("Pos.", "Ligne"),
        "de": ("Pos.", "Pos"),
        "it": ("Pos.", "Riga"),
    },
    "rev": {
        "es": ("Rev.", "Revisión"),
        "en": ("Rev", "Rev."),
        "pt": ("Rev.",),
        "fr": ("Ind.", "Rév."),
        "de": ("Rev.", "Index"),
        "it": ("Rev.",),
    },
    "colour": {
        "es": ("Color",),
        "en": ("Colour", "Color"),
        "pt": ("Cor",),
        "fr": ("Couleur",),
        "de": ("Farbe",),
        "it": ("Colore",),
    },
    "size": {
        "es": ("Talla", "Medida"),
        "en": ("Size",),
        "pt": ("Tamanho",),
        "fr": ("Taille",),
        "de": ("Größe",),
        "it": ("Taglia", "Misura"),
    },
    "subtotal": {
        "es": ("Base imponible", "Total neto", "Subtotal", "Suma"),
        "en": ("Subtotal", "Net total", "Sub-total", "Total net"),
        "pt": ("Total líquido", "Subtotal"),
        "fr": ("Total HT", "Sous-total"),
        "de": ("Nettobetrag", "Summe netto", "Zwischensumme"),
        "it": ("Imponibile", "Totale imponibile"),
    },
    "tax": {
        "es": ("IVA",),
        "en": ("VAT", "Sales tax", "Tax"),
        "pt": ("IVA",),
        "fr": ("TVA",),
        "de": ("MwSt.", "USt."),
        "it": ("IVA",),
    },
    "total": {
        "es": ("TOTAL", "Total pedido", "Importe total", "Total"),
        "en": ("TOTAL", "Order total", "Total", "Grand total"),
        "pt": ("TOTAL", "Total"),
        "fr": ("TOTAL", "Total commande"),
        "de": ("Gesamt", "Gesamtbetrag", "Summe"),
        "it": ("TOTALE", "Totale ordine"),
    },
    "total_gross": {
        "es": ("Total con IVA", "TOTAL (IVA incl.)", "Total pedido IVA incl."),
        "en": ("Total incl. tax", "Total inc. VAT", "Order total incl. tax"),
        "pt": ("Total c/ IVA",),
        "fr": ("Total TTC",),
        "de": ("Gesamtbetrag brutto", "Endbetrag"),
        "it": ("Totale IVA incl.", "Totale ordine IVA incl."),
    },
    "carried": {
        "es": ("Suma y sigue", "A la vuelta", "Suma y sigue"),
        "en": ("Carried forward", "Continued – subtotal", "Total c/f"),
        "pt": ("A transportar",),
        "fr": ("À reporter",),
        "de": ("Übertrag",),
        "it": ("A riportare",),
    },
    "brought": {
        "es": ("Suma anterior", "Viene de la página anterior"),
        "en": ("Brought forward", "Total b/f"),
        "pt": ("Transporte",),
        "fr": ("Report",),
        "de": ("Übertrag",),
        "it": ("Riporto",),
    },
    "page": {
        "es": ("Página", "Pág.", "Hoja"),
        "en": ("Page", "Page", "Sheet"),
        "pt": ("Página",),
        "fr": ("Page",),
        "de": ("Seite",),
        "it": ("Pagina", "Pag."),
    },
    "of": {"es": ("de",), "en": ("of",), "pt": ("de",), "fr": ("/",), "de": ("von",), "it": ("di",)},
    "contact": {
        "es": ("Comprador", "Contacto", "Atendido por"),
        "en": ("Buyer", "Contact", "Requested by"),
        "pt": ("Comprador",),
        "fr": ("Acheteur", "Contact"),
        "de": ("Einkäufer", "Ansprechpartner"),
        "it": ("Buyer", "Referente"),
    },
    "phone": {
        "es": ("Tel.", "Teléfono", "Tfno."),
        "en": ("Tel", "Phone", "Ph."),
        "pt": ("Tel.",),
        "fr": ("Tél.",),
        "de": ("Tel.", "Telefon"),
        "it": ("Tel.",),
    },
    "per_word": {
        "es": ("por",),
        "en": ("per",),
        "pt": ("por",),
        "fr": ("par",),
        "de": ("je", "pro"),
        "it": ("per",),
    },
    "line_delivery": {
        "es": ("Fecha entrega",),
        "en": ("Delivery date",),
        "pt": ("Entrega",),
        "fr": ("Livraison",),
        "de": ("Liefertermin",),
        "it": ("Consegna",),
    },
    # an item code on a line of its own under the description ("Item Code: ABC-12")
    "code_label": {
        "es": ("Código", "Ref.", "Referencia", "Cód. artículo"),
        "en": ("Item Code", "Part No.", "SKU", "Item No."),
        "pt": ("Código", "Ref."),
        "fr": ("Réf.", "Code article"),
        "de": ("Art.-Nr.", "Artikelnummer"),
        "it": ("Codice", "Cod. articolo"),
    },
}


class Labels:
    """The wording one document uses, chosen once so every page says the same."""

    def __init__(self, rng: random.Random, language: str, upper: bool = False) -> None:
        self.language = language
        self.words = {f: rng.choice(options[language]) for f, options in LABELS.items()}
        if upper:
            self.words = {k: v.upper() for k, v in self.words.items()}

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def colon(self, key: str, colon: bool = True) -> str:
        return f"{self.words[key]}:" if colon else self.words[key]
