"""What a replay compares: an order as first read, as a clerk left it, and as today's readers read it.

Each reading is flattened to the facts that decide an order (header fields, then per line the SKU,
quantity and unit price) so readings from different times compare field by field.  The first reading
of a corrected order is rebuilt from the audit trail: every edited field takes the value it had
before its first edit; lines a clerk added are left out of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.capture.domain.resolution import ResolvedOrder
from core.capture.domain.review import AuditEvent
from core.kernel.domain.model import Order

HEADER = ("po_number", "customer_id", "order_date", "requested_delivery_date", "currency")
LINE = ("sku", "quantity", "unit_price")

Reading = dict[str, str | None]  # "po_number" -> "4500012", "lines[0].quantity" -> "12"


def _text(value: object, numeric: bool = False) -> str | None:
    """A value as comparable text: dates in ISO form, quantities and prices without trailing zeros."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if numeric or isinstance(value, Decimal):
        try:
            return format(Decimal(text).normalize(), "f")
        except ArithmeticError:  # not a number after all (a clerk's text): compare it as it is
            return text
    return text


def _lines(rows: Iterable[tuple[object, object, object]]) -> Reading:
    out: Reading = {}
    for i, row in enumerate(rows):
        for name, value in zip(LINE, row, strict=True):
            out[f"lines[{i}].{name}"] = _text(value, numeric=name != "sku")
    return out


def order_reading(order: Order) -> Reading:
    """The order as it stands now (for a corrected order: as the clerk left it)."""
    out: Reading = {name: _text(getattr(order, name)) for name in HEADER}
    ordered = sorted(order.lines, key=lambda line: line.position)
    out.update(_lines((line.sku, line.quantity, line.unit_price) for line in ordered))
    return out


def resolved_reading(resolved: ResolvedOrder) -> Reading:
    """A new reading, after master-data resolution (SKUs and customer as validation found them)."""
    captured = resolved.captured
    out: Reading = {
        "po_number": _text(captured.po_number),
        "customer_id": _text(resolved.customer_id),
        "order_date": _text(captured.order_date),
        "requested_delivery_date": _text(captured.requested_delivery_date),
        "currency": _text(captured.currency),
    }
    rows = zip(resolved.skus, captured.lines, strict=True)
    out.update(_lines((sku, line.quantity, line.unit_price) for sku, line in rows))
    return out


def corrected_fields(audit: Sequence[AuditEvent]) -> set[str]:
    """The paths a clerk edited (a line added or removed counts as its whole line)."""
    return {event.field for event in audit if event.action == "edit" and event.field}


def first_reading(now: Reading, audit: Sequence[AuditEvent]) -> Reading:
    """The reading as capture left it, rebuilt from the current one and the audit trail."""
    first: Reading = dict(now)
    seen: set[str] = set()
    added: set[str] = set()
    for event in sorted(
        (e for e in audit if e.action == "edit" and e.field), key=lambda e: (e.at, e.id or 0)
    ):
        path = event.field or ""
        if path in seen:
            continue
        seen.add(path)
        if event.after == "added" and "." not in path:
            added.add(path)
        elif "." in path or path in HEADER:
            first[path] = _text(event.before, numeric=path.endswith(("quantity", "unit_price")))
    for prefix in added:
        for key in [k for k in first if k.startswith(prefix + ".")]:
            del first[key]
    return first


def differences(before: Mapping[str, str | None], after: Mapping[str, str | None]) -> list[FieldChange]:
    """Every fact that differs between two readings, header first, then lines in order."""
    keys = [k for k in HEADER if k in before or k in after]
    lines = sorted({k for k in (*before, *after) if k.startswith("lines[")}, key=_line_key)
    return [
        FieldChange(k, before.get(k), after.get(k)) for k in (*keys, *lines) if before.get(k) != after.get(k)
    ]


def _line_key(path: str) -> tuple[int, int]:
    index, _, name = path[len("lines[") :].partition("].")
    return int(index), LINE.index(name) if name in LINE else len(LINE)


@dataclass(frozen=True)
class FieldChange:
    """One fact that reads differently: `before` and `after` as the two readings give it."""

    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class OrderReplay:
    """One order (or one order found only now) read again."""

    document_id: int
    channel: str
    name: str | None  # the document's original name
    order_id: int | None  # None: today's readers find an order that was not there
    decision_before: str | None  # None: the order was not there before
    decision_after: str | None  # None: today's readers no longer find it
    changes: tuple[FieldChange, ...] = ()  # first reading -> today's reading
    corrected: bool = False  # a clerk edited this order
    disagreements: tuple[FieldChange, ...] = ()  # the clerk's values -> today's reading, if corrected
    problems_after: tuple[str, ...] = ()

    @property
    def agrees_with_clerk(self) -> bool | None:
        return None if not self.corrected else not self.disagreements

    @property
    def false_accept_after(self) -> bool:
        """Today's readers would let through an order a clerk had to fix, and read it otherwise."""
        return self.decision_after == "accept" and self.corrected and bool(self.disagreements)


@dataclass
class ReplayReport:
    """Everything a replay found; nothing was changed to find it."""

    orders: list[OrderReplay] = field(default_factory=list)
    documents: int = 0
    unreadable: list[tuple[int, str]] = field(default_factory=list)  # (document id, why), read now

    def _rate(self, decisions: Iterable[str | None]) -> float | None:
        values = [d for d in decisions if d is not None]
        return sum(d == "accept" for d in values) / len(values) if values else None

    @property
    def touchless_before(self) -> float | None:
        return self._rate(o.decision_before for o in self.orders)

    @property
    def touchless_after(self) -> float | None:
        return self._rate(o.decision_after for o in self.orders)

    @property
    def decisions_changed(self) -> list[OrderReplay]:
        return [o for o in self.orders if o.decision_before != o.decision_after]

    @property
    def fields_changed(self) -> list[OrderReplay]:
        return [o for o in self.orders if o.changes]

    @property
    def corrected(self) -> list[OrderReplay]:
        return [o for o in self.orders if o.corrected]

    @property
    def agreeing(self) -> list[OrderReplay]:
        return [o for o in self.orders if o.agrees_with_clerk]

    @property
    def false_accepts_after(self) -> list[OrderReplay]:
        return [o for o in self.orders if o.false_accept_after]

    def summary(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "orders": len(self.orders),
            "unreadable_now": len(self.unreadable),
            "touchless_before": self.touchless_before,
            "touchless_after": self.touchless_after,
            "decisions_changed": len(self.decisions_changed),
            "orders_with_fields_changed": len(self.fields_changed),
            "corrected_by_clerk": len(self.corrected),
            "now_agree_with_clerk": len(self.agreeing),
            "false_accepts_after": len(self.false_accepts_after),
        }
