"""Keystrokes per corrected order, through the web app as the review page posts them: the count each
save, approval or rejection carries is kept with it, a count no review screen sends is refused and
changes nothing, and the capture report (page, CSV and XLSX exports) shows the keys typed per
corrected order by channel, customer and document format.

The business rule written out: a corrected order is one a clerk changed a field of; its keystrokes are
every key counted in its review form over all its actions; keystrokes per corrected order are the
keystrokes of the corrected orders whose keys were counted, divided by how many such orders there are.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.capture.services.review import MAX_KEYSTROKES
from core.kernel.domain.model import OrderState
from core.reporting.domain.reports import Period
from oms.bootstrap import App
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import ingest
from tests.integration.lifecycle_support import drain_all
from tests.integration.test_review import UNKNOWN_CODE, clerk, form_fields, in_review

pytestmark = pytest.mark.integration
D = Decimal
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}
# the demo interchange's first order, in review for its unknown code: the clerk sets line 2's SKU,
# pressing 6 keys ("TUE-M8"), saves; then changes the PO number pressing 9 keys and approves: two
# fields changed, 15 keys: one corrected order, 15.0 keystrokes per corrected order; the second
# order of the interchange is accepted untouched and is no review at all
CORRECTED = ["1", "1", "100.0", "2", "2.0", "15", "15.0"]


def audit_keys(app: App, order_id: int) -> list[tuple[str, int | None]]:
    with app.uow() as uow:
        return [(e.action, e.keystrokes) for e in uow.review.audit(order_id) if e.keystrokes is not None]


def sections(text: str) -> dict[str, dict[str, list[str]]]:
    """The CSV export read back: each section's rows by their first cell."""
    out: dict[str, dict[str, list[str]]] = {}
    title = None
    for row in csv.reader(io.StringIO(text)):
        if not row:
            title = None
        elif title is None:
            title = row[0]
            out[title] = {}
        elif row[0] not in ("channel", "customer", "format"):
            out[title][row[0]] = row[1:]
    return out


def test_keys_typed_in_review_reach_the_capture_report_and_its_exports(demo_app: App) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    assert client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf}).status_code == 200
    page = client.get(f"/review/{order_id}").text
    fields = form_fields(page)
    assert fields["keystrokes"] == "0"  # the page starts counting at nothing
    fields["lines-1-sku"] = "TUE-M8"
    fields["keystrokes"] = "6"
    saved = client.post(f"/review/{order_id}/save", data=fields)
    assert saved.status_code == 303, saved.text
    assert "save (6 keys)" in client.get(f"/review/{order_id}").text  # the order's history says so

    fields = form_fields(client.get(f"/review/{order_id}").text)
    fields.update({"po_number": "PO-2026-00123-B", "keystrokes": "9", "then": "approve"})
    done = client.post(f"/review/{order_id}/save", data=fields)
    assert done.status_code == 303, done.text
    drain_all(demo_app)
    assert audit_keys(demo_app, order_id) == [("save", 6), ("save", 9)]
    with demo_app.uow() as uow:  # the two fields the clerk changed, and nothing the form only carried
        edits = [e.field for e in uow.review.audit(order_id) if e.action == "edit"]
    assert edits == ["lines[1].sku", "po_number"]

    report = client.get("/reports/capture/export", params={**YEAR, "format": "csv"})
    assert report.status_code == 200
    got = sections(report.text)
    assert got["Corrections by channel"] == {"edi": CORRECTED}
    assert got["Corrections by customer"] == {"C-1001": CORRECTED}
    assert got["Corrections by document format"] == {"edifact": CORRECTED}
    header = report.text.splitlines()[report.text.splitlines().index("Corrections by channel") + 1]
    assert header.endswith("keystrokes,keystrokes/corrected order")

    xlsx = client.get("/reports/capture/export", params={**YEAR, "format": "xlsx"})
    book = load_workbook(io.BytesIO(xlsx.content))
    sheet = book["Corrections by channel"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][-2:] == ("keystrokes", "keystrokes/corrected order")
    assert values[2][0] == "edi" and values[2][-2] == 15 and float(values[2][-1]) == 15.0

    html = client.get("/reports/capture", params=YEAR).text
    assert "keystrokes/corrected order" in html and "Corrections by document format" in html

    # the summary kept by events agrees with one computed again from the orders
    assert demo_app.reporting.upkeep.rebuild() == 2
    rebuilt = sections(client.get("/reports/capture/export", params={**YEAR, "format": "csv"}).text)
    assert rebuilt["Corrections by channel"] == {"edi": CORRECTED}


@pytest.mark.parametrize(
    ("sent", "why"),
    [
        ("-1", "negative"),
        (str(MAX_KEYSTROKES + 1), "more than anyone types"),
        ("12abc", "not a whole number"),
        ("1.5", "not a whole number"),
    ],
)
def test_a_count_no_review_screen_sends_is_refused_and_changes_nothing(
    demo_app: App, sent: str, why: str
) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    fields = form_fields(client.get(f"/review/{order_id}").text)
    fields.update({"lines-1-sku": "TUE-M8", "keystrokes": sent, "then": "approve"})
    refused = client.post(f"/review/{order_id}/save", data=fields)
    assert refused.status_code == 422 and why in refused.text
    rejected = client.post(
        f"/review/{order_id}/reject", data={"csrf_token": csrf, "reason": "no", "keystrokes": sent}
    )
    assert rejected.status_code == 422 and why in rejected.text
    approved = client.post(f"/review/{order_id}/approve", data={"csrf_token": csrf, "keystrokes": sent})
    assert approved.status_code == 422
    with demo_app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None and order.state is OrderState.IN_REVIEW
        assert order.lines[1].sku is None  # the save was refused whole
        assert [e.action for e in uow.review.audit(order_id) if e.action in ("edit", "save")] == []
    # the largest count allowed is taken
    fields["keystrokes"] = str(MAX_KEYSTROKES)
    assert client.post(f"/review/{order_id}/save", data=fields).status_code == 303
    assert audit_keys(demo_app, order_id) == [("save", MAX_KEYSTROKES)]


def test_keys_sent_with_an_approval_or_a_rejection_are_kept_with_it(demo_app: App) -> None:
    ingest(demo_app, UNKNOWN_CODE)
    [order_id] = in_review(demo_app)
    client, csrf = clerk(demo_app)
    client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
    fields = form_fields(client.get(f"/review/{order_id}").text)
    fields.update({"lines-1-sku": "TUE-M8", "keystrokes": "6"})
    assert client.post(f"/review/{order_id}/save", data=fields).status_code == 303
    # Ctrl+Enter pressed on the reloaded page, posted to the approval alone: 1 key
    done = client.post(f"/review/{order_id}/approve", data={"csrf_token": csrf, "keystrokes": "1"})
    assert done.status_code == 303, done.text
    assert audit_keys(demo_app, order_id) == [("save", 6), ("approve", 1)]


def test_a_rejection_keeps_the_keys_pressed_before_it(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock)
    try:
        load_demo_master_data(app)
        ingest(app, UNKNOWN_CODE)
        [order_id] = in_review(app)
        client, csrf = clerk(app)
        client.post(f"/review/{order_id}/lock", headers={"X-CSRF-Token": csrf})
        data = {"csrf_token": csrf, "reason": "artículo descatalogado", "keystrokes": "4"}
        assert client.post(f"/review/{order_id}/reject", data=data).status_code == 303
        assert audit_keys(app, order_id) == [("reject", 4)]
        # an older page (or a client) that sends no count: kept as not counted, not as none typed
        ingest(app, UNKNOWN_CODE.replace(b"+100001+", b"+100002+").replace(b"PO-2026-001", b"PO-2026-002"))
        [second] = in_review(app)
        client.post(f"/review/{second}/lock", headers={"X-CSRF-Token": csrf})
        fields = {
            k: v for k, v in form_fields(client.get(f"/review/{second}").text).items() if k != "keystrokes"
        }
        fields.update({"lines-1-sku": "TUE-M8", "then": "approve"})
        assert client.post(f"/review/{second}/save", data=fields).status_code == 303
        assert audit_keys(app, second) == []
        drain_all(app)
        # the rejected order was approved by no one: no review among the corrections; the approved one
        # was corrected (one field) with its keys not counted: no keystrokes per corrected order
        report = app.reporting.reports.run("capture", Period(date(2026, 1, 1), date(2026, 12, 31)))
        by_channel = {str(r[0]): r[1:] for r in report.sections[3].rows}
        assert by_channel == {"edi": [1, 1, D("100.0"), 1, D("1.0"), 0, None]}
    finally:
        app.close()
