"""Finding vocabulary phrases (labels, column headings, total words) in a line's words."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parsers.layout.geometry import Tok

MAX_GAP = 1.5  # text heights between two words of one phrase
Vocab = Mapping[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Hit:
    """A phrase of kind `kind` covering toks[start:end]."""

    kind: str
    start: int
    end: int
    size: int  # words in the phrase; longer phrases are more specific
    colon: bool  # the label ends with a colon, as labels do
    mended: bool = False  # found only with one short word taken for the one letter OCR misread in it

    @property
    def strong(self) -> bool:
        return self.size >= 2 or self.colon


_INDEXES: dict[int, tuple[Vocab, dict[str, list[tuple[tuple[str, ...], str]]]]] = {}


def _lookup(vocab: Vocab) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Phrases by their first word, longest first (built once per vocabulary)."""
    cached = _INDEXES.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind, phrases in vocab.items():
        for phrase in phrases:
            index.setdefault(phrase[0], []).append((phrase, kind))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    _INDEXES[id(vocab)] = (vocab, index)
    return index


def find(toks: Sequence[Tok], vocab: Vocab, *, garbled: bool = False) -> list[Hit]:
    """Non-overlapping phrases of `vocab` in `toks`, left to right, the longest phrase at each place;
    with `garbled`, also a longer phrase one of whose short words OCR misread by a letter
    (`_garbled_at`), marked mended."""
    index = _lookup(vocab)
    keyed = [i for i, t in enumerate(toks) if t.key]
    keys = [toks[i].key for i in keyed]
    hits: list[Hit] = []
    k = 0
    while k < len(keys):
        hit = _hit_at(toks, keyed, keys, k, index)
        if garbled:
            longer = _garbled_at(toks, keyed, keys, k, vocab)
            hit = longer if longer is not None and (hit is None or longer.size > hit.size) else hit
        if hit is None:
            k += 1
        else:
            hits.append(hit)
            k += hit.size
    return hits


def slashed(toks: Sequence[Tok], hits: list[Hit], first: str, second: str, kind: str) -> list[Hit]:
    """`hits` with a phrase of kind `first` and one of kind `second` that a slash joins ("Art.-Nr. /
    Kurztext", "Código/Descripción") made one phrase of `kind`: one heading naming both."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == first
            and hit.kind == second
            and all(t.text.strip() == "/" for t in toks[prev.end : hit.start])
            and any("/" in t.text for t in toks[prev.end - 1 : hit.start + 1])
            and _tight(toks, list(range(prev.end - 1, hit.start + 1)))
        ):
            out[-1] = Hit(kind, prev.start, hit.end, prev.size + hit.size, hit.colon)
            continue
        out.append(hit)
    return out


def _hit_at(
    toks: Sequence[Tok],
    keyed: list[int],
    keys: list[str],
    k: int,
    index: dict[str, list[tuple[tuple[str, ...], str]]],
) -> Hit | None:
    """The longest phrase of the index that starts at the `k`-th word with a key, if any."""
    for phrase, kind in index.get(keys[k], ()):
        n = len(phrase)
        if tuple(keys[k : k + n]) == phrase and _tight(toks, keyed[k : k + n]):
            last = keyed[k + n - 1]
            end = last + 1
            while end < len(toks) and not toks[end].key:  # a colon or dot leader after the label
                end += 1
            colon = any(t.text.rstrip().endswith(":") for t in toks[last:end]) or end > last + 1
            return Hit(kind, keyed[k], end, n, colon)
    return None


SHORT_LABEL_WORD = 4  # letters of a label word too short for `cleanup.snap` to put right
# (words of a phrase but one, where that one stands, its length) -> the phrases and their kinds
_Blanked = dict[tuple[tuple[str, ...], int, int], list[tuple[tuple[str, ...], str]]]
_BLANKED: dict[int, tuple[Vocab, _Blanked, int, frozenset[str]]] = {}


def _blanked(vocab: Vocab) -> tuple[_Blanked, int, frozenset[str]]:
    """Each phrase of two or more words under each of its words left out, the words of the longest
    such phrase, and every word of the vocabulary (built once per vocabulary)."""
    cached = _BLANKED.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2], cached[3]
    index: _Blanked = {}
    for kind, phrases in vocab.items():
        for phrase in phrases:
            for i, word in enumerate(phrase):
                if len(phrase) >= 2 and len(word) >= 2 and word.isalpha():
                    key = (phrase[:i] + phrase[i + 1 :], i, len(word))
                    index.setdefault(key, []).append((phrase, kind))
    longest = max((len(p) for entries in index.values() for p, _ in entries), default=0)
    words = frozenset(w for phrases in vocab.values() for phrase in phrases for w in phrase)
    _BLANKED[id(vocab)] = (vocab, index, longest, words)
    return index, longest, words


# signs OCR gives for a letter a fax thinned or specked ("P£DIDO" for PEDIDO, "FE€HA" for FECHA): in a
# long word of letters, no sign but a letter misread
LETTER_SIGNS = frozenset("£€$")


def _misread(word: str, words: frozenset[str]) -> bool:
    """Whether `word` may be a label word OCR misread a letter of: a short word (too short for
    `cleanup.snap`), or a longer one that is no word of the vocabulary, which the snap left as it was
    because two label words are a letter away ("pedida": "pedido" and "medida"), or a word longer than
    a short one of letters but for one sign (`LETTER_SIGNS`: "p£dido"), which the snap, for letters
    only, does not put right: its letters read right say the word.  A short word with a sign in it ("N¢"
    for "Nº") says too little to be a label read once (`parsers.ocr.labels` reads such a one again)."""
    if word.isalpha():
        return len(word) >= 2 and (len(word) <= SHORT_LABEL_WORD or word not in words)
    signs = sum(c in LETTER_SIGNS for c in word)
    lettered = all(c.isalpha() or c in LETTER_SIGNS for c in word)
    return signs == 1 and lettered and len(word) > SHORT_LABEL_WORD


def _garbled_at(toks: Sequence[Tok], keyed: list[int], keys: list[str], k: int, vocab: Vocab) -> Hit | None:
    """The longest phrase of two or more words starting at the `k`-th word with a key whose words are
    read right but one (`_misread`: "dur date", "po dato:", "fecha do pedido", "N° pedida", "DATE bE
    COMMANDE"): that one of the same length, one letter misread (`letter_off`); only when one kind of
    phrase is that, at that length."""
    index, longest, vocabulary = _blanked(vocab)
    short = [i for i, w in enumerate(keys[k : k + longest]) if _misread(w, vocabulary)]
    if not short:
        return None
    for n in range(min(longest, len(keys) - k), max(short[0], 1), -1):
        words = keys[k : k + n]
        fits: dict[str, tuple[str, ...]] = {}
        for i, word in enumerate(words):
            if not _misread(word, vocabulary):
                continue
            for phrase, kind in index.get((tuple(words[:i] + words[i + 1 :]), i, len(word)), ()):
                if letter_off(word, phrase[i]):
                    fits[kind] = phrase
        if len(fits) == 1 and _tight(toks, keyed[k : k + n]):
            (kind,) = fits
            last = keyed[k + n - 1]
            end = last + 1
            while end < len(toks) and not toks[end].key:
                end += 1
            colon = any(t.text.rstrip().endswith(":") for t in toks[last:end]) or end > last + 1
            return Hit(kind, keyed[k], end, n, colon, mended=True)
        if fits:
            return None
    return None


def one_letter_off(read: str, word: str) -> bool:
    """Same length, same first letter, one other letter different."""
    return read[0] == word[0] and sum(a != b for a, b in zip(read, word, strict=True)) == 1


# a first letter a fax thins into another: a D whose upright or bowl it lost ("bate:", "pate:", "oate:",
# "Cate" for "Date:", "bE" for "DE")
FIRST_LOOKALIKES = frozenset({("b", "d"), ("o", "d"), ("a", "d"), ("p", "d"), ("c", "d")})


def letter_off(read: str, word: str) -> bool:
    """One letter of `word` misread in `read` (the same length): any but the first, or the first as its
    look-alike (`FIRST_LOOKALIKES`), the rest as printed."""
    if read[0] == word[0]:
        return one_letter_off(read, word)
    return (read[0], word[0]) in FIRST_LOOKALIKES and read[1:] == word[1:]


def _tight(toks: Sequence[Tok], positions: list[int]) -> bool:
    """Whether the words of a phrase stand close together (not in two table cells)."""
    words = [toks[i] for i in positions]
    height = max(t.h for t in words)
    return all(b.x0 - a.x1 <= MAX_GAP * height for a, b in itertools.pairwise(words))


def starts_with(toks: Sequence[Tok], vocab: Vocab) -> Hit | None:
    """The phrase of `vocab` the words begin with, if any (the first hit `find` would give, when it
    starts at the first word with a key; only that place is tried)."""
    keyed = [i for i, t in enumerate(toks) if t.key]
    if not keyed:
        return None
    return _hit_at(toks, keyed, [toks[i].key for i in keyed], 0, _lookup(vocab))


SHORT_WORD = 3  # letters of a phrase word OCR may garble past knowing ("su", "nº", "de")
MIN_GARBLED_PHRASE = 3


def starts_garbled(toks: Sequence[Tok], vocab: Vocab) -> Hit | None:
    """The phrase of `vocab` the words begin with when OCR garbled its short words ("Su 1 de malerial.",
    "sy nv ae maternal." for "Su nº de material:"): a phrase of three or more words whose longer words
    are read right (or one letter off, snapped) and whose short words stand as words about as short,
    ending in the label's colon (or the dot OCR makes of it); only when one kind of phrase fits."""
    fits: dict[str, int] = {}
    for kind, phrases in vocab.items():
        for phrase in phrases:
            n = len(phrase)
            if n < MIN_GARBLED_PHRASE or len(toks) <= n or not any(len(w) > SHORT_WORD for w in phrase):
                continue
            fit = all(_garbled_fit(w, t) for w, t in zip(phrase, toks[:n], strict=True))
            if fit and toks[n - 1].text[-1] in ":.;" and _tight(toks, list(range(n))):
                fits[kind] = max(fits.get(kind, 0), n)
    if len(fits) != 1:
        return None
    kind, n = fits.popitem()
    return Hit(kind, 0, n, n, colon=True)


def _garbled_fit(word: str, tok: Tok) -> bool:
    if len(word) > SHORT_WORD:
        return tok.key == word
    return 0 < len(tok.text.strip(".:;,!?")) <= SHORT_WORD + 1 or tok.key == word


_FIRST_WORDS: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases by their first word (built once per phrase list)."""
    cached = _FIRST_WORDS.get(id(phrases))
    if cached is not None and cached[0] is phrases:
        return cached[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    _FIRST_WORDS[id(phrases)] = (phrases, index)
    return index


def contains(toks: Sequence[Tok], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of `phrases` stands in the words' keys, word after word (only the phrases whose first
    word is there are tried)."""
    if () in phrases:
        return True
    index = _by_first_word(phrases)
    keys = [t.key for t in toks if t.key]
    return any(tuple(keys[i : i + len(p)]) == p for i, key in enumerate(keys) for p in index.get(key, ()))


def end_of(toks: Sequence[Tok], phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """The index in `toks` just after the first of `phrases` that stands in the words' keys (as
    `contains` finds them), or None."""
    index = _by_first_word(phrases)
    keyed = [i for i, t in enumerate(toks) if t.key]
    keys = [toks[i].key for i in keyed]
    for k, key in enumerate(keys):
        for p in index.get(key, ()):
            if tuple(keys[k : k + len(p)]) == p:
                return keyed[k + len(p) - 1] + 1
    return None
