"""An extracted order's lines: read from its tables and checked against its totals, guessed codes
held, the table's problems (for parsers.layout.extract)."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import (
    Problem,
    ProblemCode,
)
from parsers.layout import (
    date_mends,
    item_columns,
    item_numbers,
    items,
    line_dating,
    number_evidence,
    page_basis,
    quantity_marks,
    rows,
    specks,
    totals,
)
from parsers.layout.carried_again import CARRIED_OFF
from parsers.layout.carried_lines import by_carried, by_net
from parsers.layout.decimal_mark import decide_mark
from parsers.layout.evidence import DOUBTFUL, Recorder
from parsers.layout.line_sums import line_value
from parsers.layout.total_pins import by_total
from parsers.layout.worked_quantity import by_price_and_amount


def lines_read(
    drafts: list[rows.Draft],
    seen: list[totals.Seen],
    language: str | None,
    rec: Recorder,
    *,
    ocr: bool,
    us_dates: bool,
    dating: line_dating.LineDating | None = None,
) -> tuple[str, list[items.Built], list[Decimal | None], totals.Chosen]:
    """The lines' numbers read under the document's decimal mark and settled against the printed
    total: the mark, the built lines, each line's value and the total chosen."""
    mark, mark_sure = decide_mark(items.number_texts(drafts) + [s.toks[-1].text for s in seen], language)
    cents = ocr and item_numbers.prints_cents(drafts, [s.toks[-1].text for s in seen if s.toks])
    paged = page_basis.page_bases(drafts, mark) if ocr else {}
    built = [
        items.build(
            d,
            i,
            mark,
            mark_sure,
            rec,
            ocr=ocr,
            month_first=us_dates,
            dating=dating,
            cents=cents,
            page_basis=paged.get(d.page),
        )
        for i, d in enumerate(drafts)
    ]
    built = date_mends.vouched_line_dates(built, drafts, rec) if ocr else built
    built = item_columns.by_columns(built, mark) if ocr else built
    built = item_columns.by_column_marks(built, mark) if ocr else built
    built = quantity_marks.by_quantity_format(built, mark) if ocr else built
    built = quantity_marks.by_whole_column(built, mark) if ocr else built
    built = specks.whole_quantities(built, mark) if ocr else built
    values, total = _sum_up(built, seen, mark)
    settled = totals.settle([b.solved for b in built], seen, mark)
    if settled is not None:
        built = [items.settled(b, s) for b, s in zip(built, settled, strict=True)]
        values, total = _sum_up(built, seen, mark)
    elif any(b.solved.options for b in built):
        # no printed total chooses: each open line's cheapest repair, which stays doubtful, unless the
        # lines would then seem to add up to the total by that guess
        guessed = [items.settled(b, totals.likeliest(b.solved)) for b in built]
        if not _sum_up(guessed, seen, mark)[1].verified:
            built = guessed
            values, total = _sum_up(built, seen, mark)
    carried = by_carried(built, drafts, seen, mark) if ocr else built
    if carried is not built:
        built = carried
        values, total = _sum_up(built, seen, mark)
    netted = by_net(built, seen, mark) if ocr else built
    if netted is not built:
        built = netted
        values, total = _sum_up(built, seen, mark)
    pinned = by_total(built, drafts, seen, mark) if ocr else built
    if pinned != built:
        built = pinned
        values, total = _sum_up(built, seen, mark)
    if ocr:
        # a quantity still at odds with a price and an amount read sure: the one whole number they make,
        # doubtful; its amount stands, so the sum and the total chosen do not move
        built = by_price_and_amount(built, mark)
    for i, b in enumerate(built):
        number_evidence.record_numbers(
            rec,
            f"lines[{i}]",
            b.solved,
            b.toks,
            mark_sure,
            verified=total.verified,
            discount=b.line.discount,
            ocr=ocr,
        )
        if drafts[i].guessed:
            _hold_guess(rec, f"lines[{i}]", agrees=b.solved.check == "agrees")
    return mark, built, values, total


GUESSED_CODES = ("item_code", "gtin")


def _hold_guess(rec: Recorder, path: str, *, agrees: bool) -> None:
    """A line read from a table found by its rows' shape alone (`shaped`): which column holds what was
    guessed, so its code is doubtful until master data vouches for it (a product whose price the line's
    agrees with), and its figures unless they make quantity × price = amount on the line."""
    for name in (*GUESSED_CODES, *(() if agrees else ("quantity", "unit_price", "amount"))):
        rec.lower(f"{path}.{name}", DOUBTFUL)


def table_problems(
    drafts: list[rows.Draft], values: list[Decimal | None], seen: list[totals.Seen], mark: str
) -> list[Problem]:
    """Rows the numbering says are there but were not read, and carried-forward sums that disagree."""
    problems = [
        Problem(
            ProblemCode.UNREADABLE,
            f"position {d.position}: the numbering says a row is there, but it could not be read",
            field=f"lines[{i}]",
        )
        for i, d in enumerate(drafts)
        if d.missing and d.position is not None
    ]
    sums: dict[int, Decimal] = {}
    for d, v in zip(drafts, values, strict=True):
        sums[d.page] = sums.get(d.page, Decimal(0)) + (v or Decimal(0))
    for bad in totals.carried_mismatches(seen, sums, mark):
        problems.append(Problem(ProblemCode.TOTAL_MISMATCH, f"{CARRIED_OFF}: {bad}", field="lines"))
    return problems


def _sum_up(
    built: list[items.Built], seen: list[totals.Seen], mark: str
) -> tuple[list[Decimal | None], totals.Chosen]:
    """Each line's value, and the order total chosen against their sum (none when a line has no value)."""
    values = [line_value(b.solved) for b in built]
    line_sum = (
        sum((v for v in values if v is not None), Decimal(0)) if values and None not in values else None
    )
    return values, totals.choose(seen, line_sum, mark)
