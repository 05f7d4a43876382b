"""The automatic nightly planning run (OMS_PURCHASING_AUTO_PLAN), driven by a clock moved by hand: not
before its time, once a day however often the sweep asks, again the next night."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from core.purchasing.domain.nightly import due_slot
from oms.bootstrap import App
from tests.integration.purchasing_support import po, shop

pytestmark = pytest.mark.integration


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def drafts(app: App) -> list[str]:
    with app.uow() as uow:
        return [p.number for p in uow.purchasing.pos(states=["draft"])]


def test_the_nightly_run_proposes_once_a_night(tmp_path: Path) -> None:
    from tests.conftest import make_app

    clock = Clock(datetime(2026, 12, 3, 1, 30, tzinfo=UTC))
    app = make_app(tmp_path, clock=clock, purchasing_auto_plan="02:00")
    try:
        assert app.settings.purchasing_auto_plan == time(2, 0)
        shop(app, reorder=True)  # the reorder rules leave S-HERR and S-QUIM short (see test_purchasing_setup)
        at = app.settings.purchasing_auto_plan
        assert app.purchasing.tick(at) == 0 and drafts(app) == []  # 01:30: not yet
        clock.now = datetime(2026, 12, 3, 2, 4, tzinfo=UTC)
        assert app.purchasing.tick(at) == 2
        first = drafts(app)
        assert len(first) == 2
        assert {e.actor for n in first for e in po(app, n).events} == {"system:nightly-plan"}
        for later in (datetime(2026, 12, 3, 2, 5, tzinfo=UTC), datetime(2026, 12, 3, 23, 59, tzinfo=UTC)):
            clock.now = later
            assert app.purchasing.tick(at) == 0  # the same night: nothing proposed twice
        assert drafts(app) == first
        # the buyer drops S-QUIM's draft in the day; the next night proposes it again, S-HERR's still waits
        app.purchasing.service.drop(first[1], "luis")
        clock.now = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)
        assert app.purchasing.tick(at) == 1
        assert len(drafts(app)) == 2 and first[0] in drafts(app)
        assert app.purchasing.tick(at) == 0
        assert app.purchasing.tick(None) == 0  # off: nothing, whatever the time
    finally:
        app.close()


def test_due_slot_is_today_from_its_time_on() -> None:
    at = time(2, 0)
    assert due_slot(datetime(2026, 12, 3, 1, 59, 59, tzinfo=UTC), at) is None
    assert str(due_slot(datetime(2026, 12, 3, 2, 0, tzinfo=UTC), at)) == "2026-12-03"
    assert str(due_slot(datetime(2026, 12, 3, 23, 0, tzinfo=UTC), at)) == "2026-12-03"
    with pytest.raises(ValueError, match="aware"):
        due_slot(datetime(2026, 12, 3, 3, 0), at)
