"""Units of measure as documents write them: a box is never a piece. Expected kinds as an order-desk clerk
reads the words, written out here, not taken from the code's table."""

from __future__ import annotations

import pytest

from validation.units import fold, kind_of


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
