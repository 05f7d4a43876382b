"""An order number after a label the layout is only likely of ("PO", "N/PEDIDO"), offered for a second
reading of its ink (parsers.layout.recheck.likely_worth_rechecking).

The business rule: where the label stands a column or a dot leader apart from the number, the label
gives its place and only how OCR read its figures is in doubt, which readings of its ink again settle
(as sure as the label makes it, parsers.ocr.recheck.confirm).  Where the "label" stands right at the
figures, it may be the number's own prefix whose hyphen the fax lost ("PO-41505" read "PO" "41505"):
the figures read again alone would agree with themselves and still be short, so the number is not
offered and waits for a person.  So too when the label ends, or the number starts, in a hyphen or slash.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, doubted, page, read, word


def _page(label: list[Word], printed: str, x: float, conf: float) -> PageWords:
    """A fax page whose line 70 holds `label` and the number `printed`, read at `conf`, starting at `x`,
    over a one-line table."""
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), [*label, word(printed, x, 70, conf=conf)]]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")
    )
    row = cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))
    total = cells(202, (430, "Total"), (500, "45,00"))
    return page(*lines, heading, row, total)


def _offered(label: list[Word], printed: str, x: float) -> tuple[str, dict[str, float]]:
    """The order number read, and the fields offered for a second reading (path: certainty), of the
    page with the number read unsure."""
    extraction = extract_orders([_page(label, printed, x, 0.7)])
    (order,) = extraction.orders
    return str(order.po_number), {r.path: r.certainty for r in extraction.rechecks}


def test_a_number_a_column_apart_from_a_likely_label_is_offered_as_sure_as_the_label() -> None:
    # "PO" ends at 60.8 points, the number starts at 160: fourteen text heights apart
    assert _offered([word("PO", 50, 70)], "090612", 160) == ("090612", {"po_number": 0.9})
    assert _offered([word("N/PEDIDO", 50, 70)], "083378", 160) == ("083378", {"po_number": 0.9})
    assert _offered([word("BESTELL-NR.", 50, 70)], "26/24449", 160) == ("26/24449", {"po_number": 0.9})


def test_a_likely_label_right_at_the_figures_may_be_their_prefix_and_is_not_offered() -> None:
    # "PO-41505" with its hyphen lost: the "PO" a text height from the figures
    assert _offered([word("PO", 50, 70)], "41505", 68) == ("41505", {})
    # the same after the real label, misread ("P.O. No." read "P.O. Now")
    assert _offered([word("P.O.", 10, 70), word("Now", 35, 70), word("PO", 70, 70)], "41505", 88) == (
        "41505",
        {},
    )


def test_a_likely_label_joined_to_the_figures_by_a_hyphen_is_not_offered() -> None:
    assert _offered([word("PO-", 50, 70)], "41505", 160) == ("41505", {})
    assert _offered([word("PO", 50, 70)], "-41505", 160) == ("41505", {})


def test_a_sure_label_is_offered_as_before() -> None:
    assert _offered([word("Pedido:", 50, 70)], "26/24449", 160) == ("26/24449", {"po_number": 1.0})


def _number_doubted(label: list[Word], printed: str, x: float) -> tuple[str, bool]:
    """The order number read, and whether a person is asked to confirm it, on the page with the number
    read with OCR's full confidence."""
    got = read(_page(label, printed, x, 0.97))
    return str(got["po_number"]), doubted(got, "po_number")


def test_figures_read_sure_right_after_a_prefix_shaped_likely_label_still_wait_for_a_person() -> None:
    # "PO-41505" with its hyphen lost, its figures read with full confidence: whatever re-reading the
    # figures' ink says, it cannot tell 41505 from PO-41505, so the number must not flow on untouched
    assert _number_doubted([word("PO", 50, 70)], "41505", 68) == ("41505", True)
    assert _number_doubted([word("PO-", 50, 70)], "41505", 160) == ("41505", True)
    # the same behind the real label misread ("P.O. No." read "P.O. Now")
    assert _number_doubted([word("P.O.", 10, 70), word("Now", 35, 70), word("PO", 70, 70)], "41505", 88)[1]


def test_a_likely_label_apart_from_the_figures_or_a_number_word_beside_them_is_no_prefix() -> None:
    # a column away from "PO" the figures are the number; "No" is a label's word, never a prefix
    assert _number_doubted([word("PO", 50, 70)], "41505", 160) == ("41505", False)
    assert _number_doubted([word("Pedido", 50, 70), word("No", 85, 70)], "41505", 100) == ("41505", False)
