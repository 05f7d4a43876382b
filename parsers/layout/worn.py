"""A date's label OCR wore in more than one letter, over its words ("Requasted dolivary" for "Requested
delivery", "BRCHA DEDIDO" for "FECHA PEDIDO", "Nev by" for "Need by"): told an order date's label from
a delivery date's by what survived of it, only where one kind of label is that near and a date follows
it, or stands under it where it heads a box in a row of boxes ("wate issuca" over "11/23/2026").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from parsers.layout.cleanup import snap
from parsers.layout.dates import find_date
from parsers.layout.geometry import Line, Tok
from parsers.layout.labels import Hit, starts_with
from parsers.layout.text import edits
from parsers.layout.vocab import LABEL_WORDS

DATE_KINDS = ("order_date", "delivery_date")
MAX_WORDS = 4  # words of the longest worn label tried
WORN_SHARE = 3  # of a label's letters, at most one in this many misread over all its words
DATE_START = 2  # characters of specks (a colon, a quote) before the date that follows the label


def _near(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether `words` may be `phrase` OCR wore: each word no more than half its letters off, the whole
    no more than a third of its letters, and one word at least read right or but one letter off (the
    part that survived, which tells the label from others). A word read as another word of the
    vocabulary is that word, no worn one ("Required delivery:" is not "Requested delivery" worn)."""
    apart = [edits(w, p) for w, p in zip(words, phrase, strict=True)]
    if any(d and w in LABEL_WORDS for w, d in zip(words, apart, strict=True)):
        return False
    letters = sum(len(p) for p in phrase)
    return (
        all(d <= len(p) // 2 for d, p in zip(apart, phrase, strict=True))
        and sum(apart) <= letters // WORN_SHARE
        and min(apart) <= 1
        and sum(apart) > 0
    )


def worn_date_label(line: Line, phrase: Line, vocab: Mapping[str, tuple[tuple[str, ...], ...]]) -> list[Hit]:
    """The date label the phrase starts with, OCR wore in more than one letter, when a date read as
    printed follows it on the line: the longest run of its first words of letters alone that is near
    (`_near`) a label of two words or more of one kind of `vocab` only, and that kind a date's. Mended,
    so the date read after it is doubtful (a person confirms it)."""
    toks = phrase.toks
    lettered = 0
    while lettered < min(len(toks), MAX_WORDS) and toks[lettered].key.isalpha():
        lettered += 1
    for n in range(lettered, 1, -1):
        kinds = _kinds([t.key for t in toks[:n]], vocab)
        if not kinds:
            continue
        if len(kinds) != 1 or not kinds <= set(DATE_KINDS) or not _date_after(line, toks[n - 1]):
            return []
        (kind,) = kinds
        return [Hit(kind, 0, n, n, colon=True, mended=True)]
    return _worn_word(line, toks, vocab) if lettered else []


LONG_WORD = 10  # letters of a one-word date label ("Bestelldatum") a fax may wear in two of them
WORD_SHARE = 5  # of such a label's letters, at most one in this many misread


def _worn_word(
    line: Line, toks: Sequence[Tok], vocab: Mapping[str, tuple[tuple[str, ...], ...]]
) -> list[Hit]:
    """A one-word date label of `LONG_WORD` letters or more a fax wore in two letters, or one in five
    ("BESTELIMATUM 2026-11-24" for "BESTELLDATUM"), standing first in its phrase with a date read as
    printed after it: the word near labels of one kind only, that kind a date's, and no word of the
    vocabulary itself. Mended, so the date read after it is doubtful (a person confirms it)."""
    key = toks[0].key
    if key in LABEL_WORDS or not _date_after(line, toks[0]):
        return []
    kinds = {
        kind
        for kind, phrases in vocab.items()
        for (word, *rest) in phrases
        if not rest and len(word) >= LONG_WORD and 0 < edits(key, word) <= len(word) // WORD_SHARE
    }
    if len(kinds) != 1 or not kinds <= set(DATE_KINDS):
        return []
    (kind,) = kinds
    return [Hit(kind, 0, 1, 1, colon=True, mended=True)]


def _kinds(words: Sequence[str], vocab: Mapping[str, tuple[tuple[str, ...], ...]]) -> set[str]:
    """The kinds of label of as many words as `words` that they may be, worn (`_near`)."""
    return {
        kind for kind, phrases in vocab.items() for p in phrases if len(p) == len(words) and _near(words, p)
    }


def worn_box_label(
    line: Line,
    phrase: Line,
    vocab: Mapping[str, tuple[tuple[str, ...], ...]],
    under: Callable[[], Sequence[Tok]],
) -> list[Hit]:
    """A box's heading in a row of them that is a date's label OCR wore in more than one letter
    ("wate issuca" for "Date issued", "Requirad dy" for "Required by"), its date printed under it: the
    whole phrase, of two words or more of letters alone, near (`_near`) a label of one kind only and
    that kind a date's; another phrase of the line a label as printed (the row's other headings); and
    `under`, the words standing under it, a date read as printed. Mended, so that date is doubtful."""
    toks = phrase.toks
    if not 2 <= len(toks) <= MAX_WORDS or not all(t.key.isalpha() for t in toks):
        return []
    kinds = _kinds([t.key for t in toks], vocab)
    if len(kinds) != 1 or not kinds <= set(DATE_KINDS):
        return []
    others = [p for p in line.phrases() if p.x1 < phrase.x0 or p.x0 > phrase.x1]
    if not any(starts_with(p.toks, vocab) is not None for p in others):
        return []  # no row of headings: words a fax wore, standing alone
    found = find_date(" ".join(t.text for t in under()), mend=False)
    if found is None or found.start > DATE_START:
        return []
    (kind,) = kinds
    return [Hit(kind, 0, len(toks), len(toks), colon=False, mended=True)]


def _date_after(line: Line, last: Tok) -> bool:
    """Whether the line goes on after the label's last word with a date, as printed, nothing before it."""
    after = " ".join(t.text for t in line.toks if t.x0 >= last.x1)
    found = find_date(after, mend=False)
    return found is not None and found.start <= DATE_START


def parted_date_label(
    line: Line, phrase: Line, vocab: Mapping[str, tuple[tuple[str, ...], ...]]
) -> list[Hit]:
    """A date's label of one long word a fax parted in two and misread a letter of ("LLE FERDATUM" for
    "LIEFERDATUM"): the phrase's first two words, of letters alone, run together are that label once the
    one-letter snap (`cleanup.snap`) has put them right, a label of one kind only and that kind a date's,
    and a date read as printed follows on the line. Mended, so the date read after it is doubtful."""
    toks = phrase.toks
    if len(toks) < 2 or not all(t.key.isalpha() for t in toks[:2]):
        return []
    joined = snap(toks[0].key + toks[1].key)
    kinds = {kind for kind, phrases in vocab.items() if (joined,) in phrases}
    if len(kinds) != 1 or not kinds <= set(DATE_KINDS) or not _date_after(line, toks[1]):
        return []
    (kind,) = kinds
    return [Hit(kind, 0, 2, 1, colon=toks[1].text.rstrip().endswith(":"), mended=True)]


def parted_in_sentence(
    line: Line, phrase: Line, vocab: Mapping[str, tuple[tuple[str, ...], ...]]
) -> list[Hit]:
    """A date's label in running text one word of which a fax parted in two ("GOODS REQUI RED BY
    04/12/2026." for "REQUIRED BY", "DELIVERY IS NEEDED O N OR BEFORE 2026-12-06." for "ON OR BEFORE"):
    two words of letters side by side that run together are a label's first word (the one-letter snap,
    `cleanup.snap`, put right), the words after them the rest of that label, of one kind only and that
    kind a date's, and a date read as printed follows the label on the line, nothing before it. Neither
    part alone is that word: it is found only by joining them. Mended, so the date is doubtful (a person
    confirms it); the label stands inside the phrase, so the date is read as running text's is."""
    toks = phrase.toks
    for i in range(len(toks) - 1):
        a, b = toks[i].key, toks[i + 1].key
        if not (a.isalpha() and b.isalpha()):
            continue
        joined = snap(a + b)
        found = {
            (kind, p)
            for kind, phrases in vocab.items()
            for p in phrases
            if p[0] == joined
            and p[0] not in (a, b)
            and tuple(t.key for t in toks[i + 2 : i + 1 + len(p)]) == p[1:]
        }
        if not found:
            continue
        kinds = {kind for kind, _ in found}
        if len(kinds) != 1 or not kinds <= set(DATE_KINDS):
            return []
        (kind,) = kinds
        size = max(len(p) for _, p in found)
        end = i + 1 + size
        if not _date_after(line, toks[end - 1]):
            continue
        return [Hit(kind, i, end, size + 1, colon=toks[end - 1].text.rstrip().endswith(":"), mended=True)]
    return []
