"""Item codes as printed: words run together, specks and rules off their ends, and GTINs checked by
their check digit (which also tells a table rule OCR read as a "1" beside one)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from core.capture.domain.misread import figures_back
from core.capture.domain.order_numbers import TWO_FACED
from parsers.layout.geometry import PHRASE_GAP, Tok

EDGE = ".,:;'\"‘’“”+&-_|!/*"  # specks and rules OCR leaves at a code's ends; no code begins or ends so
HYPHEN_READ = ".,_~·"  # what a fax's hyphen between two pieces of a code may be read as
_RULE_DIGITS = "1lI|"  # what a table rule beside a number is read as
GTIN_LENGTHS = (8, 12, 13, 14)


def code_text(toks: list[Tok]) -> str | None:
    """A code as printed: its words run together, without specks or rules at its ends."""
    return "".join(t.text for t in toks).strip(EDGE) or None


def valid_gtin(code: str) -> bool:
    if not code.isdigit() or len(code) not in GTIN_LENGTHS:
        return False
    digits = [int(c) for c in reversed(code[:-1])]
    check = (10 - sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits)) % 10) % 10
    return check == int(code[-1])


EAN13 = 13
MAX_POSITION = 5  # figures of a line position ("00010")


def gtin_in(code: str) -> tuple[str, bool] | None:
    """The GTIN a code is, and whether a rule read as a "1" at one end had to go for its check digit
    to hold ("18437000100164" -> "8437000100164"); None when it is no GTIN."""
    if valid_gtin(code):
        return code, False
    for inner, lost in ((code[1:], code[:1]), (code[:-1], code[-1:])):
        if lost and lost in _RULE_DIGITS and valid_gtin(inner):
            return inner, True
    # the line's position run onto the front of an EAN-13 ("00020" and "8437000100102" read as one
    # word where the position column's gap was lost): the thirteen figures after it, when their check
    # digit holds and what stands before them reads as a position (two to five figures, not all zeros:
    # one figure alone is as likely a misread first figure of a GTIN-14)
    head, inner = code[:-EAN13], code[-EAN13:]
    if code.isdigit() and 1 < len(head) <= MAX_POSITION and int(head) > 0 and valid_gtin(inner):
        return inner, True
    return None


# What OCR reads for the characters of codes on a fax, and the character meant (one at a time).
_MISREAD: dict[str, str] = {
    "0": "OD8", "O": "0", "D": "0", "Q": "0C",
    "1": "ILT", "I": "1LT", "L": "1IE", "l": "1IL", "|": "1IL", "!": "1IL", "i": "1I", "T": "1I",
    "2": "Z", "Z": "2", "4": "A", "A": "4", "a": "4", "5": "S", "S": "58", "s": "5S-",
    "6": "G8", "G": "6C", "C": "G", "H": "6", "8": "B06", "B": "8R", "R": "B", "g": "9G8", "9": "g80",
    "e": "8", "$": "S", "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U", "Ñ": "N",
    ",": "L-", "¡": "T1I", "*": "-", "u": "0", "U": "VL0",
    "E": "FL", "F": "ET-", "V": "U", "j": "J", ")": "J", "]": "J",
    ":": "-", ".": "-", "_": "-", "~": "-", "—": "-", "–": "-", "=": "-", "/": "-7", " ": "-",
}  # fmt: skip
# What a fax makes of the digits of a GTIN (and the marks and letters read among them): the digit
# meant.  Only look-alikes, so that a reading stays near what was printed.
_GTIN_MISREAD: dict[str, str] = {
    "0": "68", "6": "085", "8": "0639", "9": "84", "5": "836", "3": "85", "1": "74", "7": "1",
    "4": "19", "2": "37", "O": "08", "R": "8", "o": "08", "D": "0", "Q": "0C", "B": "8", "S": "5",
    "s": "5", "g": "98", "I": "1", "l": "1", "|": "1", "!": "1", "J": "1", ")": "1", "u": "0",
    "U": "0", "v": "0", "/": "7",
}  # fmt: skip
_LOST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"  # a character a fax may drop from a code
GTIN_SLIPS = 2  # look-alike digits a GTIN may have been misread in
MAX_READINGS = 1000


def _gtin_readings(code: str) -> list[str]:
    """A GTIN with one digit misread, lost or read twice: the one-digit changes whose check digit holds."""
    out = []
    for i in range(len(code) + 1):
        edits = [code[:i] + code[i + 1 :]] if i < len(code) else []
        edits += [code[:i] + digit + code[i:] for digit in "0123456789"]
        edits += [code[:i] + digit + code[i + 1 :] for digit in "0123456789" if i < len(code)]
        out += [e for e in edits if e != code and len(e) in GTIN_LENGTHS and valid_gtin(e)]
    return out


def _gtin_lookalikes(code: str) -> list[str]:
    """A GTIN whose digits a fax blurred into look-alikes ("8437066106157", "O437000100157" for
    8437000100157): up to GTIN_SLIPS of them read back, where the check digit then holds."""
    if len(code) not in GTIN_LENGTHS or sum(not c.isdigit() for c in code) > GTIN_SLIPS:
        return []
    forced = [i for i, c in enumerate(code) if not c.isdigit()]
    if any(c not in _GTIN_MISREAD for c in code if not c.isdigit()):
        return []
    free = [i for i, c in enumerate(code) if c.isdigit() and c in _GTIN_MISREAD]
    out = []
    for extra in range(GTIN_SLIPS - len(forced) + 1):
        for chosen in itertools.combinations(free, extra):
            places = [*forced, *chosen]
            for digits in itertools.product(*(_GTIN_MISREAD[code[i]] for i in places)):
                chars = list(code)
                for i, digit in zip(places, digits, strict=True):
                    chars[i] = digit
                reading = "".join(chars)
                if valid_gtin(reading):
                    out.append(reading)
    return out


def _plain(text: str) -> str:
    """Without accents: codes have none, a fax's specks make them ("SIL-TRÁ-300")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _one_slip(form: str) -> list[str]:
    """A character taken for a look-alike, a stray character, a hyphen added or lost."""
    out = []
    for i, char in enumerate(form):
        out += [form[:i] + other + form[i + 1 :] for other in _MISREAD.get(char, "")]
        out.append(form[:i] + form[i + 1 :])
        if i > 0 and char != "-" and form[i - 1] != "-":
            out.append(form[:i] + "-" + form[i:])
    return out


def misreadings(code: str) -> list[str]:
    """What a code OCR read on a fax may have been (letters in either case, accents dropped), one slip
    away first: a character taken for a look-alike, a hyphen lost or added, a stray character; a GTIN
    with one digit wrong, lost or added, or with a few digits blurred into look-alikes; a character
    the fax lost; then two look-alikes, or a look-alike and a hyphen.  Master data decides which (if
    any) it was, and the line's description must name the product too (validation.resolve)."""
    out: list[str] = []
    if code.isdigit() and not valid_gtin(code):
        out += _gtin_readings(code)
    out += _gtin_lookalikes(code)  # even a valid one: two blurred digits may keep the check digit
    plain = _plain(figures_back(code).upper())
    forms = list(dict.fromkeys((plain, code, plain.translate(_NO_QUOTES))))
    for form in forms:
        out.append(form)
        out += _one_slip(form)
    out += [plain[:i] + char + plain[i:] for i in range(len(plain) + 1) for char in _LOST]
    out += _hyphens_back(plain) if not any(c.islower() for c in code) else []
    for form in forms:
        out += _two_slips(form)
    seen = {code}
    unique = [c for c in out if c and not (c in seen or seen.add(c))]  # type: ignore[func-returns-value]
    return unique[:MAX_READINGS]


# Quote marks a speck inside a code is read as ("SIU'-TRA-300"): no code prints one.
_NO_QUOTES = str.maketrans("", "", "'‘’“”\"`")
HYPHENLESS = range(5, 11)  # characters of a code read with no hyphen whose hyphens may be put back


def _hyphens_back(code: str) -> list[str]:
    """A code whose hyphens the fax lost, one or two of them ("ALACAL2" for ALA-GAL-2: a hyphen is one
    thin line of ink, and a normal fax keeps every other scan line), alone and with one look-alike.
    Only capitals, or capitals and digits, of a code's length: a number is no code with its hyphens lost."""
    if "-" in code or len(code) not in HYPHENLESS or not code.isalnum() or code.isdigit():
        return []
    cuts = range(1, len(code))
    hyphenated = [f"{code[:i]}-{code[i:]}" for i in cuts]
    hyphenated += [
        f"{code[:i]}-{code[i:j]}-{code[j:]}" for i, j in itertools.combinations(cuts, 2) if j > i + 1
    ]
    out = list(hyphenated)
    for form in hyphenated:
        out += [
            form[:i] + other + form[i + 1 :]
            for i, c in enumerate(form)
            for other in _MISREAD.get(c, "")
            if c != "-"
        ]
    return out


def _two_slips(code: str) -> list[str]:
    """Two look-alikes in one code ("ARA.MB" for "ARA-M8"), or a look-alike and a hyphen lost or added
    ("LLAA)-250" for "LLA-AJ-250"), after every single slip."""
    out = []
    for i, first in enumerate(code):
        for a in _MISREAD.get(first, ""):
            once = code[:i] + a + code[i + 1 :]
            for j in range(len(once)):
                if j > i:
                    out += [once[:j] + b + once[j + 1 :] for b in _MISREAD.get(once[j], "")]
                if once[j] == "-":
                    out.append(once[:j] + once[j + 1 :])
                elif j > 0 and once[j - 1] != "-":
                    out.append(once[:j] + "-" + once[j:])
    return out


_GLUED_POSITION = re.compile(r"^(?P<pos>\d{1,3})(?P<mark>[)\]|/.:!]?)(?P<rest>.*)$")


def split_position(toks: list[Tok], expected: int) -> tuple[Tok, list[Tok]] | None:
    """The position number OCR ran into the code after it ("12LLA-AJ-250", "9)4711", "9) 4711"), when
    it is the position the line should have and what follows it cannot be read as one code with it
    (a mark between, a letter after, or a GTIN whose check digit then holds); None otherwise."""
    m = _GLUED_POSITION.match(toks[0].text) if toks else None
    if m is None or int(m["pos"]) != expected:
        return None
    if not m["rest"]:
        return (toks[0], toks[1:]) if len(toks) > 1 else None
    if not (m["mark"] or m["rest"][0].isalpha() or valid_gtin(m["rest"])):
        return None
    return toks[0].cut(0, m.end("pos")), [toks[0].cut(m.start("rest"), len(toks[0].text)), *toks[1:]]


# Characters OCR takes for one another across letters and digits: the table a customer's earlier order
# numbers are judged by too (`core.capture.domain.order_numbers.usual_kinds`)
_TWO_FACED = TWO_FACED


def two_faced(identifier: str) -> bool:
    """Whether OCR may have read a letter for a digit or a digit for a letter in an identifier with no
    check digit: a character that looks like both standing where letters and digits meet ("0C-095042",
    "P02641628").  Nothing else (master data, a second sighting) can tell which it was."""
    for part in re.findall(r"[A-Za-z0-9]+", identifier):
        for a, b in itertools.pairwise(part):
            if a.isdigit() != b.isdigit() and (a in _TWO_FACED or b in _TWO_FACED):
                return True
    return False


# A letter a fax line turns into another letter and back, every printing alike: a C whose open end a
# speck or a thickened scan line closes reads G ("OG-2026-89709" for OC-2026-89709, both printings).
_CLOSED_LETTERS = frozenset("G")


# The letters of an order number's usual prefixes ("PO-", "OC/", "PED-"): a fax that opens an O or
# closes a C turns one of them into letters no customer prints ("PC-" for PO-, "CP" for OP).
ORDER_PREFIXES = frozenset({"PO", "OC", "OP", "OD", "PED", "ORD", "SO", "OV", "NP"})
_OPENED_OR_CLOSED = {"O": "CG", "C": "OG", "G": "OC"}


def closed_letter(identifier: str) -> bool:
    """Whether a faxed identifier holds a letter that may be another letter the line closed or opened,
    that no reading of the same ink, nor a second printing on the same line, tells apart (docs/fax.md,
    faxnh30 and the lead's note after it): a G among its letters may be a printed C; and a prefix one
    O, C or G away from a usual order prefix ("PC-2026-42693": an O whose stroke the fax broke read C)
    may be that prefix. A usual prefix read as printed ("PO-", "OC-") is no such letter."""
    if any(c in _CLOSED_LETTERS for c in identifier.upper() if c.isalpha()):
        return True
    head = ""
    for c in identifier.upper():
        if not c.isalpha():
            break
        head += c
    if head in ORDER_PREFIXES:
        return False
    return any(
        head[:i] + other + head[i + 1 :] in ORDER_PREFIXES
        for i, c in enumerate(head)
        for other in _OPENED_OR_CLOSED.get(c, "")
    )


# A code cut in two or run into a neighbour by OCR: pieces of at most this many characters are joined
# back, and a piece run onto a code is taken off only where letters meet digits or a capitalised word
# begins (or the position number ends), so "00010TOR-M8-40" and "TOR-M8-40Hex" give "TOR-M8-40" but no
# code is cut at random.
MAX_PIECE = 8
_KIND_CHANGE = re.compile(r"(?<=[0-9])(?=[A-Za-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[A-Z0-9])(?=[A-Z][a-z]{2})")


def repairs(code: str | None, before: str | None, after: str | None, position: str | None) -> list[str]:
    """What a code OCR read may have been where it was cut in two or run into its neighbour: `before`
    (the word in front of it: a piece that went into the position column) or `after` (the word after
    it: a piece that went into the description) joined on when it is short and code-like, the line's
    `position` number taken off its front, and a word run onto either end taken off where letters meet
    digits.  Only master data can say which, if any, was printed (validation.resolve): none of these
    is a reading of the code by itself."""
    out: list[str] = []
    if code:
        for piece, behind in ((after, True), (before, False)):
            part = (piece or "").strip(EDGE.replace("-", ""))
            if 0 < len(part) <= MAX_PIECE and _code_like(part):
                for p in (part, part.strip(EDGE)):
                    out.append(code + p if behind else p + code)
                if not (code[-1 if behind else 0] == "-" or part[0 if behind else -1] == "-"):
                    # the hyphen at the cut lost with it ("BRI-NY" and "200")
                    out.append(f"{code}-{part}" if behind else f"{part}-{code}")
        out += _position_off(code, position)
        for cut in _KIND_CHANGE.finditer(code):
            head, tail = code[: cut.start()].strip(EDGE), code[cut.start() :].strip(EDGE)
            out += [c for c in (head, tail) if len(c) >= 4 and _code_like(c)]
    elif before and after:
        out.append((before + after).strip(EDGE))
        head, tail = before.rstrip(HYPHEN_READ), after.lstrip(HYPHEN_READ)
        if head and tail and (head, tail) != (before, after):
            # the hyphen at the cut read as a speck ("TOR .M8-40"): ink stood there, the hyphen's
            out.append(f"{head.strip(EDGE)}-{tail.strip(EDGE)}")
    seen = {code}
    return [c for c in out if c and not (c in seen or seen.add(c))]  # type: ignore[func-returns-value]


def past_hyphens(toks: Sequence[Tok]) -> int:
    """How many of `toks` are one code that OCR parted after its hyphens ("TOR- M10- 60 HEX BOLT"):
    the first word, and each word after one that ends in a hyphen (no code ends in one) a word space
    or less from it, with no small letters and at most `MAX_PIECE` characters.  No piece is taken
    that does not follow a hyphen, so a description's first word stays the description's."""
    count = 1
    while count < len(toks):
        before = toks[count - 1]
        text = code_piece(before, toks[count])
        if (
            text is None
            or not before.text.rstrip(NOT_HYPHEN).endswith("-")
            or not 0 < len(text) <= MAX_PIECE
            or not any(c.isalnum() for c in text)
        ):
            break
        count += 1
    return count


def code_piece(before: Tok, piece: Tok) -> str | None:
    """`piece` without its specks (perhaps nothing left), as a piece OCR parted from the code that
    `before` ends: a word space or less after it, with no small letters (those are a description's);
    None otherwise."""
    text = piece.text.strip(PIECE_EDGE)
    if piece.x0 - before.x1 > PHRASE_GAP * before.h or any(c.islower() for c in text):
        return None
    return text


PIECE_EDGE = "|¦[]{}\"'‘’“”.,:;_~*()"  # specks OCR leaves at the ends of a piece of a code
NOT_HYPHEN = EDGE.replace("-", "")


def _code_like(text: str) -> bool:
    return any(c.isdigit() for c in text) or "-" in text


def _position_off(code: str, position: str | None) -> list[str]:
    """The code with the line's position number run onto its front taken off ("00010TOR-M8-40", "10.
    TOR-M8-40" read as one word), zeros padding the position or not."""
    digits = re.match(r"\d+", code)
    if not digits or not position or not position.strip().isdigit():
        return []
    lead, wanted = digits.group(), int(position)
    out = []
    for end in range(1, len(lead) + 1):
        if int(lead[:end]) == wanted and (end == len(lead) or len(code) - end >= 8):
            rest = code[end:].lstrip(".)/:|_-")
            if len(rest) >= 4:
                out.append(rest)
    return out
