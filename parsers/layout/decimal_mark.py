"""A document's decimal mark, comma or point: what a single printed number proves, and what the numbers
of a document say together (`parsers.layout.numbers` reads them under it)."""

from __future__ import annotations

from collections.abc import Iterable

from parsers.layout.numbers import SHAPE, strip_money


def _inner_marks(core: str) -> str:
    """`core` without the marks at its edges that no number prints: one after its last figure (a
    speck or a sentence's point, "67.75." or "0.18,"), one before its first where another follows
    (".210.00"; a lone one, ".50", is the decimal mark of a price under a dollar)."""
    core = core.rstrip(".,")
    stripped = core.lstrip(".,")
    return stripped if any(c in ".," for c in stripped) else core


def mark_evidence(text: str) -> str | None:
    """The decimal mark a token proves ("," or "."), or None when it fits both conventions."""
    core = _inner_marks(strip_money(text)[0])
    if not SHAPE.match(core):
        return None
    commas, points = core.count(","), core.count(".")
    if commas and points:
        return "," if core.rfind(",") > core.rfind(".") else "."
    for mark, count in ((",", commas), (".", points)):
        if count > 1:
            return "." if mark == "," else ","
        if count == 1 and len(core) - core.rfind(mark) - 1 != 3:
            return mark
    return None


# A number printing both marks ("1.495,25") says which is the decimal one even with one of them misread
# ("1.495.25": points that group, so the comma was the mark), where one misread mark turns a lone one's
# evidence round ("35,00" read "35.00", a comma's tail lost on a fax): it outweighs several lone ones.
BOTH_MARKS_VOTES = 3


def decide_mark(tokens: Iterable[str], language: str | None) -> tuple[str, float]:
    """The document's decimal mark from the tokens that prove one, and how sure that is (0..1)."""
    votes = {",": 0, ".": 0}
    for token in tokens:
        found = mark_evidence(token)
        if found:
            core = _inner_marks(strip_money(token)[0])
            votes[found] += BOTH_MARKS_VOTES if "," in core and "." in core else 1
    total = votes[","] + votes["."]
    if total == 0:
        return ("," if language == "es" else "."), 0.6
    mark = "," if votes[","] >= votes["."] else "."
    return mark, votes[mark] / total
