"""Fine fax lines, tenth round: a line whose quantity and price were both changed to fit its amount,
and (below) the headings and codes of a listing whose item number OCR ran together.  Each test builds
its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, INK, cells, doubted, page, read, silicone_page


def _wire_page(qty: str, price: str) -> list[list[Word]]:
    """7,25 kg of wire at 2,7100 = 19,65 (19,6475 to the cent) beside a line read right, and the total."""
    return silicone_page(("ALA-GAL-2", "Alambre galvanizado", qty, "kg", price, "19,65"), "70,05")


def test_a_quantity_and_a_price_both_changed_to_fit_the_amount_are_doubtful() -> None:
    # Found on a tuning fax (accepted wrong): 7,25 kg at 2,7100 for 19,65, the fax read "7,28" and
    # "2,7100" while making the 5 look like an 8.  No one figure changed adds up; changing two did:
    # 7,23 × 2,718 = 19,651, 19,65 to the cent.  One amount cannot pin two figures (with two digits to
    # choose, some pair nearly always fits), so both changed figures wait for a person, though each is
    # pinned alone and the lines add up to the total
    got = read(page(*_wire_page("7,28", "2,7100")))
    assert doubted(got, "lines[0].quantity") and doubted(got, "lines[0].unit_price")
    assert got["decision"] == "review"


def test_one_figure_changed_to_fit_an_amount_that_pins_it_is_still_vouched_for() -> None:
    # the same line with only the price spoilt ("2,7180" for 2,7100): 2,71 is the one price at its
    # places that makes 19,65 on 7,25 kg, and the total agrees, so the mended price stands
    got = read(page(*_wire_page("7,25", "2,7180")))
    assert got["lines"][0]["unit_price"] == "2.71"
    assert not doubted(got, "lines[0].unit_price")


def _listing(*, glued: bool = False) -> list[list[Word]]:
    """A German buyer's listing: the rows' own numbers under "Line", the item number (our code, or the
    buyer's numeric one) under "ITEM NO.", the description on the line under it in the same column and a
    delivery date under that; one product ordered on two lines for two dates.  With `glued`, OCR ran
    "ITEM NO." together and boxed it to the end of the "/ Description" after it."""
    lines = [cells(40, (50, "P.O. No.: 4565854388")), cells(54, (50, "Date: 2026-11-24"))]
    lines += [cells(68, (50, "Currency: EUR"))]
    y = 160.0
    if glued:
        item = [
            Word("ITEMNO.", 150, y, 200 + CHAR * 11, y + INK, 0.46, line=3, block=3),
            Word("/", 190, y, 193, y + INK, 0.93, line=3, block=3),
        ]
        item += [replace(w, line=3, block=3) for w in cells(y, (200, "Description"))]
    else:
        item = cells(y, (150, "ITEM NO."), (200, "Item description"))
    lines.append(
        cells(y, (40, "Line"), (80, "Qty"), (110, "UOM"))
        + item
        + cells(y, (440, "Unit cost"), (520, "Amount"))
    )
    for position, qty, code, text, price, amount, day in (
        ("10", "250", "CIN-AIS-19", "Insulating tape 19 mm", "0,95", "237,50", "13"),
        ("20", "500", "100872", "Nylon cable tie 200 mm", "0,035", "17,50", "13"),
        ("30", "750", "CIN-AIS-19", "Insulating tape 19 mm", "0,95", "712,50", "20"),
        ("40", "60", "BRO-HSS-8", "HSS drill bit 8 mm", "2,45", "147,00", "13"),
    ):
        y += 14
        lines.append(
            cells(y, (40, position), (80, qty), (110, "EA"), (150, code), (440, price), (520, amount))
        )
        y += 12
        lines.append(cells(y, (150, text)))
        y += 12
        lines.append(cells(y, (150, f"Delivery date: 2026-12-{day}")))
    lines.append(cells(y + 28, (440, "Total"), (520, "1114,50")))
    return lines


def test_a_numeric_item_number_under_item_no_is_the_code_though_a_product_comes_twice() -> None:
    # "ITEM NO." may head the rows' numbers or the items' codes.  Here the rows are numbered under
    # "Line", and under "ITEM NO." stand codes, one of them the buyer's own number "100872": the
    # column holds codes, judged on the item rows alone (not the description and the delivery date
    # printed under each code in that column), and a code printed twice (one product on two lines)
    # does not make it a column of positions, which never repeat
    got = read(page(*_listing()))
    assert [line["item_code"] for line in got["lines"]] == ["CIN-AIS-19", "100872", "CIN-AIS-19", "BRO-HSS-8"]


def test_item_no_run_together_and_boxed_over_the_next_heading_still_heads_the_codes() -> None:
    # A skewed fax page read the heading "ITEM NO. / Description" as the one word "ITEMNO." boxed to
    # the end of "Description", with "/" and "Description" read again inside that box.  Parted by its
    # letters over that whole box, "NO." stood past where "Description" begins, "ITEM Description"
    # read as one heading, and the code column was lost.  A word's box ends where the next word of its
    # line begins: "ITEM" and "NO." share the box up to the "/", and the column holds the codes as on
    # a page read cleanly
    got = read(page(*_listing(glued=True)))
    assert [line["item_code"] for line in got["lines"]] == ["CIN-AIS-19", "100872", "CIN-AIS-19", "BRO-HSS-8"]
