"""A delivery sentence whose "l" the fax read as "!" ("Necesitamos el materia! para el día 09/12/2026.",
fine fax erp_ruled-192127) is still one sentence: a "!" glued to the letters before it, with a word of
small letters after it, ends no sentence.  So the sentence's cue ("Necesitamos") is heard, the date it
plainly asks for is offered to be read again, and its ink read again alike with confidence settles it
(parsers.ocr.recheck.confirm), as any delivery date a sentence states on a scan.

A "!" before a word with a capital still ends its sentence, and a full stop (no letter's look-alike) ends it
whatever follows: the words after it, with no cue of their own, state no delivery, and the date waits
for a person.

The page is built word by word; the two readings of the date's cut-out are scripted, over a blank image.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.parsers.ocr_support import cells, page, sentence

SURE = 0.96
HEADING = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))


def _delivery(*words: str) -> tuple[str | None, float, list[str]]:
    """The delivery date read from a small order whose sentence is `words` (each read at 0.96), its
    confidence once two readings of its ink again said "09/12/2026." at 0.94, and the paths offered."""
    lines = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Nº pedido: PED-26/00123")),
        cells(84, (50, "Fecha: 26/11/2026")),
        sentence(120, *((w, SURE) for w in words)),
        cells(160, *HEADING),
        cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00")),
        cells(202, (430, "Total"), (500, "45,00")),
    ]
    printed = page(*lines)
    extraction = extract_orders([printed])
    (got,) = extraction.orders
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)

    def read(crops: Sequence[PageImage]) -> list[PageWords]:
        said = (Word("09/12/2026.", 10, 10, 130, 40, 0.94),)
        return [PageWords(c.number, 400.0, 60.0, 72.0, said, "ocr") for c in crops]

    (got,) = confirm([got], extraction.rechecks, [image], [printed], [read, read])
    found = got.evidence_for("requested_delivery_date")
    when = got.requested_delivery_date
    return (
        when.isoformat() if when else None,
        found.confidence if found else 0.0,
        [r.path for r in extraction.rechecks],
    )


def test_a_letter_read_as_a_mark_inside_the_sentence_leaves_its_delivery_date_to_be_read_again() -> None:
    when, confidence, offered = _delivery("Necesitamos", "el", "materia!", "para", "el", "día", "09/12/2026.")
    assert when == "2026-12-09"
    assert "requested_delivery_date" in offered
    assert confidence >= 0.8


def test_the_sentence_read_right_is_settled_the_same_way() -> None:
    when, confidence, _ = _delivery("Necesitamos", "el", "material", "para", "el", "día", "09/12/2026.")
    assert when == "2026-12-09"
    assert confidence >= 0.8


def test_a_mark_before_a_capital_ends_the_sentence_and_the_date_waits() -> None:
    # "... material! Lo antes para el día ...": the sentence after the "!" names no delivery
    when, confidence, offered = _delivery(
        "Necesitamos", "el", "material!", "Lo", "antes", "para", "el", "día", "09/12/2026."
    )
    assert when == "2026-12-09"
    assert "requested_delivery_date" not in offered
    assert confidence < 0.8


def test_a_full_stop_glued_before_small_letters_still_ends_the_sentence_and_the_date_waits() -> None:
    # a full stop is no letter's look-alike: "material. para el día ..." is two sentences as read
    when, confidence, offered = _delivery(
        "Necesitamos", "el", "material.", "para", "el", "día", "09/12/2026."
    )
    assert when == "2026-12-09"
    assert "requested_delivery_date" not in offered
    assert confidence < 0.8
