"""A money sign on a scan that states no money: one glued to a word ("$.L.," for "S.L.,") or standing
before figures no amount is written as ("€6600" for a postcode "66600").  Only the word is judged here;
whether its line is one of money is the caller's to weigh (`parsers.layout.order_currency`)."""

from __future__ import annotations

import re

from parsers.layout.numbers import OCR_DIGITS, strip_money

_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a word, not an abbreviation's letter


# What follows a sign that stands for an abbreviation's first letter: a point, then one character and a
# point, once or more (".L." of "S.L.", ".1." where the fax made the L a 1), and a sentence's comma or
# semicolon.  No amount is so written: a fraction has two figures, and no point follows it within the
# word but a sentence's, while here a point comes straight after the sign and after each character.
_ABBREVIATION = re.compile(r"^\.(?:[^\W_]\.)+[,;]?$")


def sign_on_word(text: str) -> bool:
    """Whether the currency sign `text` carries is glued to a word, not an amount: what is left once the
    sign is taken off holds a letter no figure is mistaken for ("$.L.," for "S.L.,", "€.1.F." for
    "C.I.F.").  An amount's sign stands on figures and marks, and a figure OCR misread keeps to the
    letters of `OCR_DIGITS` ("€s.so00"); a letter beyond them says the word is a word, its "$" an "S" or
    its "€" a "C" the fax spoilt, and the sign no statement of the currency.  Only the letters of an
    abbreviation, each standing alone: a code joined to a word ("EUR-Betrag", "USD/kg") states it.
    Also a sign before an abbreviation's shape whatever its characters ("$.1.," for "S.L.,", its L read
    as a 1): a point, and each character alone between points (`_ABBREVIATION`)."""
    rest, found = strip_money(text)
    if found is None or _WORD.search(rest):
        return False
    if _ABBREVIATION.match(rest):
        return True
    return any(c.isalpha() and c.translate(OCR_DIGITS) == c for c in rest)


# A sign before a code's or a postcode's figures: four or more with no mark ("€6600" for "66600"),
# figures after a hyphen ("€-3002" for "C-3002"), or a zero before another figure ("£09" for the "509"
# of a tax number printed in groups)
_SIGN_ON_CODE = re.compile(r"^(?:[€£$]\d{4,}|[€£$]-\d+|[€£$]0\d+)$")


def sign_on_code(text: str) -> bool:
    """Whether the sign `text` carries stands before figures no amount is written as: four or more with
    no decimal or group mark ("€6600", the postcode "66600" its first figure spoilt), figures after
    a hyphen ("€-3002", the customer number "C-3002"), or a zero before another figure with no mark
    ("£09", the group "509" of a tax number "PT 509 876 543").  Money is written to the cent or grouped
    by thousands, a whole amount never starts with a zero, and an order prints no negative amount with
    its sign before the minus; on a scan such a sign is a figure or letter the fax spoilt.  Only the
    word: whether the line is one of money is the caller's to weigh."""
    return _SIGN_ON_CODE.match(text.strip()) is not None
