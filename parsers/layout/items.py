"""Order lines from item rows (parsers.layout.rows): codes, units, descriptions and the numbers read
and checked against each other, with the evidence of each field.  The numbers' readings are in
item_numbers, their check against each other in item_figures, the price's basis in item_basis, the
discount in item_discounts, the code's readings in item_codes, the choice by the columns' format in
item_columns, the evidence each number's reading leaves in number_evidence, and how sure a line's own
printed date is in line_dating."""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.capture.domain.order import CapturedLine
from parsers.layout.amount_mark import amount_mark_lost
from parsers.layout.codes import (
    code_text,
    gtin_in,
    valid_gtin,
)
from parsers.layout.currencies import currency_sign
from parsers.layout.date_mends import mended_line_date
from parsers.layout.dates import find_date
from parsers.layout.evidence import LIKELY, SURE, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.header_values import date_read_from
from parsers.layout.item_codes import bracketed_code, code_readings, code_repairs, code_run_on, gtin_pieces
from parsers.layout.item_discounts import (
    discount_aside,
    discount_of,
    discounts_read,
    discounts_unmarked,
    fitted_by_discount,
)
from parsers.layout.item_figures import figures_solved
from parsers.layout.item_numbers import (
    before_lone_figure,
    marks_lost_together,
    sign_dropped,
)
from parsers.layout.line_dating import LineDating, line_date_certainty, weekday_checked
from parsers.layout.numbers import (
    REPAIR_COST,
    mark_misread,
    strip_money,
)
from parsers.layout.row_signs import NUMERIC, POSITION_EDGE
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import Solved
from parsers.layout.text import token_key
from parsers.layout.vocab import UNITS


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
    solved = figures_solved(
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
            again = figures_solved(
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
            again = figures_solved(
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
            again = figures_solved(
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
