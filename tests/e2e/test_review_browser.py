"""A clerk in a real browser fixes and approves an order with the keyboard alone."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.e2e.browser import PASSWORD, Server, chromium, running_oms

pytestmark = pytest.mark.e2e
DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()
DOCS = ROOT / "docs"


class Keys:
    """Presses keys on a Playwright page and counts them: a chord is one stroke, text one per character."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.count = 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.count += len(text)


def api(server: Server, token: str, path: str) -> Any:
    request = urllib.request.Request(server.base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=5) as resp:
        return json.loads(resp.read())


def wait_for(predicate, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_keyboard_only_fix_and_approve_of_an_edifact_order(tmp_path: Path) -> None:
    unknown = DEMO.replace(b"PIA+5+4712:BP", b"PIA+5+9999:BP")
    with running_oms(tmp_path) as server, chromium() as browser:
        token = server.oms("user", "token", "ana").stdout.strip()
        (server.var / "inbox" / "edi").mkdir(parents=True, exist_ok=True)
        (server.var / "inbox" / "edi" / "orders.edi").write_bytes(unknown)
        wait_for(lambda: any(o["state"] == "in_review" for o in api(server, token, "/api/orders")["items"]))

        page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        keys = Keys(page)
        page.goto(f"{server.base}/review")  # not logged in: sent to the login form
        assert "/login" in page.url
        page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
        keys.type("ana")
        keys.press("Tab")
        keys.type(PASSWORD)
        with page.expect_navigation():
            keys.press("Enter")
        assert page.url.endswith("/review"), page.content()
        with page.expect_navigation():
            keys.press("Enter")  # open the first (oldest) order in the queue
        page.wait_for_selector("#order-form")
        focused = page.evaluate("document.activeElement.name")
        assert focused == "lines-1-sku"  # the cursor starts on the field in doubt
        keys.type("TUE-M8")
        page.screenshot(path=str(tmp_path / "review.png"), full_page=False)
        with page.expect_navigation(url="**/review"):
            keys.press("Control+Enter")  # nothing else waiting: back to the (empty) queue
        assert "Nothing waiting" in page.content()
        login_keys = len("ana") + len(PASSWORD) + 2
        print(f"keystrokes to log in, fix and approve: {keys.count} (of which {login_keys} to log in)")

        orders = api(server, token, "/api/orders")["items"]
        assert {o["state"] for o in orders} == {"accepted"}
        outbox = server.var / "outbox" / "edi" / "8437000100010"
        wait_for(
            lambda: len(list(outbox.glob("ORDRSP_*.edi"))) == 2
        )  # the first answer, then the approved one
        if not (DOCS / "review-screen.png").exists():
            DOCS.mkdir(exist_ok=True)
            (DOCS / "review-screen.png").write_bytes((tmp_path / "review.png").read_bytes())
