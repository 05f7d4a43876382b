"""The currency of an order read from its pages: the codes and signs printed by its amounts,
weighed when they disagree (for parsers.layout.extract)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.layout import (
    header_choice,
    items,
    rows,
    tax_rates,
)
from parsers.layout.currencies import currency_sign
from parsers.layout.evidence import DOUBTFUL, WRONG
from parsers.layout.geometry import Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.numbers import looks_numeric, strip_money
from parsers.layout.stray_signs import sign_on_code, sign_on_word
from parsers.layout.text import has_digit, parted_at
from parsers.layout.vocab import CURRENCIES, DOLLAR_SIGN, ISO_CURRENCIES


def _codes_by_amounts(toks: list[Tok]) -> list[str]:
    """ISO codes written beside an amount, the next word on its line ("1.234,50 MXN", "MXN 99.00",
    "Total MXN    32,109.70") that no sign or word of CURRENCIES names already (those count as signs)."""
    out = []
    for i, tok in enumerate(toks):
        code = tok.text.strip("()[]")
        if code not in ISO_CURRENCIES or tok.key in CURRENCIES:
            continue
        beside = [toks[j] for j in (i - 1, i + 1) if 0 <= j < len(toks)]
        if any(looks_numeric(t.text) and has_digit(t.text) for t in beside):
            out.append(code)
    return out


def _at_sign(toks: Sequence[Tok], i: int) -> bool:
    """Whether the word `toks[i]`, a sign alone, is an e-mail address's "@" OCR read as one."""
    before = toks[i - 1].text if i > 0 else None
    after = toks[i + 1].text if i + 1 < len(toks) else None
    return strip_money(toks[i].text)[1] is None and parted_at(before, after)


_CENTS = re.compile(r"\d[.,]\d{2}$")


def _to_the_cent(text: str) -> bool:
    """Whether the word is a figure written to the cent ("822.41", "€4,75"): money on its line."""
    return _CENTS.search(strip_money(text)[0]) is not None


def currency_read(
    found: list[Candidate],
    drafts: list[rows.Draft],
    pages: list[Page],
    skip: set[int],
    taxed: tax_rates.WithTax | None = None,
) -> Candidate | None:
    """The currency the page's signs and codes say, sure when they all agree.  The sign on a tax that
    is the net total's share at the rate its line prints, and with it makes the total, is left out: the
    three are one sum, in one currency, and a sign OCR read otherwise there ("£53,42" among euros) says
    none of its own.  Nor does a line of the table whose price and amount carry signs of two
    currencies (`items.currencies`): its amount is its quantity at its price, one sum, so one of the
    two signs is misread, and the line cannot say which.  Nor does a sign glued to a word of letters
    ("$.L.," for the company's "S.L.,", `stray_signs.sign_on_word`): a letter the fax spoilt, no
    currency.  Nor, on a scan, does a sign before a code's figures ("€6600" for the postcode "66600",
    "€-3002" for "C-3002": `stray_signs.sign_on_code`) on a line that writes no figure to the cent: no
    money stands there."""
    besides = taxed.tax_toks if taxed is not None and tax_rates.at_printed_rate(taxed, pages) else []
    chosen = header_choice.choose(found, "currency")
    if chosen is None:
        return _by_signs(drafts, pages, skip, besides)
    # a labelled currency read unsure ("VALUTA: EUR" at 0.82) that every other sign and code on the
    # page states too ("Totale (EUR)", the prices' "€") is printed again there: those copies vouch for
    # its reading; one that any of them gainsays stays as read
    signed = _by_signs(drafts, pages, skip, [*besides, *chosen.toks])
    if signed is not None and signed.value == chosen.value and signed.certainty >= SIGNS_AGREE:
        return replace(chosen, vouched=True)
    return chosen


SIGNS_AGREE = 0.95  # how sure the page's currency is when every sign and code on it states it


def _by_signs(
    drafts: list[rows.Draft], pages: list[Page], skip: set[int], besides: list[Tok]
) -> Candidate | None:
    """The currency the signs and codes of the page state (but those `besides`), sure when they all
    agree (`currency_read`)."""
    codes = items.currencies(drafts)
    named: set[str] = set()  # ISO codes printed as words ("Total MXN")
    for page in pages:
        for line in page.lines:
            if line.kind == "text":
                coded = page.source != "text" and not any(_to_the_cent(t.text) for t in line.toks)
                signs = [
                    c
                    for i, t in enumerate(line.toks)
                    if (c := currency_sign(t))
                    and not _at_sign(line.toks, i)
                    and not sign_on_word(t.text)
                    and not (coded and sign_on_code(t.text))
                    and t not in besides
                ]
                signs += _codes_by_amounts(line.toks)
                if id(line) in skip and len(set(signs)) > 1:
                    continue  # a line of the table with signs of two currencies: one is misread
                codes += signs
            named |= {t.text for t in line.toks if t.text in ISO_CURRENCIES}
    dollar = named & DOLLAR_SIGN
    if len(dollar) == 1 and "USD" not in dollar:
        # "$" is the peso's or the Canadian dollar's sign as well: the code the document names decides
        (code,) = dollar
        codes = [code if c == "USD" else c for c in codes]
    if not codes:
        return None
    ranked = sorted(set(codes), key=lambda c: (-codes.count(c), c))
    best = ranked[0]
    if len(ranked) > 1 and codes.count(ranked[1]) == codes.count(best):
        return Candidate("currency", best, [], WRONG)  # as many signs for another currency
    return Candidate("currency", best, [], SIGNS_AGREE if codes.count(best) == len(codes) else DOUBTFUL)
