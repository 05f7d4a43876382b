"""A line's promotion written as an allowance (ALC, PCD, MOA) in the ORDRSP and read back with pydifact:
the promotion's id, the discount code, the percent and the amount, escaped where the words need it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydifact.segmentcollection import Interchange

from core.catalog.domain.promotions import Promotion, described_parts
from core.kernel.domain.model import OrderLine
from outbound.edifact import build_ordrsp
from tests.unit.outbound.test_outbound_ordrsp import ISSUED, envelope, order

pytestmark = pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning")
D = Decimal
TEN = Promotion("NAVIDAD10", "percent", "all", value=D(10), description="Navidad: tornillería")
THREE_FOR_TWO = Promotion("GUA3X2", "buy_get", "product", "GUA", buy=2, get=1)


def segments(lines: list[OrderLine]) -> list[tuple[str, list[object]]]:
    content = build_ordrsp(order(lines=lines), envelope(), message_ref="1", issued_at=ISSUED)
    [message] = list(Interchange.from_str(content.decode("latin-1")).get_messages())
    return [(s.tag, list(s.elements)) for s in message.segments]


def test_a_percentage_promotion_is_alc_pcd_and_moa_after_its_line() -> None:
    line = OrderLine(1, line_no="10", sku="TOR", quantity=D(250), unit_price=D("0.18"))
    line.discount, line.promotion = D("4.50"), TEN.describe()
    segs = segments([line])
    tags = [t for t, _ in segs]
    alc = tags.index("ALC")
    assert tags[alc - 1] == "RFF" and tags[alc : alc + 3] == ["ALC", "PCD", "MOA"]
    _, elements = segs[alc]
    # ALC+A+NAVIDAD10++1+DI:::words (the colon in the words escaped, and read back whole)
    assert elements[0] == "A" and elements[1] == "NAVIDAD10" and elements[3] == "1"
    assert elements[4] == ["DI", "", "", "promotion NAVIDAD10 (Navidad: torni"]  # an..35
    assert segs[alc + 1] == ("PCD", [["1", "10"]])
    assert segs[alc + 2] == ("MOA", [["204", "4.5"]])  # 4.50 as EDIFACT writes decimals


def test_buy_get_has_no_percent_and_a_line_without_promotion_no_alc() -> None:
    free = OrderLine(1, sku="GUA", quantity=D(3), unit_price=D("8.50"))
    free.discount, free.promotion = D("8.50"), THREE_FOR_TWO.describe()
    plain = OrderLine(2, sku="TOR", quantity=D(10), unit_price=D("0.18"))
    tags = [t for t, _ in segments([free, plain])]
    assert tags.count("ALC") == 1 and "PCD" not in tags
    assert tags.index("ALC") < tags.index("LIN", tags.index("LIN") + 1)  # under the first line


def test_the_parts_of_a_described_promotion() -> None:
    assert described_parts(TEN.describe()) == ("NAVIDAD10", D(10))
    assert described_parts(THREE_FOR_TWO.describe()) == ("GUA3X2", None)
    assert described_parts("something else") == (None, None)
