"""A gross total a fax spoilt (its label lost, wiped, unreadable or garbled, a figure off), found
from the net and the tax at a printed rate (for parsers.layout.tax_choice)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from decimal import Decimal

from parsers.layout import labels
from parsers.layout.geometry import Page, join_groups
from parsers.layout.numbers import Reading, readings
from parsers.layout.printed_totals import BOX_GAP
from parsers.layout.tax_rates import WithTax, figure_apart, figures_of, taxes_at_rate
from parsers.layout.text import has_digit, one_edit
from parsers.layout.total_figures import MONEY
from parsers.layout.totals import PREFERENCE, Chosen, Seen, an_amount
from parsers.layout.vocab import TOTALS


def gross_unlabelled(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    """On a scanned page, the total with tax on the line right under the tax line, its label garbled
    past knowing ("Nettobetrag €4189,90 / MwSt. 19 % €796,08 / Endhatran €4985,98"): an amount to the
    cent, read as printed, that is exactly the net plus a tax that is the net's share at the rate its
    own line prints. Taken as the total, doubtful (its label was not read: a person confirms it)."""
    for tax, page, taxed in taxes_at_rate(seen, net, mark, pages):
        under = [li for li in page.lines if li.kind == "text" and li.y0 > tax.toks[-1].y1]
        line = under[0] if under else None
        if line is None or id(line) in skip or line.y0 - tax.toks[-1].y1 > BOX_GAP * line.height:
            continue
        if any(labels.starts_with(p.toks, TOTALS) for p in line.phrases()):
            continue  # a labelled total, read or not, is no unlabelled one
        figures = [tok for tok in join_groups(line.toks) if has_digit(tok.text) and "%" not in tok.text]
        text = figures[-1].text.strip("€$£ ") if figures else ""
        found = readings(text, mark, rules=False, lost_marks=False)[:1] if MONEY.search(text) else []
        if found and found[0].cost == 0 and found[0].value == taxed.total:
            return replace(taxed, total_toks=[figures[-1]], total_mended=True)
    return None


def gross_wiped(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    """On a scanned page, the total with tax on the line right under the tax line, labelled a total (or
    "Total" a letter off: "Tatal"), whose amount the fax wiped out ("Tatal enn N/A AAW ERE"): no figure
    on it reads as an amount. Where the tax, read as printed, is the net total's share at the rate its
    own line prints, the total is the net plus that tax, mended (a person confirms it); a total line
    with an amount read is left to the rules that compare that amount."""
    for tax, page, taxed in taxes_at_rate(seen, net, mark, pages):
        under = [li for li in page.lines if li.kind == "text" and li.y0 > tax.toks[-1].y1]
        line = under[0] if under else None
        if line is None or id(line) in skip or line.y0 - tax.toks[-1].y1 > BOX_GAP * line.height:
            continue
        first = line.toks[0]
        total_word = first.key == "total" or (
            len(first.key) == len("total") and labels.letter_off(first.key, "total")
        )
        figures = [t for t in join_groups(line.toks[1:]) if has_digit(t.text)]
        if total_word and not figures and len(line.toks) > 1:
            return replace(taxed, total_toks=line.toks[1:], total_mended=True)
    return None


_LETTER_THEN_FIGURES = re.compile(r"[A-Za-z](?=\d)")  # a letter run into the figures after it ("MXB4,279.27")


def gross_unreadable(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    """On a scanned page, the labelled total on the line right under the tax line whose amount reads as
    no amount because a mark or a figure of it was read as something else: its group point read as a
    colon ("Endbetrag €1:465,49"), or its first figure run into the letter before it ("TOTAL PEDIDO IVA
    INCL. MXB4,279.27" for MXN 64,279.27). Where the tax, read as printed, is the net total's share at the
    rate its own line prints, and the figures read are those of the net plus that tax (all of them, or
    all but the first, taken by the letter run into them), the total is that sum, mended (a person
    confirms it). Figures that differ otherwise are left unread: the printed total reads otherwise."""
    for tax, page, taxed in taxes_at_rate(seen, net, mark, pages):
        under = [li for li in page.lines if li.kind == "text" and li.y0 > tax.toks[-1].y1]
        line = under[0] if under else None
        if line is None or id(line) in skip or line.y0 - tax.toks[-1].y1 > BOX_GAP * line.height:
            continue
        hit = next((h for p in line.phrases() if (h := labels.starts_with(p.toks, TOTALS))), None)
        if hit is None:
            continue
        figures = [t for t in join_groups(line.toks) if has_digit(t.text) and "%" not in t.text]
        if not figures or an_amount(figures[-1].text):
            continue  # an amount read is left to the rules that compare amounts
        text, wanted = figures[-1].text, figures_of(f"{taxed.total:.2f}")
        read = figures_of(text)
        lettered = _LETTER_THEN_FIGURES.search(text) is not None and len(read) == len(wanted) - 1
        if read == wanted or (lettered and wanted.endswith(read)):
            return replace(taxed, total_toks=[figures[-1]], total_mended=True)
    return None


def total_a_figure_off(
    seen: list[Seen], net: Decimal, grosses: list[tuple[Seen, Reading]], mark: str, pages: Sequence[Page]
) -> WithTax | None:
    """On a scanned page, a total with tax read a figure off the net total plus a tax that is the net
    total's share at the rate its own line prints, or with a figure fewer or more ("Subtotal 1 266,70 /
    IVA 21 % 266,01 / Total con IVA 1522,71" for 1532,71; "Order total 6.70 / VAT 20 % 1.34 / Total
    incl. tax 3.04" for 8.04; "Endbetrag EUR 677,03" for 3677,03): the net, the rate and the tax agree
    with each other and outvote the one figure, which a normal fax loses as easily as any. Taken as the
    net plus the tax, mended (a person confirms it); a text layer's figures are as printed, and a total
    two figures off or more is left unaccounted for."""
    for tax, _page, taxed in taxes_at_rate(seen, net, mark, pages):
        off = [
            (s, g)
            for s, g in grosses
            if s.page == tax.page and s.y > tax.y and figure_apart(g.value, taxed.total)
        ]
        if len(off) == 1:
            return replace(taxed, total_toks=off[0][0].toks, total_mended=True)
    return None


def gross_garbled(
    seen: list[Seen], chosen: Chosen, net: Decimal, mark: str, pages: Sequence[Page]
) -> WithTax | None:
    """On a scanned page, a total under the tax line whose figures read as no amount to the cent ("TOTAL
    CON IVA 188312", its decimal mark lost; "TOTAL C/ IVA EUR 1,941,341" for 1.941,31, a speck read as
    a figure) but are, marks and signs aside, the figures of the net total plus a tax that is the net's
    share at the rate its own line prints, or but one figure apart from them: the net, the rate and the
    tax agree with each other and outvote the garbled figures. Taken as the net plus the tax, mended (a
    person confirms it); an amount read to the cent is left to the rules that compare amounts, and a
    text layer's figures are as printed."""
    for tax, _page, taxed in taxes_at_rate(seen, net, mark, pages):
        wanted = figures_of(f"{taxed.total:.2f}")
        garbled = [
            s
            for s in seen
            if s.kind in PREFERENCE
            and s.toks is not chosen.toks
            and s.page == tax.page
            and s.y > tax.y
            and not MONEY.search(s.toks[-1].text.rstrip("€$£ "))
            and (figures_of(s.toks[-1].text) == wanted or one_edit(figures_of(s.toks[-1].text), wanted))
        ]
        if len(garbled) == 1:
            return replace(taxed, total_toks=garbled[0].toks, total_mended=True)
    return None
