"""A read through Tesseract kept loaded clears what the legacy classifier learnt only where it can learn
(parsers.ocr.tessapi; docs/fax.md, faxcost29).

The business rule: nothing one page or cut-out teaches the engine may carry over into the next read.
Only Tesseract's legacy classifier adapts to what it reads; the LSTM-only models (engine mode 1, what
Debian's eng and spa data hold) learn nothing, so with them there is nothing to clear, and clearing costs
2-3 ms a read (a seventh of a header cut-out's read).  With models that run the legacy classifier (modes
0 and 2) it is cleared after every read, and so it is when the mode cannot be told.  The engine is
scripted here: what it reads is not the rule's business.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image

from parsers.ocr import tessapi

ROW = "5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t91\t1250\n"  # one word, as Tesseract's TSV gives it


class Engine:
    """Tesseract kept loaded, scripted (its methods under tesserocr's names): its engine mode as loaded,
    and what was asked of it."""

    def __init__(self, mode: str | None) -> None:
        self.mode = mode
        self.cleared = 0

    def GetVariableAsString(self, name: str) -> str | None:
        return self.mode if name == "tessedit_ocr_engine_mode" else None

    def SetPageSegMode(self, psm: int) -> None:
        pass

    def SetVariable(self, name: str, value: str) -> bool:
        return True

    def SetImageBytes(self, *args: object) -> None:
        pass

    def Recognize(self, timeout: int = 0) -> bool:
        return True

    def GetTSVText(self, page: int) -> str:
        return ROW

    def Clear(self) -> None:
        pass

    def ClearAdaptiveClassifier(self) -> None:
        self.cleared += 1


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Engine]]:
    """The engines `tessapi` keeps loaded, by language set, replaced by scripted ones made on demand."""
    engines: dict[str, Engine] = {}
    monkeypatch.setattr(tessapi, "_apis", tessapi._Apis())
    monkeypatch.setattr(tessapi, "tesserocr", type("Module", (), {"PyTessBaseAPI": None}))

    def made(lang: str, init: bool) -> Engine:
        return engines[lang]

    monkeypatch.setattr(tessapi.tesserocr, "PyTessBaseAPI", made)
    yield engines


def cut_out() -> Image.Image:
    return Image.new("1", (60, 20), 1)


def test_lstm_only_models_read_cut_outs_without_clearing(loaded: dict[str, Engine]) -> None:
    loaded["eng+spa"] = Engine("1")
    for _ in range(3):
        data = tessapi.image_to_data(cut_out(), "eng+spa", "--psm 7 --dpi 300", 30)
        assert data["text"] == ["1250"]
    assert loaded["eng+spa"].cleared == 0


@pytest.mark.parametrize("mode", ["0", "2", None])
def test_models_that_adapt_are_cleared_after_every_read(loaded: dict[str, Engine], mode: str | None) -> None:
    loaded["eng"] = Engine(mode)
    for _ in range(3):
        tessapi.image_to_data(cut_out(), "eng", "--psm 7 --dpi 300", 30)
    assert loaded["eng"].cleared == 3


def test_each_language_set_is_judged_by_its_own_models(loaded: dict[str, Engine]) -> None:
    loaded["eng+spa"], loaded["eng"] = Engine("1"), Engine("2")
    for languages in ("eng+spa", "eng", "eng+spa", "eng"):
        tessapi.image_to_data(cut_out(), languages, "--psm 6 --dpi 200", 30)
    assert (loaded["eng+spa"].cleared, loaded["eng"].cleared) == (0, 2)


@pytest.mark.parametrize(
    ("mode", "adapts"), [("1", False), ("0", True), ("2", True), ("3", True), (None, True)]
)
def test_which_engine_modes_adapt(mode: str | None, adapts: bool) -> None:
    assert tessapi.adapts(Engine(mode)) is adapts
