"""Total labels the vocabulary does not hold word for word: a tax label a fax ran into its rate
("IVA16%"), and a plain total label followed by words that say the tax is in it ("Total pedido IVA
incl."), which is the total with tax, not a plain one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.layout.geometry import Tok
from parsers.layout.text import token_key
from parsers.layout.vocab import TAX

# the tax labels of one word ("iva", "vat", "mwst", "tva", "ust"): those a rate can run into
_TAX_WORDS = frozenset(phrase[0] for phrase in TAX if len(phrase) == 1)
# a label word and its rate with the space between them lost: "IVA16%", "VAT20%", "MwSt.19%"
_GLUED_RATE = re.compile(r"^([^\W\d_][\w.]*?)(\d{1,2}(?:[.,]\d{1,2})?)\s*%$")
# words that say a total holds the tax ("IVA incl.", "VAT included", "MwSt. inkl.")
_INCLUDED = frozenset({"incl", "inc", "included", "incluido", "incluida", "inclusive", "inkl", "inclusa"})


def glued_tax_rate(tok: Tok) -> bool:
    """Whether the word is a one-word tax label run into its rate ("IVA16%" for "IVA 16%"): a normal
    fax closes the space between the two, and the word then matches no label."""
    m = _GLUED_RATE.match(tok.text.strip())
    return m is not None and token_key(m[1]) in _TAX_WORDS


def tax_included(toks: Sequence[Tok]) -> bool:
    """Whether the words after a plain total label ("pedido IVA incl.", "order VAT included") name the
    tax and say it is included: the label is a total with tax's ("Total pedido IVA incl."), which the
    vocabulary holds only in its shorter forms ("Total IVA incluido", "Total incl. VAT")."""
    keys = {t.key for t in toks}
    return bool(keys & _TAX_WORDS) and bool(keys & _INCLUDED)
