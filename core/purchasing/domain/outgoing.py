"""A purchase order as a channel's writer renders it: the order, the supplier, and where it goes."""

from __future__ import annotations

from dataclasses import dataclass

from core.purchasing.domain.orders import PurchaseOrder
from core.purchasing.domain.suppliers import OrderChannel, Supplier

# the registered channel (outbound/) that carries each way a supplier takes orders
CHANNEL_OF: dict[OrderChannel, str] = {
    OrderChannel.EDIFACT: "edi",
    OrderChannel.EMAIL: "email",
    OrderChannel.FAX: "fax",
}


@dataclass(frozen=True)
class PoDocument:
    """What a writer needs: the order and its supplier; `control_ref` for an interchange."""

    po: PurchaseOrder
    supplier: Supplier
    warehouse_name: str
    control_ref: str | None = None

    @property
    def recipient(self) -> str:
        return self.supplier.address or ""
