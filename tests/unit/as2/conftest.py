from __future__ import annotations

import pytest

from tests.unit.as2.network import Network


@pytest.fixture
def network() -> Network:
    return Network()
