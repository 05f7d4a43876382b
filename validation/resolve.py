"""Master-data resolution: which customer sent the order, and which of our SKUs each line means."""

from __future__ import annotations

from dataclasses import dataclass

from core.domain.capture import CapturedLine, CapturedOrder, Problem, ProblemCode, Severity
from core.domain.model import Customer, Product
from core.domain.resolution import MasterData

# Mailbox providers shared by many companies: a customer is never identified by these domains alone.
PUBLIC_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.es",
        "hotmail.co.uk",
        "outlook.com",
        "outlook.es",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.es",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.com",
        "gmx.es",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "telefonica.net",
        "movistar.es",
        "orange.es",
        "btinternet.com",
        "mail.com",
        "zoho.com",
    ]
)


@dataclass(frozen=True)
class LineMatch:
    """The product a line resolved to and how it was found."""

    product: Product | None
    via: str | None  # "gtin" | "sku" | "customer_item" | None


def resolve_customer(order: CapturedOrder, master: MasterData) -> tuple[Customer | None, Problem | None]:
    """Buyer party id (a GLN or our customer id), then the invoicee's; a problem when none matches."""
    for party in (order.buyer, order.invoicee):
        pid = party.party_id
        if not pid:
            continue
        customer = master.customer_by_gln(pid) or master.customer(pid)
        if customer is not None:
            return customer, None
    address = order.buyer.email
    if address:
        # the sender's address, then its domain; a free-mail domain says nothing about who wrote
        at_shared = address.rpartition("@")[2].lower() in PUBLIC_MAIL_DOMAINS
        customer = master.customer_by_email(address, domain=not at_shared)
        if customer is not None:
            return customer, None
    if order.buyer.fax:  # the number the order was faxed from
        customer = master.customer_by_fax(order.buyer.fax)
        if customer is not None:
            return customer, None
    shown = order.buyer.party_id or address or order.buyer.fax or order.buyer.name or "no buyer given"
    return None, Problem(
        ProblemCode.UNKNOWN_CUSTOMER,
        f"buyer {shown!r} matches no customer (by GLN, customer id, e-mail address or fax number)",
        field="buyer.party_id",
        severity=Severity.REVIEW,
    )


def resolve_line(line: CapturedLine, customer: Customer | None, master: MasterData) -> LineMatch:
    """GTIN first, then our SKU (LIN code or the supplier's article number), then the customer's code."""
    if line.gtin:
        product = master.product_by_gtin(line.gtin)
        if product is not None:
            return LineMatch(product, "gtin")
    for code in (line.supplier_item_code, line.item_code):
        if code:
            product = master.product(code)
            if product is not None:
                return LineMatch(product, "sku")
    if customer is not None:
        for code in (line.buyer_item_code, line.item_code):
            if not code:
                continue
            sku = master.sku_for_customer_code(customer.customer_id, code)
            product = master.product(sku) if sku else None
            if product is not None:
                return LineMatch(product, "customer_item")
    return LineMatch(None, None)
