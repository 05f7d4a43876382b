"""The billing repository's payables: suppliers' invoices and credit notes, and payments and credits
spread over a supplier's open invoices, oldest due first."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from core.billing.adapters.orm import supplier_credit_notes, supplier_invoices


class PayablesQueries:
    """`BillingRepository`'s supplier invoices and credit notes."""

    session: Session

    # -- payables ------------------------------------------------------------------------------
    def supplier_invoices(self, supplier_id: str | None = None) -> list[dict[str, object]]:
        stmt = select(supplier_invoices).order_by(supplier_invoices.c.due_date, supplier_invoices.c.id)
        if supplier_id is not None:
            stmt = stmt.where(supplier_invoices.c.supplier_id == supplier_id)
        return [dict(r._mapping) for r in self.session.execute(stmt)]

    def add_supplier_invoice(self, values: dict[str, object]) -> int:
        stmt = insert(supplier_invoices).values(**values).returning(supplier_invoices.c.id)
        return int(self.session.execute(stmt).scalar_one())

    def pay_supplier_invoices(self, supplier_id: str, amount: Decimal) -> Decimal:
        """Apply a payment to the supplier's open invoices, oldest due first; returns what was applied."""
        return self._spread(supplier_id, amount, "paid")

    def supplier_invoice(self, supplier_id: str, number: str, lock: bool = False) -> dict[str, object] | None:
        si = supplier_invoices.c
        stmt = select(supplier_invoices).where(si.supplier_id == supplier_id, si.number == number)
        row = self.session.execute(stmt.with_for_update() if lock else stmt).first()
        return dict(row._mapping) if row is not None else None

    def credit_supplier_invoices(self, supplier_id: str, amount: Decimal, number: str | None) -> Decimal:
        """Apply a supplier's credit note to the invoice it corrects (`number`), or, naming none, to
        the supplier's open invoices oldest due first; returns what was applied."""
        return self._spread(supplier_id, amount, "credited", number)

    def _spread(self, supplier_id: str, amount: Decimal, column: str, number: str | None = None) -> Decimal:
        """Add `amount` to `column` (paid or credited) of the supplier's open invoices (the one
        numbered `number`, when given), oldest due first, each up to what it still lacks, under row
        locks; returns what was applied."""
        si = supplier_invoices.c
        stmt = select(si.id, si.total, si.paid, si.credited).where(
            si.supplier_id == supplier_id, si.paid + si.credited < si.total
        )
        if number is not None:
            stmt = stmt.where(si.number == number)
        left = amount
        for row_id, total, paid, credited in self.session.execute(
            stmt.order_by(si.due_date, si.id).with_for_update()
        ).all():
            if left <= 0:
                break
            take = min(total - paid - credited, left)
            already = paid if column == "paid" else credited
            self.session.execute(
                update(supplier_invoices).where(si.id == row_id).values({column: already + take})
            )
            left -= take
        return amount - left

    def add_supplier_credit_note(self, values: dict[str, object]) -> int:
        stmt = insert(supplier_credit_notes).values(**values).returning(supplier_credit_notes.c.id)
        return int(self.session.execute(stmt).scalar_one())

    def supplier_credit_notes(self, supplier_id: str | None = None) -> list[dict[str, object]]:
        stmt = select(supplier_credit_notes).order_by(supplier_credit_notes.c.id)
        if supplier_id is not None:
            stmt = stmt.where(supplier_credit_notes.c.supplier_id == supplier_id)
        return [dict(r._mapping) for r in self.session.execute(stmt)]
