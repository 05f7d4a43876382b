"""An order number whose printed slash keeps within its figures' band, and one whose 7 lost its bar
(parsers.ocr.lookalike.doubt_lookalikes, parsers.ocr.figure_glyphs.slash_within_figures).

The business rule: a printed slash runs the figures' whole height, from their tops to their baseline (or
past them); a 7 whose bar the fax line dropped keeps only its stem, which starts below the bar's row,
under the figures' tops.  A dot-matrix listing prints its numbers in a monospaced face, where a slash
advances as far as a figure, and a fax's threshold can take the slash's ends past the figures' band
("26/03283" on a normal fax): such a slash still reaches their tops and baseline, and the number stays
as sure as it was read.  A 7 that lost its bar, read "/", still waits for a person.  The readings each
say what the page's reading said, so only the ink tells.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.unit.ocr.slash_support import MONO, READ, SANS, read_again


def _sheet(printed: str, face: str, *, clip_slash: bool = False, bar_lost: bool = False) -> Image.Image:
    """`printed` in `face` at 28 px (10 points at 204 dpi) on a fax-wide strip; with `clip_slash`, the
    ink of every slash above the figures' tops and below their baseline left white, as a threshold
    takes a thin slash's ends; with `bar_lost`, the top rows of every 7 as wide as its bar left white."""
    sheet = Image.new("L", (1728, 120), 255)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(face, 28)
    x, y = 400, 40
    draw.text((x, y), printed, font=font, fill=0)
    ink = np.asarray(sheet) < 128
    out = np.asarray(sheet).copy()
    spans = []
    for i in range(len(printed)):
        left = round(x + draw.textlength(printed[:i], font=font))
        right = round(x + draw.textlength(printed[: i + 1], font=font))
        rows = np.flatnonzero(ink[:, left:right].any(axis=1))
        spans.append((left, right, rows))
    figures = [rows for c, (_, _, rows) in zip(printed, spans, strict=True) if c.isdigit()]
    top = min(int(r[0]) for r in figures)
    bottom = max(int(r[-1]) for r in figures)
    for c, (left, right, rows) in zip(printed, spans, strict=True):
        if c == "/" and clip_slash:
            out[:top, left:right] = 255
            out[bottom + 1 :, left:right] = 255
        if c == "7" and bar_lost:
            glyph = ink[:, left:right]
            width = np.flatnonzero(glyph.any(axis=0))
            for row in rows:
                inked = np.flatnonzero(glyph[row])
                if inked[-1] - inked[0] + 1 <= 0.5 * (width[-1] - width[0] + 1):
                    break
                out[row, left:right] = 255
    return Image.fromarray(out).point(lambda v: 0 if v < 128 else 255).convert("1")


@pytest.mark.parametrize("number", ["26/03283", "26/69676", "PUR/2026/04097"])
def test_a_monospaced_slash_within_its_figures_band_stays_as_sure_as_read(number: str) -> None:
    assert read_again(_sheet(number, MONO, clip_slash=True), number) == READ


@pytest.mark.parametrize(("printed", "read"), [("26769676", "26/69676"), ("4589663373", "45896633/3")])
@pytest.mark.parametrize("face", [MONO, SANS])
def test_a_seven_that_lost_its_bar_read_as_a_slash_still_waits(printed: str, read: str, face: str) -> None:
    assert read_again(_sheet(printed, face, bar_lost=True), read) < 0.8
