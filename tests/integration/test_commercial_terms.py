"""Commercial terms through the whole capture path on the embedded default: an order mailed as a PDF
by a customer with an agreed price and a pack flows on untouched; the same order without the agreement
waits in review for its price; an EDI order for a pack's GTIN is answered in the unit it was ordered in.

The figures are the demo terms (samples/masterdata/prices.csv, units.csv): Ferretería Núñez (C-1001)
pays 0.16 a screw TOR-M8-40 from 5000 screws in 2026 (list 0.18); a box (CJ) of SIL-TRA-300 holds 12
cartridges at the list 4.20, so a box costs 50.40; the box's GTIN is 18437000100185."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from core.capture.services.partner_import import import_partners
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import Decision, Order, OrderState
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, SAMPLES, fixed_clock, make_app
from tests.integration.helpers import document, drain, ingest, orders_of, outbox_files
from tests.integration.lifecycle_support import level, set_up_shop
from tests.integration.order_documents import OrderPdf, mailed
from tests.integration.test_cli import oms
from tests.integration.test_review import clerk, form_fields

pytestmark = pytest.mark.integration

LINES = (
    ("TOR-M8-40", "Tornillo hexagonal M8x40", "5000", "0,16", "800,00"),
    ("SIL-TRA-300", "Silicona neutra transparente 300 ml", "2 cajas", "50,40", "100,80"),
)


def _app(tmp_path: Path, kinds: tuple[str, ...]) -> App:
    app = make_app(tmp_path, clock=fixed_clock)
    for kind in kinds:
        import_csv(app.uow(), kind, (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8"))
    import_partners(app.uow(), (SAMPLES / "masterdata" / "partners.csv").read_text(encoding="utf-8"))
    return app


@pytest.fixture
def with_terms(tmp_path: Path) -> Iterator[App]:
    app = _app(tmp_path, ("customers", "products", "customer-items", "prices", "units"))
    yield app
    app.close()


@pytest.fixture
def without_agreement(tmp_path: Path) -> Iterator[App]:
    app = _app(tmp_path, ("customers", "products", "customer-items", "units"))
    yield app
    app.close()


def _mailed_order(app: App) -> Order:
    pdf = OrderPdf(po_number="PN-5521", lines=LINES, total="900,80").pdf()
    doc_id = app.submit(mailed(pdf, DEMO_DAY, message_id="<pn-5521@ferreterianunez.es>"))
    drain(app)
    assert document(app, doc_id).state is DocumentState.PROCESSED
    [order] = orders_of(app, doc_id)
    return order


def test_an_order_at_the_agreed_price_in_boxes_flows_on_untouched(with_terms: App) -> None:
    order = _mailed_order(with_terms)
    assert order.customer_id == "C-1001"
    assert order.decision is Decision.ACCEPT and order.problems == []
    screws, boxes = order.lines
    assert (screws.sku, screws.quantity, screws.unit_price) == ("TOR-M8-40", Decimal(5000), Decimal("0.16"))
    assert screws.base_quantity is None  # ordered in the product's own unit
    assert screws.price_source is not None and "agreed price of C-1001" in screws.price_source
    # the document's quantity and unit stay as written, the base units beside them: 2 boxes = 24
    assert (boxes.sku, boxes.quantity, boxes.unit) == ("SIL-TRA-300", Decimal(2), "CAJ")
    assert (boxes.base_quantity, boxes.base_unit) == (Decimal(24), "UD")
    assert boxes.price_source is not None and "base price list" in boxes.price_source


def test_the_same_order_without_the_agreement_waits_for_its_price(without_agreement: App) -> None:
    order = _mailed_order(without_agreement)
    assert order.decision is Decision.REVIEW
    assert [(p["code"], p["field"]) for p in order.problems] == [("price_mismatch", "lines[0].unit_price")]
    # the boxes are settled by the pack all the same
    assert order.lines[1].base_quantity == Decimal(24)


def _interchange(reference: str, gtin: str, quantity: str, unit: str, price: str) -> bytes:
    body = [
        "UNH+1+ORDERS:D:96A:UN:EAN008",
        f"BGM+220+PO-{reference}+9",
        "DTM+137:20261126:102",
        "NAD+BY+8437000100010::9",
        "NAD+SU+8437000999997::9",
        "CUX+2:EUR:9",
        f"LIN+1++{gtin}:EN",
        f"QTY+21:{quantity}:{unit}",
        f"PRI+AAA:{price}",
        "UNS+S",
    ]
    segments = [
        "UNA:+.? ",
        f"UNB+UNOC:3+8437000100010:14+8437000999997:14+261126:0905+{reference}++ORDERS",
        *body,
        f"UNT+{len(body) + 1}+1",
        f"UNZ+1+{reference}",
    ]
    return ("'".join(segments) + "'").encode("latin-1")


def test_an_edi_order_for_a_packs_gtin_is_answered_in_the_unit_ordered(with_terms: App) -> None:
    doc_id = ingest(with_terms, _interchange("700001", "18437000100185", "3", "CT", "50.40"))
    [order] = orders_of(with_terms, doc_id)
    assert order.decision is Decision.ACCEPT, order.problems
    [line] = order.lines
    assert (line.sku, line.quantity, line.unit, line.base_quantity) == ("SIL-TRA-300", 3, "CT", 36)
    [ordrsp] = [f for f in outbox_files(with_terms) if f.name.startswith("ORDRSP_")]
    assert b"QTY+21:3:CT'" in ordrsp.read_bytes()


def test_the_clerk_sees_boxes_and_base_units_and_a_corrected_price_flows_on(without_agreement: App) -> None:
    order = _mailed_order(without_agreement)
    client, csrf = clerk(without_agreement)
    page = client.get(f"/review/{order.id}")
    assert page.status_code == 200
    assert "= 24 UD" in page.text  # beside the document's "2" and "CAJ"
    assert 'title="checked against 0.18 EUR, base price list"' in page.text
    assert "price of line 2 (SIL-TRA-300) checked against 4.20 EUR, base price list" in page.text
    api = client.get(f"/api/orders/{order.id}").json()
    assert [(x["quantity"], x["unit"], x["base_quantity"], x["base_unit"]) for x in api["lines"]] == [
        ("5000", None, None, None),
        ("2", "CAJ", "24", "UD"),
    ]
    assert client.post(f"/review/{order.id}/lock", headers={"X-CSRF-Token": csrf}).status_code == 200
    fields = form_fields(page.text)
    fields["lines-0-unit_price"] = "0.18"  # the list price: what this customer pays without agreement
    fields["then"] = "approve"
    assert client.post(f"/review/{order.id}/save", data=fields).status_code == 303
    with without_agreement.uow() as uow:
        saved = uow.orders.get(order.id or 0)
        assert saved is not None and saved.state is OrderState.ACCEPTED, saved.problems
        assert (saved.lines[1].quantity, saved.lines[1].base_quantity) == (Decimal(2), Decimal(24))


def test_terms_import_and_replace_on_postgresql(pg_app: App) -> None:
    for kind in ("customers", "products", "prices", "units"):
        import_csv(pg_app.uow(), kind, (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8"))
    header = "customer_id,sku,unit_price,currency,min_quantity,valid_from,valid_to\n"
    # the same customer, SKU, break and open first day as a row already loaded: replaced, not added
    again = import_csv(pg_app.uow(), "prices", header + ",TUE-M8,0.044,EUR,50000.0,,\n")
    assert (again.created, again.updated) == (0, 1)
    units = import_csv(pg_app.uow(), "units", "sku,unit,factor,gtin\nSIL-TRA-300,CJ,12,18437000100185\n")
    assert (units.created, units.updated) == (0, 1)
    with pg_app.uow() as uow:
        rows = uow.master.prices_for("TUE-M8")
        breaks = [(r.unit_price, r.min_quantity) for r in rows if r.party == ""]  # C-2001 has a GBP row
        assert breaks == [(Decimal("0.044"), Decimal(50000))]
        pack = uow.master.pack_by_gtin("18437000100185")
        assert pack is not None and (pack.sku, pack.factor) == ("SIL-TRA-300", Decimal(12))


def test_oms_import_prices_and_units_from_the_command_line(tmp_path: Path) -> None:
    for kind in ("customers", "products", "prices", "units"):
        done = oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv"))
        assert done.returncode == 0, done.stderr
    assert oms(tmp_path, "import", "units", str(SAMPLES / "masterdata" / "units.csv")).stdout.startswith(
        "units: 0 created, 5 updated"
    )
    bad = tmp_path / "prices.csv"
    bad.write_text(
        "customer_id,sku,unit_price,currency,min_quantity,valid_from,valid_to\n"
        "C-1002,TOR-M8-40,0.17,EUR,,,\n"
        "C-1002,TOR-M10-60,0,31,EUR,,,\n",  # a decimal comma
        encoding="utf-8",
    )
    refused = oms(tmp_path, "import", "prices", str(bad))
    assert refused.returncode == 2 and "row 3: more cells" in refused.stderr
    with_first_row = tmp_path / "first.csv"
    with_first_row.write_text(
        bad.read_text(encoding="utf-8").rsplit("C-1002,TOR-M10", 1)[0], encoding="utf-8"
    )
    # nothing of the refused file was loaded: its good first row now counts as new
    assert oms(tmp_path, "import", "prices", str(with_first_row)).stdout.startswith("prices: 1 created")


def test_stock_counts_a_pack_line_in_base_units(with_terms: App) -> None:
    set_up_shop(with_terms)
    doc_id = ingest(with_terms, _interchange("700002", "18437000100185", "3", "CT", "50.40"))
    [order] = orders_of(with_terms, doc_id)
    assert order.id is not None and order.decision is Decision.ACCEPT
    report = with_terms.lifecycle.service.start([order.id], "clerk")
    # 3 boxes of 12 cartridges: 36 cartridges reserved out of the 150 on hand
    assert report.allocated[order.id] == {"1": "36"}
    assert level(with_terms, "SIL-TRA-300", "MAD") == (Decimal(150), Decimal(36))


def test_a_quantity_below_the_agreed_break_is_priced_by_the_list_and_the_history_says_so(
    with_terms: App,
) -> None:
    with with_terms.uow() as uow:  # this customer's orders wait for a clerk whatever they say
        uow.policies.put("customer:C-1001", {"always_review": True}, DEMO_DAY)
        uow.commit()
    pdf = OrderPdf(po_number="PN-5522", lines=LINES[:1], total="800,00").pdf()
    doc_id = with_terms.submit(mailed(pdf, DEMO_DAY, message_id="<pn-5522@ferreterianunez.es>"))
    drain(with_terms)
    [order] = orders_of(with_terms, doc_id)
    assert order.decision is Decision.REVIEW and order.id is not None
    client, csrf = clerk(with_terms)
    assert client.post(f"/review/{order.id}/lock", headers={"X-CSRF-Token": csrf}).status_code == 200
    fields = form_fields(client.get(f"/review/{order.id}").text)
    fields["lines-0-quantity"], fields["lines-0-unit_price"] = "4000", "0.18"  # below the 5000 break
    fields["then"] = "approve"
    assert client.post(f"/review/{order.id}/save", data=fields).status_code == 303
    with with_terms.uow() as uow:
        saved = uow.orders.get(order.id)
        assert saved is not None and saved.state is OrderState.ACCEPTED, saved.problems
        [event] = [e for e in uow.review.audit(order.id) if e.action == "price"]
    assert event.field == "lines[0].price" and event.after == "0.18 EUR, base price list"
    assert event.before == "0.16 EUR, agreed price of C-1001, from 5000 units, valid 2026-01-01 to 2026-12-31"
