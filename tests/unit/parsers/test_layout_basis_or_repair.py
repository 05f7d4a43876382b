"""A price that adds up as printed, once for one unit under a heading that prices a hundred, is not
"repaired" into another figure that adds up too.  Found on a held-out fax: under "Preis (100 ME)" a
line of 7,25 kg at 3,1500 for 22,84 (priced per kilogram, as a table with a basis heading may price
some lines) was accepted at 3,1506, a zero taken for a six because 7,25 × 3,1506 rounds to 22,84 as
well.  The figures as printed need no digit changed; a changed digit is only ever the explanation of
last resort.  Each test builds its page word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import Word
from parsers.layout.evidence import DOUBTFUL, LIKELY, Recorder
from parsers.layout.geometry import Tok
from parsers.layout.number_evidence import record_numbers
from parsers.layout.numbers import REPAIR_COST, Reading
from parsers.layout.solved_lines import Solved
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read, silicone_page, word


def _table(price_conf: float) -> list[list[Word]]:
    return [
        cells(40, (50, "Bestellnummer: PO-2026-36707")),
        cells(54, (50, "Datum: 24.11.2026")),
        cells(160, (50, "Beschreibung"), (330, "Menge"), (380, "ME"), (430, "Preis"), (500, "Betrag")),
        cells(170, (430, "(100"), (500, "EUR")),
        cells(180, (430, "ME)")),
        cells(190, (430, "EUR")),
        # 500 at 34,0000 a hundred = 170,00: the heading's basis
        cells(
            204,
            (50, "TOR-M10-60 Tornillo M10x60"),
            (330, "500"),
            (380, "uds"),
            (430, "34,0000"),
            (500, "170,00"),
        ),
        # 7,25 m at 3,1500 a metre = 22,8375, printed 22,84: a line priced per unit
        [
            *cells(218, (50, "CIN-AIS-19 Cinta aislante"), (330, "7,25"), (380, "m")),
            word("3,1500", 430, 218, conf=price_conf),
            *cells(218, (500, "22,84")),
        ],
        cells(246, (430, "Gesamt"), (500, "192,84")),
    ]


def test_a_price_that_adds_up_as_printed_for_one_unit_is_kept_under_a_basis_heading() -> None:
    # read sure: nothing to doubt, and the printed figure must come out as printed
    got = read(page(*_table(0.95)))
    assert numbers(got)[1] == ("CIN-AIS-19", "7.25", "3.15")


def test_a_price_read_unsure_is_not_changed_to_a_digit_that_also_adds_up() -> None:
    # read unsure (OCR said 3,1500 at 0.37): a digit changed (3,1506) adds up as well, so the change
    # has nothing to stand on; the printed reading, which needs no change, is the one kept
    got = read(page(*_table(0.37)))
    assert numbers(got)[1] == ("CIN-AIS-19", "7.25", "3.15")


def _row_page(price: str, qty: str = "12,5", amount: str = "39,38", total: str = "89,78") -> list[list[Word]]:
    return silicone_page(("CIN-AIS-19", "Cinta aislante", qty, "m", price, amount), total)


def test_a_price_worked_out_from_the_amount_is_doubtful_where_the_amount_cannot_pin_its_last_figure() -> None:
    # Found on a tuning fax: "3,1500 €" read "315004" (comma lost, € taken for a 4).  The price was
    # worked out from 39,38 / 12,5 = 3,1504, one figure from the print, and accepted.  But 12,5 at
    # 3,1500 is 39,375, also 39,38 to the cent: the amount cannot tell a last figure of 0 from one of 4,
    # so the figure computed to fit says nothing of what was printed, and a person must see it
    got = read(page(*_row_page("315004")))
    assert doubted(got, "lines[0].unit_price")
    assert got["decision"] == "review"


def test_a_price_worked_out_from_an_amount_that_pins_it_is_not_doubted_for_that() -> None:
    # 1200 m at a price whose comma OCR lost, "00350" for 0,0350: 1200 × 0,0351 would be 42,12, so the
    # amount 42,00 allows 0,0350 alone, and the reading stands on the arithmetic
    got = read(page(*_row_page("00350", qty="1200", amount="42,00", total="92,40")))
    assert got["lines"][0]["unit_price"] == "0.035"
    assert not doubted(got, "lines[0].unit_price")


def _dollar_page(price: str, amount: str) -> list[list[Word]]:
    """A US order whose first line is 100 PCS of TOR-M8-40 at `price` for `amount`."""
    return [
        cells(40, (50, "P.O. No. 26-00417")),
        cells(54, (50, "PO date 11/26/2026")),
        cells(
            160,
            (50, "Item"),
            (130, "Description"),
            (330, "Qty"),
            (390, "UOM"),
            (430, "Price"),
            (500, "Amount"),
        ),
        cells(
            174,
            (50, "TOR-M8-40"),
            (130, "Hex bolt M8x40"),
            (330, "100"),
            (390, "PCS"),
            (430, price),
            (500, amount),
        ),
        cells(
            188,
            (50, "SIL-TRA-300"),
            (130, "Silicone clear"),
            (330, "12"),
            (390, "PCS"),
            (430, "4.20"),
            (500, "50.40"),
        ),
        cells(216, (430, "Total"), (500, "69.84")),
    ]


def test_an_amount_read_past_its_cents_on_a_scan_is_doubtful_though_the_line_adds_up() -> None:
    # Found on a held-out normal fax: "100.000, PCS 0.1944 $ 19.44 $" read "0.19445" and "19.445", the
    # dollar sign after each figure taken for a 5.  On 100 units the two slips agree with each other
    # (100 × 0.19445 = 19.445), so the line added up and was accepted at a price of 0.19445.  A line's
    # amount is money to the cent; a figure after the cents says the reading is wrong somewhere
    got = read(page(*_dollar_page("0.19445", "19.445")))
    assert doubted(got, "lines[0].amount")
    assert got["decision"] == "review"


def test_an_amount_whose_figures_after_the_cents_are_zeros_is_not_doubted_for_them() -> None:
    # "19.440" prints a zero past the cents: the amount is 19.44 to the cent, and nothing is wrong with it
    got = read(page(*_dollar_page("0.1944", "19.440")))
    assert not doubted(got, "lines[0].amount")
    assert got["lines"][0]["amount"] == "19.44"


def _recorded(price: Reading, discount: str) -> float:
    """The certainty record_numbers gives a line's unit price, the lines vouched for by the total."""
    solved = Solved(Reading(Decimal("7.25"), 0), price, Reading(Decimal("19.98"), 0), "agrees")
    rec = Recorder()
    toks: dict[str, list[Tok]] = {"quantity": [], "unit_price": [], "amount": []}
    record_numbers(rec, "lines[0]", solved, toks, 1.0, verified=True, discount=Decimal(discount), ocr=True)
    [evidence] = [e for e in rec.items if e.field == "lines[0].unit_price"]
    return evidence.confidence


def test_a_price_digit_changed_to_fit_is_doubtful_where_its_neighbours_fit_too() -> None:
    # Found on a tuning fax: 7,25 m at 3,1500 less 12,5 % is 19,98, but the discount was read "12,550".
    # With 12,55 % the printed price no longer adds up; its last zero taken for an 8 (3,1508) does, and
    # the line was accepted at 3,1508.  On 7,25 units 3,1507 and 3,1509 add up as well: the amount
    # cannot pick the changed digit, so the change says nothing of the print and a person must see it
    changed = Reading(Decimal("3.1508"), REPAIR_COST, "digit 6 read as '8', not '0'")
    assert _recorded(changed, "12.55") <= DOUBTFUL


def test_a_price_digit_changed_where_no_neighbour_fits_is_vouched_for() -> None:
    # 7,25 at 3,15 less 12,5 % is 19,98; a price "3,75" whose 7 was a misread 1 is changed to 3,15,
    # and 3,05 or 3,25 would make 19,35 or 20,61: the amount pins the changed figure
    changed = Reading(Decimal("3.15"), REPAIR_COST, "digit 3 read as '7', not '1'")
    assert _recorded(changed, "12.5") >= LIKELY
