"""Totals, tax amounts and carried-forward subtotals printed outside the table, and the choice of the
order total: the one the lines add up to, else the net total before the plain one before the gross one;
with a tax amount and a total that is that one plus the tax printed too, the three (net, tax, total)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from parsers.layout import labels, total_labels
from parsers.layout.arith import CENT, Solved, line_value, matching
from parsers.layout.evidence import LIKELY, SURE, WRONG
from parsers.layout.geometry import Line, Page, Tok, join_groups
from parsers.layout.numbers import PAST_CENT_READ, Reading, looks_numeric, readings
from parsers.layout.text import has_digit, one_edit, token_key
from parsers.layout.vocab import CARRIED, TOTALS

PREFERENCE = ("net", "total", "gross")
MIN_BOXES = 2  # total labels in one row that make it a row of boxes
BOX_GAP = 2.2  # text heights between a row of total labels and its amounts
MAX_OPEN = 6  # lines with readings left open that the total may settle together
MONEY = re.compile(r"\d[.,]\d\d$")  # an amount printed to the cent
UNDER_TOTAL = 4  # lines under the total where a tax line and a total with tax are printed
# a tax rate ("21 %", "VAT20%", "7,5%", "MwSt..19 %": a speck by the label's dot read as another dot)
_RATE = re.compile(r"(?<![\d,])(?<!\d\.)(\d{1,2}(?:[.,]\d{1,2})?)\s*%")


@dataclass
class Seen:
    """A total-like amount printed on a page: net, gross, plain total or a carried-forward subtotal."""

    kind: str  # "net" | "gross" | "total" | "tax" | "carried"
    toks: list[Tok]
    page: int
    y: float
    # a lone figure or money sign read after the amount was left out ("33423.73 5"): a person confirms it
    mended: bool = False


@dataclass
class Chosen:
    reading: Reading | None
    toks: list[Tok]
    certainty: float
    verified: bool


def _last_number(toks: list[Tok]) -> list[Tok]:
    numbers = [t for t in _total_groups(toks) if looks_numeric(t.text) and not t.text.endswith("%")]
    return numbers[-1:]


# a word of one figure, a money sign beside it or not: a sign printed after an amount that a fax read as
# a figure ("38771.53 $4", "33423.73 5"), no figure of the amount its cents end (a money sign alone
# after it, "3239,24 €", is printed so, and no number that could be taken for the amount)
_LONE_MARK = re.compile(r"^[€$£]?\d[€$£]?$")


def _before_junk(toks: list[Tok]) -> list[Tok]:
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


def _cent_parted(toks: list[Tok]) -> list[Tok]:
    """The amount to the cent a total's line ends in when OCR parted its last figure from it by a gap
    narrower than a character ("IVA 16 % 8133.8 4 MXN" for 8133.84, "50836.5 O MXN" for 50836.50, the
    zero read as the letter O), a currency code after it or not: the two joined, the zero put back;
    [] where the line does not end so. A figure other than a zero changes the amount read: mended
    (`Seen.mended`), so a person confirms it unless the order's sums vouch for it (`validation.sums`)."""
    words = [t for t in _total_groups(toks) if t.text.strip()]
    if words and _CURRENCY_WORD.match(words[-1].text):
        words = words[:-1]
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


def _colon_turned(toks: list[Tok]) -> list[Tok]:
    """The amount to the cent a total's line ends in when one of its marks was read as a colon ("Total
    USD $733:70", "Endbetrag €1:465,49"): the colon put back as the mark that stands there, a decimal
    mark before the cents (the other mark than the amount's groups'), a group mark before three
    figures and the cents; [] where the line does not end so. Mended (`Seen.mended`): a person
    confirms it unless the order's sums vouch for it (`validation.sums`)."""
    words = [t for t in _total_groups(toks) if t.text.strip()]
    if words and _CURRENCY_WORD.match(words[-1].text):
        words = words[:-1]
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
    return [replace(amount, word=replace(amount.word, text=text), key=token_key(text))]


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
    return replace(tok, word=replace(tok.word, text=text), key=token_key(text))


def seen_in(pages: list[Page], skip: set[int]) -> list[Seen]:
    out: list[Seen] = []
    for page in pages:
        for i, line in enumerate(page.lines):
            if line.kind != "text" or id(line) in skip:
                continue
            out.extend(_in_line(line) or _in_boxes(page, i))
    return _brought_forward(out)


def _brought_forward(seen: list[Seen]) -> list[Seen]:
    """`seen` with a total whose amount a later page brings forward ("Total cif $1,840,06" at the foot
    of page 1, "Total b/f $1 840,06" heading page 2) taken for the carried subtotal it is: its label's
    "c/f" read as the freight term "cif" or lost, it is the page's subtotal, not the order's total."""
    carried = [s for s in seen if s.kind == "carried" and s.toks]
    return [
        replace(s, kind="carried")
        if s.kind in PREFERENCE and s.toks and any(c.page > s.page and _alike(c, s) for c in carried)
        else s
        for s in seen
    ]


def _alike(a: Seen, b: Seen) -> bool:
    """Whether two amounts read the same under either decimal mark (their cheapest readings)."""
    for mark in (",", "."):
        first = readings(a.toks[-1].text, mark, rules=False)[:1]
        second = readings(b.toks[-1].text, mark, rules=False)[:1]
        if first and second and first[0].value == second[0].value:
            return True
    return False


def _in_boxes(page: Page, index: int) -> list[Seen]:
    """Totals in a row of boxes, their labels over their amounts ("SUBTOTAL  I.V.A.  TOTAL" with the
    amounts on the line below): each label takes the number standing most nearly under it."""
    line = page.lines[index]
    if any(looks_numeric(t.text) for t in line.toks):
        return []
    found = [(hit, p) for p in line.phrases() for hit in labels.find(p.toks, TOTALS) if hit.start == 0]
    if len(found) < MIN_BOXES:
        return []
    rows = [
        (below, [t for t in join_groups(below.toks) if looks_numeric(t.text) and not t.text.endswith("%")])
        for below in page.lines[index + 1 : index + 3]
        if below.y0 - line.y1 <= BOX_GAP * 2 * line.height
    ]
    if not rows:
        return []
    below, numbers = max(rows, key=lambda r: len(r[1]))  # the amounts, not a tax rate between
    out: list[Seen] = []
    for hit, phrase in found if numbers else []:
        nearest = min(numbers, key=lambda t: abs(t.cx - phrase.cx))
        if abs(nearest.cx - phrase.cx) < BOX_GAP * 4 * line.height:
            out.append(Seen(hit.kind, [nearest], page.number, below.cy))
    return out


# "c/f" or "b/f" after "Total" as a fax reads it: its slash read as an i, l, 1 or bar, or as a comma
# (the slash's foot alone left: "Total b,f"), or its c as a cent sign ("Total ¢/f", "Total bif"); never
# "cif", the freight term ("Total CIF")
_GARBLED_CARRIED = re.compile(r"^(?:¢[/il1|!,]|b[il1|!,]|c[l1|!,])f$")


def _carried_end(line: Line) -> int | None:
    """The index just after a carried-forward label on the line ("Suma y sigue", "Total c/f"), or after
    "Total" and a "c/f" or "b/f" a fax garbled in a character ("Total ¢/f", "Total bif", "Total b,f");
    or None."""
    end = labels.end_of(line.toks, CARRIED)
    if end is not None:
        return end
    for a, b in itertools.pairwise(range(len(line.toks))):
        if line.toks[a].key == "total" and _GARBLED_CARRIED.match(line.toks[b].key):
            return b + 1
    return None


def _in_line(line: Line) -> list[Seen]:
    end = _carried_end(line)
    if end is not None:
        # the amount carried stands after its words ("Suma y sigue 1.430,30"); a number before them
        # is another field's ("Order no. 4535140014 (continued)" heading the next page)
        toks = _last_number(line.toks[end:])
        return [Seen("carried", toks, line.page, line.cy)] if toks else []
    for phrase in line.phrases():
        hit = labels.starts_with(phrase.toks, TOTALS)
        if hit is None:
            if phrase.toks and total_labels.glued_tax_rate(phrase.toks[0]):
                # "IVA16% 2,253.22": the tax label and its rate one word
                toks = _last_number([t for t in line.toks if t.x0 >= phrase.toks[0].x1])
                if toks:
                    return [Seen("tax", toks, line.page, line.cy)]
            continue
        after = [t for t in line.toks if t.x0 >= phrase.toks[hit.end - 1].x1]
        junked = _before_junk(after)
        parted = [] if junked else _cent_parted(after)
        # a zero parted off ("50836.5 O") leaves the amount read as it was: nothing was mended
        junked = junked or [t for t in parted if not t.text.endswith("0")]
        # a mark read as a colon changes no figure, yet the amount is read only once it is put back
        turned = [] if junked or parted else _colon_turned(after)
        junked = junked or turned
        toks = junked or parted or _last_number(after)
        kind = hit.kind
        if kind == "total" and total_labels.tax_included([t for t in after if not looks_numeric(t.text)]):
            kind = "gross"  # "Total pedido IVA incl.": the total with the tax in it
        if toks:
            return [Seen(kind, toks, line.page, line.cy, mended=bool(junked))]
    return []


def junk_left_out(seen: list[Seen], toks: Sequence[Tok]) -> bool:
    """Whether the amount `toks` ends in was read only with a lone figure or sign after it left out."""
    return bool(toks) and any(s.mended and s.toks and s.toks[-1] is toks[-1] for s in seen)


def choose(seen: list[Seen], line_sum: Decimal | None, mark: str) -> Chosen:
    """The order total: a printed total equal to the sum of the lines wins; else by kind."""
    totals = [s for s in seen if s.kind not in ("carried", "tax")]
    if line_sum is not None:
        for s in totals:
            found = matching(readings(s.toks[-1].text, mark, rules=False), line_sum)
            if found is not None:
                return Chosen(found, s.toks, SURE if found.cost == 0 else LIKELY, True)
    for kind in PREFERENCE:
        for s in totals:
            if s.kind == kind:
                options = readings(s.toks[-1].text, mark, rules=False)
                if options:
                    return Chosen(options[0], s.toks, WRONG if line_sum is not None else LIKELY, False)
    return Chosen(None, [], 0.0, False)


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
    zero = _zero_tax(seen, net, grosses, mark, pages)
    if zero is not None:
        return zero
    for gross, g in grosses:
        found = _tax_between(pages, skip, chosen, gross, g.value - net, mark)
        if found is not None:
            read_as = readings(found.text, mark, rules=False)[:1]
            mended = not read_as or read_as[0].value != g.value - net
            return WithTax(net, g.value - net, g.value, [found], gross.toks, mended)
    return (
        _tax_garbled(chosen, net, grosses, pages, skip)
        or _total_a_figure_off(seen, net, grosses, mark, pages)
        or _gross_garbled(seen, chosen, net, mark, pages)
        or _net_a_figure_off(seen, chosen, grosses, mark, pages)
        or _gross_unlabelled(seen, net, mark, pages, skip)
        or _gross_wiped(seen, net, mark, pages, skip)
        or _gross_unreadable(seen, net, mark, pages, skip)
    )


def _tax_garbled(
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
            rates = [Decimal(r.replace(",", ".")) for r in _RATE.findall(line.text)]
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


def _zero_tax(
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
        rates = [Decimal(r.replace(",", ".")) for r in _RATE.findall(line.text)]
        read_as = readings(tax.toks[-1].text, mark, rules=False)[:1]
        if not rates or any(rates) or not read_as:
            continue
        if read_as[0].value != 0 and not _one_figure_off(read_as[0].value, Decimal(0)):
            continue
        equal = [s for s, g in grosses if g.value == net and s.page == tax.page and s.y > tax.y]
        if len(equal) == 1:
            return WithTax(net, Decimal(0), net, tax.toks, equal[0].toks)
    return None


def _gross_unlabelled(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    """On a scanned page, the total with tax on the line right under the tax line, its label garbled
    past knowing ("Nettobetrag €4189,90 / MwSt. 19 % €796,08 / Endhatran €4985,98"): an amount to the
    cent, read as printed, that is exactly the net plus a tax that is the net's share at the rate its
    own line prints. Taken as the total, doubtful (its label was not read: a person confirms it)."""
    for tax, page, taxed in _taxes_at_rate(seen, net, mark, pages):
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


def _gross_wiped(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    """On a scanned page, the total with tax on the line right under the tax line, labelled a total (or
    "Total" a letter off: "Tatal"), whose amount the fax wiped out ("Tatal enn N/A AAW ERE"): no figure
    on it reads as an amount. Where the tax, read as printed, is the net total's share at the rate its
    own line prints, the total is the net plus that tax, mended (a person confirms it); a total line
    with an amount read is left to the rules that compare that amount."""
    for tax, page, taxed in _taxes_at_rate(seen, net, mark, pages):
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


def _gross_unreadable(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page], skip: Collection[int]
) -> WithTax | None:
    """On a scanned page, the labelled total on the line right under the tax line whose amount reads as
    no amount because a mark or a figure of it was read as something else: its group point read as a
    colon ("Endbetrag €1:465,49"), or its first figure run into the letter before it ("TOTAL PEDIDO IVA
    INCL. MXB4,279.27" for MXN 64,279.27). Where the tax, read as printed, is the net total's share at the
    rate its own line prints, and the figures read are those of the net plus that tax (all of them, or
    all but the first, taken by the letter run into them), the total is that sum, mended (a person
    confirms it). Figures that differ otherwise are left unread: the printed total reads otherwise."""
    for tax, page, taxed in _taxes_at_rate(seen, net, mark, pages):
        under = [li for li in page.lines if li.kind == "text" and li.y0 > tax.toks[-1].y1]
        line = under[0] if under else None
        if line is None or id(line) in skip or line.y0 - tax.toks[-1].y1 > BOX_GAP * line.height:
            continue
        hit = next((h for p in line.phrases() if (h := labels.starts_with(p.toks, TOTALS))), None)
        if hit is None:
            continue
        figures = [t for t in join_groups(line.toks) if has_digit(t.text) and "%" not in t.text]
        if not figures or _an_amount(figures[-1].text):
            continue  # an amount read is left to the rules that compare amounts
        text, wanted = figures[-1].text, _figures(f"{taxed.total:.2f}")
        read = _figures(text)
        lettered = _LETTER_THEN_FIGURES.search(text) is not None and len(read) == len(wanted) - 1
        if read == wanted or (lettered and wanted.endswith(read)):
            return replace(taxed, total_toks=[figures[-1]], total_mended=True)
    return None


def _taxes_at_rate(
    seen: list[Seen], net: Decimal, mark: str, pages: Sequence[Page]
) -> Iterator[tuple[Seen, Page, WithTax]]:
    """Each tax line of a scanned page whose amount, read as printed, is the net total's share at the
    rate its own line prints: the line, its page, and the net, that tax and their sum."""
    for tax, page, value in _scanned_taxes(seen, mark, pages):
        taxed = WithTax(net, value, net + value, tax.toks, [])
        if 0 < value < net and at_printed_rate(taxed, pages):
            yield tax, page, taxed


def _scanned_taxes(
    seen: list[Seen], mark: str, pages: Sequence[Page]
) -> Iterator[tuple[Seen, Page, Decimal]]:
    """Each tax line of a scanned page, its page, and its amount as printed (its cheapest reading): the
    lines a total a fax misread may be mended from (a text layer's figures are as printed)."""
    for tax in (s for s in seen if s.kind == "tax"):
        page = next((p for p in pages if p.number == tax.page), None)
        if page is None or page.source == "text":
            continue
        for t in readings(tax.toks[-1].text, mark, rules=False)[:1]:
            yield tax, page, t.value


def _total_a_figure_off(
    seen: list[Seen], net: Decimal, grosses: list[tuple[Seen, Reading]], mark: str, pages: Sequence[Page]
) -> WithTax | None:
    """On a scanned page, a total with tax read a figure off the net total plus a tax that is the net
    total's share at the rate its own line prints, or with a figure fewer or more ("Subtotal 1 266,70 /
    IVA 21 % 266,01 / Total con IVA 1522,71" for 1532,71; "Order total 6.70 / VAT 20 % 1.34 / Total
    incl. tax 3.04" for 8.04; "Endbetrag EUR 677,03" for 3677,03): the net, the rate and the tax agree
    with each other and outvote the one figure, which a normal fax loses as easily as any. Taken as the
    net plus the tax, mended (a person confirms it); a text layer's figures are as printed, and a total
    two figures off or more is left unaccounted for."""
    for tax, _page, taxed in _taxes_at_rate(seen, net, mark, pages):
        off = [
            (s, g)
            for s, g in grosses
            if s.page == tax.page and s.y > tax.y and _figure_apart(g.value, taxed.total)
        ]
        if len(off) == 1:
            return replace(taxed, total_toks=off[0][0].toks, total_mended=True)
    return None


def _gross_garbled(
    seen: list[Seen], chosen: Chosen, net: Decimal, mark: str, pages: Sequence[Page]
) -> WithTax | None:
    """On a scanned page, a total under the tax line whose figures read as no amount to the cent ("TOTAL
    CON IVA 188312", its decimal mark lost; "TOTAL C/ IVA EUR 1,941,341" for 1.941,31, a speck read as
    a figure) but are, marks and signs aside, the figures of the net total plus a tax that is the net's
    share at the rate its own line prints, or but one figure apart from them: the net, the rate and the
    tax agree with each other and outvote the garbled figures. Taken as the net plus the tax, mended (a
    person confirms it); an amount read to the cent is left to the rules that compare amounts, and a
    text layer's figures are as printed."""
    for tax, _page, taxed in _taxes_at_rate(seen, net, mark, pages):
        wanted = _figures(f"{taxed.total:.2f}")
        garbled = [
            s
            for s in seen
            if s.kind in PREFERENCE
            and s.toks is not chosen.toks
            and s.page == tax.page
            and s.y > tax.y
            and not MONEY.search(s.toks[-1].text.rstrip("€$£ "))
            and (_figures(s.toks[-1].text) == wanted or one_edit(_figures(s.toks[-1].text), wanted))
        ]
        if len(garbled) == 1:
            return replace(taxed, total_toks=garbled[0].toks, total_mended=True)
    return None


def _net_a_figure_off(
    seen: list[Seen], chosen: Chosen, grosses: list[tuple[Seen, Reading]], mark: str, pages: Sequence[Page]
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
    for tax, _page, value in _scanned_taxes(seen, mark, pages):
        if last.page != tax.page or last.cy >= tax.y:
            continue
        for gross, g in grosses:
            net = g.value - value
            if gross.page != tax.page or gross.y <= tax.y or not 0 < value < net:
                continue
            taxed = WithTax(net, value, g.value, tax.toks, gross.toks, net_mended=True)
            if _figure_apart(net, read_net) and at_printed_rate(taxed, pages):
                found.append(taxed)
    return found[0] if len({(f.net, f.total) for f in found}) == 1 else None


def _tax_between(
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
        toks = _last_number(line.toks)
        rates = [Decimal(r.replace(",", ".")) for r in _RATE.findall(line.text)]
        if toks and _point_lost(toks[-1].text.rstrip("€$£ "), tax):
            # "Tax 20 % 422£" between 21.10 and 25.32: every figure read, the point lost; the cents an
            # amount is printed to put it back, and the rate and the totals vouch for it
            if any(abs(net * r / 100 - tax) <= CENT / 2 for r in rates):
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
        if not toks or not MONEY.search(toks[-1].text.rstrip("€$£ ")):
            continue
        options = readings(toks[-1].text, mark, rules=False)[:1]
        read_as = options[0].value if options else None
        if read_as == tax and any(abs(net * r / 100 - tax) <= CENT for r in rates):
            return toks[-1]
        if read_as is not None and _one_figure_off(read_as, tax) and any(net * r / 100 == tax for r in rates):
            # the tax read a figure off where the rate gives the totals' difference exactly, with no
            # rounding that could have made the printed figure: the rate and the totals outvote it
            return toks[-1]
    return None


def _amount_lost(line: Line) -> bool:
    """Whether the only figures of a line are those of the rates it prints ("IVA 16 % :"): its amount
    not read at all."""
    return not any(c.isdigit() for c in _RATE.sub("", line.text))


def _figures_worn(toks: list[Tok], amount: Decimal) -> Tok | None:
    """The last word with a figure and no percent sign of `toks` when it reads as no amount to the cent
    and its figures are those of `amount` with one lost ("21:26" for 241.26); None otherwise (a figure
    read as another is left to the one-figure rule, which asks the rate's exact share)."""
    word = next((t for t in reversed(toks) if has_digit(t.text) and "%" not in t.text), None)
    if word is None or MONEY.search(word.text.rstrip("€$£ ")):
        return None
    read, wanted = _figures(word.text), _figures(f"{amount:.2f}")
    return word if len(read) == len(wanted) - 1 and one_edit(read, wanted) else None


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


def at_printed_rate(taxed: WithTax, pages: Sequence[Page]) -> bool:
    """Whether the tax read is the net total's share at the rate printed on the tax's own line, to the
    cent ("IVA 21% 53,42" under 254,40), and not a figure the reader mended: then the net, the tax and
    the total are one sum, in one currency."""
    if taxed.mended or not taxed.tax_toks:
        return False
    last = taxed.tax_toks[-1]
    line = next((li for p in pages if p.number == last.page for li in p.lines if last in li.toks), None)
    rates = [Decimal(r.replace(",", ".")) for r in _RATE.findall(line.text)] if line else []
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


def _figure_apart(a: Decimal, b: Decimal) -> bool:
    """Whether two amounts printed to the cent differ in one figure, or by one figure more or fewer
    ("2414.75" read for 414.75: a speck before it read as a 2)."""
    return one_edit(f"{a:.2f}", f"{b:.2f}") and _figures(f"{a:.2f}") != _figures(f"{b:.2f}")


def _figures(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _one_figure_off(a: Decimal, b: Decimal) -> bool:
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


def unaccounted(seen: list[Seen], chosen: Chosen, mark: str) -> str | None:
    """What the page prints about the amount the customer pays that the chosen total does not account
    for, when no net, tax and total were read together: a tax amount that no printed total includes
    (none is the chosen one plus the tax) or is made of (none plus the tax is the chosen one), or a
    total with tax ("Total inc. VAT", "Gross") above the chosen one when its tax line was not read. The
    order's total is then not known. None when all is accounted for, or nothing was chosen."""
    if chosen.reading is None:
        return None
    value = chosen.reading.value
    others = [
        (s, r.value)
        for s in seen
        if s.kind in PREFERENCE and s.toks is not chosen.toks
        for r in readings(s.toks[-1].text, mark, rules=False)[:1]
    ]
    amounts = [v for _, v in others]
    for tax in (s for s in seen if s.kind == "tax" and MONEY.search(s.toks[-1].text)):
        # an amount in cents; "VAT no. GB 284 9371 52" or "Tax ID DE 812 345 678" is an identifier
        options = readings(tax.toks[-1].text, mark, rules=False)[:1]
        if not options or not 0 < options[0].value < value:
            continue
        t = options[0].value
        if value + t in amounts or any(o + t == value for o in amounts):
            continue
        return f"a tax of {tax.toks[-1].text} is printed, but no total including it was read"
    for gross, amount in others:
        # a printed total to the cent above the chosen one ("Total inc. VAT", or the plain "Total
        # pedido" under a net total): what the customer pays is not what was taken
        if gross.kind in ("gross", "total") and amount > value and MONEY.search(gross.toks[-1].text):
            return f"a total of {gross.toks[-1].text} is printed above {value}, and nothing read explains it"
        # a total with tax below the total chosen, which it must include ("Total con IVA 1 345,28" of
        # which "345,28" alone was read): what the customer pays was printed and not read whole
        if gross.kind == "gross" and 0 <= amount < value:
            return f"a total with tax of {gross.toks[-1].text} is printed, less than {value}: not read whole"
    return None


def unread_below(pages: list[Page], chosen: Chosen, skip: set[int], mark: str) -> str | None:
    """A total line under the chosen total (a tax, a total with tax) whose figures read as no amount
    ("IVA 23 % 134167", "Total c/ IVA EUR 720/17"; "Total con IVA 7T23.82€", to the cent but with a
    letter among its figures), or an amount to the cent greater than the total on a line under it
    whose label OCR garbled past knowing ("'OTAL PEDIDO IVA INCL. €861,82"): what the customer pays
    may be that line's, unread.  None when the lines under it read as amounts no greater than the
    total, or as amounts of lines labelled a total."""
    if not chosen.toks:
        return None
    last = chosen.toks[-1]
    page = next((p for p in pages if p.number == last.page), None)
    under = [li for li in page.lines if li.y0 > last.y1 and li.kind == "text"] if page else []
    for line in under[:UNDER_TOTAL]:
        if id(line) in skip:
            continue
        labelled = False
        for phrase in line.phrases():
            hit = labels.starts_with(phrase.toks, TOTALS)
            if hit is None:
                continue
            labelled = True
            after = [t for t in line.toks if t.x0 >= phrase.toks[hit.end - 1].x1]
            figures = [t for t in join_groups(after) if has_digit(t.text) and "%" not in t.text]
            if figures and not _an_amount(figures[-1].text):
                return f"'{line.text}' is printed under the total, and its amount could not be read"
        if not labelled and _greater(line, chosen, mark):
            return f"'{line.text}' is printed under the total: an amount greater than it, its label unread"
    return None


def _an_amount(text: str) -> bool:
    """Whether a total line's last figures read as an amount to the cent: ending in cents is not
    enough, when a letter OCR cannot take for a figure stands among them (the "T" of "7T23.82€") the
    line's amount is no number `seen_in` could take, and its total went unseen."""
    return bool(MONEY.search(text.rstrip("€$£ "))) and looks_numeric(text)


def _greater(line: Line, chosen: Chosen, mark: str) -> bool:
    """Whether `line` ends in an amount to the cent, as printed, greater than the chosen total."""
    figures = [t for t in join_groups(line.toks) if has_digit(t.text) and "%" not in t.text]
    if chosen.reading is None or not figures:
        return False
    text = figures[-1].text.strip("€$£ ")
    if not MONEY.search(text):
        return False
    found = readings(text, mark, rules=False, lost_marks=False)
    return bool(found) and found[0].cost == 0 and found[0].value > chosen.reading.value


def settle(solved: list[Solved], seen: list[Seen], mark: str) -> list[Solved] | None:
    """For lines whose arithmetic left two readings open ("1280" read for 1230, or "12,3" for 12,8): the
    one choice per line for which the lines add up to a printed total, when exactly one choice does."""
    open_lines = [i for i, s in enumerate(solved) if s.options]
    others = [line_value(s) for i, s in enumerate(solved) if i not in open_lines]
    if not open_lines or len(open_lines) > MAX_OPEN or None in others:
        return None
    fixed = sum((v for v in others if v is not None), Decimal(0))
    printed = [readings(s.toks[-1].text, mark, rules=False) for s in seen if s.kind not in ("carried", "tax")]
    fits, exact = [], []
    for choice in itertools.product(*(solved[i].options for i in open_lines)):
        values = [line_value(c) for c in choice]
        if None in values:
            continue
        total = fixed + sum((v for v in values if v is not None), Decimal(0))
        if any(matching(options, total) is not None for options in printed):
            fits.append(choice)
        if any(r.value == total for options in printed for r in options):
            exact.append(choice)
    # of choices a cent apart ("5.000,060" read for 5.000,000, or the amount 900.01), the one the
    # printed total is to the cent
    fits = exact if len(fits) > 1 and len(exact) == 1 else fits
    if len(fits) != 1:
        return None
    out = list(solved)
    for i, chosen in zip(open_lines, fits[0], strict=True):
        out[i] = chosen
    return out


def likeliest(solved: Solved) -> Solved:
    """A line's cheapest repair when its arithmetic left several open, if one is cheaper than the rest
    ("1.900" read for 1.000 before a price computed one digit from "0,950"); else the line as it is."""
    options = sorted(solved.options, key=lambda s: s.cost)
    if len(options) == 1 or (len(options) > 1 and options[0].cost < options[1].cost):
        return options[0]
    return solved


def carried_mismatches(seen: list[Seen], sums_by_page: dict[int, Decimal], mark: str) -> list[str]:
    """Carried-forward subtotals that match neither the lines before their page nor those up to it."""
    bad = []
    for s in seen:
        if s.kind != "carried":
            continue
        before = sum((v for p, v in sums_by_page.items() if p < s.page), Decimal(0))
        upto = before + sums_by_page.get(s.page, Decimal(0))
        options = readings(s.toks[-1].text, mark, rules=False)
        if options and matching(options, before) is None and matching(options, upto) is None:
            bad.append(f"page {s.page}: {s.toks[-1].text} (the lines add up to {upto})")
    return bad
