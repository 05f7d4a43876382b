"""Table rows of a normal fax read again by their band (parsers.ocr.bands), without Tesseract: what the
band reads again is given.  Written out: a row whose figures OCR spoilt past reading ("¿.5UU" for
2.500) is an order line with nothing read from it; read again, its figures take the place of the
spoilt ones and the row is read, kept only when more lines then add up (quantity × price = amount).
The line so found is as sure as its arithmetic and the order's printed total make it: with the total
adding up it may pass; with the total not adding up every field of it is doubtful, for a person to
check.  A re-read that makes no more lines add up changes nothing, and a fine fax's rows are not read
again."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import Extraction, extract_orders
from parsers.layout.evidence import DOUBTFUL
from parsers.ocr import bands
from parsers.ocr.images import PageImage
from tests.unit.parsers.ocr_support import INK, cells, order, row

NORMAL = (204.0, 98.0)  # a normal fax's resolution across and down
FINE = (204.0, 196.0)


def _page(qty: str, amount: str, total: str) -> PageWords:
    """Three rows; the middle one's quantity and amount as OCR read them."""
    lost = ((50, "TUE-M8"), (130, "Tuerca"), (350, qty), (390, "uds"), (440, "0,05"), (505, amount))
    return order(
        [row("TOR-M8-40", "250", "0,18", "45,00"), lost, row("ARA-M8", "100", "0,02", "2,00")], total=total
    )


def _image(resolution: tuple[float, float]) -> PageImage:
    # the page the words were read from, as wide and high as they say (its ink does not matter here)
    return PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0, resolution)


class Band:
    """Reads each band cut out as `says` (phrases at the page's x), and counts the bands read."""

    def __init__(self, *says: tuple[float, str]) -> None:
        self.says = says
        self.read = 0

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.read += len(crops)
        out = []
        for crop in crops:
            margin = (crop.width - 595) / 2  # the band is cut across the page, on a white margin
            placed = cells(0, *((x + margin, text) for x, text in self.says))
            middle = (crop.height - INK) / 2
            words = tuple(Word(w.text, w.x0, middle, w.x1, middle + INK, 0.9) for w in placed)
            out.append(PageWords(crop.number, crop.width, crop.height, 72.0, words, "ocr"))
        return out


def _numbers(pages: list[PageWords] | tuple[PageWords, ...], got: object = None) -> list[tuple[object, ...]]:
    extraction = got if got is not None else extract_orders(pages)
    (found,) = extraction.orders  # type: ignore[attr-defined]
    return [(line.item_code, line.quantity, line.unit_price, line.amount) for line in found.lines]


def _reread(page: PageWords, band: Band, resolution: tuple[float, float] = NORMAL):  # type: ignore[no-untyped-def]
    return bands.reread_rows(extract_orders([page]), [_image(resolution)], [page], band, extract_orders)


def test_a_row_whose_figures_ocr_spoilt_is_unread_before_it_is_read_again() -> None:
    # kept in its place with nothing read from it (parsers.layout.rows), for the band to fill
    page = _page("¿.5UU", "1J5,00", "172,00")
    assert _numbers([page]) == [
        ("TOR-M8-40", Decimal(250), Decimal("0.18"), Decimal("45.00")),
        (None, None, None, None),
        ("ARA-M8", Decimal(100), Decimal("0.02"), Decimal("2.00")),
    ]


def test_the_row_read_again_is_an_order_line_the_total_vouches_for() -> None:
    band = Band((350, "2.500"), (390, "uds"), (440, "0,05"), (505, "125,00"))
    got, pages = _reread(_page("¿.5UU", "1J5,00", "172,00"), band)
    assert band.read == 1
    assert _numbers(pages, got) == [
        ("TOR-M8-40", Decimal(250), Decimal("0.18"), Decimal("45.00")),
        ("TUE-M8", Decimal(2500), Decimal("0.05"), Decimal("125.00")),
        ("ARA-M8", Decimal(100), Decimal("0.02"), Decimal("2.00")),
    ]
    (found,) = got.orders
    quantity = found.evidence_for("lines[1].quantity")
    assert quantity is not None and quantity.confidence >= 0.8  # its arithmetic and the total agree
    # the row's code and description stay as the page read them: only its figures were read again
    assert found.lines[1].description == "Tuerca"


def test_a_row_read_again_that_the_total_does_not_vouch_for_is_doubtful() -> None:
    band = Band((350, "2.500"), (440, "0,05"), (505, "125,00"))
    got, _ = _reread(_page("¿.5UU", "1J5,00", "190,00"), band)  # 45 + 125 + 2 is not 190
    (found,) = got.orders
    assert found.lines[1].quantity == Decimal(2500)
    fields = [e for e in found.evidence if e.field.startswith("lines[1].")]
    assert fields and all(e.confidence <= DOUBTFUL for e in fields)


def test_a_reread_that_makes_no_more_lines_add_up_changes_nothing() -> None:
    page = _page("¿.5UU", "1J5,00", "172,00")
    before = extract_orders([page])
    got, pages = _reread(page, Band((350, "Z.5UU"), (440, "0,05"), (505, "1J5,00")))
    assert got == before and pages == [page]


def test_a_band_read_again_as_the_page_read_it_is_not_given_to_the_layout_again() -> None:
    # the same figures make the same lines: the document is not read again for them
    page = _page("¿.5UU", "1J5,00", "172,00")
    calls: list[int] = []

    def counted(pages: Sequence[PageWords]) -> Extraction:
        calls.append(1)
        return extract_orders(pages)

    band = Band((350, "¿.5UU"), (390, "uds"), (440, "0,05"), (505, "1J5,00"))
    got, pages = bands.reread_rows(extract_orders([page]), [_image(NORMAL)], [page], band, counted)
    assert band.read == 1 and not calls
    assert got == extract_orders([page]) and pages == [page]


def test_a_fine_fax_row_is_not_read_again() -> None:
    band = Band((350, "2.500"), (440, "0,05"), (505, "125,00"))
    got, _ = _reread(_page("¿.5UU", "1J5,00", "172,00"), band, FINE)
    assert band.read == 0 and got.orders[0].lines[1].quantity is None
