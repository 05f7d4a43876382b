"""A tax amount or net total a fax spoilt (garbled, a figure lettered or off, worn, its decimal
point lost, a zero tax), found from the others at a printed rate (for parsers.layout.tax_choice)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from decimal import Decimal

from parsers.layout import labels
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.numbers import Reading, readings
from parsers.layout.solved_lines import CENT
from parsers.layout.tax_rates import (
    WithTax,
    at_printed_rate,
    figure_apart,
    figures_of,
    one_figure_off,
    scanned_taxes,
)
from parsers.layout.text import has_digit, one_edit
from parsers.layout.total_figures import MONEY, last_number
from parsers.layout.totals import RATE, Chosen, Seen
from parsers.layout.vocab import TOTALS


def tax_garbled(
    chosen: Chosen,
    net: Decimal,
    grosses: list[tuple[Seen, Reading]],
    pages: Sequence[Page],
    skip: Collection[int],
) -> WithTax | None:
    """On a scanned page, a tax amount read as the totals' difference but for signs around it and one
    figure read as a letter or a mark ("USt. 20 % L772.17" for 1772.17, "Tax 22 % Y15,54" for 915,54,
    "TVA 20 % €£76.38"), on a line between a net total and a total under it, both read to the cent (a
    decimal mark read as the other one aside), where that difference is the net's share, to the cent, at
    the rate the line prints: the net, the rate and the total, read apart, agree with the figures read.
    The tax is that difference, mended (a person confirms it); a text layer's figures are as printed,
    and a figure read as another figure, or a difference at no rate the line prints, mends nothing."""
    last = chosen.toks[-1] if chosen.toks else None
    if last is None or chosen.reading is None or net != chosen.reading.value:
        return None
    page = next((p for p in pages if p.number == last.page and p.source != "text"), None)
    if page is None or not MONEY.search(last.text.rstrip("€$£ ")):
        return None
    for gross, g in grosses:
        tax = g.value - net
        printed = MONEY.search(gross.toks[-1].text.rstrip("€$£ ")) if gross.toks else None
        if gross.page != last.page or gross.y <= last.cy or not printed or not 0 < tax < net:
            continue
        for line in page.lines:
            if line.kind != "text" or id(line) in skip or not last.cy < line.cy < gross.y:
                continue
            rates = [Decimal(r.replace(",", ".")) for r in RATE.findall(line.text)]
            found = _figure_lettered(line.toks, tax)
            if found is not None and any(abs(net * r / 100 - tax) <= CENT / 2 for r in rates):
                return WithTax(net, tax, g.value, [found], gross.toks, mended=True)
    return None


def _figure_lettered(toks: list[Tok], amount: Decimal) -> Tok | None:
    """The last word of `toks` that is `amount` printed to the cent, its signs aside, but for at most
    one figure read as a letter or a mark ("L772.17" for 1772.17, "€£76.38"); None when none."""
    wanted = f"{amount:.2f}"
    for tok in reversed(toks):
        text = tok.text.strip("€$£ ")
        if len(text) != len(wanted) or "%" in text:
            continue
        odd = [(a, b) for a, b in zip(text, wanted, strict=True) if a != b and not (a in ".," and b == ".")]
        if len(odd) <= 1 and all(b.isdigit() and not a.isdigit() and a not in ".,-+" for a, b in odd):
            return tok
    return None


def zero_tax(
    seen: list[Seen], net: Decimal, grosses: list[tuple[Seen, Reading]], mark: str, pages: Sequence[Page]
) -> WithTax | None:
    """On a scanned page, a tax line whose every rate is 0 % and whose amount reads a figure off nothing
    ("VAT 0 % $0.06" for $0.00), above a total with tax read equal to the net total: the tax is nought
    twice over, by its own rate and by the two totals, which OCR read apart and alike, and no rounding
    stands between them. The tax is taken as 0.00 and as sure as the totals are, not as a mend: its
    figure is not what the order's sums need it to be for them to agree, it is what they are. A rate
    other than nought, a total with tax other than the net, or an amount two figures off nought
    leaves the tax unaccounted for, as before."""
    for tax in (s for s in seen if s.kind == "tax"):
        page = next((p for p in pages if p.number == tax.page), None)
        line = next((li for li in page.lines if tax.toks[-1] in li.toks), None) if page else None
        if page is None or page.source == "text" or line is None:
            continue
        rates = [Decimal(r.replace(",", ".")) for r in RATE.findall(line.text)]
        read_as = readings(tax.toks[-1].text, mark, rules=False)[:1]
        if not rates or any(rates) or not read_as:
            continue
        if read_as[0].value != 0 and not one_figure_off(read_as[0].value, Decimal(0)):
            continue
        equal = [s for s, g in grosses if g.value == net and s.page == tax.page and s.y > tax.y]
        if len(equal) == 1:
            return WithTax(net, Decimal(0), net, tax.toks, equal[0].toks)
    return None


def net_a_figure_off(
    seen: list[Seen],
    chosen: Chosen,
    grosses: list[tuple[Seen, Reading]],
    mark: str,
    pages: Sequence[Page],
    skip: Collection[int] = frozenset(),
) -> WithTax | None:
    """On a scanned page, a net total read a figure off ("TOTAL USD 1,038.34 / IVA 16 % 169.33 / Total
    IVA incl. 1,227.67" for 1,058.34), or with a figure more or fewer ("Sub-total 2414.75" for 414.75, a
    speck before it read as a figure), where the total with tax under the tax line less the tax is a net
    one figure away from the one read, and the tax is that net's share at the rate its own line prints:
    the tax, the rate and the total agree with each other and outvote the one figure. The net is the
    total less the tax, mended (a person confirms it, and the total and the tax with it); a text layer's
    figures are as printed, and a net two figures off, or a tax that is not the mended net's share at
    its printed rate, mends nothing."""
    read_net = chosen.reading.value if chosen.reading is not None else None
    last = chosen.toks[-1] if chosen.toks else None
    if read_net is None or last is None:
        return None
    found: list[WithTax] = []
    taxes = [(tax, value) for tax, _page, value in scanned_taxes(seen, mark, pages)]
    for tax, value in taxes or _rated_between(seen, last, pages, skip, mark):
        if last.page != tax.page or last.cy >= tax.y:
            continue
        for gross, g in grosses:
            net = g.value - value
            if gross.page != tax.page or gross.y <= tax.y or not 0 < value < net:
                continue
            taxed = WithTax(net, value, g.value, tax.toks, gross.toks, net_mended=True)
            if figure_apart(net, read_net) and at_printed_rate(taxed, pages):
                found.append(taxed)
    return found[0] if len({(f.net, f.total) for f in found}) == 1 else None


def _rated_between(
    seen: list[Seen], net: Tok, pages: Sequence[Page], skip: Collection[int], mark: str
) -> list[tuple[Seen, Decimal]]:
    """Where no tax line was read by its label, the lines of the scanned page under the net total `net`
    that print a rate and end in an amount to the cent and are no total read ("'USI. 19% 405,99", its
    label "USt." garbled), as tax lines: each with its amount as printed (its cheapest reading)."""
    page = next((p for p in pages if p.number == net.page and p.source != "text"), None)
    totals = {id(t) for s in seen for t in s.toks}
    out: list[tuple[Seen, Decimal]] = []
    for line in page.lines if page else []:
        if line.kind != "text" or id(line) in skip or line.cy <= net.cy or not RATE.search(line.text):
            continue
        toks = last_number(line.toks)
        if not toks or id(toks[-1]) in totals or not MONEY.search(toks[-1].text.rstrip("€$£ ")):
            continue
        for t in readings(toks[-1].text, mark, rules=False)[:1]:
            out.append((Seen("tax", toks, line.page, line.cy), t.value))
    return out


def tax_between(
    pages: Sequence[Page], skip: Collection[int], chosen: Chosen, gross: Seen, tax: Decimal, mark: str
) -> Tok | None:
    """The amount `tax` printed to the cent as the last figure of a line on a scanned page between the
    chosen total and the total `gross` under it, outside the table, with a rate on the line of which
    `tax` is the net total's share (to the cent); None when no such line."""
    last = chosen.toks[-1] if chosen.toks else None
    net = chosen.reading.value if chosen.reading else Decimal(0)
    if last is None or not 0 < tax < net or gross.page != last.page:
        return None
    page = next((p for p in pages if p.number == last.page and p.source != "text"), None)
    between = [
        line
        for line in (page.lines if page else [])
        if line.kind == "text" and id(line) not in skip and last.cy < line.cy < gross.y
    ]
    for line in between:
        toks = last_number(line.toks)
        rates = [Decimal(r.replace(",", ".")) for r in RATE.findall(line.text)]
        if toks and _point_lost(toks[-1].text.rstrip("€$£ "), tax):
            # "Tax 20 % 422£" between 21.10 and 25.32: every figure read, the point lost; the cents an
            # amount is printed to put it back, and the rate and the totals vouch for it. A tax line
            # whose percent sign went too ("USt. 19 Y 74251" between 3.907,95 and 4.650,46) keeps its
            # rate as a bare figure beside its label
            if any(abs(net * r / 100 - tax) <= CENT / 2 for r in rates or _labelled_bare_rates(line)):
                return toks[-1]
            continue
        worn = _figures_worn(line.toks, tax)
        if worn is not None and any(abs(net * r / 100 - tax) <= CENT / 2 for r in rates):
            # "Tax 20% 21:26" for 241.26 between 1206.32 and 1447.58: a figure lost and the point read
            # as a colon; the totals' difference is the net's share at the rate the line prints, to
            # the cent, and the figures read are its figures but one: the rate and the totals vouch
            return worn
        garbled = _figure_garbled(line.toks, tax)
        if garbled is not None and any(net * r / 100 == tax for r in rates or _bare_rates(line)):
            # "IVA 21 % ¿10,80" for 310,80: one figure read as no figure, the rest as printed, where the
            # rate gives the totals' difference exactly: the rate and the totals outvote the one glyph
            return garbled
        if rates and _amount_lost(line) and any(abs(net * r / 100 - tax) <= CENT / 2 for r in rates):
            # "IVA 16 % :" between 33.799,71 and 39.207,66: the rate read, its amount lost; the totals'
            # difference is the net's share at that rate, to the cent: the rate and the totals vouch
            return line.toks[-1]
        bare = _rate_alone(line) if not rates else None
        if bare is not None and abs(net * bare / 100 - tax) <= CENT / 2:
            # "Sales tax 20 ARR E" between 134.38 and 161.26: a tax line whose percent sign and amount
            # the fax lost, one bare figure of a rate left; 20 % of the net is the totals' difference
            # to the cent: the tax label, the rate and the totals vouch (a person confirms it)
            return line.toks[-1]
        if not toks or not MONEY.search(toks[-1].text.rstrip("€$£ ")):
            continue
        options = readings(toks[-1].text, mark, rules=False)[:1]
        read_as = options[0].value if options else None
        if read_as == tax and any(abs(net * r / 100 - tax) <= CENT for r in rates):
            return toks[-1]
        if read_as is not None and one_figure_off(read_as, tax) and any(net * r / 100 == tax for r in rates):
            # the tax read a figure off where the rate gives the totals' difference exactly, with no
            # rounding that could have made the printed figure: the rate and the totals outvote it
            return toks[-1]
    return None


def _amount_lost(line: Line) -> bool:
    """Whether the only figures of a line are those of the rates it prints ("IVA 16 % :"): its amount
    not read at all."""
    return not any(c.isdigit() for c in RATE.sub("", line.text))


def _figures_worn(toks: list[Tok], amount: Decimal) -> Tok | None:
    """The last word with a figure and no percent sign of `toks` when it reads as no amount to the cent
    and its figures are those of `amount` with one lost ("21:26" for 241.26); None otherwise (a figure
    read as another is left to the one-figure rule, which asks the rate's exact share)."""
    word = next((t for t in reversed(toks) if has_digit(t.text) and "%" not in t.text), None)
    if word is None or MONEY.search(word.text.rstrip("€$£ ")):
        return None
    read, wanted = figures_of(word.text), figures_of(f"{amount:.2f}")
    return word if len(read) == len(wanted) - 1 and one_edit(read, wanted) else None


def _rate_alone(line: Line) -> Decimal | None:
    """The rate of a line labelled a tax ("Sales tax", "IVA") whose only figures are one bare number of
    one or two figures ("Sales tax 20 ARR E"): its percent sign and its amount lost, the rate left;
    None for any other line (an amount read, two bare numbers, no tax label)."""
    hit = next((h for p in line.phrases() if (h := labels.starts_with(p.toks, TOTALS)) is not None), None)
    bare = _bare_rates(line)
    if hit is None or hit.kind != "tax" or len(bare) != 1:
        return None
    figures = [t for t in line.toks if has_digit(t.text)]
    return bare[0] if len(figures) == 1 and 0 < bare[0] < 100 else None


def _labelled_bare_rates(line: Line) -> list[Decimal]:
    """The bare rates (`_bare_rates`) of a line a phrase of which starts with a tax label ("USt. 19 Y
    74251": the percent sign read as a letter); none on a line with no tax label."""
    hit = next((h for p in line.phrases() if (h := labels.starts_with(p.toks, TOTALS)) is not None), None)
    return _bare_rates(line) if hit is not None and hit.kind == "tax" else []


def _bare_rates(line: Line) -> list[Decimal]:
    """The figures of one or two digits standing alone on a tax line whose percent sign OCR lost ("IVA
    21 ¿10,80"): rates only where an amount garbled must be exactly the net's share at one of them."""
    return [Decimal(t.text) for t in line.toks if re.fullmatch(r"\d{1,2}", t.text)]


def _figure_garbled(toks: list[Tok], amount: Decimal) -> Tok | None:
    """The last word of `toks` that is `amount` printed to the cent but for one figure OCR read as a
    mark that is no figure, no point and no sign ("¿10,80" for 310,80), its signs aside; None when none."""
    wanted = f"{amount:.2f}"
    for tok in reversed(toks):
        text = tok.text.strip("€$£ ")
        if len(text) != len(wanted) or "%" in text:
            continue
        pairs = list(zip(text, wanted, strict=True))
        same = all(a == b or (a in ".," and b == ".") for a, b in pairs if not (b.isdigit() and a != b))
        odd = [a for a, b in pairs if b.isdigit() and a != b]
        if same and len(odd) == 1 and not odd[0].isalnum() and odd[0] not in ".,-+€$£%":
            return tok
    return None


def _point_lost(text: str, amount: Decimal) -> bool:
    """Whether `text` is the figures of `amount` to the cent with its decimal point lost ("422" for 4.22)."""
    return text.isdigit() and len(text) >= 3 and text == f"{amount:.2f}".replace(".", "")
