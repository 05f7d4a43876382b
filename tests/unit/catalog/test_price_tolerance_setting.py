"""`OMS_PRICE_TOLERANCE`: a fraction of the price, 0.005 (0.5 %) unless set, refused at start-up when it is
not a fraction."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.kernel.errors import ConfigError
from oms.settings import Settings


def test_the_default_is_half_a_percent_and_a_set_value_is_taken() -> None:
    assert Settings.from_env({}).price_tolerance == Decimal("0.005")
    assert Settings.from_env({"OMS_PRICE_TOLERANCE": " 0.01 "}).price_tolerance == Decimal("0.01")
    assert Settings.from_env({"OMS_PRICE_TOLERANCE": "0"}).price_tolerance == 0  # exact prices only


@pytest.mark.parametrize("value", ["abc", "0,01", "-0.01", "1", "5", "NaN", "Infinity"])
def test_a_value_that_is_no_fraction_is_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="OMS_PRICE_TOLERANCE"):
        Settings.from_env({"OMS_PRICE_TOLERANCE": value})
