"""Reports written as standalone HTML files (the replay report), from the same templates as the pages."""

from __future__ import annotations

from datetime import UTC, date, datetime

from core.capture.domain.replay import ReplayReport
from web.templating import templates


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def replay_html(report: ReplayReport, *, since: date | None = None, channel: str | None = None) -> str:
    """The replay as one HTML page: the summary, then every order whose reading or decision changes."""
    changed = [
        o
        for o in report.orders
        if o.changes or o.decision_before != o.decision_after or o.disagreements or o.false_accept_after
    ]
    template = templates.env.get_template("replay_report.html")
    return template.render(
        report=report,
        s=report.summary(),
        changed=changed,
        since=since,
        channel=channel,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        pct=_pct,
    )
