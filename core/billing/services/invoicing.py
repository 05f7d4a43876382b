"""Issuing invoices at shipment and credit notes for returns: the lines and their VAT, the number
taken in the same transaction, the journal entry, the customer's notice, and for a card order the
capture of what the invoice asks for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from core.billing.domain.invoicing import SERIES, Billable, DocumentKind, Invoice, LineKind, Priced, price
from core.billing.domain.ledger import document_entry
from core.billing.domain.notices import BillingNoticeKind
from core.billing.domain.payments import CustomerAccount, PaymentMethod, TransactionKind
from core.billing.domain.tax import VatClass, VatRegime, VatTreatment, parse_vat_class, regime_for, treatment
from core.billing.services import payments
from core.billing.services.notices import tell
from core.billing.services.settlement import card_unsettled
from core.billing.services.unit_of_work import BillingUnitOfWork, billing_uow, locked_order
from core.fulfilment.domain.contact import delivery_address
from core.fulfilment.domain.progress import progress
from core.fulfilment.domain.stock import AllocationState
from core.fulfilment.domain.warehouse import Shipment, ShipmentState
from core.kernel.adapters.orm import made
from core.kernel.domain.model import Customer, Order, OrderLine, Product
from core.kernel.domain.money import round_money
from core.kernel.errors import BillingError, IllegalTransition, NotFound
from core.kernel.services.unit_of_work import UnitOfWork

ZERO = Decimal(0)
ACTOR = "billing"
_CARRIAGE = {"es": "Portes", "en": "Carriage"}


def language_of(customer: Customer | None) -> str:
    return "es" if customer is None or (customer.language or "es")[:2].lower() == "es" else "en"


def account_of(uow: BillingUnitOfWork, order: Order) -> CustomerAccount:
    """The customer's terms; without a row: on account, net 30, no limit."""
    found = uow.billing.account(order.customer_id)
    # the default made without an attribute event per field: approving a batch asks once per order
    return found or made(CustomerAccount, customer_id=order.customer_id or f"order-{order.id}")


def regime_of(uow: BillingUnitOfWork, order: Order, account: CustomerAccount) -> VatRegime:
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    _name, _street, postal_code, _city, country = delivery_address(order, customer)
    return regime_for(country or None, postal_code or None, account.vat_number)


def _vat_class(text: str | None) -> VatClass:
    try:
        return parse_vat_class(text) or VatClass.GENERAL
    except ValueError:
        return VatClass.GENERAL


def order_billables(
    uow: BillingUnitOfWork, order: Order, quantities: Mapping[int, Decimal], regime: VatRegime, language: str
) -> list[Billable]:
    """The goods of these order lines (line id -> units as stock counts them) at the order's prices,
    billed in each line's own unit (a pack line by the pack, at its price per pack)."""
    out = []
    for line in order.lines:
        quantity = line.in_line_unit(quantities.get(line.id or 0, ZERO))
        if quantity <= 0:
            continue
        product = uow.master.product(line.sku) if line.sku else None
        unit_price = line.unit_price if line.unit_price is not None else (product.price if product else None)
        currency = order.currency or (product.currency if product else None) or "EUR"
        out.append(
            Billable(
                description=_description(line, product, language),
                quantity=quantity,
                unit_price=unit_price or ZERO,
                vat=treatment(_vat_class(product.vat_class if product else None), regime),
                sku=line.sku,
                gtin=line.gtin or (product.gtin if product else None),
                unit=line.unit or (product.unit if product else None),
                order_line_id=line.id,
                line_no=line.line_no,
                buyer_item_code=line.buyer_item_code,
                discount=discount_share(line, quantity, currency),
                promotion=line.promotion,
            )
        )
    return out


def discount_share(line: OrderLine, quantity: Decimal, currency: str) -> Decimal | None:
    """The part of the line's promotion allowance that `quantity` (in the line's unit) carries: all of
    it for the whole line, in proportion for part of it (a partial shipment), rounded to the cent."""
    if not line.discount or not line.quantity or line.quantity <= 0:
        return None
    if quantity >= line.quantity:
        return line.discount
    return round_money(line.discount * quantity / line.quantity, currency)


def _description(line: OrderLine, product: Product | None, language: str) -> str:
    """The product's name in the customer's language (master data has Spanish and English)."""
    if product is not None and language == "en" and product.description_en:
        return product.description_en
    return (product.name if product else None) or line.description or line.sku or line.item_code or "?"


def estimate(uow: BillingUnitOfWork, order: Order) -> Priced:
    """What the whole order will come to, goods and VAT (carriage is only known at shipment)."""
    account = account_of(uow, order)
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    quantities = {line.id or 0: line.stock_quantity or ZERO for line in order.lines if line.sku}
    items = order_billables(uow, order, quantities, regime_of(uow, order, account), language_of(customer))
    return price(items, currency_of(uow, order), language_of(customer))


def currency_of(uow: BillingUnitOfWork, order: Order) -> str:
    if order.currency:
        return order.currency.upper()
    for line in order.lines:
        product = uow.master.product(line.sku) if line.sku else None
        if product is not None and product.currency:
            return product.currency.upper()
    return "EUR"


def issue(
    uow: BillingUnitOfWork,
    kind: DocumentKind,
    order: Order,
    items: Sequence[Billable],
    now: datetime,
    *,
    shipment_id: int | None = None,
    return_id: int | None = None,
    corrects: Invoice | None = None,
    reason: str | None = None,
    actor: str = ACTOR,
) -> Invoice:
    """Price, number, store and post one invoice or credit note."""
    assert order.id is not None
    account = account_of(uow, order)
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    language = language_of(customer)
    currency = corrects.currency if corrects else currency_of(uow, order)
    regime = corrects.regime if corrects else str(regime_of(uow, order, account))
    priced = price(items, currency, language)
    series, year = SERIES[kind], now.year
    number = uow.billing.take_number(series, year)
    terms = (
        0 if account.method is PaymentMethod.CARD or kind is DocumentKind.CREDIT_NOTE else account.terms_days
    )
    document = Invoice(
        kind=kind,
        series=series,
        year=year,
        number=number,
        issued_at=now,
        issue_date=now.date(),
        due_date=now.date() + timedelta(days=terms),
        customer_id=account.customer_id,
        order_id=order.id,
        currency=currency,
        regime=regime,
        language=language,
        net_total=priced.net_total,
        tax_total=priced.tax_total,
        total=priced.total,
        bill_to=_bill_to(order, customer, account),
        taxes=[t.as_dict() for t in priced.taxes],
        notes=list(priced.notes),
        shipment_id=shipment_id,
        return_id=return_id,
        corrects_id=corrects.id if corrects else None,
        reason=reason,
        lines=list(priced.lines),
    )
    uow.billing.add(document)
    uow.flush()
    if document.total or document.net_total:  # a document of free goods moves no money
        uow.ledger.post(document_entry(document, actor))
    return document


def _bill_to(order: Order, customer: Customer | None, account: CustomerAccount) -> dict[str, str | None]:
    return {
        "customer_id": account.customer_id,
        "name": customer.name if customer else order.buyer_name,
        "street": customer.street if customer else None,
        "postal_code": customer.postal_code if customer else None,
        "city": customer.city if customer else None,
        "country": customer.country if customer else None,
        "vat_number": account.vat_number,
        "gln": order.buyer_party_id or (customer.gln if customer else None),
    }


def shipped_in(uow: BillingUnitOfWork, order: Order, shipment: Shipment) -> dict[int, Decimal]:
    """Per order line: the units that left in this shipment."""
    out: dict[int, Decimal] = {}
    for a in uow.fulfilment.allocations([shipment.order_id]).get(shipment.order_id, []):
        if a.shipment_id == shipment.id and a.state is AllocationState.SHIPPED:
            out[a.line_id] = out.get(a.line_id, ZERO) + a.quantity
    return out


def invoice_shipment(uow: BillingUnitOfWork, shipment_id: int, now: datetime, actor: str = ACTOR) -> Invoice:
    """The invoice of a shipment that left: issued once (a second call returns the first)."""
    shipment = uow.fulfilment.shipment(shipment_id)
    if shipment is None:
        raise NotFound(f"shipment {shipment_id} does not exist")
    if shipment.state not in (ShipmentState.SHIPPED, ShipmentState.DELIVERED):
        raise BillingError(f"shipment {shipment_id} is {shipment.state}: only what has left is invoiced")
    order = locked_order(uow, shipment.order_id)  # one invoicer per order at a time
    found = uow.billing.invoice_for_shipment(shipment_id)
    if found is not None:
        return found
    account = account_of(uow, order)
    customer = uow.master.customer(order.customer_id) if order.customer_id else None
    language, regime = language_of(customer), regime_of(uow, order, account)
    items = order_billables(uow, order, shipped_in(uow, order, shipment), regime, language)
    if shipment.charge:
        names = {(s.carrier, s.service): s.name for s in uow.stock.carrier_services()}
        service = names.get((shipment.carrier or "", shipment.service or "")) or " ".join(
            filter(None, (shipment.carrier, shipment.service))
        )
        items.append(
            Billable(
                description=f"{_CARRIAGE[language]} ({service})" if service else _CARRIAGE[language],
                quantity=Decimal(1),
                unit_price=shipment.charge,
                vat=treatment(VatClass.GENERAL, regime),
                kind=LineKind.SHIPPING,
            )
        )
    invoice = issue(uow, DocumentKind.INVOICE, order, items, now, shipment_id=shipment_id, actor=actor)
    assert invoice.id is not None
    detail: dict[str, object] = {
        "invoice": invoice.code,
        "total": str(invoice.total),
        "currency": invoice.currency,
    }
    tell(uow, order, BillingNoticeKind.INVOICE, now, ref=invoice.id, detail=detail, invoice_id=invoice.id)
    _capture(uow, order, invoice, now)
    return invoice


def _capture(uow: BillingUnitOfWork, order: Order, invoice: Invoice, now: datetime) -> None:
    """A card order: capture what the invoice asks for, up to what is still authorised; the last
    capture (nothing of the order left to ship) releases the rest of the authorisation."""
    assert order.id is not None and invoice.id is not None
    payment = uow.billing.payment_for_order(order.id, lock=True)
    if payment is None or payment.capturable <= 0:
        return
    allocations = uow.fulfilment.allocations([order.id]).get(order.id, [])
    final = all(p.open == 0 for p in progress(order, allocations))
    amount = min(invoice.total, payment.capturable)
    if amount <= 0:
        return
    payments.queue(
        uow,
        TransactionKind.CAPTURE,
        invoice.customer_id,
        amount,
        invoice.currency,
        now,
        payment=payment,
        invoice_id=invoice.id,
        final=final,
    )


def ensure_invoiced(uow: BillingUnitOfWork, order: Order, now: datetime) -> list[Invoice]:
    """Invoice every shipment of the order that left and has no invoice yet (the job may be behind)."""
    assert order.id is not None
    gone = (ShipmentState.SHIPPED, ShipmentState.DELIVERED)
    return [
        invoice_shipment(uow, s.id, now)
        for s in uow.fulfilment.shipments(order_id=order.id, limit=10_000)
        if s.state in gone and s.id is not None and uow.billing.invoice_for_shipment(s.id) is None
    ]


def close_gate(any_uow: UnitOfWork, order: Order, now: datetime) -> None:
    """Closing needs every shipment invoiced and, for a card order, every invoice captured; an
    on-account order's invoices are owed on the customer's account beyond the order."""
    uow = billing_uow(any_uow)
    ensure_invoiced(uow, order, now)
    reason = card_unsettled(uow, order)
    if reason is not None:
        raise IllegalTransition(
            f"order {order.id} cannot be closed yet: {reason}", order_id=order.id, state=str(order.state)
        )


def treatment_of(rate: Decimal, category: str) -> VatTreatment:
    """The VAT of a line as it was invoiced (for the credit note that corrects it)."""
    return VatTreatment(rate, category)
