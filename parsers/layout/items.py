"""Order lines from table regions: item rows, wrapped descriptions, ERP sub-lines, numbers checked
against each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.domain.capture import CapturedLine
from parsers.layout import labels
from parsers.layout.arith import Solved, solve
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE, WRONG, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.numbers import Reading, looks_numeric, mark_evidence, readings, strip_money
from parsers.layout.table import Region
from parsers.layout.text import token_key
from parsers.layout.vocab import CURRENCIES, SUBLINES, UNITS

NUMERIC = ("qty", "price", "amount")


@dataclass
class Draft:
    """One order line as found in the table, before its numbers are read."""

    page: int
    cells: dict[str, list[Tok]]
    description: list[Tok] = field(default_factory=list)
    subs: dict[str, list[Tok]] = field(default_factory=dict)

    def numbers(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if looks_numeric(t.text)]

    def words(self, kind: str) -> list[Tok]:
        return [t for t in self.cells.get(kind, []) if not looks_numeric(t.text)]


def drafts(regions: list[Region]) -> list[Draft]:
    """Item rows (a quantity in the quantity column) with the lines that continue them."""
    out: list[Draft] = []
    for region in regions:
        current: Draft | None = out[-1] if out and region.heading == [] else None
        priced = {"price", "amount"} & set(region.table.kinds())
        for line in region.lines:
            cells = region.table.cells(line)
            if _is_item(line.toks, cells, priced):
                current = Draft(line.page, cells, list(cells.get("description", [])))
                out.append(current)
            elif current is not None:
                _continue(current, line.toks, cells)
    return out


def _is_item(toks: list[Tok], cells: dict[str, list[Tok]], priced: set[str]) -> bool:
    """A quantity, and a price or amount where the table has such columns; never a labelled sub-line."""
    if not any(looks_numeric(t.text) for t in cells.get("qty", [])):
        return False
    if priced and not any(looks_numeric(t.text) for kind in priced for t in cells.get(kind, [])):
        return False
    return labels.starts_with(toks, SUBLINES) is None


def _continue(draft: Draft, toks: list[Tok], cells: dict[str, list[Tok]]) -> None:
    """A line under an item row: a labelled sub-line (our code, EAN, delivery) or more description."""
    hit = labels.starts_with(toks, SUBLINES)
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


def valid_gtin(code: str) -> bool:
    if not code.isdigit() or len(code) not in (8, 12, 13, 14):
        return False
    digits = [int(c) for c in reversed(code[:-1])]
    check = (10 - sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits)) % 10) % 10
    return check == int(code[-1])


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


def _readings(toks: list[Tok], mark: str) -> list[Reading]:
    return readings(toks[-1].text, mark) if toks else []


def build(draft: Draft, index: int, mark: str, mark_sure: float, rec: Recorder) -> Built:
    """Read one draft into a captured line, recording the evidence of each field."""
    path = f"lines[{index}]"
    qty, price, amount = draft.numbers("qty")[:1], draft.numbers("price")[:1], draft.numbers("amount")[-1:]
    solved = solve(_readings(qty, mark), _readings(price, mark), _readings(amount, mark))
    code_toks = draft.cells.get("code", [])
    code = "".join(t.text for t in code_toks) or None
    gtin_toks = (
        draft.cells.get("gtin") or draft.subs.get("gtin") or (code_toks if code and valid_gtin(code) else [])
    )
    gtin = "".join(t.text for t in gtin_toks) or None
    unit_toks = draft.words("unit") or draft.words("qty")
    pos = draft.numbers("pos")
    delivery = draft.subs.get("delivery")
    found = find_date(" ".join(t.text for t in delivery)) if delivery else None
    line = CapturedLine(
        line_no=pos[0].text if pos else str(index + 1),
        item_code=code,
        gtin=gtin if gtin and valid_gtin(gtin) else None,
        buyer_item_code=_join(draft.subs.get("buyer_item_code", [])),
        supplier_item_code=_join(draft.subs.get("supplier_item_code", [])),
        description=_join(draft.description),
        quantity=solved.quantity.value if solved.quantity else None,
        unit=unit_code(unit_toks[0].text) if unit_toks else None,
        unit_price=solved.unit_price.value if solved.unit_price else None,
        amount=solved.amount.value if solved.amount else None,
        requested_delivery_date=found.value if found else None,
    )
    rec.add(f"{path}.item_code", code_toks, SURE)
    for kind in ("supplier_item_code", "buyer_item_code", "gtin"):
        if draft.subs.get(kind):
            rec.add(f"{path}.{kind}", draft.subs[kind], SURE)
    rec.add(f"{path}.description", draft.description, SURE)
    if found is not None and delivery:
        rec.add(f"{path}.requested_delivery_date", delivery, found.certainty)
    if unit_toks:
        rec.add(f"{path}.unit", unit_toks[:1], SURE)
    toks = {"quantity": qty, "unit_price": price, "amount": amount}
    record_numbers(rec, path, solved, toks, mark_sure, verified=False)
    return Built(line, solved, toks)


def record_numbers(
    rec: Recorder, path: str, solved: Solved, toks: dict[str, list[Tok]], mark_sure: float, *, verified: bool
) -> None:
    """Evidence for a line's numbers; `verified` when the lines were found to add up to the total."""
    for name in ("quantity", "unit_price", "amount"):
        reading: Reading | None = getattr(solved, name)
        if reading is None:
            continue
        if solved.check == "agrees":
            rec.add(f"{path}.{name}", toks[name], SURE if reading.cost == 0 else LIKELY, verified=True)
        elif solved.check == "derived" and reading.cost == 3:
            rec.add(f"{path}.{name}", toks["amount"], DOUBTFUL)
        elif solved.check == "disagrees":
            rec.add(f"{path}.{name}", toks[name], WRONG)
        else:
            ambiguous = mark_evidence(toks[name][-1].text) is None if toks[name] else False
            certainty = (SURE if verified else LIKELY) * (mark_sure if ambiguous else 1.0)
            rec.add(f"{path}.{name}", toks[name], certainty, verified=verified and reading.cost == 0)
