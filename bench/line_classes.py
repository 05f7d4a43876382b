"""Why lines are read wrong: each wrong line of a drawn order put in one or more error classes.

The scores (samples.orders_gen.check) compare truth and read lines by index, so one row lost makes every
row after it wrong.  Here the read lines are first aligned with the truth (an edit-distance alignment on
how alike two lines are), so a lost or extra row counts once and the lines after it are judged on their
own.  A truth line is wrong when its sku, quantity or unit price differs from the aligned read line's
(as in the scores); its classes then say why, so that reader work goes where the errors are:

    row lost            no read line aligns with it
    code cut            the read code is a piece of the printed code (split by a space or a line break)
    code joined: pos    the read code is the position number and the printed code run together
    code joined         the read code holds the printed code and more (the next token run into it)
    code misread        the read code is the printed code with a character or two wrong
    code missing        no code read at all
    code other          any other code that does not resolve to the right sku
    code right, no sku  the code was read as printed but did not resolve to the product (master data)
    qty digit           the quantity has as many digits as the true one, one or two of them wrong
    qty other           the quantity is missing or wrong otherwise (digits lost or added, a wrong cell)
    price digit         the unit price, likewise, one or two digits wrong
    price basis         the printed price was read but not divided by its basis (per 100 / per 1,000)
    price discount      the price before the line's discount was taken as the unit price
    price other         the unit price missing or wrong otherwise
    unit wrong          (beside the others) the unit of measure read differs from the product's

Read lines that no truth line aligns with are counted as `extra row`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from samples.orders_gen.check import LINE_FACTS

ROW_LOST = "row lost"
EXTRA_ROW = "extra row"
CLASSES = (
    ROW_LOST,
    "code cut",
    "code joined: pos",
    "code joined",
    "code misread",
    "code missing",
    "code other",
    "code right, no sku",
    "qty digit",
    "qty other",
    "price digit",
    "price basis",
    "price discount",
    "price other",
    "unit wrong",
    EXTRA_ROW,
)


def _num(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _same(name: str, want: Any, got: Any) -> bool:
    if name in ("quantity", "unit_price"):
        a, b = _num(want), _num(got)
        return a is not None and a == b
    return bool(want == got)


def _squash(code: Any) -> str:
    return re.sub(r"\s+", "", str(code or "")).upper()


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (codes are short)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _likeness(want: dict[str, Any], got: dict[str, Any]) -> float:
    """How alike a truth line and a read line are: facts equal, and how much of the code was read."""
    score = sum(1.0 for n in LINE_FACTS if _same(n, want.get(n), got.get(n)))
    code, read = _squash(want.get("item_code")), _squash(got.get("item_code"))
    if code and read:
        score += max(0.0, 1.0 - _distance(code, read) / max(len(code), len(read)))
    return score


def align(
    want: Sequence[dict[str, Any]], have: Sequence[dict[str, Any]]
) -> list[tuple[int | None, int | None]]:
    """Pairs (truth index, read index), in order; None on one side for a lost or extra row.  Two lines
    pair only when they share something (a fact or part of the code)."""
    n, m = len(want), len(have)
    like = [[_likeness(w, h) for h in have] for w in want]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = best[i + 1][j + 1] + like[i][j] if like[i][j] >= 0.5 else -1.0
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if like[i][j] >= 0.5 and best[i][j] == best[i + 1][j + 1] + like[i][j]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return out


def _code_class(want: dict[str, Any], got: dict[str, Any]) -> str:
    code, read = _squash(want.get("item_code")), _squash(got.get("item_code"))
    raw = str(got.get("item_code") or "")
    if not read:
        return "code missing"
    if read == code:
        return "code cut" if " " in raw.strip() else "code right, no sku"
    if code in read:
        position = _squash(want.get("line_no"))
        if position and read.startswith(position) and read[len(position) :].startswith(code):
            return "code joined: pos"
        return "code joined"
    if read in code or " " in raw.strip():
        return "code cut"
    if _distance(code, read) <= 2:
        return "code misread"
    return "code other"


def _digits(value: Any) -> str:
    number = _num(value)
    return "" if number is None else re.sub(r"\D", "", format(number.normalize(), "f"))


def _digit_slip(want: Any, got: Any) -> bool:
    a, b = _digits(want), _digits(got)
    return bool(a and b) and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 2


def _price_class(want: dict[str, Any], got: dict[str, Any]) -> str:
    price = _num(got.get("unit_price"))
    printed = _num(want.get("printed_price"))
    if price is not None and printed is not None and price == printed and want.get("price_per", 1) != 1:
        return "price basis"
    per = Decimal(want.get("price_per") or 1)
    if (
        price is not None
        and printed is not None
        and price == printed / per
        and _num(want.get("discount_pct"))
    ):
        return "price discount"
    if _digit_slip(want.get("unit_price"), got.get("unit_price")):
        return "price digit"
    return "price other"


def line_classes(want: dict[str, Any], got: dict[str, Any] | None) -> list[str]:
    """The classes of one truth line read as `got` (None: no read line aligned); [] when it is right."""
    if got is None:
        return [ROW_LOST]
    out = []
    if not _same("sku", want.get("sku"), got.get("sku")):
        out.append(_code_class(want, got))
    if not _same("quantity", want.get("quantity"), got.get("quantity")):
        out.append("qty digit" if _digit_slip(want.get("quantity"), got.get("quantity")) else "qty other")
    if not _same("unit_price", want.get("unit_price"), got.get("unit_price")):
        out.append(_price_class(want, got))
    if out and got.get("unit") and want.get("unit") and got["unit"] != want["unit"]:
        out.append("unit wrong")
    return out


def classify(truth: dict[str, Any], got: dict[str, Any]) -> list[tuple[str, str]]:
    """(class, example) for every wrong truth line and extra read line of one order."""
    want, have = truth["lines"], got.get("lines") or []
    out: list[tuple[str, str]] = []
    for i, j in align(want, have):
        if i is None:
            assert j is not None
            out.append((EXTRA_ROW, f"read {have[j].get('item_code')!r} {have[j].get('quantity')}"))
            continue
        w = want[i]
        h = have[j] if j is not None else None
        for name in line_classes(w, h):
            seen = "-" if h is None else f"{h.get('item_code')!r} {h.get('quantity')} x {h.get('unit_price')}"
            out.append((name, f"want {w.get('item_code')!r} {w['quantity']} x {w['unit_price']}, got {seen}"))
    return out


def units(truth: dict[str, Any], got: dict[str, Any]) -> tuple[int, int]:
    """(lines whose unit is the product's, lines read with their product and a unit) of one order: the
    unit of measure judged apart from the classes, on every line whose product was found, read right
    or not (the classes name it only beside another fault)."""
    want, have = truth["lines"], got.get("lines") or []
    pairs = [(want[i], have[j]) for i, j in align(want, have) if i is not None and j is not None]
    judged = [
        (w, h) for w, h in pairs if h.get("unit") and w.get("unit") and _same("sku", w["sku"], h.get("sku"))
    ]
    return sum(h["unit"] == w["unit"] for w, h in judged), len(judged)


def table(found: Iterable[tuple[str, str]], lines: int, title: str, examples: int = 2) -> list[str]:
    """The classes counted, most first, as shares of all truth lines, with a few examples each."""
    found = list(found)
    counts = Counter(name for name, _ in found)
    out = [f"  Error classes, {title} ({lines} truth lines; a line may fall in several):"]
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], CLASSES.index(kv[0]))):
        out.append(f"    {name:20s} {n:4d}  {n / max(lines, 1):6.1%}")
        out += [f"        e.g. {text}" for cls, text in found if cls == name][:examples]
    return out
