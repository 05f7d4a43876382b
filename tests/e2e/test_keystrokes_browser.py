"""A clerk types into a field of an order in review in a real browser and approves it; the capture
report, on its page and in its CSV export, then shows the keys typed as the order's keystrokes.

What counts, written out: every key pressed in the order's form, a chord (Ctrl+Enter) once; keys
pressed elsewhere (the login form, the queue) do not."""

from __future__ import annotations

import csv
import io
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from samples.demo.seed import DEMO_WRITTEN, shift_dates
from tests.e2e.browser import PASSWORD, Server, chromium, running_oms
from tests.e2e.test_review_browser import Keys, api, policy_violations, wait_for
from tests.integration.test_review import UNKNOWN_CODE

pytestmark = pytest.mark.e2e


def corrections_by_channel(server: Server, token: str) -> dict[str, dict[str, str]]:
    """The capture report's "Corrections by channel" as its CSV export has it: each channel's row by
    column."""
    request = urllib.request.Request(
        f"{server.base}/reports/capture/export?format=csv", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as resp:
        rows = list(csv.reader(io.StringIO(resp.read().decode("utf-8"))))
    start = rows.index(["Corrections by channel"])
    header = rows[start + 1]
    out: dict[str, dict[str, str]] = {}
    for row in rows[start + 2 :]:
        if not row:
            break
        out[row[0]] = dict(zip(header, row, strict=True))
    return out


def table_row(page: Any, title: str, key: str) -> dict[str, str]:
    """A row of one of the report page's tables, by its section's title and its first cell."""
    return dict(
        page.evaluate(
            """([title, key]) => {
              const section = [...document.querySelectorAll("section.report")]
                .find((s) => s.querySelector("h2").textContent === title);
              const heads = [...section.querySelectorAll("thead th")].map((th) => th.textContent);
              const row = [...section.querySelectorAll("tbody tr")]
                .find((tr) => tr.cells[0].textContent.trim() === key);
              return heads.map((h, i) => [h, row.cells[i].textContent.trim()]);
            }""",
            [title, key],
        )
    )


def test_the_keys_a_clerk_types_show_in_the_capture_report(tmp_path: Path) -> None:
    unknown = shift_dates(UNKNOWN_CODE, (datetime.now(UTC).date() - DEMO_WRITTEN).days)
    with running_oms(tmp_path) as server, chromium() as browser:
        token = server.oms("user", "token", "ana").stdout.strip()
        (server.var / "inbox" / "edi").mkdir(parents=True, exist_ok=True)
        (server.var / "inbox" / "edi" / "orders.edi").write_bytes(unknown)
        wait_for(lambda: any(o["state"] == "in_review" for o in api(server, token, "/api/orders")["items"]))

        page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        blocked = policy_violations(page)
        outside = Keys(page)  # keys pressed outside the order's form: not the order's
        page.goto(f"{server.base}/review")
        page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
        outside.type("ana")
        outside.press("Tab")
        outside.type(PASSWORD)
        with page.expect_navigation():
            outside.press("Enter")
        with page.expect_navigation():
            outside.press("Enter")  # the first order in the queue
        page.wait_for_selector("#order-form")
        assert page.evaluate("document.activeElement.name") == "lines-1-sku"

        typed = Keys(page)
        typed.type("TUE-M9")  # a slip of the finger,
        typed.press("Backspace")  # taken back
        typed.type("8")
        assert page.evaluate("document.querySelector('[name=keystrokes]').value") == str(typed.count)
        with page.expect_navigation(url="**/review"):
            typed.press("Control+Enter")  # approve: nothing else waits, back to the queue
        assert typed.count == 9  # 6 + 1 + 1 + 1
        assert blocked == []

        # the approval refreshes the summary by a job: wait for it
        wait_for(lambda: "edi" in corrections_by_channel(server, token))
        row = corrections_by_channel(server, token)["edi"]
        assert row["corrected"] == "1" and row["field edits"] == "1"
        assert row["keystrokes"] == "9" and row["keystrokes/corrected order"] == "9.0"

        page.goto(f"{server.base}/reports/capture")
        shown = table_row(page, "Corrections by channel", "edi")
        assert shown["keystrokes"] == "9" and shown["keystrokes/corrected order"] == "9.0"
        assert table_row(page, "Corrections by document format", "edifact")["keystrokes"] == "9"
