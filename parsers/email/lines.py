"""Order lines typed in an e-mail body, Spanish and English.

Understood forms (a bullet or list number in front is fine, as is "please send" / "necesitamos"):

    10 x TOR-M8-40            10 uds x TOR-M8-40        Ref. 4711: 20 uds       Código 4712 - 30 unidades
    qty 5 of BRO-HSS-8        * 3 cajas de TAC-6        20 uds TOR-M8-40        TOR-M8-40: 10 uds
    TOR-M8-40 (10 uds)        10 TOR-M8-40              table rows: TAC-6 | Taco 6 mm | 3

A line that carries an article code and a number but fits none of these is reported, so an order is
never taken with a line silently missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

QTY = r"(?P<qty>\d{1,3}(?:[.,]\d{3})+(?![\d.,])|\d{1,7}(?:[.,]\d{1,3})?)"
_UNIT_WORDS = {
    "UD": "ud uds u unid unids unidad unidades pc pcs pza pzas pieza piezas piece pieces unit units ea each",
    "CAJ": "caja cajas cj cjs box boxes bx ctn ctns carton cartons",
    "PAQ": "paquete paquetes paq pack packs pkt pkts",
    "ROL": "rollo rollos roll rolls",
    "PAR": "par pares pair pairs",
    "KG": "kg kgs kilo kilos",
    "M": "m metro metros metre metres meter meters",
    "L": "l litro litros litre litres liter liters",
}
UNITS = {word: code for code, words in _UNIT_WORDS.items() for word in words.split()}
UNIT = r"(?P<unit>" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) + r")\.?(?![\w])"
CODE = r"(?P<code>[A-Za-z0-9](?:[A-Za-z0-9]|[-./_](?=[A-Za-z0-9])){1,39})"
_LABEL = (
    r"(?:ref(?:erencia|\.)?|art(?:[íi]culo|\.)?|c[óo]d(?:igo|\.)?|item|sku|part(?:\s*(?:no\.?|number|#))?"
    r"|product(?:o)?(?:\s+code)?)"
)
_PROSE = re.compile(
    r"^(?:(?:por\s+favor|please|pls|porfa)\s*,?\s*)?(?:necesitamos|necesito|enviad(?:nos)?|env[íi]en(?:nos)?"
    r"|env[íi]ad(?:nos)?|mandad(?:nos)?|manden(?:nos)?|queremos|quisi[ée]ramos|pedimos|os\s+pido|les\s+pido"
    r"|send(?:\s+us)?|we\s+need|we\s+would\s+like|we'd\s+like|i\s+need|please\s+supply|supply|add)\b\s*:?\s*",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·–—+>]+|\d{1,2}[.)](?=\s)|\(\d{1,2}\)|[a-z]\))\s*")
_F = re.IGNORECASE
PATTERNS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    (
        "qty-x-code",
        re.compile(
            rf"^{QTY}\s*(?:{UNIT}\s*)?(?:x|×|\*)\s*(?:(?:de|of)\s+)?(?:{_LABEL}\s*:?\s*)?{CODE}(?P<desc>.*)$",
            _F,
        ),
        0.97,
    ),
    (
        "label-code-qty",
        re.compile(
            rf"^{_LABEL}\s*(?:n[º°o]\.?\s*)?[:#]?\s*{CODE}(?P<desc>.*?)\s*(?:[:=,;]|\s[-–x×]|\s)\s*"
            rf"(?:(?:qty|cant(?:idad)?|quantity)\.?\s*:?\s*)?{QTY}\s*(?:{UNIT})?\s*$",
            _F,
        ),
        0.97,
    ),
    (
        "qty-label",
        re.compile(
            rf"^(?:qty|quantity|cantidad|cant)\.?\s*:?\s*{QTY}\s*(?:{UNIT}\s*)?(?:(?:of|de|x|×)\s+)?(?P<what>.+)$",
            _F,
        ),
        0.96,
    ),
    ("code-paren-qty", re.compile(rf"^{CODE}(?P<desc>.*?)\(\s*{QTY}\s*(?:{UNIT})?\s*\)\s*\.?$", _F), 0.95),
    (
        "code-sep-qty",
        re.compile(rf"^{CODE}(?P<desc>.*?)\s*(?:[:=]|\s[-–x×]|\t|\s{{2,}})\s*{QTY}\s*(?:{UNIT})?\s*\.?$", _F),
        0.95,
    ),
    ("qty-unit-what", re.compile(rf"^{QTY}\s*{UNIT}\s*(?:(?:de|del|of|x|×)\s+)?(?P<what>.+)$", _F), 0.95),
    ("qty-code", re.compile(rf"^{QTY}\s+{CODE}(?P<desc>(?:\s.*)?)$", _F), 0.9),
)


# the expressions the functions below ask of every line and token, compiled here once rather than looked
# up in `re`'s cache of compiled patterns on every call (about a hundred look-ups an e-mail)
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_GROUP_MARK = re.compile(r"[.,]")
_CAPITALS_CODE = re.compile(r"[A-Z]{2,}(?:-[A-Z0-9]+)+")
_SEPARATOR = re.compile(r"[-./_]")
_CAPITALS = re.compile(r"^[A-Z]{2,}")
_LOWER_PAIR = re.compile(r"[a-z]{2}")
_LABEL_WORD = re.compile(_LABEL + r"\.?:?", _F)
_SPACES = re.compile(r"\s+")
_LEADING_OF = re.compile(r"^(?:de|of|del)\s+", _F)


@dataclass(frozen=True)
class BodyLine:
    """One line read from the body, with the text it came from."""

    quantity: Decimal
    item_code: str | None
    description: str | None
    unit: str | None
    raw: str
    confidence: float


def quantity(text: str) -> Decimal | None:
    """'1.000' and '1,000' are a thousand; '2,5' and '2.5' two and a half."""
    if _THOUSANDS.fullmatch(text):
        text = _GROUP_MARK.sub("", text)
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return value if value > 0 else None


def is_code(token: str, *, labelled: bool = False) -> bool:
    """An article code: letters and digits with a separator (TOR-M8-40), or any number when labelled."""
    if _CAPITALS_CODE.fullmatch(token) and len(token) >= 5:
        return True  # hyphenated capitals: GUA-NIT-L
    if not _DIGIT.search(token) or len(token) < 2:
        return False
    if labelled:
        return True
    if token.isdigit():
        return False
    has_sep = bool(_SEPARATOR.search(token))
    if token.upper() == token:
        return has_sep or (len(token) >= 4 and bool(_CAPITALS.match(token)))
    return token.lower() == token and has_sep and bool(_LOWER_PAIR.search(token))


def normal_code(token: str) -> str:
    return token.strip(".-/_").upper()


def read_line(line: str) -> BodyLine | None:
    """The order line this text states, or None."""
    text = _PROSE.sub("", _BULLET.sub("", line.strip()), count=1).strip().rstrip(";,")
    if not text or not _DIGIT.search(text):
        return None
    for name, pattern, confidence in PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        found = _line_from(name, match, confidence, line.strip())
        if found is not None:
            return found
    return None


def _line_from(name: str, match: re.Match[str], confidence: float, raw: str) -> BodyLine | None:
    groups = match.groupdict()
    qty = quantity(groups["qty"])
    if qty is None:
        return None
    unit = UNITS.get((groups.get("unit") or "").lower().rstrip("."))
    code: str | None = groups.get("code")
    desc = groups.get("desc") or ""
    if code is not None:
        labelled = name in ("qty-x-code", "label-code-qty")
        if not is_code(code, labelled=labelled):
            return None
    else:
        code, desc = _code_in(groups.get("what") or "")
    description = _tidy(desc)
    if code is None and not description:
        return None
    if code is None:
        confidence = min(confidence, 0.6)
    return BodyLine(qty, normal_code(code) if code else None, description, unit, raw, confidence)


def _code_in(text: str) -> tuple[str | None, str]:
    """The first article code in free text and the rest as the description."""
    tokens = text.split()
    for i, token in enumerate(tokens):
        bare = token.strip(",.;:()[]\"'")
        labelled = i > 0 and _LABEL_WORD.fullmatch(tokens[i - 1]) is not None
        if is_code(bare, labelled=labelled):
            rest = tokens[: i - 1 if labelled else i] + tokens[i + 1 :]
            return bare, " ".join(rest)
    return None, text


def _tidy(text: str) -> str | None:
    cleaned = _SPACES.sub(" ", text).strip(" -–:,;()[]\"'.")
    cleaned = _LEADING_OF.sub("", cleaned)
    return cleaned or None


# a quantity times anything ("4 x ???"), a labelled anything with a quantity ("Ref. <4712>: 20 uds")
_TIMES = re.compile(rf"^{QTY}\s*(?:{UNIT}\s*)?[x×*](?:\s*\S|\s*$)", _F)
_LABELLED_QTY = re.compile(rf"^{_LABEL}\s*(?:n[º°o]\.?\s*)?[:#]?\s*\S.*?[\s:=,;-]{QTY}\s*{UNIT}", _F)
_LOOSE_CODE = re.compile(r"(?<![\w-])([A-Za-z0-9](?:[A-Za-z0-9]|[-./_](?=[A-Za-z0-9]))*)")
_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_QTY_FIRST = re.compile(r"^\d[\d.,]*\s*(?:x\s*|×\s*)?[^\W\d_]{2,}")
_YEAR_FIRST = re.compile(r"^\d{4}\b")
_LABEL_NUMBER = re.compile(_LABEL + r"\s*(?:n[º°o]\.?)?\s*[:#]?\s*\w*\d", _F)
_NUMBER = re.compile(r"\d+")


def looks_like_item(line: str, ignore: tuple[str, ...] = ()) -> bool:
    """A line with an article code and a separate number, or one that starts with a quantity."""
    text = _DATE.sub(" ", line)
    for token in ignore:
        text = text.replace(token, " ")
    bare = _PROSE.sub("", _BULLET.sub("", text.strip()), count=1).strip()
    if _QTY_FIRST.match(bare) and not _YEAR_FIRST.match(bare):
        return True
    if _TIMES.match(bare) or _LABELLED_QTY.match(bare):
        return True  # "4 x ???", "3 x <foo>", "Ref. <4712>: 20 uds": an order line whatever its code says
    if _LABEL_NUMBER.search(text) and len(_NUMBER.findall(text)) >= 2:
        return True
    tokens = [m.group(1) for m in _LOOSE_CODE.finditer(text)]
    codes = [t for t in tokens if is_code(t)]
    if not codes:
        return False
    return any(t.isdigit() for t in tokens if t not in codes)


def table_rows(lines: list[str]) -> dict[int, BodyLine]:
    """Rows of tables ('|' or tab separated) whose header names a code and a quantity column."""
    found: dict[int, BodyLine] = {}
    columns: tuple[int, int, int | None] | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue  # blank lines between rows (HTML tables flatten that way) keep the table going
        cells = [c.strip() for c in _CELL_BREAK.split(line.strip().strip("|"))]
        if len(cells) < 2:
            columns = None
            continue
        header = _header(cells)
        if header is not None:
            columns = header
            continue
        if columns is None:
            continue
        code_at, qty_at, desc_at = columns
        if max(code_at, qty_at) >= len(cells):
            continue
        qty_match = _QTY_CELL.fullmatch(cells[qty_at])
        code = cells[code_at].strip()
        if qty_match is None or not is_code(code, labelled=True):
            continue
        qty = quantity(qty_match.group("qty"))
        if qty is None:
            continue
        unit = UNITS.get((qty_match.group("unit") or "").lower().rstrip("."))
        desc = cells[desc_at] if desc_at is not None and desc_at < len(cells) else None
        found[index] = BodyLine(qty, normal_code(code), desc or None, unit, line.strip(), 0.95)
    return found


_CELL_BREAK = re.compile(r"\s*\|\s*|\t+")
_QTY_CELL = re.compile(QTY + r"\s*(?:" + UNIT + r")?", _F)
_CODE_HEAD = re.compile(
    r"^(?:ref(?:erencia|\.)?|c[óo]d(?:igo|\.)?|art(?:[íi]culo|\.)?\s*(?:n[º°o]\.?)?|item(?:\s+code)?|sku"
    r"|part(?:\s*(?:no\.?|number|#))?|product\s+code|code)$",
    _F,
)
_QTY_HEAD = re.compile(r"^(?:cant(?:idad|\.)?|qty\.?|quantity|uds\.?|unidades|units|ud\.?|pcs)$", _F)
_DESC_HEAD = re.compile(r"^(?:descripci[óo]n|description|producto|product|art[íi]culo|concepto)$", _F)


def _header(cells: list[str]) -> tuple[int, int, int | None] | None:
    code_at = next((i for i, c in enumerate(cells) if _CODE_HEAD.match(c)), None)
    qty_at = next((i for i, c in enumerate(cells) if _QTY_HEAD.match(c)), None)
    if code_at is None or qty_at is None:
        return None
    desc_at = next((i for i, c in enumerate(cells) if _DESC_HEAD.match(c) and i != code_at), None)
    return code_at, qty_at, desc_at
