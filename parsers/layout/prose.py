"""Header fields stated in running text, as letters state them: "Adjuntamos nuestro pedido 23554-26,
fechado el 24 de noviembre de 2026", "Please find below our order no. 118/26 dated 3 December 2026",
and the place-and-date line that opens a letter ("Madrid, 24 de noviembre de 2026").

The order number is the word right after an order label in the sentence; the order date is the date
right after that number, joined to it by a few words ("de fecha", "fechado el", "dated", "of"). Both are
LIKELY, not SURE: a sentence is no form, but the two together leave little room for doubt."""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.layout.date_marks_lost import year_mark_lost
from parsers.layout.dates import MISREAD_PENALTY, FoundDate, find_date
from parsers.layout.geometry import Line, Tok
from parsers.layout.labels import Hit
from parsers.layout.text import has_digit

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/\-._]{2,29}$")
_EDGE = ":,;.'\"‘’“”«»()"
_NUMBER_WORDS = frozenset(("nº", "no", "no.", "n.º", "n°", "num.", "número", "numero", "number", "#", "nr."))
# a number sign "nº" a fax spoilt: its ring read as a capital, a figure or a mark ("nP", "n2", "n?"),
# a speck before it as an "i" ("in?"); never a word of small letters ("ni", "no" is a sign as printed)
_SIGN_MISREAD = re.compile(r"^i?n[^a-z\s]$")
MIN_ALONE = 4  # characters an order number after a one-word label ("pedido 1234") must have
_PARTED_FIGURES = 4  # figures after an order number's separator that a space parted from it ("55213- 26")
AFTER_NUMBER = 8  # words after the order number its date may stand in
# words that join an order number to its date: "de fecha", "fechado el", "dated", "of", "del"
_JOIN = re.compile(
    r"[,;]?\s*(?:(?:(?:de|con)\s+fecha(?:\s+del?)?|fechad[oa]\s+(?:el|a)|dated|of|from|del?|issued\s+on|"
    r"emitido\s+el)\s*)?(?:the|el)?\s*",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"^(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+",
    re.IGNORECASE,
)
_WEEKDAY_END = re.compile(r"(?<!\w)" + _WEEKDAY.pattern[1:] + "$", re.IGNORECASE)
# "Madrid, 24 de noviembre de 2026", "London, 3rd December 2026": a place, a comma, a date, nothing else
# ("de Compostela, 23.11.26": a place of several words whose first OCR set on a line of its own leaves
# the particle that joined it to the rest)
_PARTICLE = r"(?:de|del|da|do|dos|das|di|la|el|le|sur|am|an|upon)\s+"
_PLACE = re.compile(r"^(?:" + _PARTICLE + r")?[A-ZÁÉÍÓÚÑ][\w .'\-]{1,40},\s*", re.UNICODE)
# the same with the comma read as a point ("Santiago de Compostela. 23 de noviembre de 2026")
_PLACE_POINT = re.compile(r"^[A-ZÁÉÍÓÚÑ][\w '\-]{1,40}\.\s+", re.UNICODE)
# what a speck before a scanned line's first word is read as ("\"Madrid, martes, 24 de noviembre")
_SPECKS = "\"'`‘’“”«»*·.,:;|"


# words that may stand before an order label in a sentence ("our order", "el pedido", "This order")
_DETERMINER_WORDS = (
    "our your my the this that a an per under nuestro nuestra su sus el la del al este esta ese mi "
    "nosso nossa o do ao notre votre le du unser unsere ihre ihr der die den nostro vostro il lo"
)
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())


def titled(phrase: Line, hit: Hit) -> bool:
    """Whether the label is part of a title in running text ("Executive Order 11246", "Court Order"):
    a capitalised word before it that is no determiner. Such a number names a law or a ruling, never
    the buyer's order."""
    if hit.start == 0:
        return False
    before = phrase.toks[hit.start - 1].text.strip(_EDGE)
    label = phrase.toks[hit.start].text
    return (
        label[:1].isupper()
        and len(before) > 1
        and before.isalpha()
        and before[0].isupper()
        and before.casefold() not in _DETERMINERS
    )


# a number sign run into the number where a fax lost the space after it ("pedido n°'482/26"): the sign's
# ring stands for no figure, so the number is the rest as printed
_GLUED_SIGN = re.compile(r"^(?:n\.?[º°]|#)(?=\W*\d)", re.IGNORECASE)

# an order number's slash a normal fax thinned to its two ends, read as a colon ("164:26" for 164/26):
# figures each side, so that no time of day ("10:30") is taken for one
_COLON_FOR_SLASH = re.compile(r"^(\d{3,}):(\d{2,4})$")


def order_number(phrase: Line, hit: Hit, *, scanned: bool = False) -> tuple[str, Tok, int] | None:
    """The order number right after an order label in running text, its word and its index; on a scan
    (`scanned`), a colon between its figures taken for the slash a fax thinned to it (`slash_mended`)."""
    if titled(phrase, hit):
        return None
    i = hit.end
    if (
        hit.start == 0
        and hit.size < 2
        and not (i < len(phrase.toks) and phrase.toks[i].text.lower() in _NUMBER_WORDS)
    ):
        return None  # "Order 11246, as amended, ...": a sentence begins with the word, no order of ours
    while i < len(phrase.toks) and phrase.toks[i].text.lower() in _NUMBER_WORDS:
        i += 1
    if scanned and i == hit.end and i + 1 < len(phrase.toks) and _SIGN_MISREAD.match(phrase.toks[i].text):
        i += 1  # "pedido nP 507/26": the number sign read as an "n" and a figure, a capital or a mark
    if i >= len(phrase.toks):
        return None
    tok = phrase.toks[i]
    value = _GLUED_SIGN.sub("", tok.text).strip(_EDGE)
    if scanned:
        value = _COLON_FOR_SLASH.sub(r"\1/\2", value)
        rest = _parted_rest(phrase, i, value)
        if rest is not None:
            value, i = value + rest, i + 1
    if not (has_digit(value) and _CODE.match(value)) or find_date(value) is not None:
        return None
    if hit.size < 2 and len(value) < MIN_ALONE:
        return None  # "order 100 units": a quantity, not an order number
    if value.replace(".", "").replace(",", "").isdigit() and ("," in value or value.count(".") > 1):
        return None  # an amount
    return value, tok, i


def _parted_rest(phrase: Line, i: int, value: str) -> str | None:
    """The figures of the word after an order number that ends in its separator ("55213- 26," for
    55213-26): a space OCR set after the hyphen or slash parted the number; None when the word after
    it is no such figures."""
    if not value or value[-1] not in "-/" or i + 1 >= len(phrase.toks):
        return None
    rest = phrase.toks[i + 1].text.rstrip(_EDGE)
    return rest if rest.isdigit() and len(rest) <= _PARTED_FIGURES else None


def sign_misread(phrase: Line, index: int) -> bool:
    """Whether the order number at `index` of `phrase` was found past a number sign OCR misread
    ("pedido nP 507/26"): the word before it is no sign as printed, so a person confirms the number."""
    return index > 0 and _SIGN_MISREAD.match(phrase.toks[index - 1].text) is not None


def slash_mended(tok: Tok, value: str) -> bool:
    """Whether `value`, read from `tok`, is an order number not as its word reads: a slash read as a
    colon, or figures parted from it by a space after its separator (`_parted_rest`); a number sign run
    into it (`_GLUED_SIGN`) is printed, and its number read as printed."""
    return value != _GLUED_SIGN.sub("", tok.text).strip(_EDGE)


def date_after(phrase: Line, index: int, month_first: bool) -> tuple[FoundDate, list[Tok]] | None:
    """The date that follows the order number at `index`, joined to it by a few words at most, and the
    words it is printed in: those alone, not the joining words before it nor the sentence after it (how
    surely OCR read "fechado" or "Les" says nothing of how it read the date's figures)."""
    toks = phrase.toks[index + 1 : index + 1 + AFTER_NUMBER]
    text = " ".join(t.text for t in toks)
    found = find_date(text, month_first=month_first)
    if found is None:
        return None
    number = phrase.toks[index].text
    trail = number[len(number.rstrip(_EDGE)) :]
    if _JOIN.fullmatch(f"{trail} {without_weekday(text[: found.start])}".strip()) is None:
        return None
    starts = [sum(len(t.text) + 1 for t in toks[:i]) for i in range(len(toks))]
    words = [
        t for t, at in zip(toks, starts, strict=True) if at < found.end and at + len(t.text) > found.start
    ]
    return found, words


def without_weekday(gap: str) -> str:
    """The words before a date without the weekday name that ends them ("para el día martes, ")."""
    found = _WEEKDAY_END.search(gap)
    return gap[: found.start()] if found else gap


def skip_weekday(text: str) -> int:
    """Characters of a weekday name before a date ("miércoles, 25 de noviembre", "Tuesday 8 Dec")."""
    found = _WEEKDAY.match(text)
    return found.end() if found else 0


def place_and_date(line: Line, month_first: bool, *, scanned: bool = False) -> FoundDate | None:
    """The date of a line that is a place, a comma and a date and nothing else; with the comma read as
    a point, a misreading mended (as sure as `dates.MISREAD_PENALTY` makes it: a person confirms it).
    On a scan (`scanned`), a numeric date with a four-figure year one of whose marks a fax lost
    ("Madrid, 2311/2026") is read as a labelled one is (`date_marks_lost.year_mark_lost`), doubtful,
    and specks read before the place are no part of it."""
    placed = _placed(_placed_text(line, scanned), month_first, scanned)
    if placed is None:
        return None
    found, point = placed[1], placed[0].re is _PLACE_POINT
    return found if not point else replace(found, certainty=min(found.certainty, MISREAD_PENALTY))


def _placed(text: str, month_first: bool, scanned: bool) -> tuple[re.Match[str], FoundDate] | None:
    """The place of a place-and-date line and the date after it: a place ending in a comma, else one
    read with its comma as a point. Where the date holds a comma of its own ("Monterrey. 23 Noviembre,
    2026") the place with a comma takes the point and the day into its words and leaves no date, so
    the point's reading is tried then too."""
    text = text.rstrip(".")
    for pattern in (_PLACE, _PLACE_POINT):
        place = pattern.match(text)
        found = _date_after(text, place, month_first, scanned) if place else None
        if place is not None and found is not None:
            return place, found
    return None


def _date_after(text: str, place: re.Match[str], month_first: bool, scanned: bool) -> FoundDate | None:
    """The date that fills `text` after the place `place` matched (and a weekday); None when none."""
    start = place.end() + skip_weekday(text[place.end() :])
    found = find_date(text[start:], month_first=month_first)
    if found is None and scanned:
        found = year_mark_lost(text[start:], month_first=month_first)
    if found is None or found.start != 0 or start + found.end < len(text):
        return None
    return found


def place_words(line: Line, month_first: bool, *, scanned: bool = False) -> int:
    """How many words the place of a place-and-date line (`place_and_date`) takes, its comma's word
    included: "Santiago de Compostela, 25 de noviembre de 2026" 3; on a scan, with the words of specks
    alone before it."""
    text = _placed_text(line, scanned)
    placed = _placed(text, month_first, scanned)
    if placed is None:
        return 0
    matched = placed[0]
    specks = 0
    while scanned and specks < len(line.toks) and not line.toks[specks].text.strip(_SPECKS):
        specks += 1
    return specks + len(text[: matched.end()].split())


def _placed_text(line: Line, scanned: bool) -> str:
    """The line's text; on a scan, without the specks OCR read before its first word."""
    text = line.text.strip()
    return text.lstrip(_SPECKS + " ") if scanned else text


# Words that say a sentence is about getting goods to the customer ("entregar", "servir", "recibir",
# "deliver", "ship", "required", "livraison", "Lieferung"...), and words that say it is about something
# else that also has a date (a payment, an invoice, an offer's validity).
_DELIVERY_CUE = re.compile(
    r"\b(?:entreg|servi|sirv|suministr|recib|env[ií]|almac[eé]n|necesit|deliver|ship|dispatch|arriv|"
    r"requir|request|need|livr|liefer|consegn)",
    re.IGNORECASE,
)
_OTHER_MATTER = re.compile(
    r"\b(?:pag|pay|factur|invoice|vencim|due|v[aá]lid|ofert|offer|quot|presupuest|cobr)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)")


def sentence_end(text: str) -> int | None:
    """Where the first sentence in `text` ends, if it ends there."""
    found = _ends(text, open_end=False)
    return found[0].end() if found else None


def sentence_start(text: str) -> str:
    """The last sentence begun in `text` (the words before a label, which the sentence runs on with):
    what follows its last full stop."""
    ends = _ends(text, open_end=True)
    return text[ends[-1].end() :] if ends else text


def _ends(text: str, *, open_end: bool) -> list[re.Match[str]]:
    """The marks that end a sentence in `text`, but a letter read as a mark (`letter_read_as_mark`)."""
    return [m for m in _SENTENCE_END.finditer(text) if not letter_read_as_mark(text, m, open_end)]


def letter_read_as_mark(text: str, mark: re.Match[str], open_end: bool) -> bool:
    """Whether the "!" `mark` is a letter a fax read as one ("materia!" for "material": an l, i or I is a
    stroke with a dot or a gap under it): glued to a letter before it, and followed by a word of small
    letters, which no exclamation ends its sentence before.  At the end of `text` (`open_end`: the words
    before a label, the label's words come next), the sentence runs on into the label.  A full stop, a
    semicolon or a question mark is no letter's look-alike and ends its sentence as read."""
    at = mark.start()
    if mark.group() != "!" or at == 0 or not text[at - 1].isalpha():
        return False
    rest = text[mark.end() :].lstrip()
    return rest[:1].islower() if rest else open_end


def count_dates(text: str, month_first: bool) -> int:
    """How many dates `text` states."""
    count = 0
    while (found := find_date(text, month_first=month_first)) is not None:
        count += 1
        text = text[found.end :]
    return count


def delivery_stated(sentence: str, month_first: bool) -> bool:
    """Whether a sentence plainly asks for delivery on one date: it names delivery, is about nothing
    else that carries a date, and states exactly one date."""
    return (
        _DELIVERY_CUE.search(sentence) is not None
        and _OTHER_MATTER.search(sentence) is None
        and count_dates(sentence, month_first) == 1
    )
