"""Migration 0027 (keystrokes in review) up and down on SQLite and PostgreSQL, over rows written before
it: the audit trail gains a nullable count with a check that refuses a negative one, the summary two
measures that start at 0; going down drops them and keeps every row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from tests.integration.helpers import migrate

pytestmark = pytest.mark.integration
AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
CHECK = "ck_audit_events_keystrokes_not_negative"


def checks(engine: Engine) -> set[str]:
    return {str(c["name"]) for c in inspect(engine).get_check_constraints("audit_events")}


def columns(engine: Engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


@pytest.fixture
def engine(each_db_url: str) -> Iterator[Engine]:
    made = create_engine(each_db_url)
    yield made
    made.dispose()


def test_upgrade_to_0027_and_back_keeps_the_rows(engine: Engine) -> None:
    migrate(engine, "upgrade", "0026")
    # a day's sums as 0026 wrote them
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO report_daily (day, dim, key, corrected, field_edits)"
                " VALUES (:d, 'all', '', 1, 3)"
            ),
            {"d": AT.date()},
        )
    assert "keystrokes" not in columns(engine, "audit_events")
    assert not {"keystrokes", "keyed"} & columns(engine, "report_daily")

    migrate(engine, "upgrade", "0027")
    assert "keystrokes" in columns(engine, "audit_events")
    assert CHECK in checks(engine)
    for table in ("report_daily", "report_monthly"):
        assert {"keystrokes", "keyed"} <= columns(engine, table)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT corrected, field_edits, keystrokes, keyed FROM report_daily")).one()
    assert tuple(row) == (1, 3, 0, 0)  # the old sums kept, the new measures at nothing

    migrate(engine, "downgrade", "0026")
    assert "keystrokes" not in columns(engine, "audit_events")
    assert CHECK not in checks(engine)
    assert not {"keystrokes", "keyed"} & columns(engine, "report_daily")
    with engine.connect() as conn:
        assert tuple(conn.execute(text("SELECT corrected, field_edits FROM report_daily")).one()) == (1, 3)
    migrate(engine, "upgrade", "head")  # and up again, as `oms db upgrade` would
