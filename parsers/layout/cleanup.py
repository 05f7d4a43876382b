"""OCR words made fit for layout reading: specks dropped, table rules taken off the words they touch,
and a quantity glued to its unit ("20u.", "1,500uds") parted into two words.

A PDF text layer needs none of this; only pages read by OCR go through `clean`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import replace

from core.capture.domain.layout import Word
from parsers.layout.text import one_edit, token_key
from parsers.layout.vocab import LABEL_PAIRS, LABEL_WORDS, UNITS

# What a vertical table rule becomes when OCR reads it into a word, and the specks beside it.
_RULE_CHARS = "|¦[]{}"
_SPECK_CHARS = ".,:;'\"‘’“”`-_~*^°"
_LEAD = re.compile(rf"^[{re.escape(_RULE_CHARS)}]+[{re.escape(_SPECK_CHARS)}]*")
_TRAIL = re.compile(rf"[{re.escape(_SPECK_CHARS)}]*[{re.escape(_RULE_CHARS)}]+$")
# "250!", "200}": a rule after a number read as another mark
_NUMBER_TRAIL = re.compile(r"(?<=\d)[!}\]]$")
_GLUED_UNIT = re.compile(r"^(?P<number>\(?\d[\d.,'’]*\d|\d)(?P<rule>[|/lIj!]?)(?P<unit>[^\W\d_]{1,9}\.?)$")
# a unit with the rule before it ("lu.", "/u", "ju" for "| u.")
_RULED_UNIT = re.compile(r"^[|/lIj!](?P<unit>[^\W\d_]{1,9}\.?:?)$")
_UNIT_WORDS = frozenset().union(*UNITS.values())
_GLUED_NUMERO = re.compile(r"^([Nn][º°?*2]\.?)([^\W\d_]{3,}:?)$")

SPECK_HEIGHT = 0.45  # a word without letters or digits lower than this share of the text height
TINY_HEIGHT = 0.3  # any word lower than this share of the text height
TALL = 1.8  # a word this many text heights high, of a character or two, read unsurely, is no text
TALL_CONF = 0.7
WIDE = 4.0  # a word wider than this many text heights a character is a rule or smear read as letters
LONE_LETTER_CONF = 0.35  # a single letter read with less confidence than this is a speck
KEPT_MARK_CONF = 0.75  # a colon or sign read with less confidence than this is a speck
GLUED_LABEL = 6  # letters of the shortest word that may be two label words run together
_SPACE_MARKS = "'’`"  # a speck in the space between two words, read as an apostrophe
# "P,O.No.:": the dot after a one-letter abbreviation's letter read as a comma, before another such letter
_COMMA_FOR_DOT = re.compile(r"(?<![^\W\d_])([^\W\d_]),(?=[^\W\d_]\.)")
_KEPT_MARKS = frozenset([":", "-", "€", "£", "$", "#", "%", "&", "+"])


def _cut(word: Word, start: int, end: int) -> Word:
    """The characters start:end of `word`, with the matching share of its box."""
    n = len(word.text)
    width = word.x1 - word.x0
    return replace(
        word, text=word.text[start:end], x0=word.x0 + width * start / n, x1=word.x0 + width * end / n
    )


def strip_rules(word: Word) -> Word | None:
    """`word` without the table rule glued to its edges ("10|" -> "10", "|P." -> "P."); None when the
    word was nothing but a rule."""
    text = word.text
    start = m.end() if (m := _LEAD.search(text)) else 0
    end = m.start() if (m := _TRAIL.search(text)) and m.start() >= start else len(text)
    if (m := _NUMBER_TRAIL.search(text[:end])) and start < m.start():
        end = m.start()
    if start == 0 and end == len(text):
        return word
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return _cut(word, start, end)


def split_numero(word: Word) -> list[Word]:
    """ "N?pedido", "Nºcliente": the number sign run into the word after it, parted."""
    m = _GLUED_NUMERO.match(word.text)
    return [_cut(word, 0, m.end(1)), _cut(word, m.end(1), len(word.text))] if m else [word]


def split_rule(word: Word) -> list[Word]:
    """ "33|TAC-6" as "33" and "TAC-6": a rule inside a word parts two cells that OCR ran together."""
    parts = [m.span() for m in re.finditer(rf"[^{re.escape(_RULE_CHARS)}]+", word.text)]
    if len(parts) < 2:
        return [word]
    return [_cut(word, a, b) for a, b in parts if any(c.isalnum() for c in word.text[a:b])]


def split_unit(word: Word) -> list[Word]:
    """ "20u." as the quantity "20" and the unit "u.", when the letters are a unit word; a table rule
    between them ("36lu.") or before the unit ("/u") left out."""
    m = _GLUED_UNIT.match(word.text)
    if m is not None and token_key(m["unit"]) in _UNIT_WORDS:
        return [_cut(word, 0, m.end("number")), _cut(word, m.start("unit"), len(word.text))]
    m = _RULED_UNIT.match(word.text)
    if m is not None and token_key(word.text) not in _UNIT_WORDS and token_key(m["unit"]) in _UNIT_WORDS:
        return [_cut(word, m.start("unit"), len(word.text))]
    return [word]


def split_glued_label(word: Word) -> list[Word]:
    """ "Unitprice" as "Unit" and "price", "P.O.No." as "P.O." and "No.": two words of a label or
    heading phrase that OCR ran together (the space between them is narrow in a bold or condensed
    heading), parted where the two are words that stand one after the other in a phrase; a word that
    is a label word itself stays whole.  The dot of a one-letter abbreviation read as a comma ("P,O.No.")
    is put back first, when the word then parts so."""
    dotted = _COMMA_FOR_DOT.sub(r"\1.", word.text)
    if dotted != word.text:
        parts = split_glued_label(replace(word, text=dotted))
        return parts if len(parts) > 1 else [word]
    core = word.text.rstrip(":;,")
    mark = next((i for i, c in enumerate(core) if c in _SPACE_MARKS or _dash_after_dot(core, i)), None)
    if mark is not None and (token_key(core[:mark]), token_key(core[mark + 1 :])) in LABEL_PAIRS:
        return [_cut(word, 0, mark), _cut(word, mark + 1, len(word.text))]  # "our'order": a speck for a space
    if (
        len(core) < GLUED_LABEL
        or not all(c.isalpha() or c == "." for c in core)
        or token_key(core) in LABEL_WORDS
    ):
        return [word]
    cuts = sorted(range(2, len(core) - 1), key=lambda i: core[i - 1] != ".")  # after a dot first
    for cut in cuts:
        if (token_key(core[:cut]), token_key(core[cut:])) in LABEL_PAIRS:
            return [_cut(word, 0, cut), _cut(word, cut, len(word.text))]
    return [word]


def _dash_after_dot(core: str, i: int) -> bool:
    """Whether `core[i]` is a dash right after an abbreviation's dot ("P.-unitario" for "P. unitario"):
    a speck in the space after the dot, read as a dash; `split_glued_label` parts the word there only
    where the two sides are words of one label phrase, so a hyphenated word stays whole."""
    return core[i] == "-" and 0 < i < len(core) - 1 and core[i - 1] == "."


def _parted_label(word: Word, line: Sequence[Word]) -> list[Word]:
    """`split_glued_label`, the glued word's box first ended where the next word of its line begins:
    OCR may box two label words it ran together over the words after them too ("ITEMNO." boxed to
    the end of "/ Description"), and the two parts share out the box by their letters."""
    parts = split_glued_label(word)
    if len(parts) < 2 or word.line is None:
        return parts
    after = [
        w.x0
        for w in line
        if w.line == word.line and w.block == word.block and word.x0 < w.x0 < word.x1 and w is not word
    ]
    if not after:
        return parts
    return split_glued_label(replace(word, x1=min(after)))


SPECK_GAP = 0.35  # of the text height: the most a speck read into a word leaves between its two parts


def join_specked_label(words: Sequence[Word]) -> list[Word]:
    """ "DAT 'E:" as "DATE:": a label word that a speck cut in two, the speck read as a mark before the
    second part; joined when the parts stand on one line with no more than a sliver between them and
    their letters make a label word that neither part is alone.  The second part may come anywhere in
    the page's words (a part read again as a hole comes last)."""
    tails = [i for i, w in enumerate(words) if w.text[:1] in _SPECK_CHARS and w.text.lstrip(_SPECK_CHARS)]
    if not tails:
        return list(words)
    joined: dict[int, Word] = {}
    dropped: set[int] = set()
    for t in tails:
        second = words[t]
        for i, first in enumerate(words):
            if i != t and i not in joined and i not in dropped and _specked_halves(first, second):
                tail = second.text.lstrip(_SPECK_CHARS)
                conf = min(first.confidence, second.confidence)
                joined[i] = replace(first, text=first.text + tail, x1=second.x1, confidence=conf)
                dropped.add(t)
                break
    return [joined.get(i, w) for i, w in enumerate(words) if i not in dropped]


def _specked_halves(first: Word, second: Word) -> bool:
    tail = second.text.lstrip(_SPECK_CHARS)
    if tail == second.text or not first.text.isalpha() or not tail.rstrip(":.").isalpha():
        return False
    height = max(first.y1 - first.y0, second.y1 - second.y0)
    overlap = min(first.y1, second.y1) - max(first.y0, second.y0)
    if overlap < height / 2 or not 0 <= second.x0 - first.x1 <= SPECK_GAP * height:
        return False
    joined = token_key(first.text + tail)
    return (
        joined in LABEL_WORDS
        and token_key(first.text) not in LABEL_WORDS
        and token_key(tail) not in LABEL_WORDS
    )


def _is_speck(word: Word, typical: float) -> bool:
    height = word.y1 - word.y0
    if height < TINY_HEIGHT * typical:
        return True
    if height > TALL * typical and len(word.text) <= 2 and word.confidence < TALL_CONF:
        return True  # a box's border or a smudge read as a letter or two
    if word.x1 - word.x0 > WIDE * typical * len(word.text):
        return True  # no letter is that wide: a rule or a smear across the page ("TATI" over 280 points)
    if not any(c.isalnum() for c in word.text):
        # marks alone say nothing, but for a label's colon, a currency sign or a number sign
        kept = word.text.strip(".") in _KEPT_MARKS and word.confidence >= KEPT_MARK_CONF
        return not kept or height < SPECK_HEIGHT * typical
    return len(word.text) == 1 and word.text.isalpha() and word.confidence < LONE_LETTER_CONF


def typical_height(words: Iterable[Word]) -> float:
    """The height of the page's text: the median of words of two or more letters or digits."""
    heights = [w.y1 - w.y0 for w in words if sum(c.isalnum() for c in w.text) >= 2]
    return statistics.median(heights) if heights else 0.0


def clean(words: Sequence[Word]) -> list[Word]:
    """The words of an OCR page without specks and rules, glued quantities and units parted."""
    typical = typical_height(words)
    out: list[Word] = []
    joined = join_specked_label(words)
    for word in joined:
        stripped = strip_rules(word)
        if stripped is None:
            continue
        for cell in split_rule(stripped):
            parts = [p for glued in split_numero(cell) for p in split_unit(glued)]
            parts = [p for part in parts for p in _parted_label(part, joined)]
            out.extend(part for part in parts if not _is_speck(part, typical) or _heading_slash(part, joined))
    return out


SLASH_GAP = 0.8  # of the text height: the most a heading's slash stands from the words it joins


def _heading_slash(word: Word, line: Sequence[Word]) -> bool:
    """A slash read alone between two heading words, a word space from each ("Artículo / Descripción",
    "Ref. / Artículo / Descripción"): one heading naming two item columns, as a text layer reads it
    (parsers.layout.labels.slashed); dropped as a speck, it left two headings, and the product names
    under the first were taken for codes.  Read surely and as tall as its neighbours, or it is a speck.
    A normal fax's ink bleeds, so its box may overlap a neighbour's ("Artículo" boxed to the slash's
    middle): it stands between them while the word before it ends, and the word after it starts,
    within the slash's own width.  OCR may also box the word before far past its ink, over the slash
    and the word after ("Artículo" boxed to the end of "Descripción"): a word that starts before the
    slash and whose box runs on over it stands before it all the same."""
    if word.text.strip() != "/" or word.confidence < KEPT_MARK_CONF:
        return False
    height = word.y1 - word.y0

    def beside(other: Word) -> bool:
        overlap = min(word.y1, other.y1) - max(word.y0, other.y0)
        tall = other.y1 - other.y0
        return other is not word and overlap >= 0.5 * min(height, tall) and height >= SPECK_HEIGHT * tall

    def heading(other: Word) -> bool:
        return token_key(other.text) in LABEL_WORDS

    gap = SLASH_GAP * height

    def before(other: Word) -> bool:
        ends_by = other.x1 <= word.x1 and word.x0 - other.x1 <= gap
        return ends_by or (other.x0 < word.x0 and other.x1 > word.x1)

    left = any(beside(w) and heading(w) and before(w) for w in line)
    right = any(beside(w) and heading(w) and w.x0 >= word.x0 and w.x0 - word.x1 <= gap for w in line)
    return left and right


SNAP_LENGTH = 5  # shorter words are too easily one letter away from a label word


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_NEIGHBOURS: dict[str, set[str]] = {}
for _word in LABEL_WORDS:
    if len(_word) >= SNAP_LENGTH - 1:
        for _key in (_word, *_deletions(_word)):
            _NEIGHBOURS.setdefault(_key, set()).add(_word)


# Marks and digits OCR reads for a letter inside a word ("Tota!", "Tota1", "T0tal"), and the letter.
_LETTER_LOOKALIKES = str.maketrans({"!": "l", "|": "l", "1": "l", "0": "o"})


# an "I" opening a capitalised word, read by a fax's OCR as the inverted mark it resembles ("¡TEM" for ITEM)
_INVERTED_I = re.compile(r"^[¡|!]([A-Z][A-Z.#º°]*)$")


def capital_i(text: str, key: str) -> str:
    """The key of a word whose first letter, a capital I, OCR read as "¡" ("¡TEM #" over the codes of
    a SAP listing): the label word with its I back, when that is one and the word as read is none.
    A mark before a word that reads as a label already ("¡Total", "|Qty") stays a mark."""
    m = _INVERTED_I.match(text.strip())
    if m is None or key in LABEL_WORDS:
        return key
    mended = f"i{key}"
    return mended if mended in LABEL_WORDS else key


def snap(key: str) -> str:
    """A word OCR misread by one letter ("pedida", "cedigo", "buver", "bestell-ar.") as the label word it
    must be, when exactly one label word is that close, or with a mark or digit for a letter ("tota!")
    when it then is a label word, or a long word with two of its letters misread as their look-alikes
    ("lummande" for "commande") when exactly one label word is that; any other word as it is."""
    if not _lettered(key) and len(key) >= SNAP_LENGTH - 1 and sum(c.isalpha() for c in key) >= len(key) - 1:
        lettered = key.translate(_LETTER_LOOKALIKES)
        return lettered if lettered in LABEL_WORDS else key
    if sum(c.isalpha() for c in key) < SNAP_LENGTH or key in LABEL_WORDS or not _lettered(key):
        return key
    near = {w for k in (key, *_deletions(key)) for w in _NEIGHBOURS.get(k, ()) if one_edit(key, w)}
    if len(near) == 1:
        return near.pop()
    if near or len(key) < LOOKALIKE_LENGTH:
        return key
    alike = {w for w in _BY_LENGTH.get(len(key), ()) if _lookalikes_apart(key, w)}
    return alike.pop() if len(alike) == 1 else key


LOOKALIKE_LENGTH = 8  # letters a word needs before two of them may be taken as misread
# Letters OCR reads one for another on a faint fax ("lummande", "cornmande" aside): each pair both ways.
_LOOKALIKE_PAIRS = frozenset(
    pair
    for a, b in (
        "cl",
        "ce",
        "co",
        "ou",
        "un",
        "nu",
        "rn",
        "ao",
        "ea",
        "ec",
        "il",
        "ij",
        "hb",
        "fe",
        "ft",
        "bh",
        "br",  # a dot-matrix B whose lower bowl lost its right side ("RESTELL-NR.")
    )
    for pair in ((a, b), (b, a))
)
_BY_LENGTH: dict[int, list[str]] = {}
for _word in LABEL_WORDS:
    if len(_word) >= LOOKALIKE_LENGTH:
        _BY_LENGTH.setdefault(len(_word), []).append(_word)


def _lettered(key: str) -> bool:
    """Letters, with the hyphens and dots of a label word such as "bestell-nr." between them."""
    return key.isalpha() or (key[:1].isalpha() and all(c.isalpha() or c in "-." for c in key))


def _lookalikes_apart(key: str, word: str) -> bool:
    """Two letters apart, each a look-alike of the letter it stands for."""
    diff = [(a, b) for a, b in zip(key, word, strict=True) if a != b]
    return len(diff) == 2 and all(pair in _LOOKALIKE_PAIRS for pair in diff)


def dropped_ink(words: Sequence[Word]) -> list[Word]:
    """The words of an OCR page that `clean` leaves out whole though they carry a letter or figure (a
    "1" read over a box's height, a "61" smeared wider than any two figures): ink OCR could not make
    out, dropped as specks.  Beside a value, such ink may be part of it ("F-" of "F-22261" read "1"):
    the value as read may be short (parsers.ocr.recheck.doubt_dropped_ink)."""
    kept = clean(words)
    ids = {id(w) for w in kept}

    def survives(word: Word) -> bool:
        # a word cleaned keeps its height, and its parts keep within its span or start where it did
        return id(word) in ids or any(
            k.y0 == word.y0 and k.y1 == word.y1 and ((word.x0 <= k.x0 and k.x1 <= word.x1) or k.x0 == word.x0)
            for k in kept
        )

    return [w for w in words if any(c.isalnum() for c in w.text) and not survives(w)]
