"""Net, tax and total at a printed tax rate: the three an order prints (WithTax), the tax a net
or a total implies at a rate, and the tax the lines or the total say."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from parsers.layout.geometry import Page, Tok
from parsers.layout.numbers import readings
from parsers.layout.solved_lines import CENT
from parsers.layout.text import one_edit
from parsers.layout.totals import RATE, Chosen, Seen


@dataclass
class WithTax:
    """A net total, the tax printed under it and the total they make, all three printed."""

    net: Decimal
    tax: Decimal
    total: Decimal
    tax_toks: list[Tok]
    total_toks: list[Tok]
    mended: bool = False  # the tax as printed was read a figure off: the rate and the totals vouch for it
    total_mended: bool = (
        False  # the total as printed was read a figure off: the net, the rate and the tax vouch
    )
    net_mended: bool = False  # the net total as printed was read a figure off: the tax, rate and total vouch


def taxes_at_rate(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page]
) -> Iterator[tuple[Seen, Page, WithTax]]:
    """Each tax line of a scanned page whose amount, read as printed, is the net total's share at the
    rate its own line prints: the line, its page, and the net, that tax and their sum."""
    for tax, page, value in scanned_taxes(seen, mark, pages):
        taxed = WithTax(net, value, net + value, tax.toks, [])
        if 0 < value < net and at_printed_rate(taxed, pages):
            yield tax, page, taxed


def scanned_taxes(seen: list[Seen], mark: str, pages: Sequence[Page]) -> Iterator[tuple[Seen, Page, Decimal]]:
    """Each tax line of a scanned page, its page, and its amount as printed (its cheapest reading): the
    lines a total a fax misread may be mended from (a text layer's figures are as printed)."""
    for tax in (s for s in seen if s.kind == "tax"):
        page = next((p for p in pages if p.number == tax.page), None)
        if page is None or page.source == "text":
            continue
        for t in readings(tax.toks[-1].text, mark, rules=False)[:1]:
            yield tax, page, t.value


def at_printed_rate(taxed: WithTax, pages: Sequence[Page]) -> bool:
    """Whether the tax read is the net total's share at the rate printed on the tax's own line, to the
    cent ("IVA 21% 53,42" under 254,40), and not a figure the reader mended: then the net, the tax and
    the total are one sum, in one currency."""
    if taxed.mended or not taxed.tax_toks:
        return False
    last = taxed.tax_toks[-1]
    line = next((li for p in pages if p.number == last.page for li in p.lines if last in li.toks), None)
    rates = [Decimal(r.replace(",", ".")) for r in RATE.findall(line.text)] if line else []
    return any(abs(taxed.net * r / 100 - taxed.tax) <= CENT / 2 for r in rates)


def printed_as(text: str, value: Decimal) -> str | None:
    """`text`, an amount OCR read one figure off `value` to the cent ("€439,53" for 489.53), as it
    would read with the figures of `value`, its marks and signs as read ("€489,53"); None when its
    figures are not `value`'s but for one."""
    figures = [i for i, c in enumerate(text) if c.isdigit()]
    wanted = f"{value:.2f}".replace(".", "").lstrip("-")
    if len(figures) != len(wanted) or sum(text[i] != w for i, w in zip(figures, wanted, strict=True)) != 1:
        return None
    out = list(text)
    for i, w in zip(figures, wanted, strict=True):
        out[i] = w
    return "".join(out)


def figure_apart(a: Decimal, b: Decimal) -> bool:
    """Whether two amounts printed to the cent differ in one figure, or by one figure more or fewer
    ("2414.75" read for 414.75: a speck before it read as a 2)."""
    return one_edit(f"{a:.2f}", f"{b:.2f}") and figures_of(f"{a:.2f}") != figures_of(f"{b:.2f}")


def figures_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def one_figure_off(a: Decimal, b: Decimal) -> bool:
    """Whether two amounts printed to the cent differ in one figure ("155.75" read for "155.25")."""
    x, y = f"{a:.2f}", f"{b:.2f}"
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1


def tax_of_lines(
    seen: list[Seen], chosen: Chosen, lines: Decimal | None, mark: str, pages: Sequence[Page]
) -> list[Tok] | None:
    """The words of a printed tax that makes the chosen total with the lines where no net total was
    read ("Sub-lulal GBF 2,081.05" under lines of 2.081,65, its label and a figure spoilt): the tax, read
    to the cent, is the lines' sum at the rate printed on its own line ("20 % 416.33 VAT") to the cent,
    and the chosen total is the lines' sum plus that tax exactly.  The three then are one sum: the total
    and the tax as read.  None when no such tax is printed, or the lines add up to the total."""
    if chosen.reading is None or lines is None or chosen.reading.value == lines:
        return None
    for tax in (s for s in seen if s.kind == "tax"):
        for t in readings(tax.toks[-1].text, mark, rules=False)[:1]:
            if t.cost or not 0 < t.value < lines or lines + t.value != chosen.reading.value:
                continue
            if at_printed_rate(WithTax(lines, t.value, lines + t.value, tax.toks, []), pages):
                return tax.toks
    return None


def tax_of_total(
    seen: list[Seen], chosen: Chosen, mark: str, pages: Sequence[Page]
) -> tuple[list[Tok], Decimal] | None:
    """The words of the one printed tax that the chosen total is made of at the rate its own line prints
    ("IVA 16 % $464.72" under "TOTAL (IVA incl.) $3369.24": 16 % of 2904.52, the total less the tax, is
    464.72 to the cent), where no net total was read.  The rate, the tax and the total, each read as
    printed, then say the total includes that tax, whatever the lines read so far add up to: what the
    lines must make is the total less the tax (`validation` checks it).  The tax's words and its value;
    None when no tax or more than one is so printed."""
    if chosen.reading is None:
        return None
    total = chosen.reading.value
    found = [
        (tax.toks, t.value)
        for tax in (s for s in seen if s.kind == "tax")
        for t in readings(tax.toks[-1].text, mark, rules=False)[:1]
        if not t.cost
        and 0 < t.value < total - t.value
        and at_printed_rate(WithTax(total - t.value, t.value, total, tax.toks, []), pages)
    ]
    return found[0] if len(found) == 1 else None
