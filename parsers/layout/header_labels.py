"""Header labels beyond those read as printed: a row of labels heading boxes, a label run across a
monospaced face's phrases, a one-word date label a letter off, a number sign run into its label word, a
date label in a sentence with a word a fax parted."""

from __future__ import annotations

import itertools

from parsers.layout import labels, worn
from parsers.layout.dates import find_date
from parsers.layout.geometry import Line
from parsers.layout.header_values import DATE_FIELDS
from parsers.layout.labels import Hit
from parsers.layout.vocab import HEADER_LABELS


def label_row(phrase: Line, hits: list[Hit]) -> bool:
    """Whether the phrase is nothing but two or more labels: the headings of a row of boxes."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    return (
        len(hits) >= 2
        and all(i in covered or not t.key for i, t in enumerate(phrase.toks))
        and not _label_restated(hits)
    )


def _label_restated(hits: list[Hit]) -> bool:
    """Whether a label with its colon is followed right after by another of the same field's, which the
    first introduces ("Entrega: antes de", "Delivery: no later than"): one label running on into its
    value, not the headings of two boxes."""
    ordered = sorted(hits, key=lambda h: h.start)
    return any(a.colon and b.start == a.end and a.kind == b.kind for a, b in itertools.pairwise(ordered))


def with_parted_date_label(line: Line, phrase: Line, hits: list[Hit]) -> list[Hit]:
    """`hits` and a date's label the phrase holds in running text with one word a fax parted in two
    (`worn.parted_in_sentence`: "GOODS REQUI RED BY 04/12/2026."), where it overlaps none of them: the
    words before it may hold another label read as printed or mended ("DELIVERY TS" taken for "delivery
    to" before "O N OR BEFORE 2026-12-06."), which says nothing of the date's."""
    parted = [
        p
        for p in worn.parted_in_sentence(line, phrase, HEADER_LABELS)
        if all(p.start >= h.end or p.end <= h.start for h in hits)
    ]
    return sorted([*hits, *parted], key=lambda h: h.start) if parted else hits


def lone_date_label(line: Line, phrase: Line) -> list[Hit]:
    """A date's label of one short word OCR misread a letter of, before its colon ("DALE: 23 November
    2026" for "DATE:"): the one-word date label of the same length with the same first letter and one
    other letter different, when one kind of date label is that. Words this short are left alone by the
    one-letter snap (they would match too much); with the colon after them and standing first, as a
    label does, they make the label, mended, so only a date read after them is taken, doubtful. The first
    letter may be the misread one where it is a look-alike of the label's ("bate:" for "Date:")."""
    tok = phrase.toks[0]
    word = tok.key
    if not (tok.text.endswith(":") and 2 <= len(word) <= labels.SHORT_LABEL_WORD and word.isalpha()):
        return []
    kinds = {
        kind
        for kind in DATE_FIELDS
        for (label,) in (p for p in HEADER_LABELS[kind] if len(p) == 1)
        if len(label) == len(word) and label != word and labels.letter_off(word, label)
    }
    after = " ".join(t.text for t in line.toks if t.x0 >= tok.x1)
    if len(kinds) != 1 or find_date(after, mend=False) is None:
        return []  # no date after it: some other word, not a label to report unread
    (kind,) = kinds
    return [Hit(kind, 0, 1, 1, colon=True, mended=True)]


NUMBER_SIGN = "no"  # "Nº", "N°", "No" as the label vocabulary keys them
MIN_GLUED_WORD = 5  # letters of the label word a number sign was run into ("NPedido")


def glued_number_sign(phrase: Line) -> list[Hit]:
    """A label "Nº <word>" whose º a fax lost and whose space with it, read as one word ("NPedido" for
    "Nº Pedido"): the phrase's only word that names something, the sign's N (or No) then a label word,
    when "Nº" and that word make a label of one kind. Mended, so a value read after or under it is
    doubtful."""
    keyed = [i for i, t in enumerate(phrase.toks) if t.key]
    if len(keyed) != 1:
        return []
    word = phrase.toks[keyed[0]].key
    rests = {word[len(sign) :] for sign in ("n", NUMBER_SIGN) if word.startswith(sign)}
    kinds = {
        kind
        for kind, phrases in HEADER_LABELS.items()
        for rest in rests
        if len(rest) >= MIN_GLUED_WORD and rest.isalpha() and (NUMBER_SIGN, rest) in phrases
    }
    if len(kinds) != 1:
        return []
    (kind,) = kinds
    tok = phrase.toks[keyed[0]]
    return [Hit(kind, keyed[0], keyed[0] + 1, 2, colon=tok.text.rstrip().endswith(":"), mended=True)]


def label_phrases(line: Line) -> list[Line]:
    """The line's phrases, two or three of them joined where a label of two or more words runs across
    the gaps between them ("DUE  DATE", "DATA  DA  ENCOMENDA" in a monospaced face, whose word space is
    a whole character cell: a phrase a word)."""
    phrases = line.phrases()
    out: list[Line] = []
    i = 0
    while i < len(phrases):
        prev = out[-1] if out else None
        if prev is not None and _label_across(prev, phrases[i]):
            out[-1] = Line(line.page, [*prev.toks, *phrases[i].toks], line.kind)
            i += 1
            continue
        if prev is not None and i + 1 < len(phrases) and _label_across(prev, phrases[i], phrases[i + 1]):
            # the middle word alone makes no label with either side ("DATA | DA | ENCOMENDA")
            out[-1] = Line(line.page, [*prev.toks, *phrases[i].toks, *phrases[i + 1].toks], line.kind)
            i += 2
            continue
        out.append(phrases[i])
        i += 1
    return out


def _label_across(left: Line, *right: Line) -> bool:
    """Whether a label of two or more words starts in `left` and ends in the last of `right`; one of its
    short words may be misread by a letter ("FECHA DF | PEDIDO" for "FECHA DE PEDIDO", `labels.find`
    with `garbled`): the label found is then mended, and the value after it doubtful."""
    toks = [*left.toks, *(t for r in right for t in r.toks)]
    first, last = len(left.toks), len(toks) - len(right[-1].toks)
    hits = labels.find(toks, HEADER_LABELS, garbled=True)
    return any(h.start < first and h.end > last and h.size >= 2 for h in hits)
