"""Strong identifiers in one comparable form: tax/VAT numbers, GLNs, e-mail addresses, phone and fax numbers.

Master data, documents and clerks write the same identifier many ways ("B-28765432", "ES B28765432";
"+34 912 345 678", "912 345 678", "0034912345678"). `identifier_keys` turns each into the keys it is
known by, so that two writings of one identifier share a key and two different identifiers share none.
Master data is keyed with its customer's country; a document's identifier without one (it may come
from anywhere), so a number printed without its country code or prefix finds it in any country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.kernel.domain.phone import CALLING_CODES, normalise_phone

KINDS = ("vat", "gln", "email", "phone", "fax")
NUMBER_KINDS = ("phone", "fax")  # one line may be printed as "Tel." on one document and "Fax" on another
# Country prefixes of EU (and UK) VAT numbers: "ESB28765432" and "B28765432" are one tax id.
VAT_PREFIXES = frozenset(
    re.findall(
        r"[A-Z]{2}", "AT BE BG CY CZ DE DK EE EL ES FI FR GB HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI"
    )
)
MIN_VAT = 6  # letters and digits a tax id has at least, without its country prefix
GLN_DIGITS = 13


def vat_parts(text: str | None) -> tuple[str | None, str] | None:
    """(EU country prefix or None, the number) of a tax id, without separators, upper case; None when
    too short to be one."""
    value = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    prefix = None
    if value[:2] in VAT_PREFIXES and len(value) - 2 >= MIN_VAT and any(c.isdigit() for c in value[2:]):
        prefix, value = value[:2], value[2:]
    if len(value) < MIN_VAT or not any(c.isdigit() for c in value):
        return None
    return prefix, value


def _vat_keys(value: str, country: str | None) -> set[str]:
    """Master data (`country` given) answers to its number with and without its country prefix (its
    own, else the customer's country where that is an EU one); a printed number asks with its prefix
    when it has one, so "DE812345678" never finds "FR812345678", and without one matches any."""
    parts = vat_parts(value)
    if parts is None:
        return set()
    prefix, number = parts
    if country is None:
        return {f"vat:{prefix or '*'}:{number}"}
    prefix = prefix or (country.upper() if country.upper() in VAT_PREFIXES else None)
    return {f"vat:*:{number}", *([f"vat:{prefix}:{number}"] if prefix else [])}


# the calling codes longest first, so "+351…" is read as Portugal's before a shorter code could
# (sorted once: every number printed on every order is put in its national forms)
_LONGEST_CODES_FIRST = tuple(sorted(CALLING_CODES.values(), key=lambda c: len(c[0]), reverse=True))


def national_forms(number: str) -> tuple[str, ...]:
    """The digits a normalised number ("+442079460123") is dialled with inside its country: without
    the calling code, and with the trunk "0" where the country uses one ("2079460123", "02079460123")."""
    digits = number.lstrip("+")
    for code, trunk in _LONGEST_CODES_FIRST:
        if digits.startswith(code):
            national = digits[len(code) :]
            return (national, "0" + national) if trunk else (national,)
    return ()


def _number_keys(value: str, country: str | None) -> set[str]:
    compact = re.sub(r"[\s().\-/]", "", value)
    if country is None and not compact.startswith(("+", "00")):
        # printed nationally, in a country the document does not say: its digits as dialled
        digits = re.sub(r"\D", "", compact)
        if len(digits) < 6:
            return set()
        return {f"tel:n:{digits}", f"tel:n:{digits[1:]}"} if digits.startswith("0") else {f"tel:n:{digits}"}
    number = normalise_phone(value, country or "ES")
    if number is None:
        return set()
    return {f"tel:{number}", *(f"tel:n:{n}" for n in national_forms(number))}


# Validation asks for the keys of every identifier an order prints (whether it is ours, then whose),
# and the same customers' numbers come back order after order: the answers are kept, each is a
# function of its arguments alone.
KEYS_KEPT = 4096


@lru_cache(maxsize=KEYS_KEPT)
def identifier_keys(kind: str, value: str | None, country: str | None = None) -> frozenset[str]:
    """The keys an identifier of `kind` is known by; empty when `value` is no such identifier.

    `country` says in which country a number written without its calling code is dialled (master
    data knows each customer's country); None for a number printed on a document, which then matches
    the same digits dialled nationally wherever they are.
    """
    if not value:
        return frozenset()
    if kind == "vat":
        return frozenset(_vat_keys(value, country))
    if kind == "gln":
        digits = re.sub(r"\D", "", value)
        return frozenset({f"gln:{digits}"} if len(digits) == GLN_DIGITS else ())
    if kind == "email":
        address = value.strip().lower()
        return frozenset({f"email:{address}"} if "@" in address.strip("@") else ())
    if kind in NUMBER_KINDS:
        return frozenset(_number_keys(value, country))
    return frozenset()


def normalised(kind: str, value: str, country: str | None = None) -> str | None:
    """How an identifier is stored against a customer: the tax id and GLN as keyed, the address in
    lower case, a number in E.164 (a national one read in `country`); None when it is none of these."""
    if kind in NUMBER_KINDS:
        return normalise_phone(value, country or "ES")
    if kind == "vat":
        parts = vat_parts(value)
        return "".join(p for p in parts if p) if parts else None
    keys = identifier_keys(kind, value, country)
    return next(iter(keys)).split(":", 1)[1] if keys else None
