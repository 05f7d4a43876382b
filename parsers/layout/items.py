"""Order lines from item rows (parsers.layout.rows): codes, units, descriptions and the numbers read
and checked against each other, with the evidence of each field.  The numbers' readings are in
item_numbers, the price's basis in item_basis, the discount in item_discounts, the code's readings in
item_codes, and the choice by the columns' format in item_columns."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedLine, line_net
from parsers.layout.amount_mark import amount_mark_lost
from parsers.layout.arith import Solved, pinned, solve
from parsers.layout.calendar_names import names_weekday_of, weekday_named
from parsers.layout.codes import (
    code_text,
    gtin_in,
    valid_gtin,
)
from parsers.layout.currencies import currency_sign
from parsers.layout.date_mends import mended_line_date
from parsers.layout.dates import MAX_LEAD_DAYS, SHORT_YEAR, FoundDate, find_date
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE, WRONG, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.header_values import date_read_from
from parsers.layout.item_basis import MENDED_BASIS, PAGE_UNPINNED, UNPINNED_BASIS, per_unit
from parsers.layout.item_codes import bracketed_code, code_readings, code_repairs, code_run_on, gtin_pieces
from parsers.layout.item_discounts import (
    before_discount,
    discount_aside,
    discount_of,
    discounts_read,
    discounts_unmarked,
    fitted_by_discount,
)
from parsers.layout.item_numbers import (
    HALF_CENT,
    SIGN_AS_FIGURE,
    SIGN_LEFT_OUT,
    before_lone_figure,
    cell_confusions,
    cell_readings,
    groups_spoilt,
    marks_lost_together,
    sign_dropped,
)
from parsers.layout.numbers import (
    LOST_MARK,
    REPAIR_COST,
    Reading,
    mark_evidence,
    mark_misread,
    strip_money,
)
from parsers.layout.price_scale import RESCALED, quantity_sure
from parsers.layout.row_signs import NUMERIC, POSITION_EDGE
from parsers.layout.rows import Draft
from parsers.layout.text import token_key
from parsers.layout.vocab import UNITS

UNPINNED_STRAY = "its stray fraction dropped, nothing read sure pins the whole number"
# a quantity's decimal mark, and a price's fitted to it, put where the quantity column prints its own
# (parsers.layout.quantity_marks): the line adds up as well without the move, so nothing vouches for it
IN_FORMAT = "its decimal mark put where its column prints it"
# a quantity the fax spoilt past one figure, worked out from a price and an amount read sure
# (parsers.layout.worked_quantity): nothing read vouches for it
WORKED_QUANTITY = "computed from the amount and a price read sure, the quantity read unsure"


def unit_code(text: str) -> str:
    key = token_key(text)
    for code, words in UNITS.items():
        if key in words:
            return code
    return text.strip(".").upper()


def _join(toks: list[Tok]) -> str | None:
    text = " ".join(t.text for t in toks).strip()
    return text or None


def number_texts(items: list[Draft]) -> list[str]:
    return [t.text for d in items for kind in NUMERIC for t in d.numbers(kind)]


def currencies(items: list[Draft]) -> list[str]:
    """The currency signs and codes printed on the lines' prices and amounts, one per sign.

    A line whose price and amount carry signs of two currencies ("£950,00  €712,50") gives none: a
    line's amount is its quantity at its price, one sum in one currency, so one of the two signs is a
    misreading (a fax turns "€" into "£" as easily as back), and the line cannot say which.  The
    other lines and the totals say the currency; a line whose two signs agree counts as before."""
    found = []
    for d in items:
        signs = {
            kind: [c for tok in d.cells.get(kind, []) if (c := currency_sign(tok))]
            for kind in ("price", "amount")
        }
        if signs["price"] and signs["amount"] and len({*signs["price"], *signs["amount"]}) > 1:
            continue
        found += signs["price"] + signs["amount"]
    return found


@dataclass
class Built:
    """A captured line with the readings behind its numbers (for the total cross-check)."""

    line: CapturedLine
    solved: Solved
    toks: dict[str, list[Tok]]
    # how sure the layout is of the line's own delivery date, before OCR's confidence in its figures
    date_certainty: float = 0.0


@dataclass(frozen=True)
class LineDating:
    """What a scanned order's other facts say of the delivery dates printed under its lines: the
    order's date, and whether the document's own dates say which it writes first, the day or the month
    (`parsers.layout.date_order.order_decided`)."""

    ordered: date | None
    order_known: bool


def line_date_certainty(found: FoundDate, dating: LineDating | None) -> float:
    """How sure a line's delivery date is for how it reads (`found.certainty`, its figures aside), once
    the order's other facts are weighed on a scan (`dating`; None for a text layer, taken as it reads).

    A line's date before the order's date, or further after it than a delivery is ever asked for, was
    misread ("11.12.24" for 11.12.26): it is doubtful however sure OCR was of its figures.  A date in its
    place needs no more: a two-figure year's century is what puts it there (a century off never is),
    and a day and month that could be read the other way round are settled when the document's own
    dates say which it writes first (a "25.11.26" elsewhere on it cannot be read month first)."""
    certainty = found.certainty
    if dating is None:
        return certainty
    if dating.ordered is not None and not 0 <= (found.value - dating.ordered).days <= MAX_LEAD_DAYS:
        return min(certainty, DOUBTFUL)
    if dating.order_known:
        certainty /= found.swap
    if dating.ordered is not None and found.short_year:
        certainty /= SHORT_YEAR
    return round(min(certainty, SURE), 2)  # what is left of factors rounded to three places


def weekday_checked(certainty: float, value: date, toks: list[Tok]) -> tuple[float, list[Tok]]:
    """A line's own delivery date weighed against a weekday printed with it ("miércoles, 2 de diciembre
    de 2026"), as the header's dates are: a weekday the date does not fall on says one of the two was
    misread ("miércoles, 3 de diciembre": the 3rd is a Thursday), and the date is doubtful however sure
    OCR was of its figures; a weekday the date falls on bears it out, so its own reading does not count
    against the date.  The certainty, and the words whose reading is the date's evidence."""
    named = {d for t in toks if (d := weekday_named(t.text)) is not None}
    if named - {value.weekday()}:
        certainty = min(certainty, DOUBTFUL)
    return certainty, [t for t in toks if not names_weekday_of(t.text, value)] or toks


def _mark_misread(draft: Draft, kind: str, mark: str) -> list[Tok]:
    """The words of a number cell that holds none read as a number whose decimal mark OCR read as a
    slash or with a bracket beside it ("17/00", "61),20": `numbers.mark_misread`)."""
    return [t for t in draft.cells.get(kind, []) if mark_misread(strip_money(t.text)[0], mark) is not None]


def _line_no(draft: Draft, pos: list[Tok], index: int) -> str:
    if draft.position is not None:
        return str(draft.position)
    return pos[0].text.strip(POSITION_EDGE) or str(index + 1) if pos else str(index + 1)


def build(
    draft: Draft,
    index: int,
    mark: str,
    mark_sure: float,
    rec: Recorder,
    *,
    ocr: bool = False,
    month_first: bool = False,
    dating: LineDating | None = None,
    cents: bool = False,
    page_basis: int | None = None,
) -> Built:
    """Read one draft into a captured line, recording the evidence of each field; `ocr` when the page
    was read by OCR, whose misreadings of the codes the line then carries for master data to try;
    `dating`, on a scan, what the order's other facts say of the line's delivery date; `cents` when
    the document's line amounts print their cents (`prints_cents`); `page_basis` the units the page's
    amounts say its prices are for (`parsers.layout.page_basis`), where they say one."""
    path = f"lines[{index}]"
    qty, price, amount = draft.numbers("qty")[:1], draft.numbers("price")[:1], draft.numbers("amount")[-1:]
    if ocr:
        price, amount = (
            price or _mark_misread(draft, "price", mark)[:1],
            before_lone_figure(draft) or amount or _mark_misread(draft, "amount", mark)[-1:],
        )
    discount = discount_of(draft, mark)
    solved = _numbers(
        draft, (qty, price, amount), mark, discount, ocr=ocr, sure=mark_sure >= 1, page=page_basis
    )
    if ocr and cents:
        solved = marks_lost_together(solved, price, amount, discount)
        solved = amount_mark_lost(solved, price, amount) if discount is None else solved
    if ocr and discount is None:
        solved = sign_dropped(solved, price, mark)
    if ocr and solved.check != "agrees":
        # a discount cell OCR spoilt (".12.50", "12 .50", "15,00" under a decimal point): the reading
        # of it that makes quantity × price less the discount the amount, if one does
        for other in discounts_read(draft, mark):
            again = _numbers(
                draft, (qty, price, amount), mark, other, ocr=ocr, sure=mark_sure >= 1, page=page_basis
            )
            if other != discount and again.check == "agrees":
                discount, solved = other, again
                break
    if ocr and discount is None and solved.check != "agrees" and not draft.cells.get("discount"):
        # a discount under a heading OCR did not read ("Dto." lost into the description): the one
        # percentage of a column no heading names, when quantity × price less it is then the amount;
        # the figures it let agree stay short of sure unless the order's total vouches for them
        for other in discount_aside(draft):
            again = _numbers(
                draft, (qty, price, amount), mark, other, ocr=ocr, sure=mark_sure >= 1, page=page_basis
            )
            if again.check == "agrees":
                discount, solved = other, fitted_by_discount(again)
                break
    if ocr and discount is None and (solved.check != "agrees" or solved.cost >= REPAIR_COST):
        # a discount whose decimal mark a normal fax lost ("1250" for 12,50): cheaper than a digit
        # computed from the other two, but the arithmetic must agree with it, and the numbers it let
        # agree were mended, so they stay short of sure unless the order's total vouches for them
        for other in discounts_unmarked(draft):
            again = _numbers(
                draft, (qty, price, amount), mark, other, ocr=ocr, sure=mark_sure >= 1, page=page_basis
            )
            if again.check == "agrees" and (solved.check != "agrees" or again.cost < solved.cost):
                discount, solved = other, fitted_by_discount(again)
                break
    # no code column: the code on its own labelled line under the row ("Item Code: 4410-2")
    code_toks = draft.cells.get("code") or draft.subs.get("item_code", [])[:1]
    run_on = None if draft.cells.get("code") else code_run_on(draft.subs.get("item_code", []))
    if run_on is not None and valid_gtin(run_on):
        code_toks = gtin_pieces(draft.subs["item_code"], run_on) or code_toks
    description = draft.description
    if len(code_toks) > 1 and not description:
        # a "Product" column holding "[CIN-AIS-19] Insulating tape": the code and then the description
        bracket, rest = bracketed_code(code_toks)
        if bracket:
            code_toks, description = bracket, rest
    code = code_text(code_toks)
    if code is None and description:
        code_toks, description = bracketed_code(description)
        code = code_text(code_toks)

    as_gtin = gtin_in(code) if code else None
    if as_gtin is not None:
        code = as_gtin[0]
    gtin_toks = draft.cells.get("gtin") or draft.subs.get("gtin") or (code_toks if as_gtin else [])
    gtin = code if as_gtin and gtin_toks is code_toks else code_text(gtin_toks)
    unit_toks = draft.words("unit") or draft.words("qty")
    pos = draft.numbers("pos")
    delivery = draft.subs.get("delivery")
    found = find_date(" ".join(t.text for t in delivery), month_first=month_first) if delivery else None
    if found is None and delivery and ocr:  # a letter for a figure, a date cut in two (date_mends)
        ordered = dating.ordered if dating else None
        found = mended_line_date([t.text for t in delivery], month_first=month_first, ordered=ordered)
    line = CapturedLine(
        line_no=_line_no(draft, pos, index),
        item_code=code,
        gtin=gtin if gtin and valid_gtin(gtin) else None,
        buyer_item_code=code_text(draft.subs.get("buyer_item_code", [])),
        supplier_item_code=code_text(draft.subs.get("supplier_item_code", [])),
        description=_join(description),
        quantity=solved.quantity.value if solved.quantity else None,
        unit=unit_code(unit_toks[0].text) if unit_toks else None,
        unit_price=solved.unit_price.value if solved.unit_price else None,
        amount=solved.amount.value if solved.amount else None,
        discount=discount,
        requested_delivery_date=found.value if found else None,
    )
    if ocr:
        line = replace(
            line, code_readings=code_readings(line, run_on), code_repairs=code_repairs(draft, code, pos)
        )
    rec.add(f"{path}.item_code", code_toks, LIKELY if as_gtin and as_gtin[1] else SURE)
    for kind in ("supplier_item_code", "buyer_item_code", "gtin"):
        if draft.subs.get(kind):
            rec.add(f"{path}.{kind}", draft.subs[kind], SURE)
    rec.add(f"{path}.description", description, SURE)
    dated = line_date_certainty(found, dating if ocr else None) if found is not None else 0.0
    if found is not None and delivery:
        dated, weighed = weekday_checked(dated, found.value, date_read_from(delivery, found.end))
        rec.add(f"{path}.requested_delivery_date", weighed, dated)
    if unit_toks:
        rec.add(f"{path}.unit", unit_toks[:1], SURE)
    # the numbers' evidence is recorded once the total is known (record_numbers)
    return Built(line, solved, {"quantity": qty, "unit_price": price, "amount": amount}, dated)


def _numbers(
    draft: Draft,
    toks: tuple[list[Tok], list[Tok], list[Tok]],
    mark: str,
    discount: Decimal | None,
    *,
    ocr: bool,
    sure: bool = False,
    page: int | None = None,
) -> Solved:
    """Quantity, price and amount read and checked against each other: the price as the price of one
    unit, the amount before the line's discount for the check and as printed in the result."""
    qty, price, amount = toks
    # OCR's slips are repaired only where OCR read: a text layer says what was printed, wrong or not
    repairs = (
        (cell_confusions(qty, mark), cell_confusions(price, mark), cell_confusions(amount, mark))
        if ocr
        else None
    )
    printed = cell_readings(draft, "amount", amount, mark, ocr, sure)
    gross = before_discount(printed, discount)
    quantities = cell_readings(draft, "qty", qty, mark, ocr, sure)
    prices = per_unit(cell_readings(draft, "price", price, mark, ocr, sure), draft, quantities, gross, page)
    if ocr:
        quantities = quantities + groups_spoilt(draft.cells.get("qty", []), prices, gross)
    if discount is not None and quantities and prices and printed:
        # the amount is rounded to the cent after the discount: quantity × price less the discount
        # within half a cent of it agrees, though the amount before the discount it implies does not
        # come out to the cent (60 × 2.45 less 12.5 % = 128.625, printed 128.63)
        q, p, a = quantities[0], prices[0], printed[0]
        if (
            q.cost == p.cost == a.cost == 0
            and q.value > 0  # no line orders nothing: "000,000" and "00" are figures OCR cut off
            and abs(line_net(q.value, p.value, discount) - a.value) <= HALF_CENT
        ):
            return Solved(q, p, a, "agrees")
    solved = solve(quantities, prices, gross, repairs, rescale=ocr and quantity_sure(qty))
    if discount is not None and solved.amount in gross:
        solved = replace(solved, amount=printed[gross.index(solved.amount)], options=())
    return solved


def settled(built: Built, solved: Solved) -> Built:
    """The line with the readings the order total chose for it."""
    if solved is built.solved:
        return built
    q, p, a = solved.quantity, solved.unit_price, solved.amount
    line = replace(
        built.line,
        quantity=q.value if q else None,
        unit_price=p.value if p else None,
        amount=a.value if a else None,
    )
    return Built(line, solved, built.toks, built.date_certainty)


def past_cents(value: Decimal) -> bool:
    """Whether an amount of money has a figure other than a zero after its cents."""
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent < -2


def record_numbers(
    rec: Recorder,
    path: str,
    solved: Solved,
    toks: dict[str, list[Tok]],
    mark_sure: float,
    *,
    verified: bool,
    discount: Decimal | None = None,
    ocr: bool = False,
) -> None:
    """Evidence for a line's numbers; `verified` when the lines were found to add up to the total,
    `ocr` when they were read from a scan."""
    # the quantity and the price both changed to fit the amount as read: one product cannot pin two
    # figures (a fax's "7.28" and "2.7100" made 7.23 × 2.718 to fit 19.65, printed 7.25 × 2.71)
    # (a line a discount made fit keeps its figures' own costs: `fitted_by_discount`)
    costs = solved.own_costs or tuple(r.cost for r in (solved.quantity, solved.unit_price) if r is not None)
    both_mended = len(costs) == 2 and all(c >= REPAIR_COST for c in costs)
    for name in ("quantity", "unit_price", "amount"):
        reading: Reading | None = getattr(solved, name)
        if reading is None:
            continue
        if reading.note.endswith(MENDED_BASIS) or reading.note in (
            UNPINNED_STRAY,
            IN_FORMAT,
            SIGN_AS_FIGURE,
            RESCALED,
            WORKED_QUANTITY,
        ):
            # a price's figures taken at another power of ten (`price_scale`): the quantity may be the
            # figure the fax spoilt at the inverse power, and nothing read tells the two apart.
            # "106" read as 100 in the "Per" column: one unit at 15,48 adds up as well as a hundred at
            # 0,1548, and neither the amount nor the total tells the two apart; a quantity whose stray
            # fraction was dropped where no price and amount read as printed pin the whole number
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        elif name == "amount" and reading.note.endswith(SIGN_LEFT_OUT):
            # a word of the cell left out: only the order's total, adding up to the cent with the amount
            # as read before it, vouches for it; the line's own product pins nothing the cell did not say
            vouched = verified and solved.check == "agrees" and reading.cost < REPAIR_COST
            rec.add(f"{path}.{name}", toks[name], LIKELY if vouched else DOUBTFUL, verified=vouched)
        elif ocr and name == "amount" and past_cents(reading.value):
            # a line's amount is money to the cent: a figure after the cents on a scan is a mark OCR
            # read as one ("19.44 $" as 19.445), and the same mark after the price ("0.1944 $" as
            # 0.19445) makes the line add up on 100 units; nothing vouches for such a line
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        elif solved.check == "agrees" and reading.cost >= REPAIR_COST:
            # a swapped digit the arithmetic vouches for; the total must vouch for it too, and the
            # arithmetic only where it allows the changed figure no neighbour: a digit chosen because
            # it makes the line add up says nothing of the print where the next digit up or down adds
            # up as well ("3,1500" made 3,1508 to fit a discount of 12,5 % read as "12,550", on 7,25
            # units where 3,1507 and 3,1509 fit too). A figure worked out to fit, likewise
            vouched = verified and pinned(solved, name, discount) and not (both_mended and name != "amount")
            rec.add(f"{path}.{name}", toks[name], LIKELY if vouched else DOUBTFUL, verified=vouched)
        elif solved.check == "agrees":
            # the arithmetic vouches for the figures as read, but for a figure past the cents it does
            # not pin ("9.18 $" read "9.185" at 0.39 on one unit of 9.18: the line adds up to the cent
            # with or without the last figure): there OCR's own reading decides
            loose = ocr and past_cents(reading.value) and not pinned(solved, name, discount)
            rec.add(f"{path}.{name}", toks[name], SURE if reading.cost == 0 else LIKELY, verified=not loose)
        elif solved.check == "derived" and reading.cost == 3:
            rec.add(f"{path}.{name}", toks["amount"], DOUBTFUL)
        elif solved.check == "derived" and reading.cost > 0:
            # the figure the other was computed from, itself mended ("390" read for 3,90): nothing
            # read independently vouches for either
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        elif solved.check == "disagrees":
            rec.add(f"{path}.{name}", toks[name], WRONG)
        elif reading.note in (LOST_MARK, UNPINNED_BASIS, PAGE_UNPINNED):
            # a decimal mark put back where nothing on the line checks it (`by_column_marks`): the
            # column's format chose its place, no arithmetic did; or a price beside a basis read
            # "1O0" with no amount to say whether it is for a hundred units or for one, or on a page
            # whose prices are for many units (`per_unit`)
            rec.add(f"{path}.{name}", toks[name], DOUBTFUL)
        else:
            ambiguous = mark_evidence(toks[name][-1].text) is None if toks[name] else False
            certainty = (SURE if verified else LIKELY) * (mark_sure if ambiguous else 1.0)
            rec.add(f"{path}.{name}", toks[name], certainty, verified=verified and reading.cost == 0)
