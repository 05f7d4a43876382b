"""What purchasing announces after commit; handlers in `oms.handlers` react."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PurchaseOrderApproved:
    """A buyer approved a purchase order: it is to go out on the supplier's channel."""

    po_id: int
