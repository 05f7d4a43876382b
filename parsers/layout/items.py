"""Order lines from table regions: item rows, wrapped descriptions, ERP sub-lines, numbers checked
against each other."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from core.capture.domain.order import CapturedLine
from parsers.layout import labels, positions
from parsers.layout.arith import Solved, solve
from parsers.layout.codes import code_text, gtin_in, misreadings, split_position, valid_gtin
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE, WRONG, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.numbers import (
    REPAIR_COST,
    Reading,
    confusions,
    looks_numeric,
    mark_evidence,
    readings,
    strip_money,
)
from parsers.layout.table import Region
from parsers.layout.text import token_key
from parsers.layout.vocab import CURRENCIES, SUBLINES, UNITS

NUMERIC = ("qty", "price", "amount")
JOIN_GAP = 0.5  # of a word's height: words of one number cell this close may be one number cut in two
POSITION_EDGE = ").:|]/"  # what follows a position number ("10)", "2.") or a rule beside it


@dataclass
class Draft:
    """One order line as found in the table, before its numbers are read."""

    page: int
    cells: dict[str, list[Tok]]
    description: list[Tok] = field(default_factory=list)
    subs: dict[str, list[Tok]] = field(default_factory=dict)
    position: int | None = None  # by the table's numbering, when it has one (parsers.layout.positions)
    missing: bool = False  # a row the numbering says is there, which OCR did not read

    def numbers(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if looks_numeric(t.text)]

    def words(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if not looks_numeric(t.text)]


def drafts(regions: list[Region], *, ocr: bool = False) -> list[Draft]:
    """Item rows (a quantity in the quantity column) with the lines that continue them; where the table
    numbers its rows, each row's position, and (`ocr`) an empty row for each position OCR lost."""
    out: list[Draft] = []
    for region in regions:
        current: Draft | None = out[-1] if out and region.heading == [] else None
        priced = {"price", "amount"} & set(region.table.kinds())
        coded = any(h.kind == "code" for _, _, h in region.table.segments)
        for line in region.lines:
            cells = region.table.cells(line) if coded else _code_from_position(region.table.cells(line))
            if _is_item(line.toks, cells, priced):
                # no description column (its heading lost): the words of the column nobody claims
                current = Draft(line.page, cells, list(cells.get("description") or cells.get("other", [])))
                out.append(current)
            elif current is not None:
                _continue(current, line.toks, cells)
    if any(h.kind == "pos" for r in regions for _, _, h in r.table.segments):
        out = _numbered(out, ocr)
    return out


def _code_from_position(cells: dict[str, list[Tok]]) -> dict[str, list[Tok]]:
    """In a table whose code heading OCR lost, the position column holds the code too: what follows
    the position number there (or stands there without one) is the code."""
    pos = cells.get("pos", [])
    rest = pos[1:] if pos and looks_numeric(pos[0].text) else pos
    if rest and any(c.isalpha() for t in rest for c in t.text):
        cells = {**cells, "pos": pos[: len(pos) - len(rest)], "code": rest}
    return cells


def _printed_position(draft: Draft) -> int | None:
    """The row's position as printed: its position cell, or a number OCR ran into its code."""
    pos = [t.text.strip(POSITION_EDGE) for t in draft.numbers("pos")]
    if pos and pos[0].isdigit():
        return int(pos[0])
    code = draft.cells.get("code", [])
    lead = positions.leading_number(code[0].text) if code else None
    return lead if lead is not None and split_position(code, lead) is not None else None


def _numbered(found: list[Draft], ocr: bool) -> list[Draft]:
    numbering = positions.number([_printed_position(d) for d in found])
    if numbering is None:
        return found
    for draft, position in zip(found, numbering, strict=True):
        draft.position = position
        printed = _printed_position(draft)
        if printed is not None and not draft.numbers("pos"):  # run into the code, read right or not
            split = split_position(draft.cells.get("code", []), printed)
            if split is not None:
                draft.cells["pos"], draft.cells["code"] = [split[0]], split[1]
    if not ocr:
        return found
    out = list(found)
    for index, missing in reversed(positions.lost(numbering)):
        page = found[index].page
        out[index:index] = [Draft(page, {}, position=p, missing=True) for p in missing]
    return out


def _is_item(toks: list[Tok], cells: dict[str, list[Tok]], priced: set[str]) -> bool:
    """A row that starts an order line: a number in a numeric column and enough else that a line is
    there (a position, a code, two of quantity, price and amount); never a labelled sub-line.

    A quantity OCR could not read ("5-4" for "5 u.") does not lose the row: its price and amount, or
    its code and one of them, still show a line, and the arithmetic then says what the quantity was."""
    numeric = {kind for kind in (*NUMERIC, "pos") if any(looks_numeric(t.text) for t in cells.get(kind, []))}
    if not numeric & set(NUMERIC):
        return False
    if labels.starts_with(toks, SUBLINES) is not None:
        return False
    if "qty" in numeric and (not priced or numeric & priced):
        return True
    # a number lost: three of position, code, quantity, price and amount, or a position and a price
    signs = len(numeric) + bool(cells.get("code"))
    return signs >= 3 or ("pos" in numeric and bool(numeric & priced))


def _continue(draft: Draft, toks: list[Tok], cells: dict[str, list[Tok]]) -> None:
    """A line under an item row: a labelled sub-line (our code, EAN, delivery) or more description."""
    hit = labels.starts_with(toks, SUBLINES) or labels.starts_garbled(toks, SUBLINES)
    if hit is not None and hit.end < len(toks):
        draft.subs.setdefault(hit.kind, toks[hit.end :])
        return
    draft.description += cells.get("description", []) or [t for t in toks if t.key]


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
    found = []
    for d in items:
        for kind in ("price", "amount"):
            for tok in d.cells.get(kind, []):
                code = strip_money(tok.text)[1] or CURRENCIES.get(tok.key)
                if code:
                    found.append(code)
    return found


@dataclass
class Built:
    """A captured line with the readings behind its numbers (for the total cross-check)."""

    line: CapturedLine
    solved: Solved
    toks: dict[str, list[Tok]]


def _readings(draft: Draft, kind: str, toks: list[Tok], mark: str, ocr: bool) -> list[Reading]:
    found = readings(toks[-1].text, mark, rules=ocr) if toks else []
    return found + _split_number(draft.numbers(kind), mark) if ocr else found


def _line_no(draft: Draft, pos: list[Tok], index: int) -> str:
    if draft.position is not None:
        return str(draft.position)
    return pos[0].text.strip(POSITION_EDGE) or str(index + 1) if pos else str(index + 1)


def _split_number(toks: list[Tok], mark: str) -> list[Reading]:
    """A number OCR cut in two ("367.5" and "0" for "367.50"): the words of the cell read as one, when
    they stand close together."""
    if len(toks) < 2 or any(b.x0 - a.x1 > JOIN_GAP * a.h for a, b in itertools.pairwise(toks)):
        return []
    return [replace(r, cost=r.cost + 1) for r in readings("".join(t.text for t in toks), mark)]


def _code_readings(line: CapturedLine) -> tuple[str, ...]:
    out: list[str] = []
    for code in (line.supplier_item_code, line.item_code, line.buyer_item_code):
        out += [c for c in misreadings(code) if c not in out] if code else []
    return tuple(out)


def _confusions(toks: list[Tok], mark: str) -> list[Reading]:
    return confusions(toks[-1].text, mark) if toks else []


def build(
    draft: Draft, index: int, mark: str, mark_sure: float, rec: Recorder, *, ocr: bool = False
) -> Built:
    """Read one draft into a captured line, recording the evidence of each field; `ocr` when the page
    was read by OCR, whose misreadings of the codes the line then carries for master data to try."""
    path = f"lines[{index}]"
    qty, price, amount = draft.numbers("qty")[:1], draft.numbers("price")[:1], draft.numbers("amount")[-1:]
    # OCR's slips are repaired only where OCR read: a text layer says what was printed, wrong or not
    repairs = (_confusions(qty, mark), _confusions(price, mark), _confusions(amount, mark)) if ocr else None
    solved = solve(
        _readings(draft, "qty", qty, mark, ocr),
        _readings(draft, "price", price, mark, ocr),
        _readings(draft, "amount", amount, mark, ocr),
        repairs,
    )
    code_toks = draft.cells.get("code", [])
    code = code_text(code_toks)
    as_gtin = gtin_in(code) if code else None
    if as_gtin is not None:
        code = as_gtin[0]
    gtin_toks = draft.cells.get("gtin") or draft.subs.get("gtin") or (code_toks if as_gtin else [])
    gtin = code if as_gtin and gtin_toks is code_toks else code_text(gtin_toks)
    unit_toks = draft.words("unit") or draft.words("qty")
    pos = draft.numbers("pos")
    delivery = draft.subs.get("delivery")
    found = find_date(" ".join(t.text for t in delivery)) if delivery else None
    line = CapturedLine(
        line_no=_line_no(draft, pos, index),
        item_code=code,
        gtin=gtin if gtin and valid_gtin(gtin) else None,
        buyer_item_code=code_text(draft.subs.get("buyer_item_code", [])),
        supplier_item_code=code_text(draft.subs.get("supplier_item_code", [])),
        description=_join(draft.description),
        quantity=solved.quantity.value if solved.quantity else None,
        unit=unit_code(unit_toks[0].text) if unit_toks else None,
        unit_price=solved.unit_price.value if solved.unit_price else None,
        amount=solved.amount.value if solved.amount else None,
        requested_delivery_date=found.value if found else None,
    )
    if ocr:
        line = replace(line, code_readings=_code_readings(line))
    rec.add(f"{path}.item_code", code_toks, LIKELY if as_gtin and as_gtin[1] else SURE)
    for kind in ("supplier_item_code", "buyer_item_code", "gtin"):
        if draft.subs.get(kind):
            rec.add(f"{path}.{kind}", draft.subs[kind], SURE)
    rec.add(f"{path}.description", draft.description, SURE)
    if found is not None and delivery:
        rec.add(f"{path}.requested_delivery_date", delivery, found.certainty)
    if unit_toks:
        rec.add(f"{path}.unit", unit_toks[:1], SURE)
    # the numbers' evidence is recorded once the total is known (record_numbers)
    return Built(line, solved, {"quantity": qty, "unit_price": price, "amount": amount})


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
    return Built(line, solved, built.toks)


def record_numbers(
    rec: Recorder, path: str, solved: Solved, toks: dict[str, list[Tok]], mark_sure: float, *, verified: bool
) -> None:
    """Evidence for a line's numbers; `verified` when the lines were found to add up to the total."""
    for name in ("quantity", "unit_price", "amount"):
        reading: Reading | None = getattr(solved, name)
        if reading is None:
            continue
        if solved.check == "agrees" and reading.cost >= REPAIR_COST:
            # a swapped digit the arithmetic vouches for; the total must vouch for it too
            rec.add(f"{path}.{name}", toks[name], LIKELY if verified else DOUBTFUL, verified=verified)
        elif solved.check == "agrees":
            rec.add(f"{path}.{name}", toks[name], SURE if reading.cost == 0 else LIKELY, verified=True)
        elif solved.check == "derived" and reading.cost == 3:
            rec.add(f"{path}.{name}", toks["amount"], DOUBTFUL)
        elif solved.check == "disagrees":
            rec.add(f"{path}.{name}", toks[name], WRONG)
        else:
            ambiguous = mark_evidence(toks[name][-1].text) is None if toks[name] else False
            certainty = (SURE if verified else LIKELY) * (mark_sure if ambiguous else 1.0)
            rec.add(f"{path}.{name}", toks[name], certainty, verified=verified and reading.cost == 0)
