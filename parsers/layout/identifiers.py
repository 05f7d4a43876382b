"""Strong identifiers printed on a document: tax/VAT numbers (NIF/CIF, EU VAT, RFC, CUIT, GSTIN, ...),
GLNs, e-mail addresses, telephone and fax numbers; read from lines of text, whatever the channel.

Validation decides whose each one is (ours, the customer's, a carrier's); this only reads them and,
where the caller knows it, the block they were printed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.capture.domain.order import Identifier, IdentifierKind, Provenance
from core.kernel.domain.phone import normalise_phone
from parsers.layout.codes import valid_gtin

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# The labelled expressions begin with a look-ahead for the letters their labels begin with: matched
# without case, a scan otherwise tries every label at every character of every line it is given.
_PHONE = re.compile(
    r"(?=[fmpt])\b(?P<label>tel[ée]fono|telefone|t[ée]l[ée]phone|telephone|phone|tel|tlf|telf|m[óo]vil|mobile|"
    r"fax|telefax|tfno)\.?\s*(?:n[ºo°]\.?\s*)?:?\s*(?P<number>\+?\(?\d[\d\s().\-/]{5,22}\d)",
    re.IGNORECASE,
)
_TAX_LABEL = (
    r"n\.?\s?i\.?\s?f\.?|c\.?\s?i\.?\s?f\.?|nif/cif|cif/nif|dni\s*/\s*cif(?: de la empresa)?"
    r"|vat(?: reg(?:istration)?)?"
    r"(?: no\.?| number| id)?|tax id|r\.?f\.?c\.?|c\.?u\.?i\.?t\.?|gstin|ust-?id(?:nr)?\.?|"
    r"(?:n[º°o]\.? )?tva(?: intracom(?:munautaire|\.)?)?|"
    r"p\.?\s?iva|partita iva|nipc|n\.?i\.?p\.?c\.?|rut|ein|abn"
)
_TAX = re.compile(
    rf"(?=[acdegnprtuv])(?<![\w])(?P<label>{_TAX_LABEL})\s*(?:n[º°o]\.?)?\s*[:.]?\s*(?P<value>[A-Z]{{0,3}}[\s-]?[A-Z0-9][A-Z0-9.\s-]{{5,18}}[A-Z0-9])",
    re.IGNORECASE,
)
# An EU VAT number without a label: a country prefix and the national number's shape
_EU_VAT = re.compile(
    r"(?=[BDEFGINP])\b(?:ES[A-Z]\d{7}[A-Z0-9]|ES\d{8}[A-Z]|PT\d{9}|FR[A-Z0-9]{2}\d{9}|DE\d{9}|IT\d{11}|GB\d{9}(?:\d{3})?"
    r"|NL\d{9}B\d{2}|BE0?\d{9})\b"
)
# "GUN", "GIN", "CLN": the label "GLN" a letter off as a scan reads it; the check digit of the thirteen
# figures after it vouches for them (one number in ten passes it by chance), whatever its label read
_GLN = re.compile(
    r"(?=[cegil])\b(?:gln|g[iu1|]n|cln|iln|ean)\b\s*(?:n[º°o]\.?)?\s*:?\s*(?P<value>\d{13})\b", re.IGNORECASE
)
# every identifier above needs a digit (a number, or a tax id's six or more) or an e-mail's "@": a line
# with neither holds none, and is not searched five times over (half the lines of a typed e-mail)
_MAY_HOLD_ONE = re.compile(r"[\d@]")
MIN_TAX_CHARS = 8  # a tax id has at least this many letters and digits
MIN_PHONE_DIGITS = 7
MAX_PREFIX = 3  # letters of a country prefix printed apart from the number ("ES B28765432")
MAX_GROUP = 4  # digits of a group in a number printed in groups ("GB 123 4567 89")


def _tax_chunks(text: str) -> str:
    """The id's own words out of what follows its label: a tax id stops at the first word ("Tel.",
    "Madrid") and at a number standing apart from it ("B28765432 28080"); a prefix of letters ("ES",
    "GB") and groups of a few digits ("GB 123 4567 89") belong to it."""
    chunks = text.split()
    taken = chunks[:1]
    for chunk in chunks[1:]:
        letters, digits = any(c.isalpha() for c in chunk), any(c.isdigit() for c in chunk)
        prefix = len(taken) == 1 and taken[0].isalpha() and len(taken[0]) <= MAX_PREFIX
        grouped = len(re.sub(r"\W", "", taken[-1])) <= MAX_GROUP
        if (letters and not digits) or not (prefix or grouped):
            break
        taken.append(chunk)
    return " ".join(taken)


def _tax_value(text: str) -> str | None:
    value = re.sub(r"[\s.\-/]", "", _tax_chunks(text)).upper()
    if sum(c.isdigit() for c in value) < MIN_TAX_CHARS - 2 or len(value) < MIN_TAX_CHARS:
        return None
    return value


def _phone_value(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) < MIN_PHONE_DIGITS or len(set(digits)) == 1:  # "0000000000" is a placeholder
        return None
    if text.strip().startswith(("+", "00")):
        return normalise_phone(text) or digits
    return digits


def in_text(text: str, provenance: Provenance | None = None, role: str | None = None) -> list[Identifier]:
    """The identifiers printed in one line (or paragraph) of text."""
    if not _MAY_HOLD_ONE.search(text):
        return []
    where = provenance or Provenance(raw=text)
    found: list[Identifier] = []
    for m in _EMAIL.finditer(text) if "@" in text else ():  # no "@", no address: not searched for one
        found.append(Identifier(IdentifierKind.EMAIL, m.group(0).lower().strip("."), where, role))
    for m in _PHONE.finditer(text):
        value = _phone_value(m["number"])
        if value is not None:
            kind = IdentifierKind.FAX if "fax" in m["label"].lower() else IdentifierKind.PHONE
            found.append(Identifier(kind, value, where, role))
    for m in _TAX.finditer(text):
        value = _tax_value(m["value"])
        if value is not None:
            found.append(Identifier(IdentifierKind.VAT, value, where, role))
    for m in _EU_VAT.finditer(text):
        found.append(Identifier(IdentifierKind.VAT, m.group(0), where, role))
    for m in _GLN.finditer(text):
        if valid_gtin(m["value"]):
            found.append(Identifier(IdentifierKind.GLN, m["value"], where, role))
    return found


def unique(found: Iterable[Identifier]) -> tuple[Identifier, ...]:
    """Each (kind, value) once, the first sighting kept (a role given later fills one not known)."""
    out: dict[tuple[IdentifierKind, str], Identifier] = {}
    for item in found:
        key = (item.kind, item.value)
        if key not in out or (out[key].role is None and item.role is not None):
            out[key] = item
    # a VAT id read both with and without its country prefix is one id
    values = {i.value for i in out.values() if i.kind is IdentifierKind.VAT}
    return tuple(
        i
        for i in out.values()
        if not (i.kind is IdentifierKind.VAT and any(v != i.value and v.endswith(i.value) for v in values))
    )
