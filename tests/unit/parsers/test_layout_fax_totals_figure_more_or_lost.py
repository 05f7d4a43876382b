"""Normal fax totals with a figure more or a figure lost: a net read with a speck before it as a figure
("2414.75" for 414.75), a tax with one figure lost and its point read as a colon ("21:26" for 241.26).
Where the rate printed on the tax line ties the net, the tax and the total with tax, the misread one is
mended and doubtful, so a person confirms it."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]
UNDER = 160 + 5 * 14  # the line under the table's two rows and its total


def _read(net: str, tax: str, gross: str, rate: str = "IVA 10 %", source: str = "ocr") -> dict[str, Any]:
    """An order of GOOD (56,10) whose net total reads `net`, its tax line and its total with tax under."""
    base = order(GOOD, total=net)
    more: list[Word] = cells(UNDER, (430, rate), (500, tax)) + cells(
        UNDER + 14, (430, "Total con IVA"), (500, gross)
    )
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), source))


def _low(got: dict[str, Any]) -> set[str]:
    return {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}


def test_a_net_read_with_a_figure_more_is_the_total_less_its_tax_doubtful() -> None:
    # 56,10 at 10 % is 5,61, and 61,71 with it; a speck before the net read as a 2: "256,10"
    got = _read("256,10", "5,61", "61,71")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")
    assert {"total", "net_total"} <= _low(got) and got["decision"] != "accept"


def test_a_net_with_a_figure_more_is_not_mended_where_the_tax_is_not_at_its_rate_or_on_a_text_layer() -> None:
    for got in (
        _read("256,10", "5,61", "61,71", rate="IVA 21 %"),
        _read("256,10", "5,61", "61,71", source="text"),
        _read("2256,10", "5,61", "61,71"),  # two figures more
    ):
        assert got["net_total"] != "56.1"
        assert got["decision"] != "accept"


def test_a_tax_with_a_figure_lost_is_the_totals_difference_at_its_rate_doubtful() -> None:
    # "IVA 10 % 5:1" for 5,61: the 6 lost and the comma read as a colon; 56,10 and 61,71 read whole
    got = _read("56,10", "5:1", "61,71")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    assert "tax_total" in _low(got) and got["decision"] != "accept"


def test_a_worn_tax_is_not_taken_where_its_figures_or_its_rate_do_not_fit() -> None:
    assert _read("56,10", "4:1", "61,71")["tax_total"] is None  # no figure of 5,61 lost makes 41
    assert _read("56,10", "5:1", "61,71", rate="IVA 21 %")["tax_total"] is None
