"""Text Tesseract's page layout analysis left out, found and read again.

On some pages (monospaced listings above all) Tesseract's automatic segmentation drops a whole column
block: the quantities of a table, or its heading.  What is left on the page once every word it did read
is blanked out, and table rules are taken away, is ink in text-sized patches: those patches are cut out,
each line's side by side, stacked into one small image and read in a single further Tesseract call, and
their words are put back where they stood.  Pages with no such patch
cost nothing more.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw

from core.capture.domain.layout import Word
from parsers.ocr.geometry import joined_runs

INK = 128  # grey levels below this are ink
MASK_PAD = 3  # pixels around each word read, blanked with it
RULE_LENGTH = 2.5  # an unbroken dark run longer than this many text heights is a rule, not a letter
RULE_SLACK = 1  # pixels a skewed rule may step aside and still count as one run
# a run down the page may skip twice this many pixels of white and still count as one, where streaks are
# looked for (`without_streaks`): a fax streak (dirt on the sending scanner's glass) is often dashed, 6
# pixels of ink and 1 of paper down most of the page, and no solid run of it is as long as a letter
STREAK_GAP = 1
WORD_GAP = 1.0  # text heights of white that part two patches on one line
MIN_WIDTH = 0.5  # text heights: about one digit
MIN_HEIGHT, MAX_HEIGHT = 0.5, 2.2  # text heights a patch of text stands
MIN_DARK = 0.06  # share of ink in a patch of text
STROKE_ROWS = 0.3  # text heights an upright stroke runs at least (a dash or an "=" bar runs less)
UPRIGHT_INK = 64  # grey level at most (of 255) over those rows for them to count as a stroke
STROKE = 0.45  # a column inked over this share of the text height holds an upright stroke
MIN_STROKES = 0.05  # share of a patch's columns that must hold one
MAX_LINES = 40  # lines of patches; more than this is no dropped block but noise or a picture
PAD = 6  # white around each patch in the stacked image
MIN_CONFIDENCE = 40.0  # words read again with less (Tesseract's 0..100) are taken for noise


@dataclass(frozen=True)
class Patch:
    """A patch of ink no word covers, in the page image's pixels."""

    x0: int
    y0: int
    x1: int
    y1: int


def text_height(words: Sequence[Word]) -> float:
    """The height of the page's text in image pixels: the median word of two or more characters."""
    heights = [w.y1 - w.y0 for w in words if sum(c.isalnum() for c in w.text) >= 2]
    return statistics.median(heights) if heights else 0.0


def _blanked(img: Image.Image, words: Sequence[Word], scale: float) -> Image.Image:
    """The page in grey with the words read blanked out."""
    page = img.convert("L")
    draw = ImageDraw.Draw(page)
    for w in words:
        box = (
            w.x0 * scale - MASK_PAD,
            w.y0 * scale - MASK_PAD,
            w.x1 * scale + MASK_PAD,
            w.y1 * scale + MASK_PAD,
        )
        draw.rectangle(box, fill=255)
    return page


def without_streaks(img: Image.Image, words: Sequence[Word]) -> Image.Image:
    """`img` with every run of ink down it longer than RULE_LENGTH heights of its text (`words`, in its
    pixels) made white: fax streaks, solid or dashed, and column rules; in the image's own mode.  What a
    streak crosses loses the pixels under it, a thin slice that leaves a figure legible, where the streak
    left in is read as a figure of its own ("1500" as "1540")."""
    height = text_height(words)
    if height < 4:
        return img
    grey = img.convert("L")
    binary = grey.point(lambda v: 0 if v < INK else 255)
    down = _rules(binary, round(RULE_LENGTH * height), across=False, streaks=True)
    out = _without(grey, _narrowed(down))
    return out.convert("1", dither=Image.Dither.NONE) if img.mode == "1" else out


def rules(img: Image.Image, height: float) -> Image.Image:
    """A mask of `img`'s rules: black where a run of ink longer than RULE_LENGTH heights of text
    `height` (in its pixels) goes across or down it, white elsewhere: a box's or a table's rules and
    fax streaks (a run down may skip a dashed streak's gaps), which no letter's stroke is as long as.
    The mask takes in a pixel either side of each run (`_rules`: found with the ink smeared so far)."""
    binary = img.convert("L").point(lambda v: 0 if v < INK else 255)
    return _rules(binary, max(1, round(RULE_LENGTH * height)), streaks=True)


def _narrowed(mask: Image.Image) -> Image.Image:
    """`mask` less RULE_SLACK pixels either side across the page: the runs down it were found with the
    ink smeared that far to either side, and what lies beside a streak is no part of it."""
    return _shifted(mask, RULE_SLACK, across=True, keep=ImageChops.lighter)


def _rules(page: Image.Image, longest: int, *, across: bool = True, streaks: bool = False) -> Image.Image:
    """A mask of the page's rules: black where a dark run longer than `longest` pixels goes across
    (unless not `across`) or down, white elsewhere; with `streaks`, a run down the page may skip up to
    2 × STREAK_GAP pixels of white (a dashed fax streak).

    The runs are looked for with the ink smeared RULE_SLACK pixels to either side: a rule on a page
    skewed by a degree or two steps from one row (or column) of pixels to the next every few dozen
    pixels, and its straight runs alone are too short to tell it from a letter's stroke."""
    needle = b"\x00" * longest
    mask = Image.new("L", page.size, 255)
    for turn in (None, Image.Transpose.ROTATE_90) if across else (Image.Transpose.ROTATE_90,):
        img = page if turn is None else page.transpose(turn)
        # a white column at the end of every row keeps a run from going on into the next row
        padded = Image.new("L", (img.width + 1, img.height), 255)
        padded.paste(img, (0, 0))
        spread = _spread(padded)
        bridged = streaks and turn is not None  # runs down the page with a dashed streak's gaps bridged
        smeared = (_bridged(spread, img.width) if bridged else spread).tobytes()
        # each run blackened where it lies on the page: no mask of the turned page built and turned back
        for row, start, end in _long_runs(smeared, needle, padded.width):
            if turn is None:
                mask.paste(0, (start, row, end, row + 1))
            else:  # the page turned a quarter counter-clockwise: its row `row` is column width-1-row
                mask.paste(0, (page.width - 1 - row, start, page.width - row, end))
    return mask


def _long_runs(smeared: bytes, needle: bytes, width: int) -> Iterator[tuple[int, int, int]]:
    """(row, first column, end column) of each dark run as long as `needle` or longer in `smeared`'s rows
    of `width` bytes, each ending in a white byte."""
    at = smeared.find(needle)
    while at != -1:
        end = smeared.find(b"\xff", at)
        row, start = divmod(at, width)
        yield row, start, end - row * width
        at = smeared.find(needle, end)


def _bridged(img: Image.Image, width: int) -> Image.Image:
    """Dark pixels spread STREAK_GAP pixels to either side along the rows (the darker of the image
    shifted), which inks gaps of up to twice that within a row; the pad from column `width` on stays
    white, so no run goes on into the next row."""
    out = _shifted(img, STREAK_GAP, across=True, keep=ImageChops.darker)
    out.paste(255, (width, 0, out.width, out.height))
    return out


def _without(img: Image.Image, mask: Image.Image) -> Image.Image:
    """`img` made white where `mask` is black."""
    return ImageChops.lighter(img, ImageChops.invert(mask))


def _spread(img: Image.Image) -> Image.Image:
    """Dark pixels spread RULE_SLACK pixels up and down (the darker of the image shifted)."""
    return _shifted(img, RULE_SLACK, across=False, keep=ImageChops.darker)


def _shifted(
    img: Image.Image, reach: int, *, across: bool, keep: Callable[[Image.Image, Image.Image], Image.Image]
) -> Image.Image:
    """`img` combined by `keep` (ImageChops.darker spreads ink, lighter takes it back) with itself
    shifted by 1 to `reach` pixels either way, along its rows when `across`, else along its columns."""
    out = img
    for step in range(1, reach + 1):
        for shift in (step, -step):
            out = keep(out, ImageChops.offset(img, shift, 0) if across else ImageChops.offset(img, 0, shift))
    return out


def _ink(img: Image.Image, axis: int) -> bytes:
    """Darkness per row (axis 0) or column (axis 1), 0 where there is no ink at all."""
    size = (1, img.height) if axis == 0 else (img.width, 1)
    inverted = img.point(lambda v: 255 - v)
    return inverted.resize(size, Image.Resampling.BOX).tobytes()


def _letters(patch: Image.Image, height: float) -> bool:
    """Whether a patch looks like letters or digits of text `height` pixels high: ink enough, and
    upright strokes through much of that height (a leader of dots or a thin slanted rule has none)."""
    columns = [v * patch.height / 255 for v in _ink(patch, 1)]  # inked pixels in each column
    if sum(columns) < MIN_DARK * patch.width * height:
        return False
    return sum(1 for v in columns if v >= STROKE * height) >= MIN_STROKES * patch.width


def _split(rows: bytes, run: tuple[int, int], tallest: float, depth: int = 4) -> list[tuple[int, int]]:
    """A run of inked rows taller than a line of text (two lines touching) cut at its faintest row,
    again and again, into line-high bands."""
    y0, y1 = run
    if y1 - y0 <= tallest or depth == 0 or y1 - y0 < 4:
        return [run]
    cut = min(range(y0 + 1, y1 - 1), key=lambda y: rows[y])
    return _split(rows, (y0, cut), tallest, depth - 1) + _split(rows, (cut + 1, y1), tallest, depth - 1)


def _upright(page: Image.Image, step: int) -> Image.Image:
    """The page `step` times shorter, inked only where ink runs down through (nearly) all `step` rows:
    upright strokes of letters stay, dashes, "=" signs, dot leaders, thin rules and specks go, and
    with them what would join a line of text to the rows above or below it."""
    small = page.resize((page.width, max(1, page.height // step)), Image.Resampling.BOX)
    return small.point(lambda v: 0 if v <= UPRIGHT_INK else 255)


def find_patches(
    img: Image.Image, words: Sequence[Word], scale: float = 1.0
) -> tuple[list[list[Patch]], Image.Image]:
    """Text-sized patches of ink on the page that none of `words` (page pixels / `scale`) covers, line by
    line of text, and the page in grey with those words and the rules blanked out, to cut the patches
    from (in grey, as Tesseract read the page: thresholding again would thin the commas and points)."""
    height = text_height(words) * scale
    if height < 4:
        return [], img
    blanked = _blanked(img, words, scale)
    binary = blanked.point(lambda v: 0 if v < INK else 255)
    rules = _rules(binary, round(RULE_LENGTH * height))
    # the rules go from the grey page too: cut into a patch, a rule is read as "1", "|" or "11"
    page, blanked = _without(binary, rules), _without(blanked, rules)
    step = max(1, round(STROKE_ROWS * height))
    upright = _upright(page, step)
    rows = _ink(upright, 0)
    lines: list[list[Patch]] = []
    for r0, r1 in (
        band for run in joined_runs(rows, 0) for band in _split(rows, run, MAX_HEIGHT * height / step)
    ):
        # the band back in the page's rows, with the serifs and strokes the coarse rows left out
        y0, y1 = max(0, r0 * step - step), min(page.height, r1 * step + step)
        if not MIN_HEIGHT * height <= y1 - y0 <= (MAX_HEIGHT + 1) * height:
            continue
        band = page.crop((0, y0, page.width, y1))
        found = [
            Patch(x0, y0, x1, y1)
            for x0, x1 in joined_runs(_ink(band, 1), round(WORD_GAP * height))
            if x1 - x0 >= MIN_WIDTH * height and _letters(band.crop((x0, 0, x1, y1 - y0)), height)
        ]
        if found:
            lines.append(found)
    return (lines if len(lines) <= MAX_LINES else []), blanked


@dataclass(frozen=True)
class Placed:
    """A patch and where it stands in the stacked image."""

    patch: Patch
    x: int
    y: int


def stack(page: Image.Image, lines: Sequence[Sequence[Patch]], gap: int) -> tuple[Image.Image, list[Placed]]:
    """The patches cut from the (blanked) page and stacked: each line of them on a line of its own, the
    patches of a line side by side `gap` pixels apart (the ink between them is no text)."""
    placed: list[Placed] = []
    y = PAD
    for line in lines:
        x = PAD
        for p in line:
            placed.append(Placed(p, x, y))
            x += p.x1 - p.x0 + gap
        y += max(p.y1 - p.y0 for p in line) + 2 * PAD
    width = max(q.x + q.patch.x1 - q.patch.x0 for q in placed) + PAD
    out = Image.new("L", (width, y), 255)
    for q in placed:
        out.paste(page.crop((q.patch.x0, q.patch.y0, q.patch.x1, q.patch.y1)), (q.x, q.y))
    return out, placed


def place(data: dict[str, list[object]], placed: Sequence[Placed], scale: float, block: int) -> list[Word]:
    """The words Tesseract read in the stacked image, put back where their patch is on the page."""
    out: list[Word] = []
    for i, raw in enumerate(data.get("text", [])):
        text = str(raw).strip()
        conf = float(str(data["conf"][i]))
        if not text or conf < MIN_CONFIDENCE:
            continue
        left, top = float(str(data["left"][i])), float(str(data["top"][i]))
        width, high = float(str(data["width"][i])), float(str(data["height"][i]))
        cx, cy = left + width / 2, top + high / 2
        k, q = min(enumerate(placed), key=lambda e: _distance(e[1], cx, cy))
        x0, y0 = q.patch.x0 + left - q.x, q.patch.y0 + top - q.y
        out.append(
            Word(
                text=text,
                x0=round(x0 / scale, 1),
                y0=round(y0 / scale, 1),
                x1=round((x0 + width) / scale, 1),
                y1=round((y0 + high) / scale, 1),
                confidence=round(min(100.0, conf) / 100, 4),
                line=10_000 + k,
                block=block,
            )
        )
    return out


def _distance(q: Placed, x: float, y: float) -> float:
    """How far a point of the stacked image is from a placed patch (0 inside it)."""
    w, h = q.patch.x1 - q.patch.x0, q.patch.y1 - q.patch.y0
    return max(q.x - x, x - q.x - w, 0) + max(q.y - y, y - q.y - h, 0)
