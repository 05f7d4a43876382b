"""Tesseract kept loaded in this process (tesserocr's `PyTessBaseAPI`), read the way the `tesseract`
command reads: the same PNG file, page segmentation mode, resolution and languages, the same TSV; and
its orientation detection (`--psm 0`) with the OSD model kept loaded the same way.

Spawning `tesseract` for every read (pytesseract) loads the language models each time; a fax page
takes two or three reads (the page, what its segmentation dropped, a turned page once more), so the
loading cost counts.  One API per thread and language set is kept and reused; it is cleared after every
read so nothing of one page carries over to the next.  When tesserocr is not installed (it is built
from source against Debian's libtesseract by `make install`), `available()` is false and the engine
spawns the command as before.  A black-and-white or grey image may be handed over as its pixels
(`pixels`) instead of a PNG file: the same image Tesseract would decode from the file, without the
file written and decoded again on every read.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from PIL import Image

try:  # built against the system's Tesseract; absent on a machine that installed without it
    import tesserocr
except ImportError:  # pragma: no cover - depends on the machine
    tesserocr = None

_PSM = re.compile(r"--psm\s+(\d+)")
_DPI = re.compile(r"--dpi\s+(\d+)")
_WHITELIST = re.compile(r"-c\s+tessedit_char_whitelist=(\S+)")


class _Apis(threading.local):
    def __init__(self) -> None:
        self.by_languages: dict[str, Any] = {}
        # the language sets whose models include the legacy classifier, which adapts to what it reads
        self.adapting: set[str] = set()


_apis = _Apis()


def available() -> bool:
    """Whether tesserocr can be imported (and so Tesseract kept loaded)."""
    return tesserocr is not None


def _api(languages: str) -> Any:
    api = _apis.by_languages.get(languages)
    if api is None:
        assert tesserocr is not None
        api = tesserocr.PyTessBaseAPI(lang=languages, init=True)
        _apis.by_languages[languages] = api
        if adapts(api):
            _apis.adapting.add(languages)
    return api


# `tessedit_ocr_engine_mode` once the models are loaded: the engine chosen for what they hold
LSTM_ONLY = "1"


def adapts(api: Any) -> bool:
    """Whether the loaded models run the legacy classifier, which adapts to the pages it reads (the
    LSTM-only models Debian ships learn nothing between reads).  Tesseract settles the engine when it
    loads the models; a mode it cannot tell is taken to adapt."""
    return str(api.GetVariableAsString("tessedit_ocr_engine_mode")) != LSTM_ONLY


def orientation(path: Path, dpi: float) -> int | None:
    """The clockwise turn in degrees (0, 90, 180, 270) that sets the page in the PNG file at `path`
    upright, as `tesseract PATH stdout --psm 0 --dpi DPI` prints it ("Rotate:"), or None when Tesseract
    cannot tell (too few letters).  Spawning the command loads the 10 MB OSD model for every page it is
    asked about; kept loaded, the page fed turned costs only the detection."""
    api = _api("osd")
    try:
        api.SetPageSegMode(tesserocr.PSM.OSD_ONLY)
        api.SetVariable("user_defined_dpi", str(round(dpi)))
        try:
            api.SetImageFile(str(path))
        except OSError as exc:
            raise RuntimeError(f"Tesseract could not open {path.name}: {exc}") from exc
        found = api.DetectOrientationScript()
    finally:
        api.Clear()
    if not found:
        return None
    # Tesseract reports how far the page is turned clockwise; the command prints the turn back
    return (360 - int(found["orient_deg"])) % 360


# modes whose pixels Tesseract takes as they are (`pixels`): black and white, and grey
RAW_MODES = ("1", "L")


def pixels(image: Image.Image) -> tuple[bytes, int, int, int, int]:
    """`image` (mode "1" or "L") as `SetImageBytes` takes it: the pixel bytes, width, height, bytes per
    pixel and bytes per row.  A black-and-white image goes as bits, 8 pixels a byte with the first in the
    high bit, each row begun on a whole byte and a 1 for white (bytes per pixel 0), Pillow's own layout of
    such an image; a grey one a byte a pixel."""
    if image.mode not in RAW_MODES:
        raise ValueError(f"only {' and '.join(RAW_MODES)} images are handed over as pixels: {image.mode}")
    if image.mode == "1":
        return image.tobytes(), image.width, image.height, 0, (image.width + 7) // 8
    return image.tobytes(), image.width, image.height, 1, image.width


def _set_image(api: Any, source: Path | Image.Image) -> None:
    if isinstance(source, Image.Image):
        # the pixels copied into Tesseract's own image here: `data` need not outlive the call
        data, width, height, depth, row = pixels(source)
        api.SetImageBytes(data, width, height, depth, row)
        return
    try:
        api.SetImageFile(str(source))
    except OSError as exc:  # tesserocr tries Pillow where Leptonica could not read the file
        raise RuntimeError(f"Tesseract could not open {source.name}: {exc}") from exc


def image_to_data(
    source: Path | Image.Image, languages: str, config: str, timeout: float, *, rivals: bool = False
) -> dict[str, list[object]]:
    """What `tesseract PATH stdout -l LANGUAGES CONFIG tsv` prints, as pytesseract's dict (`int` for the
    number columns, as pytesseract makes them, so confidences are whole numbers either way).  `config`
    holds `--psm N`, `--dpi D` and perhaps `-c tessedit_char_whitelist=CHARS`, nothing else.  With
    `rivals`, the dict has one more column, "rival": for each word, the highest probability (0..1) the
    LSTM gave another figure in the place of one of the word's figures (`lstm_choice_mode` 2, the
    alternatives of every character); 0.0 for the rows that are no word.  `source` is the PNG file at
    PATH, or an image of `RAW_MODES` that PNG file would hold, handed over as its pixels.  Raises
    RuntimeError when Tesseract fails or takes longer than `timeout` seconds."""
    psm, dpi, allowed = _PSM.search(config), _DPI.search(config), _WHITELIST.search(config)
    if psm is None or _WHITELIST.sub("", _PSM.sub("", _DPI.sub("", config))).strip():
        raise ValueError(f"only --psm, --dpi and a whitelist are read through the API: {config!r}")
    api = _api(languages)
    try:
        api.SetPageSegMode(int(psm.group(1)))
        if dpi is not None:
            api.SetVariable("user_defined_dpi", dpi.group(1))
        # set for every read, so a digits-only read leaves no whitelist behind for the next page
        api.SetVariable("tessedit_char_whitelist", allowed.group(1) if allowed else "")
        # set for every read, as the whitelist: the alternatives cost time only where they are asked for
        api.SetVariable("lstm_choice_mode", "2" if rivals else "0")
        _set_image(api, source)
        if not api.Recognize(timeout=round(timeout * 1000)):
            name = source.name if isinstance(source, Path) else "the image"
            raise RuntimeError(f"Tesseract could not read {name} (or took over {timeout:.0f} s)")
        tsv = api.GetTSVText(0)
        found = _rivals(api) if rivals else None
    finally:
        api.Clear()
        if languages in _apis.adapting:
            # only the legacy classifier learns from a page; clearing it costs 2-3 ms a read, which for
            # a cut-out read is a seventh of the read, so models that cannot adapt are not cleared
            api.ClearAdaptiveClassifier()
    data = _tsv_dict(tsv)
    if found is not None:
        # the iterator walks the words in the TSV's order; a count that differs leaves none vouched for
        words = [i for i, level in enumerate(data["level"]) if level == 5]
        data["rival"] = [0.0] * len(data["level"])
        for i, rival in zip(words, found if len(found) == len(words) else [1.0] * len(words), strict=True):
            data["rival"][i] = rival
    return data


def _rivals(api: Any) -> list[float]:
    """For each word of the last read, in reading order, the highest probability the LSTM gave a figure
    other than the one read in the place of one of its figures (0.0 for a word without figures).  A
    symbol Tesseract gives no text for (tesserocr raises "No text returned", as for a cut-out holding a
    rule's piece beside a date) is no figure: the read goes on without it."""
    out: list[float] = []
    for symbol in tesserocr.iterate_level(api.GetIterator(), tesserocr.RIL.SYMBOL):
        if not out or symbol.IsAtBeginningOf(tesserocr.RIL.WORD):
            out.append(0.0)
        read = _text(symbol, tesserocr.RIL.SYMBOL)
        if not read.isdigit():
            continue
        for choice in symbol.GetChoiceIterator():
            other = _text(choice)
            if other != read and other.isdigit():
                out[-1] = max(out[-1], round(choice.Confidence() / 100, 4))
    return out


def _text(item: Any, *level: Any) -> str:
    """What Tesseract read of a symbol or one of its choices; "" when it gives no text."""
    try:
        return str(item.GetUTF8Text(*level) or "")
    except RuntimeError:  # tesserocr's "No text returned"
        return ""


COLUMNS = (
    *("level", "page_num", "block_num", "par_num", "line_num", "word_num"),
    *("left", "top", "width", "height", "conf", "text"),
)


def _tsv_dict(tsv: str) -> dict[str, list[object]]:
    """Tesseract's TSV rows (no header line) as pytesseract's `image_to_data(output_type=DICT)` gives them."""
    out: dict[str, list[object]] = {name: [] for name in COLUMNS}
    for row in tsv.rstrip("\n").split("\n") if tsv.strip() else []:
        cells = row.split("\t")
        if len(cells) < len(COLUMNS):
            cells.append("")  # the last word read as nothing leaves its row a cell short
        for name, cell in zip(COLUMNS, cells, strict=False):
            out[name].append(cell if name == "text" else _whole(cell))
    return out


def _whole(cell: str) -> object:
    try:
        return int(float(cell))
    except ValueError:
        return cell
