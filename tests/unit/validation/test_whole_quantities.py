"""Pieces, boxes and pallets are counted: a quantity of them with a fraction is no quantity anyone orders,
however well quantity × price rounds to the amount (a fax's table rule read as a last figure: "750.001"
pieces at 0.34 make 255.00 to the cent, as 750 do)."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import order, read, row


def _problems(got: dict) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(p["code"], p["field"]) for p in got["problems"]}


def test_a_fraction_of_a_piece_holds_the_order() -> None:
    got = read(
        order(
            [row("TOR-M10-60", "750,001", "0,34", "255,00", desc="Tornillo hexagonal M10x60")], total="255,00"
        )
    )
    assert ("invalid_quantity", "lines[0].quantity") in _problems(got)
    assert got["decision"] == "review"


def test_a_fraction_of_a_box_holds_the_order() -> None:
    got = read(
        order([row("TAC-6", "2,5", "3,90", "9,75", unit="cajas", desc="Taco de nailon 6 mm")], total="9,75")
    )
    assert ("invalid_quantity", "lines[0].quantity") in _problems(got)


def test_whole_pieces_written_with_decimals_and_kilograms_with_a_fraction_are_quantities() -> None:
    got = read(
        order(
            [row("TOR-M10-60", "750,00", "0,34", "255,00", desc="Tornillo hexagonal M10x60")], total="255,00"
        )
    )
    assert not any(code == "invalid_quantity" for code, _ in _problems(got))
    got = read(
        order(
            [row("TOR-M10-60", "12,5", "0,34", "4,25", unit="kg", desc="Tornillo hexagonal M10x60")],
            total="4,25",
        )
    )
    assert not any(code == "invalid_quantity" for code, _ in _problems(got))
