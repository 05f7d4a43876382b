"""A small PDF writer for an answer laid out by hand: text in Helvetica and Helvetica-Bold, rules, pages.

reportlab builds a page from flowables and tables and formats every PDF object in Python, about 2 ms of
fixed work a document. A page of text lines and straight rules needs none of that: this writer places
strings at points, draws horizontal rules and writes the file (one compressed content stream a page, the
two standard Type 1 faces in WinAnsiEncoding, the cross-reference table). Text is measured with the
faces' standard (AFM) widths, read once from reportlab's copy of them, so lines break where they fit.

WinAnsiEncoding (Windows-1252) holds Spanish and the rest of Western Europe: accents, ñ, ¿ ¡, €, the
middle dot and the dashes. A character outside it prints as "?", as it would with the standard faces
anywhere. The bytes depend only on what is drawn (no clock, no random ids).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

MM = 72 / 25.4
A4 = (595.2755905511812, 841.8897637795277)
ENCODING = "cp1252"  # what PDF calls WinAnsiEncoding (it leaves five codes unused: they print nothing)

# face -> (resource name, base font)
FACES: dict[str, tuple[str, str]] = {"regular": ("F1", "Helvetica"), "bold": ("F2", "Helvetica-Bold")}


def _widths(font: str) -> tuple[float, ...]:
    """Each WinAnsi code's advance in thousandths of the type size, from the face's standard metrics."""
    widths = []
    for code in range(256):
        char = bytes([code]).decode(ENCODING, errors="replace")
        widths.append(stringWidth(char, font, 1000) if char != "\ufffd" else 0.0)
    return tuple(widths)


_WIDTHS: dict[str, tuple[float, ...]] = {face: _widths(font) for face, (_, font) in FACES.items()}
# control characters would break a line of the content stream or mean nothing in a text: a space
_CONTROLS = {code: " " for code in range(32)} | {0x7F: " "}


def encode(text: str) -> bytes:
    """The text as WinAnsi codes; a character the encoding lacks becomes "?"."""
    if not text.isprintable():
        text = text.translate(_CONTROLS)
    return text.encode(ENCODING, errors="replace")


# Widths of texts already measured, in thousandths, by face: the same codes, words and cells recur
# from line to line and from PDF to PDF. Forgotten all at once when large (a dict lookup either way).
_MEASURED: dict[str, dict[str, float]] = {face: {} for face in FACES}


def _thousandths(text: str, face: str) -> float:
    measured = _MEASURED[face]
    found = measured.get(text)
    if found is None:
        if len(measured) >= 65536:
            measured.clear()
        found = measured[text] = sum(map(_WIDTHS[face].__getitem__, encode(text)))
    return found


def width(text: str, face: str, size: float) -> float:
    """How wide the text prints in points."""
    return _thousandths(text, face) * size / 1000


def wrap(text: str, face: str, size: float, room: float) -> list[str]:
    """The text broken into lines no wider than `room` points, at spaces; a longer word is cut."""
    if width(text, face, size) <= room and text == " ".join(text.split()):
        return [text]  # fits on one line as it is (no runs of spaces to fold)
    space = _WIDTHS[face][32] * size / 1000
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split():
        wide = width(word, face, size)
        if line and used + space + wide <= room:
            line.append(word)
            used += space + wide
            continue
        if line:
            lines.append(" ".join(line))
        while wide > room and len(word) > 1:  # a word wider than the column: as much as fits, then on
            cut = _fits(word, _WIDTHS[face], size, room)
            lines.append(word[:cut])
            word = word[cut:]
            wide = width(word, face, size)
        line, used = [word], wide
    if line:
        lines.append(" ".join(line))
    return lines or [""]


def _fits(word: str, table: tuple[float, ...], size: float, room: float) -> int:
    used = 0.0
    for i, code in enumerate(encode(word)):
        used += table[code] * size / 1000
        if used > room:
            return max(1, i)
    return len(word)


_SHOWN: dict[str, bytes] = {}  # a text as a PDF string, kept as the widths are: texts recur


def _literal(text: str) -> bytes:
    """The text as a PDF literal string of WinAnsi codes, its backslashes and brackets escaped."""
    shown = _SHOWN.get(text)
    if shown is None:
        if len(_SHOWN) >= 65536:
            _SHOWN.clear()
        data = encode(text).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        shown = _SHOWN[text] = b"(" + data + b")"
    return shown


class Page:
    """One page's drawing: strings placed at baselines and horizontal rules, in points from bottom left."""

    def __init__(self) -> None:
        self._texts: list[bytes] = []
        self._rules: list[bytes] = []
        self._font: tuple[str, float] | None = None

    def text(self, x: float, y: float, text: str, face: str = "regular", size: float = 10) -> None:
        """`text` starting at x on the baseline y."""
        if self._font != (face, size):
            self._font = (face, size)
            self._texts.append(b"/%s %g Tf" % (FACES[face][0].encode(), size))
        self._texts.append(b"1 0 0 1 %.2f %.2f Tm %s Tj" % (x, y, _literal(text)))

    def text_right(self, right: float, y: float, text: str, face: str = "regular", size: float = 10) -> None:
        """`text` ending at `right` on the baseline y."""
        self.text(right - width(text, face, size), y, text, face, size)

    def rule(self, x1: float, x2: float, y: float, thickness: float) -> None:
        """A black horizontal line from x1 to x2 at height y."""
        self._rules.append(b"%g w %.2f %.2f m %.2f %.2f l S" % (thickness, x1, y, x2, y))

    def content(self) -> bytes:
        """The page's content stream, uncompressed."""
        return b"\n".join([*self._rules, b"BT", *self._texts, b"ET"])


def _info_string(text: str) -> bytes:
    """A document-information string as UTF-16BE with its byte-order mark, so any character survives."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def write_pdf(
    pages: Sequence[Page], *, title: str = "", author: str = "", size: tuple[float, float] = A4
) -> bytes:
    """The pages as a PDF file: catalogue, page tree, the two faces, the information, each page's stream."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages' numbers are known
        *(
            b"<< /Type /Font /Subtype /Type1 /Name /%s /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % (name.encode(), font.encode())
            for name, font in FACES.values()
        ),
        b"<< /Title %s /Author %s /Producer %s >>"
        % (_info_string(title), _info_string(author), _info_string("Comanda")),
    ]
    fonts = b" ".join(b"/%s %d 0 R" % (name.encode(), 3 + i) for i, (name, _) in enumerate(FACES.values()))
    kids = []
    for page in pages:
        number = len(objects) + 1
        kids.append(b"%d 0 R" % number)
        stream = zlib.compress(page.content())
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.4f %.4f] /Resources << /Font << %s >> >>"
            b" /Contents %d 0 R >>" % (size[0], size[1], fonts, number + 1)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    ident = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest().encode()  # the same bytes, the same id
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        len(FACES) + 3,
        ident,
        ident,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


class Flow:
    """Pages filled from the top down between margins; a new page when the next block does not fit.

    `footer(page, number)` draws each page's foot as the page is started."""

    def __init__(self, top: float, bottom: float, footer: Callable[[Page, int], None]) -> None:
        self.top, self.bottom, self._footer = top, bottom, footer
        self.pages: list[Page] = []
        self.y = top
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page())
        self._footer(self.pages[-1], len(self.pages))
        self.y = self.top

    def fits(self, height: float) -> bool:
        return self.y - height >= self.bottom

    def need(self, height: float) -> bool:
        """Start a new page unless `height` fits on this one; True when a page was started."""
        if self.fits(height) or self.y == self.top:
            return False
        self.new_page()
        return True

    def space(self, height: float) -> None:
        """A gap; none at the top of a page."""
        self.y = max(self.y - height, self.bottom) if self.y != self.top else self.y

    def lines(
        self,
        lines: Sequence[str],
        x: float,
        face: str,
        size: float,
        leading: float,
        right: float | None = None,
    ) -> None:
        """Lines of text one below the other, each moved to the next page if it does not fit; set from x,
        or ending at `right` when given."""
        for line in lines:
            self.need(leading)
            baseline = self.y - size
            if right is None:
                self.page.text(x, baseline, line, face, size)
            else:
                self.page.text_right(right, baseline, line, face, size)
            self.y -= leading
