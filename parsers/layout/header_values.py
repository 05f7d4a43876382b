"""A header field's value read from the words after or under its label: a date (with the readings of
one whose marks a fax lost, on a scan), a currency, an order number or a party's code (with the
characters OCR misread in it mended), and the words a date read there rests on."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.layout.calendar_names import weekday_named
from parsers.layout.date_marks_lost import (
    marks_lost,
    run_together,
    short_year_mark_lost,
    spaced_year_first,
    year_first_mark_lost,
    year_mark_lost,
)
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE
from parsers.layout.geometry import Tok
from parsers.layout.header_mends import (
    CODE,
    VALUE_EDGE,
    dash_crossed,
    letter_o,
    lone_bracket,
    lost_separator,
    seven_barless,
    small_capital,
)
from parsers.layout.numbers import repair_digits
from parsers.layout.text import fold, has_digit
from parsers.layout.vocab import CURRENCIES, ISO_CURRENCIES

DATE_FIELDS = ("order_date", "delivery_date")


def parse_value(
    name: str, toks: list[Tok], month_first: bool, scanned: bool = False, *, order_known: bool = False
) -> tuple[object, list[Tok], float] | None:
    """The field's value from the words after its label, the words it used, and a certainty factor;
    `scanned` on an OCR page, where a number may have lost a separator; `order_known` when the
    document's own dates say which it writes first, the day or the month."""
    text = " ".join(t.text for t in toks)
    if name in DATE_FIELDS:
        found = find_date(text, month_first=month_first)
        if found is None and scanned:
            found = spaced_year_first(text)  # "DATA DA ENCOMENDA, 2026  11  25"
        if found is None and scanned:
            found = run_together(text, month_first=month_first)  # "Deliver by: 15122026"
        if found is None and scanned:
            found = marks_lost(text, month_first=month_first)  # "Need by: 11 30 2026"
        if found is None and scanned:
            found = short_year_mark_lost(text, month_first=month_first)  # "FECHA: 25.1126"
        if found is None and scanned:
            found = year_mark_lost(text, month_first=month_first)  # "PO date: 2411-2026"
        if found is None and scanned:
            found = year_first_mark_lost(text)  # "Fecha: 2026-1126"
        if found is None:
            return None
        # a day and a month that could be read the other way round ("05.12.26") are settled when the
        # document's own dates say which it writes first (an order dated "23.11.26" on it)
        certainty = found.certainty / found.swap if order_known else found.certainty
        return found.value, date_read_from(toks, found.end), certainty
    if name == "currency":
        for tok in toks:
            code = CURRENCIES.get(tok.key) or (tok.text if tok.text in ISO_CURRENCIES else None)
            if code:
                return code, [tok], SURE
        return None
    if name in ("po_number", "party_id", "doc_number"):
        joined = lost_separator(toks) if name == "po_number" and scanned else None
        if joined is not None:
            return joined
        for tok in toks[:2]:
            value = tok.text.strip(VALUE_EDGE)
            bracket = 0
            if name == "po_number" and scanned:
                value, bracket = lone_bracket(value)
            fixed, repaired = (
                repair_digits(value) if name == "party_id" and value[:1].isdigit() else letter_o(value)
            )
            if name == "po_number" and scanned:
                fixed, small = small_capital(fixed)
                fixed, seven = seven_barless(fixed)
                fixed, dash = dash_crossed(fixed)
                repaired += small + seven + dash + bracket
            if has_digit(fixed) and CODE.match(fixed) and not find_date(fixed):
                if repaired and name != "party_id":
                    return fixed, [tok], DOUBTFUL  # a letter mended in an order number: a person confirms it
                return fixed, [tok], LIKELY if repaired else SURE
        return None
    return (text, toks, SURE) if toks else None


def value_of(name: str, toks: list[Tok], month_first: bool) -> object | None:
    """What the words would give as the value of the field `name` (an order number, a date) after its
    label on a scan; None when they make none."""
    parsed = parse_value(name, toks, month_first, scanned=True)
    return parsed[0] if parsed is not None else None


def date_read_from(toks: Sequence[Tok], end: int) -> list[Tok]:
    """The words after a label that a date read from them rests on: up to the word its reading ends in
    (`end`, in the folded text of the words side by side), without the words after it when the first of
    them holds no figure ("6th December 2026 (goods-in closes at 3 pm)."): a date ends with its year,
    its day or its month, so words of letters after it say nothing of it, and how sure OCR was of them
    is no evidence of the date.  A figure right after it may be part of it OCR parted ("05.12.20 26"),
    and a weekday named after it is checked against it ("2 de diciembre de 2026, miércoles"): then
    every word stays."""
    at = 0
    for i, tok in enumerate(toks):
        at += len(fold(tok.text))
        if at >= end:
            rest = toks[i + 1 :]
            plain = rest and not has_digit(rest[0].text) and weekday_named(rest[0].text) is None
            return list(toks[: i + 1] if plain else toks)
        at += 1
    return list(toks)
