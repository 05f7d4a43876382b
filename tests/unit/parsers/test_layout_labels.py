"""Finding label phrases in a line's words: where a phrase starts, phrases later in the line, phrases cut
off by the line's end, and words too far apart to be one phrase."""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout.geometry import Tok
from parsers.layout.labels import contains, find, starts_with
from parsers.layout.text import token_key

HEIGHT = 10.0


def _line(*texts: str, gap: float = 4.0) -> list[Tok]:
    """Words on one line, `gap` points apart, each 6 points wide per character."""
    toks, x = [], 0.0
    for text in texts:
        width = 6.0 * len(text)
        word = Word(text, x, 0.0, x + width, HEIGHT)
        toks.append(Tok(word, 1, x, 0.0, x + width, HEIGHT, token_key(text)))
        x += width + gap
    return toks


VOCAB = {"total": (("suma", "y", "sigue"), ("total",)), "qty": (("cantidad",),)}
CARRIED_FORWARD = (("suma", "y", "sigue"), ("carried", "forward"))


def test_the_longest_phrase_wins_and_a_colon_after_it_is_part_of_the_label() -> None:
    hits = find(_line("Suma", "y", "sigue", ":", "1.250,00"), VOCAB)
    assert [(h.kind, h.start, h.end, h.size, h.colon) for h in hits] == [("total", 0, 4, 3, True)]


def test_a_line_starts_with_a_phrase_only_at_its_first_word_with_letters() -> None:
    assert starts_with(_line("-", "Total", "45,00"), VOCAB) is not None  # a dash has no key
    assert starts_with(_line("Importe", "total", "45,00"), VOCAB) is None  # "total" is second
    assert starts_with(_line("Total", "cantidad"), VOCAB) == find(_line("Total", "cantidad"), VOCAB)[0]
    assert starts_with(_line(":", "-"), VOCAB) is None


def test_words_in_two_cells_are_not_one_phrase() -> None:
    assert starts_with(_line("Suma", "y", "sigue", gap=40.0), VOCAB) is None


def test_a_phrase_anywhere_in_the_line_is_contained_but_not_one_cut_off_at_its_end() -> None:
    assert contains(_line("Página", "1", "Carried", "forward", "2.400,00"), CARRIED_FORWARD)
    assert contains(_line("Suma", "y", "sigue"), CARRIED_FORWARD)
    assert not contains(_line("2.400,00", "carried"), CARRIED_FORWARD)
    assert not contains(_line("Suma", "y", "total"), CARRIED_FORWARD)
    assert not contains([], CARRIED_FORWARD)
