"""Lines a normal fax spoilt in two figures, pinned by the order's printed total: sap_listing (tuning,
normal) "50 Stk 4,75 237,50" read "20,00" and "4,715" with the amount lost, and "24 Stk 3,60 86,40"
read with the price lost and the amount "80,40".

The business rule: the printed total is the sum of the line amounts.  Where every other line's amount
was read as printed, the total less them is the spoilt line's amount; the quantity and price are then
the one pair, each as read or one figure from it, that makes that amount.  Only a figure OCR read
unsure (the fax's spoilt cells read at 0.53 and 0.32) may change; where two pairs fit, nothing is
chosen.  Whatever is worked out so stays doubtful: the total vouches for the amount, not for the
figure a quantity or price was changed to.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import doubted, numbers, row
from tests.unit.parsers.spoilt_support import spoilt_order


def test_the_total_pins_a_quantity_and_a_price_both_one_figure_off() -> None:
    second = row("BRO-HSS-8", "20,00", "4,715", "", desc="Broca")
    got = spoilt_order(second, total="262,50", unsure=("20,00", "4,715"))  # 25,00 + 237,50
    assert numbers(got)[1] == ("BRO-HSS-8", "50", "4.75")
    assert doubted(got, "lines[1].quantity")
    assert doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"


def test_the_total_pins_an_amount_misread_beside_a_price_lost() -> None:
    second = row("SIL-TRA-300", "24", "", "80,40", desc="Silicona")
    got = spoilt_order(second, total="111,40", unsure=("80,40",))  # 25,00 + 86,40
    assert numbers(got)[1] == ("SIL-TRA-300", "24", "3.6")
    assert doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"


def test_two_pairs_that_make_the_amount_choose_nothing() -> None:
    # 60,00 is 20 × 3,00 and 24 × 2,50: each one figure from "20" and "3,50"
    got = spoilt_order(row("BRO-HSS-8", "20", "3,50", "", desc="Broca"), total="85,00", unsure=("20", "3,50"))
    assert numbers(got)[1] == ("BRO-HSS-8", "20", "3.5")


def test_an_amount_more_than_a_figure_from_what_the_total_leaves_is_left_as_read() -> None:
    second = row("SIL-TRA-300", "24", "", "50,40", desc="Silicona")
    got = spoilt_order(second, total="111,40", unsure=("50,40",))  # 86,40 left
    assert numbers(got)[1] == ("SIL-TRA-300", "24", "2.1")


def test_figures_read_sure_are_not_changed_to_fit_the_total() -> None:
    # 20 × 4,715 printed plainly beside a total that leaves 237,50: the customer's figures, for a person
    got = spoilt_order(row("BRO-HSS-8", "20,00", "4,715", "", desc="Broca"), total="262,50")
    assert numbers(got)[1] == ("BRO-HSS-8", "20", "4.715")


def test_a_quantity_read_with_a_minus_sign_is_left_for_a_person_not_a_crash() -> None:
    # a speck before (or after) the figures reads as a sign: an order's quantity is never below nought, so
    # no figure of it is edited to fit the total; the page is still read and the order waits for a clerk
    for quantity in ("-20,00", "-20", "20-"):
        got = spoilt_order(
            row("BRO-HSS-8", quantity, "4,715", "", desc="Broca"), total="262,50", unsure=(quantity,)
        )
        assert numbers(got)[0] == ("TUE-M8", "500", "0.05")
        assert got["decision"] != "accept"
