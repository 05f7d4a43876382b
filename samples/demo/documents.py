"""The documents `oms demo` sends in on the e-mail and fax channels, made by the sample generators and
dated the day the demo runs: an e-mail with the order typed in its body, an e-mail with a PDF order
attached, and a faxed order whose second line the fax misprints (a clerk fixes it in review).

Each order has lines of its own: the same lines from the same customer on two channels within days
would rightly be held as the same order sent twice. The order numbers carry the run's `tag`, so a
second run is a new order, not a duplicate."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from samples.faxsim import FaxLine, fax_tiff
from samples.mail_gen import typed_order, with_attachment
from samples.orders_gen.generate import TODAY, make, render
from samples.orders_gen.master import customers, products
from samples.orders_gen.spec import LineSpec, OrderSpec

Lines = tuple[tuple[str, Decimal], ...]  # (our SKU, quantity)


@dataclass(frozen=True)
class DemoDocument:
    """What arrives, and what it says (what a careful clerk would read from it)."""

    content: bytes
    sender: str  # the e-mail's envelope sender or the fax's calling number
    customer_id: str
    po_number: str
    lines: Lines
    unit_prices: tuple[Decimal, ...]


def typed_mail(day: date, tag: str) -> DemoDocument:
    """Ferretería Núñez types an order into an e-mail: washers by their own code and bolts by ours."""
    po = f"PED-{tag}"
    items = (("4713", "ARA-M8", 200), ("TOR-M10-60", "TOR-M10-60", 25))
    mail = typed_order(
        "C-1001",
        [(code, sku, q) for code, sku, q in items],
        po,
        day=day,
        delivery=day + timedelta(days=6),
        message_id=f"<demo-{tag}.typed@ferreterianunez.es>",
    )
    lines = tuple((sku, Decimal(q)) for _, sku, q in items)
    prices = tuple(products()[sku].price for sku, _ in lines)
    return DemoDocument(mail.raw, mail.envelope_sender, "C-1001", po, lines, prices)


def _dated(spec: OrderSpec, day: date) -> OrderSpec:
    """The spec moved to `day`: the generator writes its orders as of its own TODAY."""
    moved = day - TODAY
    spec.order_date += moved
    spec.delivery_date += moved
    return spec


def _line(no: str, sku: str, quantity: int) -> LineSpec:
    product = products()[sku]
    return LineSpec(no, product, sku, "sku", product.name_es, Decimal(quantity), product.price)


def pdf_mail(day: date, tag: str) -> DemoDocument:
    """Ferretería Núñez's purchasing system mails a PDF order: drill bits and silicone."""
    spec = _dated(make("erp", "demo:0"), day)  # an ERP print-out in Spanish from C-1001
    spec.po_number = f"OC-{tag}"
    spec.lines = [_line("10", "BRO-HSS-8", 6), _line("20", "SIL-TRA-300", 12)]
    pdf = render(spec, "demo").pdf
    raw, sender = with_attachment(
        0,
        "C-1001",
        "es",
        f"Pedido_{spec.po_number}.pdf",
        "application/pdf",
        pdf,
        day,
        message_id=f"<demo-{tag}.pdf@ferreterianunez.es>",
    )
    return _document(raw, sender, spec)


def fax(day: date, tag: str) -> DemoDocument:
    """Ferretería Núñez faxes an order whose nut line says 80 where the order's total (20.50) says
    50: the total does not add up, and the clerk settles the quantity with the customer."""
    spec = _dated(make("borderless", "demo:0"), day)  # a one-page Spanish order from C-1001
    spec.po_number = tag.replace("-", "")  # all digits: what the fax machine prints, OCR reads well
    washers = _line("1", "ARA-M8", 100)
    nuts = _line("2", "TUE-M8", 50)
    spec.lines = [washers, nuts]
    printed = copy.copy(nuts)
    printed.quantity = Decimal(80)
    shown = copy.copy(spec)
    shown.lines = [washers, printed]
    shown.printed_total = washers.amount + nuts.amount
    number = customers()["C-1001"].fax
    image = fax_tiff(render(shown, "demo").pdf, FaxLine(resolution="fine", seed=7, sender=number))
    return _document(image, number, spec)


def _document(content: bytes, sender: str, spec: OrderSpec) -> DemoDocument:
    lines = tuple((line.product.sku, line.quantity) for line in spec.lines)
    prices = tuple(line.unit_price for line in spec.lines)
    return DemoDocument(content, sender, spec.customer.customer_id, spec.po_number, lines, prices)
