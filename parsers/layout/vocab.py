"""Spanish and English words that mark header fields, table columns, totals and lines to skip."""

from __future__ import annotations

import itertools

from parsers.layout.text import token_key


def _phrases(texts: str) -> tuple[tuple[str, ...], ...]:
    """Label phrases ("a b|c") as tuples of folded tokens, longest first so the longest match wins."""
    out = {tuple(token_key(w) for w in t.split() if token_key(w)) for t in texts.split("|")}
    return tuple(sorted((p for p in out if p), key=lambda p: (-len(p), p)))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HEADER_LABELS: dict[str, tuple[tuple[str, ...], ...]] = {
    "po_number": _phrases(
        "nº pedido|no pedido|n. pedido|num pedido|num. pedido|numero pedido|número de pedido|"
        "pedido nº|pedido no|nº de pedido|no de pedido|pedido|orden de compra|nº orden|"
        "orden de compra nº|nuestro pedido|ref. pedido|referencia pedido|pedido de compra nº|"
        "pedido de compra|hoja de pedido|"
        "po number|po no|po no.|po #|po|p.o.|p.o. number|order no|order no.|order number|"
        "purchase order|purchase order no|purchase order no.|purchase order number|order|order #|"
        "our order no|our order|numero de orden|número de orden|nº de orden|order n°|order nº|"
        "po #|p.o. #|p.o. no|p.o. no.|p.o.#|po#|número do pedido|nº encomenda|n° de commande|"
        "numéro de commande|bestellnummer|bestell-nr.|numero ordine|n. ordine|ordine n.|ordine nr.|ordine n°|"
        "ordine|bestellung nr.|bestellung|bestellung nr|commande n°|commande nº|commande|encomenda nº|"
        "encomenda n.º|encomenda n.|encomenda|pedido n.º|pedido n.|nº encomenda|auftrag nr.|"
        "auftragsnummer|n/pedido|"
        "n/ pedido|n/ped.|"
        "n/ref. pedido|n/orden|n.º do pedido|n.º pedido|n.º da encomenda|n.º encomenda|réf. commande|"
        "réf. de commande|référence commande|rif. ordine|riferimento ordine"
    ),
    # a document's own number: the order number on an order, not on an invoice or a delivery note
    "doc_number": _phrases(
        "document number|document no|document no.|doc. no|doc no|número de documento|nº documento|"
        "numero documento"
    ),
    "order_date": _phrases(
        "fecha|fecha pedido|fecha de pedido|fecha del pedido|fecha emisión|fecha documento|date|"
        "order date|po date|date of order|dated|issue date|fecha orden|p.o.date|p.o. date|document date|"
        "date ordered|fecha de compra|fecha de emisión|date generated|creation date|fecha de creación|"
        "date of issue|data do pedido|data da encomenda|date de commande|bestelldatum|auftragsdatum|"
        "data ordine|data dell'ordine|data documento|datum|bestelldatum|date|data|date du document|"
        "data da encomenda|data do documento|date d'émission|belegdatum|date issued|issued|issued on|"
        "fecha de expedición|data emissione|data di emissione|émis le|ausgestellt am|data de emissão"
    ),
    "delivery_date": _phrases(
        "fecha de entrega|fecha entrega|f. entrega|entrega solicitada|plazo de entrega|"
        "fecha entrega solicitada|entregar el|entregar antes de|fecha de suministro|delivery date|"
        "required by|requested delivery|requested delivery date|deliver by|required delivery date|"
        "need by|date required|delivery|shipment date|ship date|due date|delivery dt|delivery dt.|"
        "dispatch date|fecha de envío|data de entrega|date de livraison|liefertermin|lieferdatum|"
        "data di consegna|data consegna|plazo|entrega|antes del|antes de|entregar antes del|"
        "fecha prevista de entrega|fecha prevista|fecha requerida|fecha de entrega solicitada|deliver before|"
        "needed by|date needed|requested date|requested ship date|delivery required|prazo de entrega|"
        "data de entrega prevista|entrega prevista|livraison|livraison souhaitée|date de livraison souhaitée|"
        "délai de livraison|liefertermin gewünscht|wunschtermin|lieferung bis|liefern bis|consegna|"
        "consegna richiesta|data consegna richiesta|termine di consegna|délai|livrer avant le|consegna entro|"
        "entrega em|entregar até|termin|no later than|not later than|deliver no later than|no más tarde del|"
        "no más tarde de|entro il|au plus tard le|spätestens am|spätestens bis|até ao dia|até dia|"
        "para el día|en nuestro almacén el|on or before|to arrive by|arrive by"
    ),
    "party_id": _phrases(
        "nº cliente|no cliente|código de cliente|codigo cliente|cód. cliente|cod. cliente|"
        "su código de cliente|cliente nº|cliente no|nuestro código de cliente|customer no|"
        "customer no.|customer number|account no|account no.|account number|your customer no|"
        "your customer no.|customer account|customer id|gln|gln comprador|código gln|buyer gln|"
        "ean comprador|iln|kundennummer|kunden-nr.|kunden nr.|code client|n° client|nº client|numéro client|"
        "codice cliente|cod. cliente|número de cliente|nº de cliente|código do cliente|n.º cliente|"
        "n.º de cliente"
    ),
    "currency": _phrases("moneda|divisa|currency|valuta|devise|währung|moeda"),
    "ship_to": _phrases(
        "dirección de entrega|direccion entrega|lugar de entrega|entregar en|enviar a|"
        "punto de entrega|destino|ship to|ship to address|deliver to|delivery address|delivery to|"
        "consignee|ship-to|adresse de livraison|lieu de livraison|lieferadresse|lieferanschrift|"
        "luogo di consegna|indirizzo di consegna|endereço de entrega|local de entrega"
    ),
    "supplier": _phrases("proveedor|a la atención de|supplier|vendor|to"),
    "buyer": _phrases("cliente|comprador|facturar a|buyer|bill to|invoice to|customer"),
    "other": _phrases(
        "condiciones de entrega|forma de entrega|entrega parcial|entregas parciales|plazo de pago|"
        "delivery terms|terms of delivery|delivery conditions|delivery note|delivery method|"
        "conditions de livraison|mode de livraison|lieferbedingungen|lieferart|condizioni di consegna|"
        "condições de entrega|modo de entrega|incoterms|valid until|válido hasta|délai de paiement"
    ),
}

COLUMNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "pos": _phrases(
        "pos|pos.|it.|posición|posicion|línea|linea|line|nº|no|no.|#|ln|sno|s.no|sr. no|sl. no|item no.|"
        "lfd. nr.|pos. nr.|pos.-nr.|riga|linha|ligne|zeile|n. riga|nº linha|n° ligne"
    ),
    "code": _phrases(
        "referencia|ref|ref.|código|codigo|cód|cod|code|artículo|articulo|art|cód. artículo|"
        "cod. articulo|código artículo|item|item code|item #|item no|item number|part no|part no.|"
        "part number|"
        "product code|product number|material|sku|su referencia|product|article|article no|article number|"
        "ref. cliente|your ref|"
        "nº producto|no producto|variant number|size variant number|referência|código produto|"
        "référence|réf.|artikel|artikelnummer|art.-nr.|articolo|codice|cod. art.|materialnummer|artikel-nr.|"
        "code article|codice articolo|artigo|cód. artigo|código do artigo|ref. artigo|cod. articolo|"
        "código produto"
    ),
    # a heading naming both: the code leads the description ("Part/Description")
    "partdesc": _phrases(
        "part/description|part / description|part description|item/description|item / description|"
        "código/descripción|código / descripción|ref./descripción|ref. artículo / descripción|"
        "ref. / descripción|artículo / descripción|código artículo / descripción|code / description|"
        "item code / description|référence / désignation|art.-nr. / bezeichnung|codice / descrizione|"
        "código / descrição"
    ),
    "gtin": _phrases(
        "ean|gtin|código ean|ean13|código de barras|barcode|ean code|ean no|ean no.|upc|cód. barras|"
        "cod. barras|cód. de barras|cód barras|barras|code-barres|code barre|strichcode|codice a barre"
    ),
    "description": _phrases(
        "descripción|descripcion|denominación|denominacion|concepto|descripción del artículo|"
        "description|item description|designation|product description|detalle|texto breve|"
        "article description|size description|descrição|désignation|bezeichnung|descrizione|"
        "artikelbezeichnung|details|detalles|detalle del artículo|beschreibung|kurztext|libellé|"
        "denominazione|designação|dénomination"
    ),
    "qty": _phrases(
        "cantidad|cant|cant.|unidades|cantidad pedida|qty|qty.|quantity|qty ordered|"
        "quantity ordered|ordered|uds.|cdad|order quantity|order qty|quantidade|qtd|quantité|qté|"
        "menge|quantità|qtà|q.tà|q.té|qté.|bestellmenge|anzahl|quantita|"
        "oty|gty|qly|0ty|oty ordered|gty ordered|"  # "Qty" as OCR reads it on a fax
        "até|oté|gté|0té"  # and "Qté": the capital Q read as a, o, g or 0
    ),
    "unit": _phrases(
        "ud|ud.|unidad|um|u.m.|u/m|unit|uom|u/m|units|un|unidade|unité|einheit|unità|me|mengeneinheit|"
        "unidad de medida|unidade de medida|unità di misura|unité de mesure"
    ),
    "price": _phrases(
        "precio|precio unit|precio unit.|precio unitario|p. unitario|p. unit|p.unit|precio neto|"
        "pvp|unit price|price|unit cost|price each|net price|rate|price/unit|precio/ud|cost|"
        "precio por unidad|precio unitario sin iva|cost price|b.price|basic price|unit net price|"
        "preço|preço unitário|prix|prix unitaire|preis|einzelpreis|prezzo|prezzo unitario|preço unit|"
        "preço unit.|prix unit|prix unit.|prezzo unit|prezzo unit.|p. unit.|preço unid.|preis je einheit|"
        "nettopreis|netto-preis|nettoeinzelpreis|preis netto|prix net|prezzo netto|preço líquido|"
        "p.u.|p.u. ht|pu ht|prix ht|prix unitaire ht|prix unit. ht"
    ),
    "amount": _phrases(
        "importe|total|importe neto|amount|line total|net amount|valor neto|valor|net value|"
        "subtotal|ext. price|extended price|extension|total línea|importe total|value|total price|"
        "extended cost|ext. cost|ext cost|precio total|t.value|total value|montant|betrag|gesamtpreis|"
        "importo|valor total|totale|totale riga|importo riga|montant ht|gesamt|total ht|total línea neto|"
        "montante|valor líquido|nettowert|nettobetrag|gesamtbetrag|positionswert"
    ),
    # columns whose numbers are none of the line's quantity, price or amount
    "variant": _phrases(
        "rev|rev.|revision|revisión|estado de revisión|item details|colour|color|talla|size|"
        "size code|variant|version|versión|cor|couleur|farbe|colore|taglia|tamaño|medida|misura|tamanho|"
        "taille|größe|grösse"
    ),
    "date": _phrases(
        "due date|delivery date|fecha de entrega|fecha entrega|ship date|need by|required date|"
        "fecha de entrega/ período de prestación|delivery"
    ),
    "tax": _phrases(
        "tax|tax %|%tax|iva|% iva|iva %|cuota|cuota de iva|cuota iva|vat|vat %|vat amount|igst|cgst|"
        "sgst|sgst/ utgst|cgst/ igst|cess|impuesto|alícuota|alicuota|mwst|tva|taxes"
    ),
    "discount": _phrases(
        "descuento|dto|dto.|desc.|discount|disc|disc.|disc. %|sp.dis|sp.dis %|descuento total|"
        "rabatt|remise|sconto|desconto|sch.val|rem.|rem|dto. %|dto %|% dto|desc. %|disc %|rab.|% rabatt|"
        "remise %|sconto %|desc|sc.|sc|sc. %|sc.%|discount %|descuento %|desconto %|% discount|% descuento"
    ),
    # the units a price is for (1, 100, 1000): "Precio | Por", "Prezzo | Per", "Preis | Pro", "Price | Per"
    # (not "cantidad precio" and the like: "Cantidad" and "Precio" side by side head two columns, and a
    # scan's heading words stand close enough to be taken for one phrase; stacked, see STACKED_COLUMNS)
    "per": _phrases(
        "per|por|pro|pour|par|price per|price unit|per qty|preiseinheit|pe|preiseinh.|unidad de precio|basis"
    ),
    "skip": _phrases(
        "retail price|retail|mrp|free|cartons|vcp|warehouse pack|l.price|rrp|pvp recomendado|weight|"
        "peso|bultos|win|landed price"
    ),
}

# Two heading words that name one column only when set one over the other in that column ("Cant." over
# "precio": the quantity the price is for); side by side they head two columns (see "per" above).
STACKED_COLUMNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "per": _phrases(
        "cant. precio|cantidad precio|cant precio|ud. precio|unid. precio|price qty|price quantity|"
        "qté prix|unité de prix|quantità prezzo|unità prezzo|qtd. preço|unidade de preço"
    ),
}

# Lines inside or after a table that are no order lines.
# A price basis written with the price heading ("Precio por 100", "Price (per 1,000)", "Preis je 100"):
# the words before the number of units, and that number (10, 100 or 1,000)
PER_WORDS = ("per", "por", "pro", "pour", "par", "je")
BASIS_UNITS = r"10|100|1[.,]?000"
CARRIED = _phrases(
    "suma y sigue|suma anterior|sumas anteriores|a la vuelta|de la página anterior|"
    "carried forward|brought forward|total carried forward|total brought forward|carry forward|"
    "continued|carry over|carried over|transporte|suma anterior|übertrag|à reporter|a reporter|riporto|"
    "a riportare|a transportar|c/f|b/f|c/fwd|b/fwd|total c/f|total b/f"
)
TOTAL_NET = _phrases(
    "base imponible|total neto|subtotal|sub-total|total sin iva|total (sin iva)|importe neto|"
    "valor total neto|total net value|net total|total net|total excl. vat|total ex vat|net value|"
    "neto|suma|valor total|neto gravado|total before tax|order subtotal|total without taxes|"
    "total sin impuestos|total ht|nettobetrag|imponibile|totale imponibile|montant ht|"
    "sous-total|subtotale|nettosumme|netto|summe netto|total líquido|total ilíquido|zwischensumme|"
    "warenwert|nettowarenwert"
)
TOTAL_GROSS = _phrases(
    "total con iva|total (iva incl.)|total iva incluido|total incl. vat|total inc. vat|"
    "total including vat|total a pagar|gross total|total bruto|invoice total|total(bruto)|total (bruto)|"
    "total ttc|bruttobetrag|totale documento|totale iva incl.|totale iva inclusa|total com iva|"
    "montant ttc|gesamtbetrag brutto|summe brutto|totale ivato|endbetrag|endsumme"
)
TOTAL_PLAIN = _phrases(
    "total|total pedido|importe total|total del pedido|order total|grand total|total order|"
    "total amount|total eur|total (eur)|suma total|total general|totale|totale ordine|totale merce|"
    "total commande|montant total|total de la commande|gesamtbetrag|gesamtsumme|summe|bestellsumme|"
    "total geral|total da encomenda|valor total do pedido|totale eur|totale (eur)|gesamt|gesamtwert|"
    "totaal"
)
TAX = _phrases(
    "iva|i.v.a.|vat|tax|igic|impuestos|sales tax|impuesto total|total tax amount|percepciones|tva|mwst|"
    "ust.|ust|imposta|imposto|iva 22 %|mehrwertsteuer"
)

TOTALS = {"net": TOTAL_NET, "gross": TOTAL_GROSS, "total": TOTAL_PLAIN, "tax": TAX}

# Words whose presence says the document's language.
SPANISH = _words(
    "pedido fecha entrega cantidad precio importe descripcion proveedor cliente total iva unidades"
    " referencia pagina atentamente señores"
)
ENGLISH = _words(
    "order date delivery quantity qty price amount description supplier vendor customer total vat"
    " page item regards please"
)

CURRENCIES = {
    "eur": "EUR",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "usd": "USD",
    "$": "USD",
    "us$": "USD",
    "chf": "CHF",
    "dolares": "USD",
    "libras": "GBP",
}

# Currencies written with a dollar sign too: the sign is theirs where the document names one of them.
DOLLAR_SIGN = _words("USD MXN CAD AUD NZD ARS CLP COP SGD HKD")

# ISO 4217 codes an order may state its currency in (a three-letter word OCR made up, "FUR", is none).
ISO_CURRENCIES = _words(
    "EUR USD GBP CHF SEK NOK DKK PLN CZK HUF RON BGN JPY CNY CAD AUD NZD MXN BRL ARS CLP COP PEN"
    " MAD TND TRY ILS ZAR INR SGD HKD KRW AED SAR QAR RUB UAH ISK"
)

UNITS = {
    "UD": _words(
        "ud uds u unidad unidades un und pza pzas pieza piezas pc pcs pce piece pieces ea each unit units"
        " st stk"
    ),
    "CAJ": _words("caja cajas caj cj cjs box boxes bx ctn carton cartons cs case cases"),
    "KG": _words("kg kgs kilo kilos"),
    "M": _words("m mts metro metros metre metres meter meters"),
    "PAQ": _words("paq paquete paquetes pack packs pk"),
}

# Labelled lines under an order line (ERP printouts): our article number, a GTIN, a delivery date.
SUBLINES = {
    "supplier_item_code": _phrases(
        "su nº de material|su no de material|su numero de material|su material|su referencia|su ref"
        "|ref. proveedor|referencia proveedor|cód. proveedor|codigo proveedor|your material no"
        "|your material number|your material|your ref|your reference|your part no|supplier part no"
        "|supplier ref|vendor material|vendor part no|vendor item|our article no|nuestro artículo"
    ),
    "gtin": _phrases("ean|gtin|código ean|ean13|ean 13|código de barras|barcode"),
    "delivery": _phrases(
        "fecha de entrega|fecha entrega|entrega|delivery date|delivery|deliver by|required by|plazo|"
        "consegna|data consegna|livraison|date de livraison|liefertermin|lieferdatum|data de entrega|"
        "prazo de entrega|need by|due date|ship date"
    ),
    "item_code": _phrases(
        "item code|item no|item no.|item number|part no|part no.|part number|código|código artículo|"
        "product code|article no|nº artículo|material|item #|part #|product no|product no.|"
        "material no|material no.|material number|código de artículo|cód. artículo|cod. articulo|"
        "código del artículo|código produto|código do artigo|ref. artigo|code article|réf. article|"
        "référence article|artikelnummer|artikel-nr.|art.-nr.|art. nr.|materialnummer|codice articolo|"
        "cod. articolo|cod. art.|"
        # one word: a label only with its colon ("Ref.: 4711"), see LOOSE_CODE_LABELS
        "ref|ref.|referencia|referência|référence|réf.|sku|artículo|articulo|artigo|codice|code|cód.|item"
    ),
    "buyer_item_code": _phrases("nuestra ref|nuestro código|our ref|our material|our part no"),
}

# One-word code labels that head a sub-line only with their colon ("Ref.: 4711", "SKU: AB-12"): without
# it they begin a description ("Referencia cruzada", "Item for ...").
LOOSE_CODE_LABELS = _phrases(
    "ref|ref.|referencia|referência|référence|réf.|sku|artículo|articulo|artigo|codice|code|cód.|item"
)

# Words of a document title ("PEDIDO DE COMPRA", "PURCHASE ORDER"), never a party name.
TITLE_WORDS = _words("pedido pedidos de compra orden hoja nota purchase order po form")


_GROUPS = [*HEADER_LABELS.values(), *COLUMNS.values(), *SUBLINES.values(), *TOTALS.values(), CARRIED]

# Every word of a label, heading or total phrase: what an OCR misread of one letter is snapped back to.
LABEL_WORDS = frozenset(word for phrases in _GROUPS for phrase in phrases for word in phrase)
# Two words that stand one after the other in a label, heading or total phrase ("unit", "price"): what
# a word OCR ran together from two ("Unitprice") is parted back into.
LABEL_PAIRS = frozenset(
    pair for phrases in _GROUPS for phrase in phrases for pair in itertools.pairwise(phrase)
)
