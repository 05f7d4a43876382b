"""Packing, picking order and SSCCs at their edges, from the packing bench's rules:

- boxes S (30×20×15 cm, 0.2 kg, up to 5 kg), M (40×30×25, 0.35 kg, 15 kg), L (60×40×40, 0.6 kg, 25 kg);
  a box is full at 80 % of its volume, and a parcel weighs its goods and its box;
- units are packed heaviest first into the first parcel with room (the largest box's limits), whole
  units only; each parcel then gets the smallest box its contents fit; a unit too big for any box
  travels alone in the largest;
- weights are kept to the gram;
- a pick list walks A-2 before A-10, whatever the case of the location;
- an SSCC is 18 digits: extension, company prefix, serial, and the GS1 check digit.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.fulfilment.domain.warehouse import (
    PackItem,
    Parcel,
    PickLine,
    Shipment,
    by_location,
    location_key,
    pack,
    sscc,
)

D = Decimal


def _boxes(parcels: list[Parcel]) -> list[tuple[int, str, str]]:
    return [(p.number, p.box, str(p.weight_kg)) for p in parcels]


def test_two_ten_kilo_units_fill_a_parcel_and_the_rest_goes_on() -> None:
    # 24.4 kg of goods fit the largest box (25 kg less 0.6 kg of box): two units of 10 kg each
    parcels = pack([PackItem(1, 1, "SACO", D(5), D(10), D(1000))])
    # the third holds 10 kg: too much for S (5 kg), M takes it with its 0.35 kg box
    assert _boxes(parcels) == [(1, "L", "20.6"), (2, "L", "20.6"), (3, "M", "10.35")]
    assert [p.contents for p in parcels][2] == [{"line_id": 1, "position": 1, "sku": "SACO", "quantity": "1"}]


def test_the_last_parcel_gets_the_smallest_box_its_goods_fit() -> None:
    parcels = pack([PackItem(1, 1, "SACO", D(3), D(10), D(1000))])
    assert _boxes(parcels) == [(1, "L", "20.6"), (2, "M", "10.35")]


@pytest.mark.parametrize(
    ("unit_kg", "unit_cm3", "box", "weight"),
    [
        ("1", "7200", "S", "1.2"),  # exactly 80 % of S's 9,000 cm³
        ("1", "7201", "M", "1.35"),
        ("4.8", "100", "S", "5"),  # 4.8 kg and the 0.2 kg box: exactly S's 5 kg
        ("4.81", "100", "M", "5.16"),
        ("14.65", "100", "M", "15"),
        ("14.66", "100", "L", "15.26"),
        ("1", "24000", "M", "1.35"),  # exactly 80 % of M
        ("1", "24001", "L", "1.6"),
        ("0.0004", "1", "S", "0.2"),  # to the gram
        ("0.0126", "1", "S", "0.213"),
    ],
)
def test_one_unit_goes_in_the_smallest_box_it_fits(
    unit_kg: str, unit_cm3: str, box: str, weight: str
) -> None:
    (parcel,) = pack([PackItem(1, 1, "X", D(1), D(unit_kg), D(unit_cm3))])
    assert (parcel.box, str(parcel.weight_kg)) == (box, weight)


def test_the_box_gives_the_parcel_its_size() -> None:
    (parcel,) = pack([PackItem(1, 1, "X", D(1), D(1), D(100))])
    assert (parcel.length_cm, parcel.width_cm, parcel.height_cm) == (D(30), D(20), D(15))
    (parcel,) = pack([PackItem(1, 1, "X", D(1), D(10), D(100))])
    assert (parcel.length_cm, parcel.width_cm, parcel.height_cm) == (D(40), D(30), D(25))


def test_volume_limits_a_parcel_as_weight_does() -> None:
    # 76,800 cm³ fit the largest box (80 % of 96,000): 3 units of 25,000 cm³, the fourth goes on
    parcels = pack([PackItem(1, 1, "ROLLO", D(4), D("0.5"), D(25000))])
    assert [p.contents[0]["quantity"] for p in parcels] == ["3", "1"]
    # one unit of 25,000 cm³ is more than 80 % of M (24,000): L again
    assert _boxes(parcels) == [(1, "L", "2.1"), (2, "L", "1.1")]


def test_a_unit_bigger_than_any_box_travels_alone_in_the_largest() -> None:
    parcels = pack([PackItem(1, 1, "PUERTA", D(2), D(3), D(100000))])
    assert _boxes(parcels) == [(1, "L", "3.6"), (2, "L", "3.6")]


def test_heaviest_goods_go_first_and_lighter_ones_fill_the_room_left() -> None:
    items = [
        PackItem(2, 2, "LIGHT", D(2), D(4), D(100)),
        PackItem(1, 1, "HEAVY", D(3), D(10), D(100)),
    ]
    parcels = pack(items)
    # HEAVY: 2 units in parcel 1 (20 kg), 1 in parcel 2; LIGHT fills parcel 1's 4.4 kg left, then parcel 2
    assert [p.contents for p in parcels] == [
        [{"line_id": 1, "position": 1, "sku": "HEAVY", "quantity": "2"},
         {"line_id": 2, "position": 2, "sku": "LIGHT", "quantity": "1"}],
        [{"line_id": 1, "position": 1, "sku": "HEAVY", "quantity": "1"},
         {"line_id": 2, "position": 2, "sku": "LIGHT", "quantity": "1"}],
    ]  # fmt: skip
    assert _boxes(parcels) == [(1, "L", "24.6"), (2, "M", "14.35")]


def test_weightless_and_sizeless_goods_all_go_in_one_parcel() -> None:
    (parcel,) = pack([PackItem(1, 1, "LICENCIA", D(50), D(0), D(0))])
    assert (parcel.box, parcel.contents[0]["quantity"]) == ("S", "50")


def test_a_shipment_weighs_its_parcels() -> None:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    shipment = Shipment(1, "MAD", at, parcels=pack([PackItem(1, 1, "SACO", D(3), D(10), D(1000))]))
    assert shipment.weight_kg == D("30.95")
    assert Shipment(2, "MAD", at).weight_kg == 0


def test_locations_sort_in_walking_order_whatever_their_case() -> None:
    assert sorted(["a-10", "A-2", "b-1", "A-2-10", "A-2-9"], key=location_key) == [
        "A-2", "A-2-9", "A-2-10", "a-10", "b-1",
    ]  # fmt: skip
    assert location_key("a-2") == location_key("A-2")


def test_a_locations_lines_come_by_sku_then_order_then_line() -> None:
    lines = [
        PickLine(1, 9, 1, "B", "A-1", D(1)),
        PickLine(2, 5, 2, "B", "A-1", D(1)),
        PickLine(3, 5, 1, "B", "A-1", D(1)),
        PickLine(4, 7, 1, "A", "A-1", D(1)),
    ]
    ((loc, group),) = by_location(lines)
    assert loc == "A-1"
    assert [ln.allocation_id for ln in group] == [4, 3, 2, 1]


def test_an_sscc_as_gs1_writes_it() -> None:
    # GS1's own example: extension 1, prefix 0614141, serial 123456789, check digit 7
    assert sscc("0614141", 123456789, extension=1) == "106141411234567897"
    code = sscc("8437000", 42)
    assert code[:17] == "08437000000000042"
    assert len(code) == 18


@pytest.mark.parametrize(("prefix", "serial"), [("84370A0", 1), ("8437000", 10**9), ("84370001234567890", 1)])
def test_an_sscc_that_cannot_be_made_is_refused(prefix: str, serial: int) -> None:
    with pytest.raises(ValueError, match="cannot make an SSCC"):
        sscc(prefix, serial)
