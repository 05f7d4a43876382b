"""An order number whose one doubt is a slash that may be a 7 without its bar carries a hold of its own
that the customer's format may lift (parsers.ocr.lookalike.doubt_lookalikes, ProblemCode.SLASH_OR_SEVEN).

The business rule, written out: a number printed once, read sure, whose slash keeps within its figures'
band (a 7 whose bar the fax line lost reads "/" too) waits, as before; when both readings again say it
alike and nothing else about it is in doubt, it carries the hold "slash or seven" on the order number,
which only the customer's own earlier numbers printed with slashes so may lift. A number the readings
again say otherwise, or one printed with a true slash, carries no such hold (the first waits on its
readings, nothing lifts that; the second is not in doubt at all)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, ProblemCode, Provenance
from parsers.ocr import lookalike
from parsers.ocr.images import PageImage

DPI = 204.0
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core, installed by make install
READ = 0.88


def _strip(printed: str, *, bar_lost: bool) -> Image.Image:
    """`printed` in DejaVu Sans at 28 px on a fax-wide strip; with `bar_lost`, every 7's bar wiped."""
    sheet = Image.new("1", (1728, 120), 1)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(SANS, 28)
    x, y = 400, 40
    draw.text((x, y), printed, font=font, fill=0)
    if bar_lost:
        for i, c in enumerate(printed):
            if c == "7":
                left = x + draw.textlength(printed[:i], font=font)
                x0, y0, x1, y1 = draw.textbbox((left, y), "7", font=font)
                draw.rectangle((x0, y0, x1, y0 + (y1 - y0) // 4), fill=1)
    return sheet


def _read(sheet: Image.Image, read: str, again: str) -> CapturedOrder:
    """The order whose number the page read as `read` from `sheet`, each reading again saying `again`."""
    box = tuple(float(v) for v in sheet.convert("L").point(lambda v: 255 - v).getbbox() or (0, 0, 0, 0))
    words = (Word("Order", 300.0, box[1], 380.0, box[3], 0.93), Word(read, *box, READ))
    page = PageWords(1, 1728.0, 120.0, DPI, words, "ocr")
    order = CapturedOrder(
        po_number=read, evidence=(Evidence("po_number", READ, Provenance(1, box, raw=read)),)
    )

    def reading(crops: list[PageImage]) -> list[PageWords]:
        said = (Word(again, 0, 0, 90, 20, 0.88),)
        return [PageWords(c.number, 100.0, 30.0, DPI, said, "ocr") for c in crops]

    image = PageImage.from_image(1, sheet, DPI, (DPI, 98.0))
    (got,) = lookalike.doubt_lookalikes([order], [image], [page], [reading, reading])
    return got


def _holds(order: CapturedOrder) -> list[str | None]:
    return [p.field for p in order.problems if p.code is ProblemCode.SLASH_OR_SEVEN]


def test_a_slash_within_the_figures_read_again_alike_holds_the_number_on_its_slash() -> None:
    got = _read(_strip("PO72114", bar_lost=True), "PO/2114", "PO/2114")
    assert _holds(got) == ["po_number"]
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence < 0.8  # still waits, as before


def test_read_again_otherwise_it_waits_with_no_hold_a_history_could_lift() -> None:
    got = _read(_strip("PO72114", bar_lost=True), "PO/2114", "PO72114")
    assert _holds(got) == []
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence < 0.8


def test_a_printed_slash_is_held_on_nothing() -> None:
    got = _read(_strip("PO/2114", bar_lost=False), "PO/2114", "PO/2114")
    assert _holds(got) == []
    assert got.evidence_for("po_number") == Evidence("po_number", READ, got.evidence[0].provenance)
