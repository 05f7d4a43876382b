"""Text normalisation for matching labels (case, accents, dot leaders, colons) and junk-word tests."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from parsers.layout.memo import remembered

_RULE = re.compile(r"^[-=_.·•|*~+:]{3,}$|^[|¦]$")
# edge punctuation, and the inverted marks and backticks a speck on a scan reads as ("¿Sales tax")
_EDGE = re.compile(r"^[\s:;,.()\[\]{}\"'“”«»#\-_~*|¿¡`]+|[\s:;,.()\[\]{}\"'“”«»\-_~*|¿¡`]+$")
_FOLD = str.maketrans({"º": "o", "°": "o", "ª": "a", "ß": "ss", "’": "'", "‘": "'"})
# "Nº" (or "No.") as OCR reads it: "N2", "Ne", "NS", "N9", "N*", "N?", "N®", "Nº?", "No!", "mo.", and
# the Portuguese "n.º" with its raised o read as a digit, a letter or an asterisk ("n.0", "n.2", "N,2",
# "n.e", "N.*")
# "nº", OCR's "n2"/"ne", "n.º", and "n?2" (the º read as a mark over a 2 or an o)
_NUMERO = re.compile(r"^(?:n(?:[2es9*?®]|o[?!]|[.,][o029e*]|[?*][2o])|mo)[.!]?$")
_DOT_LEADER = re.compile(r"\.{2,}")
# "Nº" with its raised o read as a quote mark ("N\" de commande", "N' pedido"): the mark is edge
# punctuation, so this is told before the edges are taken off
_NUMERO_QUOTED = re.compile(r"^n[\"'“”‘’]$")
# a price basis in brackets glued to the heading word before it ("Preis (1000 ME)" read "Preis'((1000"):
# the word is the label, the bracket its basis (parsers.layout.row_cells.heading_basis reads that); the
# words are vocab.PER_WORDS and the units vocab.BASIS_UNITS (vocab reads this module, not the reverse)
GLUED_BASIS = re.compile(
    r"^(\w+)[^\w\s(]{0,2}\(+(?:(?:per|por|pro|pour|par|je)\s*)?(10|100|1[.,]?000)\)?$", re.I
)


@remembered
def fold(text: str) -> str:
    """Lower case without accents, for comparing words: "Nº Pedido" -> "no pedido"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@remembered
def token_key(text: str) -> str:
    """A word as label matching sees it: folded, edge punctuation and dot leaders removed."""
    folded = fold(text).replace("…", "")
    folded = _DOT_LEADER.sub("", folded)
    glued = GLUED_BASIS.match(folded)
    if glued is not None:
        folded = glued[1]
    stripped = folded.strip(" '\"‘’“”«»,;:()[]")
    if _NUMERO.match(stripped) or _NUMERO_QUOTED.match(folded.lstrip(" «([").rstrip(" ,;:.")):
        return "no"
    key = _EDGE.sub("", folded)
    return key or ("#" if "#" in folded else "")


def is_rule(text: str) -> bool:
    """Dashes, equals signs, dots or bars drawn as lines (dot-matrix rules, OCR of table borders)."""
    return bool(_RULE.match(text.strip()))


def one_substituted(a: str, b: str) -> bool:
    """Two words of one length that differ in exactly one character."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def one_edit(a: str, b: str) -> bool:
    """One character substituted, inserted or dropped."""
    if len(a) == len(b):
        return one_substituted(a, b)
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def edits(a: str, b: str) -> int:
    """Characters substituted, inserted or dropped to make `a` into `b` (the Levenshtein distance)."""
    return int(Levenshtein.distance(a, b))


def has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def has_alpha(text: str) -> bool:
    return any(c.isalpha() for c in text)


def clean_value(text: str) -> str:
    """A value as printed, without leading colons or dot leaders and surrounding spaces."""
    text = re.sub(r"^[\s.:…]+", "", text)
    return re.sub(r"[\s:]+$", "", text).strip()


# an e-mail address's parts either side of its "@": a mailbox, and a domain with a dot and a top level
_MAILBOX = re.compile(r"^[\w.+-]+$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}[.,;]?$")


def parted_at(before: str | None, after: str | None) -> bool:
    """Whether a word between `before` and `after` stands where an e-mail address's "@" does
    ("compras € herrajesdelnorte.com.mx": OCR read the "@" as a currency sign and parted the address
    at it): a mailbox before it, a domain name after."""
    return bool(before and after and _MAILBOX.match(before) and _DOMAIN.match(after) and not has_digit(after))
