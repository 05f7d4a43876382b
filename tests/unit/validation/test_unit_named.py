"""A line's unit of measure in master data's words. A buyer writes the unit in its own language ("pezzi",
"Stück", "Karton") and a fax spoils a character of it ("E4"): where the word names the unit the product
is sold by (or the pack it was ordered in), the line carries master data's unit; a word of another unit
(kilograms for a product sold by the piece) holds the order for a person, the word kept as read; a word
nobody can map stays as read and is not judged, as before. Expected units are what an order-desk clerk
writes on the order, set out here by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.capture.domain.order import CapturedLine
from core.catalog.domain.packs import Pack
from core.kernel.domain.model import Decision
from oms.extract import order_json
from tests.unit.validation.test_decide import TODAY, Master, order
from tests.unit.validation.test_terms import TermsMaster
from validation.decide import validate

D = Decimal


def screws(unit: str | None, quantity: str = "250", price: str = "0.18") -> CapturedLine:
    """One line of the demo screws (GTIN 8437000100102, listed at 0.18 a piece)."""
    return CapturedLine(
        line_no="1", gtin="8437000100102", quantity=D(quantity), unit=unit, unit_price=D(price)
    )


def sold_by(unit: str) -> Master:
    master = Master()
    master.product_rows["TOR-M8-40"].unit = unit
    return master


def test_pezzi_for_a_product_sold_by_each_is_each_and_not_held() -> None:
    resolved = validate(order(lines=(screws("PEZZI"),)), sold_by("EA"), TODAY)
    assert resolved.units == ("EA",)
    assert resolved.problems == () and resolved.decision is Decision.ACCEPT


@pytest.mark.parametrize(
    "written",
    ["Stück", "Stk", "pièces", "pezzi", "NR", "peças", "unidades", "UDS", "PCS", "Each", "pz", "U."],
)
def test_pieces_in_the_buyers_languages_are_the_products_each(written: str) -> None:
    resolved = validate(order(lines=(screws(written),)), sold_by("EA"), TODAY)
    assert resolved.units == ("EA",), written
    assert resolved.problems == (), written


@pytest.mark.parametrize("read", ["E4", "EA.", "Pcs,", "PC5", "5TK", "STICK", "“PEZZI"])
def test_a_piece_word_a_fax_spoilt_by_one_look_alike_is_the_products_unit(read: str) -> None:
    # "E4": the A lost its bar; "PC5": an S read as a 5; "STICK": the u under an umlaut read as an i; a
    # speck read as a stop, a comma or a quote
    resolved = validate(order(lines=(screws(read),)), sold_by("EA"), TODAY)
    assert resolved.units == ("EA",), read
    assert resolved.problems == (), read


def test_kilograms_for_a_product_sold_by_each_are_held_naming_the_unit() -> None:
    resolved = validate(order(lines=(screws("KG"),)), sold_by("EA"), TODAY)
    assert [(p.code.value, p.field) for p in resolved.problems] == [("unit_mismatch", "lines[0].unit")]
    assert "KG" in resolved.problems[0].message and "EA" in resolved.problems[0].message
    assert resolved.decision is Decision.REVIEW
    assert resolved.units == ("KG",)  # the document's word, never replaced by master data's


def test_a_unit_of_another_kind_a_fax_spoilt_is_held_too() -> None:
    # "K6" is KG with its G read as a 6: a kilogram, not a piece, so a person looks
    resolved = validate(order(lines=(screws("K6"),)), sold_by("EA"), TODAY)
    assert [(p.code.value, p.field) for p in resolved.problems] == [("unit_mismatch", "lines[0].unit")]
    assert "K6" in resolved.problems[0].message and "kilogram" in resolved.problems[0].message
    assert resolved.units == ("K6",)


@pytest.mark.parametrize("read", ["KA", "STTICK", "XQ", "M3"])
def test_a_garbled_unit_nobody_can_map_stays_as_read_and_is_not_judged(read: str) -> None:
    # as before: no unit is guessed from it and it holds nothing (the price still vouches for the line)
    resolved = validate(order(lines=(screws(read),)), sold_by("EA"), TODAY)
    assert resolved.units == (read,)
    assert resolved.problems == ()


@pytest.mark.parametrize("written", ["Karton", "KAR", "scatola", "CF", "caixa", "cx", "boîte", "CT", "cajas"])
def test_boxes_in_the_buyers_languages_are_the_unit_of_a_product_sold_by_the_box(written: str) -> None:
    line = screws(written, quantity="3", price="0.18")
    resolved = validate(order(lines=(line,)), sold_by("CAJ"), TODAY)
    assert resolved.units == ("CAJ",), written
    assert resolved.problems == (), written


def test_boxes_of_a_product_sold_by_the_piece_are_its_pack_as_master_data_names_it() -> None:
    master = TermsMaster()  # the screws sold by "UD", in boxes of 12 ("CJ")
    master.pack_rows.append(Pack("TOR-M8-40", "CJ", D(12)))
    for written in ("Karton", "scatola", "caixa"):
        # 2 boxes of 12 at the list 0.18: 2.16 a box
        resolved = validate(order(lines=(screws(written, quantity="2", price="2.16"),)), master, TODAY)
        assert resolved.problems == (), written
        assert resolved.units == ("CJ",), written
        assert resolved.terms[0].base_quantity == 24, written


def test_a_line_of_no_known_product_keeps_its_unit() -> None:
    line = CapturedLine(line_no="1", item_code="NO-SUCH-1", quantity=D(5), unit="pezzi", unit_price=D(1))
    assert validate(order(lines=(line,)), sold_by("EA"), TODAY).units == ("pezzi",)


def test_what_oms_extract_prints_is_the_unit_in_master_datas_words() -> None:
    captured = order(lines=(screws("PEZZI"), screws("KG")))
    printed = order_json(captured, validate(captured, sold_by("EA"), TODAY))
    assert [line["unit"] for line in printed["lines"]] == ["EA", "KG"]
