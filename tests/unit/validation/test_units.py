"""Units of measure as documents write them: a box is never a piece. Expected kinds as an order-desk clerk
reads the words, written out here, not taken from the code's table."""

from __future__ import annotations

import pytest

from validation.units import fold, kind_of, looks_like


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Cajas.", "CAJAS"),
        (" uds. ", "UDS"),
        ("Palé", "PALE"),
        ("unidades", "UNIDADES"),
        ("m.", "M"),
        ("KG", "KG"),
    ],
)
def test_a_unit_is_read_without_accents_case_spaces_or_stops(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("uds", "piece"),
        ("Unidades", "piece"),
        ("PCE", "piece"),  # UN/ECE rec. 20 / EANCOM piece
        ("C62", "piece"),  # UN/ECE rec. 20 "one"
        ("pza.", "piece"),
        ("Caja", "box"),
        ("CT", "box"),  # EANCOM carton
        ("paquetes", "box"),
        ("kgm", "kilogram"),
        ("Kilos", "kilogram"),
        ("MTR", "metre"),
        ("metros", "metre"),
        ("LTR", "litre"),
        ("Rollo", "roll"),
        ("Palé", "pallet"),
        ("PX", "pallet"),
        # the buyers abroad: Portuguese, French, German, Italian
        ("peças", "piece"),
        ("pièces", "piece"),
        ("Stück", "piece"),
        ("pezzi", "piece"),
        ("NR", "piece"),  # Italian "numero": so many pieces
        ("caixa", "box"),
        ("CX", "box"),
        ("boîtes", "box"),
        ("Karton", "box"),
        ("KAR", "box"),
        ("scatola", "box"),
        ("CF", "box"),  # Italian "confezione"
        ("Kilogramm", "kilogram"),
        ("rouleau", "roll"),
        ("Palette", "pallet"),
    ],
)
def test_the_kind_of_a_unit_as_written(written: str, kind: str) -> None:
    assert kind_of(written) == kind


@pytest.mark.parametrize("written", [None, "", "   ", "docena", "XYZ", "cajón"])
def test_a_unit_nobody_agreed_on_has_no_kind(written: str | None) -> None:
    assert kind_of(written) is None


def test_a_box_is_never_a_piece() -> None:
    assert kind_of("caja") != kind_of("ud")
    assert kind_of("CT") != kind_of("PCE")


@pytest.mark.parametrize(
    ("read", "kind"),
    [("E4", "piece"), ("PC5", "piece"), ("U0", "piece"), ("K6", "kilogram"), ("C5", "box"), ("C1N", "box")],
)
def test_a_unit_word_a_fax_spoilt_by_one_look_alike_character(read: str, kind: str) -> None:
    # a 4 for an A, a 5 for an S, a 0 for a D, a 6 for a G, a 1 for a T: one slip from EA, PCS, UD,
    # KG, CS and CTN
    assert looks_like(read) == kind


@pytest.mark.parametrize("read", ["KA", "N", "EA", "XYZ", "K66", ""])
def test_no_look_alike_where_a_word_is_known_too_far_off_or_too_short(read: str) -> None:
    # "KA" is two slips from KG and one from KAR; "N" a single letter; "EA" known as written
    assert looks_like(read) is None
