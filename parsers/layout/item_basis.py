"""The units an item's price is for (per 1, 10, 100 or 1,000): said by the price heading, printed
beside the price, or worked out from quantity × price against the amount (for parsers.layout.items)."""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.layout.bases import basis_read
from parsers.layout.geometry import Tok
from parsers.layout.item_numbers import CENTS, GROUP_GAP
from parsers.layout.numbers import (
    Reading,
    looks_numeric,
    strip_money,
)
from parsers.layout.page_basis import PER_EDGE, divided
from parsers.layout.rows import Draft

PRICE_BASES = (10, 100, 1000)  # units a price may be printed for
BASES_PRINTED = (
    100,
    1000,
)  # those a line's figure beside the price is taken for (ten is too common a figure)
BASIS_COST = 3  # a price read as per 100 or 1,000 units where nothing on its line says so
STATED_BASIS_COST = 1  # the same where the price heading says so: less than a decimal mark put back
PRINTED_BASIS_COST = 4  # a price read as for one unit where its line prints 100 or 1,000 beside it
BASIS_RATIO = 50  # quantity × price at least this many times the amount: the price may be for 100 or more
MENDED_BASIS = ", its figure mended"  # a reading's note: the basis read from a "Per" figure OCR spoilt
LETTERED = ", its letters read as figures"  # a reading's note: the basis from a "Per" cell read "1O0"
UNPINNED_BASIS = "its line's basis read as letters, no amount to check it"  # a price taken as for one unit
# a price taken as read on a page whose amounts say its prices are for many units, with no amount of its own
PAGE_UNPINNED = "the page's prices are for many units, no amount to say whether this one is"


def per_unit(
    prices: list[Reading],
    draft: Draft,
    quantities: list[Reading],
    amounts: list[Reading],
    page: int | None = None,
) -> list[Reading]:
    """Prices for 10, 100 or 1,000 units (a "Per" column beside the price) as the price of one; with no
    such column, the price per 100 or 1,000 as a costlier reading, for quantity × price = amount to
    choose ("Unit price (1000 UOM)" in the heading, a basis that changes from line to line); `page`,
    the units the page's amounts say its prices are for, makes that basis as likely a reading as one
    a line prints beside its price."""
    # "100)", "“1": a bracket or a speck OCR read beside the figure is no part of it
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")[:1]]
    lettered = _lettered_basis(draft)
    if (per == ["1"] or lettered == 1) and len(draft.cells.get("per", [])) == 1:
        # the line states its price is for one unit: no reading for 100 or 1,000 ("725" kg at 3,15
        # per 1 is 7,25 kg whose mark the fax lost, never 725 kg at 3,15 for a hundred)
        return prices
    basis = int(per[0]) if per and per[0].isdigit() and int(per[0]) in PRICE_BASES else 1
    misread = _misread_basis(per[0]) if per and basis == 1 else None
    if basis == 1 and not amounts:
        # no amount to check against: the basis the price heading states ("Precio (por 100)"); with
        # amounts, the arithmetic chooses, as a heading's basis may hold for some lines only
        basis = draft.basis
    if basis != 1:
        # "50,00/1000" under a "Per" column saying 1000 again: one basis, divided by once
        return [
            r if r.note.startswith("per ") else replace(r, value=r.value / basis, note=f"per {basis}")
            for r in prices
        ]
    if lettered and lettered != 1 and not amounts:
        # "1O0" beside a price with no amount to check it: nothing says whether the price is for a
        # hundred or, as read, for one unit, so the price is taken as read and a person confirms it
        return [replace(r, note=UNPINNED_BASIS) if not r.note else r for r in prices]
    if page and not amounts and not draft.cells.get("per"):
        # the page's other lines price many units at a time, and this one has no amount to say whether it
        # does too or prices one unit, as a table may beside them: taken as read, for a person to see
        return [replace(r, note=PAGE_UNPINNED) if not r.note else r for r in prices]
    if not prices or not quantities or not amounts or prices[0].note.startswith("per "):
        return prices
    if draft.basis != 1:
        # the heading states the basis: a price is for that many units, though a line of such a table
        # may still price one unit, as costly a reading as a basis nothing states ("1,000 ea $21.60
        # $21.60" under "Price (per 1000)", its comma read as a point, adds up as 1 at 21.60 too)
        stated = [replace(r, value=r.value / draft.basis, note=f"per {draft.basis}") for r in prices]
        return sorted(stated + [replace(r, cost=r.cost + BASIS_COST) for r in prices], key=lambda r: r.cost)
    plain = prices[0]
    # a basis whose figures OCR read as letters ("1O0") is mended only where the amount then agrees:
    # read as a hundred at a price no cheaper than a "Per" column's plain figure, the price for one
    # unit beside it as cheap as ever, so the arithmetic, not the mend, chooses
    aside = _aside_basis(draft) or misread or lettered
    if page and not aside:
        # the basis no line states but the page's amounts say (a heading "Precio (por 100)" garbled):
        # as cheap as a basis printed beside the price, the price as read for one unit cheaper still,
        # so a line that adds up as printed for one unit stays so
        ratio = 0 < BASIS_RATIO * amounts[0].value <= quantities[0].value * plain.value
        other = [r for r in _unstated(plain, page) if ratio]
        return sorted(prices + divided(prices, page, STATED_BASIS_COST) + other, key=lambda r: r.cost)
    if not aside and not 0 < BASIS_RATIO * amounts[0].value <= quantities[0].value * plain.value:
        return prices  # only a price far too big for its amount may be for many units (never a free line)
    # a basis the line prints in a column no heading names is likelier than a quantity whose decimal
    # mark OCR lost ("10 000" for 100,00), though the figure there may mean something else
    if aside in BASES_PRINTED:
        # the basis the line prints holds for the price however OCR's marks are read ("95.000 EUR 100"
        # under a comma's page is 95,000 for a hundred, never 95.000 units' price for one); these come
        # before a basis nothing prints, the readings tried being the cheapest few
        mended = MENDED_BASIS if aside == misread else LETTERED if aside == lettered else ""
        stated = [
            replace(r, value=r.value / aside, cost=r.cost + STATED_BASIS_COST, note=f"per {aside}{mended}")
            for r in prices
            if not r.note.startswith("per ")
        ]
        if aside not in (misread, lettered):
            # the line prints its basis: its price read as for one unit goes against the print, and
            # costs more than a quantity read with the other mark and the stated basis ("1,000 u
            # 50,0000 EUR 1000 50,00" is a thousand at 0,05, never one at 50 on a 1000 basis)
            prices = [replace(r, cost=r.cost + PRINTED_BASIS_COST) for r in prices]
        return sorted(prices + stated + _unstated(plain, aside), key=lambda r: r.cost)
    return prices + _unstated(plain, aside)


def _unstated(plain: Reading, printed: int | None) -> list[Reading]:
    """`plain` read as the price of 100 and of 1,000 units where nothing on its line says so, but for
    the basis the line prints (`printed`), read apart at its own cost."""
    return [
        replace(plain, value=plain.value / n, cost=plain.cost + BASIS_COST, note=f"per {n}")
        for n in (100, 1000)
        if n != printed
    ]


def printed_basis(draft: Draft) -> int | None:
    """The units the row prints its price for, when it prints them: the one figure of its "Per" cell,
    else one in a column beside the price or the quantity (`_aside_basis`), else the price heading's."""
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")]
    if len(per) == 1 and per[0].isdigit() and int(per[0]) in PRICE_BASES:
        return int(per[0])
    return _aside_basis(draft) or (draft.basis if draft.basis != 1 else None)


def stated_basis(draft: Draft) -> int | None:
    """The units the row's price is for where the page states them: `printed_basis`, else the basis a
    "Per" figure OCR spoilt still says ("106" for 100); None where nothing states one, though the
    arithmetic may have read the price as for 100 or 1,000 units (`_unstated`): that is a guess."""
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")[:1]]
    return printed_basis(draft) or (_misread_basis(per[0]) if per else None)


def _aside_basis(draft: Draft) -> int | None:
    """The units the line's price is for as it prints them in a column whose heading was not read as
    "per" (a typewriter's "POR" read "pon"): its one figure there, when that is 10, 100 or 1,000; or,
    where that column's heading was not read at all and its figures fell into the cell beside, the
    figure after the price and its currency ("95,000 EUR 100" under "Unit price | Price unit") or
    after the quantity ("1000 1000 uds" under "Qty | Per | UoM"), when that is 100 or 1,000."""
    aside = [t.text.strip(PER_EDGE) for t in _unnamed_figures(draft)]
    if len(aside) == 1 and aside[0].isdigit() and int(aside[0]) in PRICE_BASES:
        return int(aside[0])
    beside = _after_price(draft) or _after_quantity(draft)
    if not aside and beside and beside[0].isdigit() and int(beside[0]) in BASES_PRINTED:
        return int(beside[0])
    return None


def _unnamed_figures(draft: Draft) -> list[Tok]:
    """The figures the line prints in columns no heading names, those past the price where there are
    some on both sides of it ("01" a revision before the quantity, "1000" after the price, their
    headings lost: the basis is the figure past the price)."""
    others = draft.numbers("other")
    price = draft.numbers("price")
    if len(others) > 1 and price:
        others = [t for t in others if t.x0 > price[-1].x1] or others
    return others


def _after_price(draft: Draft) -> list[str]:
    """The one figure the price's cell holds after the price, a currency between them ("EUR", a sign
    or code glued to the price): a column beside the price, never a piece of it."""
    cell = draft.cells.get("price", [])
    figures = [i for i, t in enumerate(cell) if looks_numeric(t.text)]
    if len(figures) != 2:
        return []
    first, last = figures
    between = [t.text for t in cell[first + 1 : last]]
    money = strip_money(cell[first].text)[1] is not None or bool(re.search(r"[A-Za-z€£$]$", cell[first].text))
    # a price to the cent and a figure a column's width after it: the currency between them lost
    # ("35.00  1000", its "€" read as nothing), still two figures, as no number's group stands so far
    apart = (
        bool(CENTS.search(cell[first].text)) and cell[last].x0 - cell[first].x1 > GROUP_GAP * cell[first].h
    )
    if not money and not apart and not any(w.isalpha() or strip_money(w)[1] for w in between):
        return []
    return [cell[last].text.strip(PER_EDGE)]


def _after_quantity(draft: Draft) -> list[str]:
    """The one figure the quantity's cell holds after the quantity, a column's width from it ("1000
    1000 uds" under "Qty | Per | UoM"): a basis column beside the quantity, never a thousands group."""
    figures = draft.numbers("qty")
    if len(figures) != 2 or figures[1].x0 - figures[0].x1 <= GROUP_GAP * figures[0].h:
        return []
    return [figures[1].text.strip(PER_EDGE)]


def _lettered_basis(draft: Draft) -> int | None:
    """The basis the line's one "Per" cell prints (or its one figure in a column no heading names)
    where OCR read its ones or zeros as letters ("1O0", "l00" for 100, "l" for 1:
    parsers.layout.bases), or None."""
    cell = draft.cells.get("per") or _unnamed_figures(draft)
    read = basis_read(cell[0].text) if len(cell) == 1 else None
    return read[0] if read is not None and read[1] else None


def _misread_basis(text: str) -> int | None:
    """The basis a "Per" column's figure says when OCR spoilt one of its zeros ("106", "1O0" for 100,
    "1060" for 1,000): a one and then two or three figures, the count of them the basis's."""
    bare = text.strip(PER_EDGE)
    if bare.isdigit() and len(bare) in (3, 4) and bare[0] == "1" and int(bare) not in PRICE_BASES:
        return int(10 ** (len(bare) - 1))
    return None
