"""Paragraphs of an answer PDF read and broken into lines once, then reused by the next PDF in the thread.

Most of a confirmation's paragraphs are the same text in PDF after PDF: our letterhead, the title, the
introduction and closing in the customer's language, a customer's address, a product's code and
description. reportlab reads each paragraph's markup with an HTML parser when it is made and breaks it
into lines every time it is wrapped (a table wraps each cell twice: to size its rows, then again just
before drawing it): about half of laying out a confirmation. Here a paragraph is made once per text and
style and kept, and a wrap to the width of its last wrap keeps that wrap's lines.

The PDF is the same bytes: a paragraph's lines depend only on its text, style and width, and reportlab
wraps a paragraph right before it draws it, so a reused paragraph always draws lines broken for the
width it is drawn at. The kept paragraphs belong to one thread (two workers' layouts never share one)
and to styles that live as long as the process (`Paragraphs.styles`).
"""

from __future__ import annotations

import threading

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph


class LaidOnce(Paragraph):  # type: ignore[misc]
    """A paragraph that keeps its lines when wrapped again to the width it was last wrapped to."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if "blPara" in self.__dict__ and self.__dict__.get("width") == availWidth:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        return width, height


class Paragraphs(threading.local):
    """This thread's paragraphs by text and style; the oldest forgotten beyond `remember`.

    `styles` are made once for the process: a paragraph is kept under its style's identity, and a
    style made afresh for every PDF would never find one."""

    def __init__(self, styles: dict[str, ParagraphStyle], remember: int = 4096) -> None:
        self.styles = styles
        self._remember = remember
        self._made: dict[tuple[str, str], LaidOnce] = {}

    def __call__(self, text: str, style: str) -> LaidOnce:
        key = (text, style)
        made = self._made.get(key)
        if made is None:
            if len(self._made) >= self._remember:
                del self._made[next(iter(self._made))]  # insertion order: the oldest
            made = self._made[key] = LaidOnce(text, self.styles[style])
        return made
