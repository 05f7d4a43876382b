"""The net total, tax amount and total an order prints, chosen so that net plus tax is the total
(with_tax), with the mends of a spoilt one in gross_mends and tax_mends."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from decimal import Decimal

from parsers.layout.geometry import Page
from parsers.layout.gross_mends import (
    gross_garbled,
    gross_unlabelled,
    gross_unreadable,
    gross_wiped,
    total_a_figure_off,
)
from parsers.layout.numbers import PAST_CENT_READ, readings
from parsers.layout.tax_mends import net_a_figure_off, tax_between, tax_garbled, zero_tax
from parsers.layout.tax_rates import WithTax
from parsers.layout.totals import PREFERENCE, Chosen, Seen


def with_tax(
    seen: list[Seen],
    chosen: Chosen,
    mark: str,
    pages: Sequence[Page] = (),
    skip: Collection[int] = frozenset(),
) -> WithTax | None:
    """When the page prints a tax amount and a total equal to the chosen total plus that tax, the chosen
    total is the net one: the three, to the cent. None when no such pair is printed.

    With `pages` (and `skip`, the table's lines), a tax line whose label OCR garbled ("VA 22 % 644,36",
    "VAT20% 161.72") counts too: an amount to the cent on a line between the net total and a total
    below it that is exactly the difference of the two."""
    if chosen.reading is None:
        return None
    for net in _nets(chosen, mark):
        found = _with_tax(seen, chosen, net, mark, pages, skip)
        if found is not None:
            return found if net == chosen.reading.value else replace(found, mended=True)
    return None


def _nets(chosen: Chosen, mark: str) -> list[Decimal]:
    """The chosen total as read, then as it reads with the figure after its cents left out: a sign
    printed after it that OCR read as a figure ("773,974" for "773,97£")."""
    assert chosen.reading is not None
    text = chosen.toks[-1].text if chosen.toks else ""
    past = [r.value for r in readings(text, mark, rules=False) if r.note == PAST_CENT_READ]
    return [chosen.reading.value, *(v for v in past if v != chosen.reading.value)]


def _with_tax(
    seen: list[Seen], chosen: Chosen, net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    grosses = [
        (s, g)
        for s in seen
        if s.kind in PREFERENCE and s.toks is not chosen.toks
        for g in readings(s.toks[-1].text, mark, rules=False)[:1]
    ]
    for tax in (s for s in seen if s.kind == "tax"):
        for t in readings(tax.toks[-1].text, mark, rules=False)[:1]:
            if t.value < 0 or t.value >= net:
                continue
            for gross, g in grosses:
                if g.value == net + t.value:
                    return WithTax(net, t.value, g.value, tax.toks, gross.toks)
    zero = zero_tax(seen, net, grosses, mark, pages)
    if zero is not None:
        return zero
    for gross, g in grosses:
        found = tax_between(pages, skip, chosen, gross, g.value - net, mark)
        if found is not None:
            read_as = readings(found.text, mark, rules=False)[:1]
            mended = not read_as or read_as[0].value != g.value - net
            return WithTax(net, g.value - net, g.value, [found], gross.toks, mended)
    return (
        tax_garbled(chosen, net, grosses, pages, skip)
        or total_a_figure_off(seen, net, grosses, mark, pages)
        or gross_garbled(seen, chosen, net, mark, pages)
        or net_a_figure_off(seen, chosen, grosses, mark, pages, skip)
        or gross_unlabelled(seen, net, mark, pages, skip)
        or gross_wiped(seen, net, mark, pages, skip)
        or gross_unreadable(seen, net, mark, pages, skip)
    )
