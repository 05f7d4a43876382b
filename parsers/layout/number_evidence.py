"""The evidence recorded for a line's quantity, price and amount: how each was read, and what a reading
that moved its decimal mark or dropped a stray fraction says of it."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout.decimal_mark import mark_evidence
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE, WRONG, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.item_basis import MENDED_BASIS, PAGE_UNPINNED, UNPINNED_BASIS
from parsers.layout.item_numbers import (
    SIGN_AS_FIGURE,
    SIGN_LEFT_OUT,
)
from parsers.layout.line_sums import pinned
from parsers.layout.numbers import LOST_MARK, REPAIR_COST, STROKE_AS_ONE, Reading
from parsers.layout.price_scale import RESCALED
from parsers.layout.solved_lines import Solved

UNPINNED_STRAY = "its stray fraction dropped, nothing read sure pins the whole number"
# a quantity's decimal mark, and a price's fitted to it, put where the quantity column prints its own
# (parsers.layout.quantity_marks): the line adds up as well without the move, so nothing vouches for it
IN_FORMAT = "its decimal mark put where its column prints it"
# a quantity the fax spoilt past one figure, worked out from a price and an amount read sure
# (parsers.layout.worked_quantity): nothing read vouches for it
WORKED_QUANTITY = "computed from the amount and a price read sure, the quantity read unsure"


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
            STROKE_AS_ONE,
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
