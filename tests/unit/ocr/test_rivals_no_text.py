"""The figures' alternatives asked of a header value's cut-out read again (parsers.ocr.tessapi._rivals).

The business rule: a reading again asked for the alternatives of each figure says, for each word, how
likely another figure was in a figure's place; a symbol Tesseract gives no text for is no figure and
says nothing of the rest.  tesserocr raises "No text returned" for such a symbol (a cut-out holding a
rule's piece beside a date did it on a tuning fax, docs/fax.md faxcut28), and a read that stops there
failed the whole document's reading, unread for a person to key in.  The symbols here are scripted: what
Tesseract's LSTM says of a cut-out is not the rule's business.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from parsers.ocr import tessapi

WORD, SYMBOL = "word", "symbol"


class Choice:
    """One of the LSTM's choices for a symbol, named as tesserocr names its methods."""

    def __init__(self, text: str, confidence: float) -> None:
        self.text, self.confidence = text, confidence

    def GetUTF8Text(self) -> str:
        return self.text

    def Confidence(self) -> float:
        return self.confidence


class Symbol:
    """A symbol of the read: `text` (None: Tesseract gives none), first of its word or not, and the
    LSTM's choices for it."""

    def __init__(self, text: str | None, first: bool, *choices: Choice) -> None:
        self.text, self.first, self.choices = text, first, choices

    def IsAtBeginningOf(self, level: str) -> bool:
        return self.first and level == WORD

    def GetUTF8Text(self, level: str) -> str:
        if self.text is None:
            raise RuntimeError("No text returned")
        return self.text

    def GetChoiceIterator(self) -> tuple[Choice, ...]:
        return self.choices


def test_a_symbol_with_no_text_is_no_figure_and_the_read_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    symbols = [
        Symbol(None, True),  # a rule's piece before the date, read as nothing
        Symbol("2", True, Choice("2", 97.0), Choice("7", 12.0)),
        Symbol("6", False, Choice("6", 70.0), Choice("5", 85.0)),
        Symbol("0", True, Choice("0", 99.0)),
    ]
    fake = SimpleNamespace(
        RIL=SimpleNamespace(WORD=WORD, SYMBOL=SYMBOL), iterate_level=lambda iterator, level: iter(symbols)
    )
    monkeypatch.setattr(tessapi, "tesserocr", fake)
    api = SimpleNamespace(GetIterator=lambda: None)
    assert tessapi._rivals(api) == [0.0, 0.85, 0.0]
