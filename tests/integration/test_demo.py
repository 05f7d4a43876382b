"""`oms demo` takes one order per channel from arrival to delivered and paid, twice.

What the demo promises, written out: on each channel (an EDIFACT interchange in the EDI inbox, an
e-mail with the order typed in its body, an e-mail with a PDF order, a faxed TIFF in the fax inbox, a
signed and encrypted AS2 message) an order arrives and ends delivered, invoiced and paid; exactly one
of them, the fax, waits in the review queue until the demo clerk corrects it, and the correction
stands in its history under the clerk's name; a clean run says nothing on stderr; and a second run
makes new orders, none held as a duplicate of the first run's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from oms.bootstrap import App
from tests.conftest import make_app

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
# (channel, how the document was read): the five ways in
WAYS_IN = {
    ("edi", "edifact"),
    ("email", "email-text"),
    ("email", "pdf-text"),
    ("fax", "tiff-ocr"),
    ("as2", "edifact"),
}


def run_demo(var: Path) -> subprocess.CompletedProcess[str]:
    env = {"OMS_DATA_DIR": str(var), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(
        [sys.executable, "-m", "oms.cli", "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@dataclass(frozen=True)
class Outcome:
    """One order the demo took through, as the database holds it."""

    order_id: int
    way_in: tuple[str, str]
    state: str
    shipments: tuple[str, ...]
    invoiced: Decimal
    open_amount: Decimal
    approved_by_clerk: bool
    edits: tuple[tuple[str, object, object, str], ...]  # (field, before, after, user name)


def outcomes(app: App) -> list[Outcome]:
    """Every order the demo shipped, with how it came in and what happened to it."""
    found = []
    with app.uow() as uow:
        for shipment in uow.fulfilment.shipments(limit=1000):
            order = uow.orders.get(shipment.order_id)
            document = uow.documents.get(order.document_id)
            invoices = list(uow.billing.invoices(order_id=order.id))
            audit = list(uow.review.audit(order.id))
            names = {e.user_id: uow.users.get(e.user_id).username for e in audit if e.user_id}
            found.append(
                Outcome(
                    order_id=order.id,
                    way_in=(str(document.channel), str(document.format)),
                    state=str(order.state),
                    shipments=tuple(str(s.state) for s in uow.fulfilment.shipments(order_id=order.id)),
                    invoiced=sum((i.total for i in invoices), Decimal(0)),
                    open_amount=sum((i.open_amount for i in invoices), Decimal(0)),
                    approved_by_clerk=any(e.action == "approve" for e in audit),
                    edits=tuple(
                        (e.field, e.before, e.after, names.get(e.user_id, ""))
                        for e in audit
                        if e.action == "edit"
                    ),
                )
            )
    unique = {o.order_id: o for o in found}  # an order shipped from two warehouses has two shipments
    return sorted(unique.values(), key=lambda o: o.order_id)


Runs = tuple[list[subprocess.CompletedProcess[str]], App]


@pytest.fixture(scope="module")
def two_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Runs]:
    var = tmp_path_factory.mktemp("demo") / "var"
    runs = [run_demo(var), run_demo(var)]
    app = make_app(var)
    yield runs, app
    app.close()


def test_each_run_succeeds_and_says_nothing_on_stderr(two_runs: Runs) -> None:
    runs, _ = two_runs
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert run.stderr == ""
        assert "delivered" in run.stdout


def test_every_channel_brings_an_order_to_delivered_and_paid_in_each_run(two_runs: Runs) -> None:
    _, app = two_runs
    done = outcomes(app)
    assert sorted(o.way_in for o in done) == sorted(list(WAYS_IN) * 2)  # one per way in, per run
    for o in done:
        assert o.shipments and all(s == "delivered" for s in o.shipments), o
        assert o.invoiced > 0, o
        assert o.open_amount == 0, o  # paid in full
        assert o.state == "closed", o  # delivered and settled: nothing left to do


def test_exactly_the_fax_went_through_review_and_the_clerk_s_fix_is_in_its_history(two_runs: Runs) -> None:
    _, app = two_runs
    reviewed = [o for o in outcomes(app) if o.approved_by_clerk]
    assert [o.way_in for o in reviewed] == [("fax", "tiff-ocr")] * 2  # one per run
    for o in reviewed:
        # the fax shows 80 nuts on its second line where the order's total says 50: the clerk puts 50
        fixes = [(field, before, after) for field, before, after, user in o.edits if user == "demo"]
        assert ("lines[1].quantity", "80", "50") in [(f, str(b), str(a)) for f, b, a in fixes], o.edits
        with app.uow() as uow:
            order = uow.orders.get(o.order_id)
            assert [(line.sku, line.quantity) for line in order.lines] == [
                ("ARA-M8", Decimal(100)),
                ("TUE-M8", Decimal(50)),
            ]


def test_the_second_run_makes_new_orders_not_duplicates(two_runs: Runs) -> None:
    _, app = two_runs
    with app.uow() as uow:
        orders = uow.orders.list(limit=1000)
        documents = uow.documents.list(limit=1000)
    assert not [o.id for o in orders if o.duplicate_of is not None or str(o.state) == "duplicate"]
    assert not [d.id for d in documents if d.state is DocumentState.DUPLICATE]
    po_numbers = [o.po_number for o in orders]
    assert len(po_numbers) == len(set(po_numbers))
