"""A customer's order-number format as its earlier orders show it: whether a faxed number whose prefix
one letter a fax opens or closes may have changed ("PC-" for PO-), whose slash may be a 7 that lost its
bar ("26/04090" for 26704090), or whose character where letters and figures meet may be either
("PC26088411", its "2" a "Z"?), is the customer's own usual format."""

from __future__ import annotations

from collections.abc import Iterable

MIN_SEEN = 2  # distinct earlier numbers of the very same format that make it the customer's own
# the letters a fax line turns into one another: an O whose stroke it broke reads C, a C whose open end
# a speck closes reads G
_TWINS = {"O": "CG", "C": "OG", "G": "OC"}


def shape(number: str) -> str:
    """The number's format: its letters and separators as printed, each figure as "9"
    ("PC-2026-42693" -> "PC-9999-99999")."""
    return "".join("9" if c.isdigit() else c for c in "".join(number.split()).upper())


def prefix(number: str) -> str:
    """The letters the number begins with ("PC" of "PC26007793")."""
    head = ""
    for c in "".join(number.split()).upper():
        if not c.isalpha():
            break
        head += c
    return head


def _letters(number: str) -> str:
    return "".join(c for c in number.upper() if c.isalpha())


def _twins(letters: str) -> set[str]:
    """The letters with one O, C or G read as another of the three."""
    return {letters[:i] + o + letters[i + 1 :] for i, c in enumerate(letters) for o in _TWINS.get(c, "")}


def usual_format(number: str, earlier: Iterable[str]) -> bool:
    """Whether the customer's `earlier` order numbers (stored, accepted or approved, none of them this
    document's) make `number`'s format its own: at least `MIN_SEEN` distinct numbers of the very same
    letters, separators and figure count, and none whose prefix or letters are `number`'s with one O, C
    or G read as another (a customer printing both "PO-" and "PC-" leaves a faxed "PC-" in doubt: it
    may be either)."""
    mine = shape(number)
    if not prefix(number):
        return False
    twins = _twins(prefix(number)) | _twins(_letters(number))
    seen = _distinct(earlier)
    if any(prefix(n) in twins or _letters(n) in twins for n in seen):
        return False
    return _often(mine, seen)


def _distinct(earlier: Iterable[str]) -> set[str]:
    """The earlier numbers, each once, without spaces, in capitals."""
    return {"".join(n.split()).upper() for n in earlier}


def _often(form: str, seen: set[str]) -> bool:
    """Whether at least `MIN_SEEN` of the distinct numbers `seen` are of the format `form`."""
    return sum(shape(n) == form for n in seen) >= MIN_SEEN


def _unslashed(form: str) -> set[str]:
    """The format `form` with one or more of its slashes read as a figure ("99/99999" -> "99999999")."""
    places = [i for i, c in enumerate(form) if c == "/"]
    out: set[str] = set()
    for mask in range(1, 2 ** len(places)):
        chars = list(form)
        for bit, i in enumerate(places):
            if mask >> bit & 1:
                chars[i] = "9"
        out.add("".join(chars))
    return out


def usual_slashes(number: str, earlier: Iterable[str]) -> bool:
    """Whether the customer's `earlier` order numbers (as for `usual_format`) make the slashes of `number`
    its own: at least `MIN_SEEN` distinct numbers of the very same format, slashes at the same places
    ("26/04090" beside "26/03811" and "26/03544"), and none whose format is `number`'s with a slash
    read as a figure ("26703811": a customer printing plain figures too leaves a faxed slash in doubt, a
    7 whose bar the fax lost reads so)."""
    mine = shape(number)
    if "/" not in mine:
        return False
    seen = _distinct(earlier)
    if any(shape(n) in _unslashed(mine) for n in seen):
        return False
    return _often(mine, seen)


# characters a fax line leaves looking like both a letter and a figure (`parsers.layout.codes.two_faced`)
TWO_FACED = frozenset("0ODQ1ILl5S2Z8B6G")


def two_faced_places(number: str) -> list[int]:
    """The places in `number` (spaces taken out) of a character that looks like both a letter and a
    figure standing where its letters and figures meet ("PC26088411": the "2" after the "C")."""
    text = "".join(number.split())
    places: set[int] = set()
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a.isalnum() and b.isalnum() and a.isdigit() != b.isdigit():
            places |= {j for j, c in ((i, a), (i + 1, b)) if c in TWO_FACED}
    return sorted(places)


def usual_kinds(number: str, earlier: Iterable[str]) -> bool:
    """Whether the customer's `earlier` order numbers (as for `usual_format`) make the letters and
    figures of `number` its own where a character of it looks like both (`two_faced_places`): at
    least `MIN_SEEN` distinct numbers of the very same format ("PC99999999" beside "PC26088411"), and
    none whose format is `number`'s with one of those characters read as the other kind ("PCZ9999999",
    "P999999999"): a customer printing both leaves the faxed character in doubt."""
    places = two_faced_places(number)
    if not places:
        return False
    mine = shape(number)
    seen = _distinct(earlier)
    if any(_kind_swapped(mine, shape(n), places) for n in seen):
        return False
    return _often(mine, seen)


def _kind_swapped(mine: str, other: str, places: list[int]) -> bool:
    """Whether the format `other` is `mine` with a figure read as a letter, or a letter as a figure, at
    one or more of `places` and nowhere else."""
    if len(other) != len(mine) or other == mine:
        return False
    apart = [i for i, (a, b) in enumerate(zip(mine, other, strict=True)) if a != b]
    return all(i in places and (mine[i] == "9") != (other[i] == "9") for i in apart)
