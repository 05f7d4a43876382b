"""A total's figures as a fax may have spoilt them, read again: junk after the amount, a cent
parted from it, a colon for its decimal mark, its groups of thousands in cells of their own
(for parsers.layout.totals)."""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.layout.geometry import Tok, join_groups
from parsers.layout.numbers import looks_numeric
from parsers.layout.text import token_key

MONEY = re.compile(r"\d[.,]\d\d$")  # an amount printed to the cent


def last_number(toks: list[Tok]) -> list[Tok]:
    numbers = [t for t in _total_groups(toks) if looks_numeric(t.text) and not t.text.endswith("%")]
    return numbers[-1:]


# a word of one figure, a money sign beside it or not: a sign printed after an amount that a fax read as
# a figure ("38771.53 $4", "33423.73 5"), no figure of the amount its cents end (a money sign alone
# after it, "3239,24 €", is printed so, and no number that could be taken for the amount)
_LONE_MARK = re.compile(r"^[€$£]?\d[€$£]?$")


def before_junk(toks: list[Tok]) -> list[Tok]:
    """The amount to the cent a total's line ends in when its last word, right after it, is a lone
    figure (`_LONE_MARK`): [] where it does not end so."""
    words = [t for t in _total_groups(toks) if t.text.strip()]
    if len(words) < 2 or not _LONE_MARK.match(words[-1].text):
        return []
    amount = words[-2]
    if not looks_numeric(amount.text) or not MONEY.search(amount.text.rstrip("€$£")):
        return []
    return [amount]


# an amount to one decimal figure ("8133.8") and a lone figure, or a zero read as the letter O, after it
_ONE_DECIMAL = re.compile(r"^[€$£]?\d[\d.,]*[.,]\d$")
_LAST_CENT = re.compile(r"^[\dOo]$")
_CURRENCY_WORD = re.compile(r"^[A-Z]{3}$")  # "MXN", "EUR" after the amount


def _before_currency(toks: list[Tok]) -> list[Tok]:
    """A total's words (`_total_groups`, blank ones left out) without the currency code printed after its
    amount ("8133.84 MXN"): the amount is the last of them."""
    words = [t for t in _total_groups(toks) if t.text.strip()]
    return words[:-1] if words and _CURRENCY_WORD.match(words[-1].text) else words


def _retexted(tok: Tok, text: str) -> Tok:
    """`tok` read as `text`, its box kept: a figure put back or a mark left out where the fax spoilt it."""
    return replace(tok, word=replace(tok.word, text=text), key=token_key(text))


def cent_parted(toks: list[Tok]) -> list[Tok]:
    """The amount to the cent a total's line ends in when OCR parted its last figure from it by a gap
    narrower than a character ("IVA 16 % 8133.8 4 MXN" for 8133.84, "50836.5 O MXN" for 50836.50, the
    zero read as the letter O), a currency code after it or not: the two joined, the zero put back;
    [] where the line does not end so. A figure other than a zero changes the amount read: mended
    (`Seen.mended`), so a person confirms it unless the order's sums vouch for it (`validation.sums`)."""
    words = _before_currency(toks)
    if len(words) < 2:
        return []
    amount, cent = words[-2], words[-1]
    if not _ONE_DECIMAL.match(amount.text) or not _LAST_CENT.match(cent.text):
        return []
    cell = (amount.x1 - amount.x0) / len(amount.text)
    if not 0 <= cent.x0 - amount.x1 <= cell:
        return []
    text = amount.text + cent.text.replace("O", "0").replace("o", "0")
    joined = replace(
        amount, word=replace(amount.word, text=text, x1=cent.word.x1), x1=cent.x1, key=token_key(text)
    )
    return [joined]


# an amount to the cent one of whose marks a fax read as a colon: the decimal mark ("$733:70"), or the
# group mark before the last three figures of the whole part ("€1:465,49")
_COLON_DECIMAL = re.compile(r"^(?P<sign>[€$£]?)(?P<whole>\d{1,3}(?:(?P<group>[.,])\d{3})*):(?P<cents>\d\d)$")
_COLON_GROUP = re.compile(r"^(?P<sign>[€$£]?)(?P<lead>\d{1,3}):(?P<rest>\d{3}(?P<mark>[.,])\d\d)$")


def colon_turned(toks: list[Tok]) -> list[Tok]:
    """The amount to the cent a total's line ends in when one of its marks was read as a colon ("Total
    USD $733:70", "Endbetrag €1:465,49"): the colon put back as the mark that stands there, a decimal
    mark before the cents (the other mark than the amount's groups'), a group mark before three
    figures and the cents; [] where the line does not end so. Mended (`Seen.mended`): a person
    confirms it unless the order's sums vouch for it (`validation.sums`)."""
    words = _before_currency(toks)
    if not words:
        return []
    amount = words[-1]
    if (m := _COLON_DECIMAL.match(amount.text)) is not None:
        point = "," if m["group"] == "." else "."
        text = f"{m['sign']}{m['whole']}{point}{m['cents']}"
    elif (m := _COLON_GROUP.match(amount.text)) is not None:
        group = "," if m["mark"] == "." else "."
        text = f"{m['sign']}{m['lead']}{group}{m['rest']}"
    else:
        return []
    return [_retexted(amount, text)]


# a speck or a rule's end glued before a total's money sign, read as a dash ("Total TTC -€1.330,92")
_SPECKED_SIGN = re.compile(r"^[-–—~]+(?=[€$£]\d)")


def sign_specked(toks: list[Tok], gross: bool) -> list[Tok]:
    """The amount to the cent a total with tax ends in (`gross`) when a dash stands glued before its
    money sign ("Total TTC -€1.330,92"): what the customer pays with the tax in it is never a credit,
    so the dash is a speck or a rule's end the fax read as a minus, and is left out; [] where the line
    does not end so, or the total is no total with tax (a plain total's minus may be printed). Mended
    (`Seen.mended`): a person confirms it unless the order's sums vouch for it (`validation.sums`)."""
    words = _before_currency(toks) if gross else []
    if not words:
        return []
    amount = words[-1]
    text = _SPECKED_SIGN.sub("", amount.text)
    if text == amount.text or not MONEY.search(text.rstrip("€$£")) or not looks_numeric(text):
        return []
    return [_retexted(amount, text)]


# a speck between a total's cents and the money sign printed after them, read as a mark ("258.80/£")
_MARK_BEFORE_SIGN = re.compile(r"^(?P<amount>[€$£]?\d[\d.,]*[.,]\d\d)[/|\\!:;'‘’`]+(?P<sign>[€$£])$")
# a speck glued before a total's amount read as an angle or a guillemet ("<818,69"): no sign of money
_SPECK_BEFORE = re.compile(r"^[<>«»‹›]+(?=[€$£]?\d)")


def specks_glued(toks: list[Tok]) -> list[Tok]:
    """The amount to the cent a total's line ends in when a speck stands glued to it: between its cents
    and the money sign printed after them ("GRAND TOTAL 258.80/£": a slash or a stroke, no figure, as an
    amount ends at its cents), or before it read as an angle or a guillemet ("Total <818,69", a mark no
    amount or sign of money is printed with); the speck left out, [] where the line does not end so.
    Mended (`Seen.mended`): a person confirms it unless the order's sums vouch for it (`validation.sums`),
    and the rules that weigh a total against the net and the tax take it as read."""
    words = _before_currency(toks)
    if not words:
        return []
    amount = words[-1]
    text = _SPECK_BEFORE.sub("", amount.text)
    m = _MARK_BEFORE_SIGN.match(text)
    if m is not None:
        text = m["amount"] + m["sign"]
    if text == amount.text or not MONEY.search(text.rstrip("€$£")) or not looks_numeric(text):
        return []
    return [_retexted(amount, text)]


TOTAL_GROUP_CELLS = 1.5  # characters between a total's lone thousands figure and the rest of it
_LONE_THOUSANDS = re.compile(r"^[‘’'`\"*]?([€$£]?\d{1,3})$")  # a speck before it read as a mark
_AMOUNT_TAIL = re.compile(r"^\d{3}[.,]\d\d(?:[€$£]|EUR|USD|GBP)?$")
# an amount to the cent with a full stop after it ("Total TTC €4 115,78."): the stop ends the sentence
_FULL_STOP = re.compile(r"(?<=\d[.,]\d\d)\.$")


def _total_groups(toks: list[Tok]) -> list[Tok]:
    """A total's words with its number in one piece (`join_groups`), and also where a typewriter face
    sets the thousands a space apart whose width the lone figure's ink does not show ("1 518,90": the
    "1" boxed narrower than its cell); only a figure of three digits or fewer before an amount to the
    cent, and the total is checked against the lines it should add up to."""
    out: list[Tok] = []
    for tok in join_groups([_without_full_stop(t) for t in toks]):
        prev = out[-1] if out else None
        if (
            prev is not None
            and _LONE_THOUSANDS.match(prev.text)
            and _AMOUNT_TAIL.match(tok.text)
            and 0 <= tok.x0 - prev.x1 <= TOTAL_GROUP_CELLS * (tok.x1 - tok.x0) / len(tok.text)
        ):
            text = _LONE_THOUSANDS.sub(r"\1", prev.text) + tok.text
            out[-1] = replace(
                prev, word=replace(prev.word, text=text, x1=tok.word.x1), x1=tok.x1, key=token_key(text)
            )
            continue
        out.append(tok)
    return out


def _without_full_stop(tok: Tok) -> Tok:
    """A total's amount without the full stop printed after its cents, which is no figure of it: with
    the stop, the thousands a space before it ("€4 115,78.") are not joined to it, and "115,78" alone is
    read for the total."""
    text = _FULL_STOP.sub("", tok.text)
    if text == tok.text:
        return tok
    return _retexted(tok, text)
