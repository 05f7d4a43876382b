"""Order number, delivery date and language, read from an e-mail's subject and text (Spanish, English).

Numeric dates are read day first (dd/mm/yyyy), as Spain and Britain write them; a date without a year
is the next one on or after the order date.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    1: "enero ene january jan",
    2: "febrero feb february",
    3: "marzo mar march",
    4: "abril abr april apr",
    5: "mayo may",
    6: "junio jun june",
    7: "julio jul july",
    8: "agosto ago august aug",
    9: "septiembre setiembre sept sep september",
    10: "octubre oct october",
    11: "noviembre nov november",
    12: "diciembre dic december dec",
}
MONTHS = {word: number for number, words in _MONTHS.items() for word in words.split()}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_F = re.IGNORECASE
_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<year>\d{4}|\d{2}))?\b"),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?{_MONTH}(?:\s*(?:de|del|,)?\s*(?P<year>\d{{4}}))?\b",
        _F,
    ),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(?P<year>\d{{4}}))?\b", _F),
    # "14-dic-2026", "15-Dec-26", "3.Dez.2026": day, month name and year joined by dashes or dots
    re.compile(rf"\b(?P<day>\d{{1,2}})[-.]{_MONTH}[-.](?P<year>\d{{4}}|\d{{2}})\b", _F),
)
# The label expressions below are scanned over whole texts without case. Each begins with a look-ahead
# for the letters its labels begin with (the labels' first letters, folded as the labels are), so
# that the scan passes every other character in one test instead of trying each label there; what
# they find is unchanged (tests/unit/parsers/test_label_lookahead.py).
_DELIVERY = re.compile(
    r"(?=[abdeflnprs])(?:fecha\s+de\s+entrega|entrega(?:r)?|servir|recibir(?:lo)?|para\s+el(?:\s+d[íi]a)?|antes\s+del?"
    r"|no\s+m[áa]s\s+tarde\s+del?|lo\s+necesitamos(?:\s+el|\s+para)?|delivery(?:\s+date)?|deliver(?:ed)?"
    r"|needed\s+by|required\s+by|ship(?:ped)?\s+by|due(?:\s+date)?|no\s+later\s+than|by)\b",
    _F,
)
_PO_LABEL = (
    r"(?:n[º°o]\.?\s*(?:de\s+)?pedido|pedido|orden\s+de\s+compra|purchase\s+order|order|p\.?\s?o\.?"
    r"|ref(?:erencia)?\.?\s+(?:de(?:l)?\s+)?pedido|our\s+ref(?:erence)?|nuestra\s+ref(?:erencia)?)"
)
_PO = re.compile(
    r"(?=[nopr])\b"
    + _PO_LABEL
    + r"[ \t]*(?:n\.?[ \t]?[º°o]\.?|n[úu]m(?:ero)?\.?|number|no\.?|nr\.?|#)?[ \t]*[:.#-]?[ \t]*"
    r"(?P<po>[A-Z0-9][A-Z0-9/_.-]{2,30}[A-Z0-9])(?![\w/])(?!\s*(?:x|×|uds?|unid|cajas?|pcs|units?)\b)",
    _F,
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
_PO_BARE = re.compile(r"(?=p)\b(?P<po>PO[-/]?\d[A-Z0-9/_-]{2,28})\b", _F)
_ES = set(
    [
        "de",
        "el",
        "la",
        "los",
        "las",
        "por",
        "para",
        "pedido",
        "pedimos",
        "gracias",
        "saludos",
        "unidades",
        "uds",
        "cajas",
        "entrega",
        "hola",
        "buenos",
        "días",
        "necesitamos",
        "favor",
        "enviar",
        "adjunto",
        "un",
        "una",
        "con",
        "del",
        "al",
        "nuestro",
    ]
)
_EN = set(
    [
        "the",
        "of",
        "please",
        "order",
        "thanks",
        "regards",
        "delivery",
        "for",
        "we",
        "our",
        "send",
        "need",
        "hello",
        "hi",
        "dear",
        "kind",
        "attached",
        "would",
        "like",
        "to",
        "by",
        "and",
        "with",
    ]
)


def po_number(*texts: str) -> str | None:
    """The first order number stated in the texts (the subject first)."""
    for text in texts:
        for pattern in (_PO_BARE, _PO):
            for match in pattern.finditer(text):
                po = match.group("po").strip(".-/")
                if _DIGIT.search(po) and not _DATES[1].fullmatch(po) and not _DATES[0].fullmatch(po):
                    return po.upper() if pattern is _PO_BARE else po
    return None


def delivery_date(reference: date, *texts: str) -> date | None:
    """The date after a delivery label ('entrega', 'deliver by', …), if one is given."""
    for text in texts:
        for label in _DELIVERY.finditer(text):
            window = text[label.end() : label.end() + 60]
            found = first_date(window, reference)
            if found is not None:
                return found
    return None


def delivery_labels(text: str) -> list[re.Match[str]]:
    """Every delivery label in the text ('entrega', 'required by', …)."""
    return list(_DELIVERY.finditer(text))


def first_date(text: str, reference: date) -> date | None:
    best: tuple[int, date] | None = None
    for pattern in _DATES:
        match = pattern.search(text)
        if match is None:
            continue
        value = _date_of(match, reference)
        if value is not None and (best is None or match.start() < best[0]):
            best = (match.start(), value)
    return best[1] if best else None


def _date_of(match: re.Match[str], reference: date) -> date | None:
    parts = match.groupdict()
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["m"])
    day = int(parts["day"])
    year_text = parts.get("year")
    year = int(year_text) if year_text else reference.year
    if year_text and len(year_text) == 2:
        year += 2000
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not year_text and value < reference:
        try:
            value = date(year + 1, month, day)
        except ValueError:
            return None
    return value


def language(text: str) -> str | None:
    """'es' or 'en' by the commoner words, None when neither shows."""
    words = _WORD.findall(text.lower())
    es = sum(1 for w in words if w in _ES)
    en = sum(1 for w in words if w in _EN)
    if es == en:
        return None
    return "es" if es > en else "en"
