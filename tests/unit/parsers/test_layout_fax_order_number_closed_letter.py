"""A faxed order number whose letters hold a G: the printed C of "OC-" a fax line closed.

The business rule: a fax line that adds a speck or thickens a scan line at the open end of a C makes it
read G, on every printing of the number alike (one typeface, one line), however sure the reading; and
no second reading of the same ink says otherwise.  So "OG-2026-89709" read twice, sure, may be order
OC-2026-89709: it waits for a person (a reading saying "OG" again would vouch for nothing).  It waits
on a problem of its own (`prefix_letter`), its reading as sure as it was read otherwise (and offered to
be read again for its figures, as any number), so that the customer's own earlier numbers may judge it
on arrival.  An order number whose letters hold no G ("OC-2026-89709", "PO-2026-36556") is as sure as
it was read."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from core.capture.domain.order import ProblemCode
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _page(number: str, *, twice: bool, conf: float = 0.95) -> PageWords:
    """The order with `number` after its label (its words read at `conf`), and again at the foot with
    `twice`."""
    base = order(GOOD, drop="Nº pedido:")
    more = cells(140, (50, "Nº pedido:"), (150, number), conf=conf)
    if twice:
        more += cells(600, (50, "Ref."), (100, number))
    return PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr")


def _read(number: str, *, twice: bool = True) -> dict[str, Any]:
    return read(_page(number, twice=twice))


def held_for_letter(got: dict[str, Any]) -> bool:
    """Whether the order waits on its order number's letter alone: held by `prefix_letter`, the number's
    reading itself not doubted."""
    held = any(p["field"] == "po_number" and p["code"] == "prefix_letter" for p in got["problems"])
    return held and not doubted(got, "po_number")


def test_an_order_number_read_with_a_g_on_both_printings_waits() -> None:
    got = _read("OG-2026-89709")
    assert got["po_number"] == "OG-2026-89709"
    assert held_for_letter(got) and got["decision"] != "accept"


def test_an_order_number_read_with_a_g_once_waits_whatever_a_reading_again_says() -> None:
    got = _read("OG-2026-89709", twice=False)
    assert held_for_letter(got) and got["decision"] != "accept"
    # read unsure, a number is offered to be read again for its figures, with a G as without; the
    # letter's hold is the problem's, which no reading again of the same ink lifts
    unsure = extract_orders([_page("OC-2026-89709", twice=False, conf=0.7)])
    assert any(check.path == "po_number" for check in unsure.rechecks)
    assert all(p.code is not ProblemCode.PREFIX_LETTER for o in unsure.orders for p in o.problems)
    unsure = extract_orders([_page("OG-2026-89709", twice=False, conf=0.7)])
    assert any(check.path == "po_number" for check in unsure.rechecks)
    assert any(p.code is ProblemCode.PREFIX_LETTER for o in unsure.orders for p in o.problems)


def test_order_numbers_with_no_g_are_as_sure_as_read() -> None:
    for number in ("OC-2026-89709", "PO-2026-36556"):
        got = _read(number)
        assert got["po_number"] == number
        assert not doubted(got, "po_number") and not held_for_letter(got) and got["decision"] == "accept"


def test_an_order_number_whose_prefix_is_a_usual_one_with_an_o_read_c_waits() -> None:
    # "PC-2026-42693" read sure on both printings: the O of PO- a fax broke open reads C, and "PC" is a
    # usual prefix one look-alike letter away; the same number read "PO-" flows (above)
    for number in ("PC-2026-42693", "CP/26/1177"):
        got = _read(number)
        assert got["po_number"] == number
        assert held_for_letter(got) and got["decision"] != "accept"


def test_order_numbers_whose_prefix_no_look_alike_letter_makes_usual_are_as_sure_as_read() -> None:
    # "PED-" and "OP/" are usual prefixes as read; "AC-" is one C away from "AO", no prefix anyone prints
    for number in ("PED-26/00123", "OP/26/1177", "AC-2026-15520"):
        got = _read(number)
        assert got["po_number"] == number
        assert not doubted(got, "po_number") and not held_for_letter(got) and got["decision"] == "accept"
