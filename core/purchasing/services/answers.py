"""Suppliers' messages taken onto our purchase orders: an ORDRSP confirms or changes lines and dates,
a DESADV announces a delivery, an INVOIC is matched three ways and, when it matches, posted to
accounts payable; a credit note is matched against what was invoiced and not received and, when
it matches, takes its amount back out of accounts payable; a mismatch waits for a buyer with its
differences. Each message is kept once (supplier, kind and their reference): the same message
twice changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

from core.kernel.errors import NotFound
from core.purchasing.domain import landed
from core.purchasing.domain.answers import (
    AnswerKind,
    AnswerLine,
    DocumentState,
    LineAction,
    SupplierAnswer,
    SupplierDocument,
)
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.landed import Basis, Charge
from core.purchasing.domain.matching import (
    Difference,
    Tolerance,
    book_credited,
    book_invoiced,
    match,
    match_credit,
)
from core.purchasing.domain.orders import PoState, PurchaseOrder
from core.purchasing.domain.responses import apply_response
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork

PAYMENT_DAYS = 30  # when an invoice names no due date


def from_supplier(uow: PurchasingUnitOfWork, answers: Sequence[SupplierAnswer]) -> bool:
    """Whether these messages are a supplier's (their sender is one of our suppliers)."""
    return bool(answers) and all(uow.purchasing.supplier_by_edi_id(a.sender_id) for a in answers)


def take(
    uow: PurchasingUnitOfWork,
    answers: Sequence[SupplierAnswer],
    document_id: int | None,
    tolerance: Tolerance,
    actor: str,
    now: datetime,
) -> list[SupplierDocument]:
    kept: list[SupplierDocument] = []
    for answer in answers:
        supplier = uow.purchasing.supplier_by_edi_id(answer.sender_id)
        if supplier is None:
            raise PurchasingError(f"{answer.sender_id} is none of our suppliers")
        if uow.purchasing.known_document(supplier.supplier_id, answer.kind, answer.reference):
            continue
        po = uow.purchasing.po(answer.po_number, lock=True)
        doc = SupplierDocument(
            supplier.supplier_id, answer.kind, answer.reference[:64], answer.po_number[:35], now,
            DocumentState.UNMATCHED, answer_detail(answer), document_id=document_id,
        )  # fmt: skip
        if po is not None and po.supplier_id == supplier.supplier_id:
            doc.po_id = po.id
            apply_answer(uow, po, answer, doc, tolerance, actor, now)
        uow.purchasing.add_document(doc)
        kept.append(doc)
    return kept


def apply_answer(
    uow: PurchasingUnitOfWork,
    po: PurchaseOrder,
    answer: SupplierAnswer,
    doc: SupplierDocument,
    tolerance: Tolerance,
    actor: str,
    now: datetime,
) -> None:
    if answer.kind is AnswerKind.ORDRSP:
        doc.detail["changes"] = apply_response(po, answer, actor, now)
        doc.state = DocumentState.APPLIED
    elif answer.kind is AnswerKind.DESADV:
        when = answer.delivery_date.isoformat() if answer.delivery_date else "no date given"
        po.note(
            "desadv", actor, now, f"DESADV {answer.reference}: delivery {when}, {len(answer.lines)} line(s)"
        )
        doc.state = DocumentState.APPLIED
    elif answer.kind is AnswerKind.CREDIT:
        differences = match_credit(po, answer, tolerance)
        if answer.corrects and not uow.payables.has_invoice(doc.supplier_id, answer.corrects):
            differences.append(Difference("*", "invoice", "recorded", answer.corrects, "credit note"))
        _settle(uow, po, answer, doc, differences, actor, now)
    else:
        _settle(uow, po, answer, doc, match(po, answer, tolerance), actor, now)


def _settle(
    uow: PurchasingUnitOfWork,
    po: PurchaseOrder,
    answer: SupplierAnswer,
    doc: SupplierDocument,
    differences: Sequence[Difference],
    actor: str,
    now: datetime,
) -> None:
    """An invoice or a credit note matched against the order: kept with its differences; posted when
    there are none, else left for a buyer, noted on the order."""
    credit = answer.kind is AnswerKind.CREDIT
    doc.detail["differences"] = [d.text() for d in differences]
    if differences:
        doc.state = DocumentState.MISMATCH
        what, label = ("credit", "credit note") if credit else ("invoice", "INVOIC")
        po.note(what, actor, now, f"{label} {answer.reference}: {len(differences)} difference(s)")
    else:
        (post_credit if credit else post)(uow, po, answer, doc, actor, now)
        doc.state = DocumentState.MATCHED


def post(
    uow: PurchasingUnitOfWork,
    po: PurchaseOrder,
    answer: SupplierAnswer,
    doc: SupplierDocument,
    actor: str,
    now: datetime,
) -> None:
    """Into accounts payable through billing's books, and counted as invoiced on the order's lines."""
    issued = answer.issued or now.date()
    due = answer.due_date or issued + timedelta(days=PAYMENT_DAYS)
    currency = answer.currency or po.currency
    net = goods_net(answer) + landed.total(answer.charges)
    uow.payables.record(
        doc.supplier_id, answer.reference, issued, due, net, answer.tax or Decimal(0), currency, actor, now,
    )  # fmt: skip
    book_invoiced(po, answer)
    if answer.charges:
        land(uow, po, answer, actor, now)
    note = f"INVOIC {answer.reference}: {net} {currency} posted"
    if po.state is PoState.RECEIVED:
        po.move(PoState.INVOICED, "invoice", actor, now, note)
    else:
        po.note("invoice", actor, now, note)


def post_credit(
    uow: PurchasingUnitOfWork,
    po: PurchaseOrder,
    answer: SupplierAnswer,
    doc: SupplierDocument,
    actor: str,
    now: datetime,
) -> None:
    """A credit note out of accounts payable (the reverse of an invoice, applied to the one it
    corrects) and counted as credited on the order's lines: the credit expected is settled."""
    currency = answer.currency or po.currency
    net = goods_net(answer)
    tax = answer.tax or Decimal(0)
    issued = answer.issued or now.date()
    uow.payables.credit(
        doc.supplier_id, answer.reference, answer.corrects, issued, net, tax, currency, actor, now
    )
    book_credited(po, answer)
    against = f" against {answer.corrects}" if answer.corrects else ""
    po.note(
        "credit", actor, now, f"credit note {answer.reference}: {net + tax} {currency} taken back{against}"
    )


def goods_net(answer: SupplierAnswer) -> Decimal:
    """The invoice's goods: its net when it states one (less its charges when the net includes them,
    as a taxable amount does), else its lines priced."""
    lines = sum((i.quantity * (i.unit_price or 0) for i in answer.lines), Decimal(0))
    if answer.net is None:
        return lines
    charged = landed.total(answer.charges)
    if charged and abs(answer.net - charged - lines) <= Decimal("0.01"):
        return answer.net - charged
    return answer.net


def land(
    uow: PurchasingUnitOfWork, po: PurchaseOrder, answer: SupplierAnswer, actor: str, now: datetime
) -> None:
    """The invoice's charges spread over the order's received goods, into their standard cost."""
    amount = landed.total(answer.charges)
    weights = uow.costing.weights(line.sku for line in po.lines) if answer.basis is Basis.WEIGHT else None
    currency = answer.currency or po.currency
    kinds = ", ".join(f"{c.kind} {c.amount}" for c in answer.charges)
    for line_no, share in landed.shares(po.lines, amount, answer.basis, weights).items():
        line = po.line(line_no)
        line.landed += share
        note = f"{po.number} {answer.reference} ({kinds}) by {answer.basis}"
        uow.costing.land(line.sku, share, landed.landed_units(line), currency, note, actor, now)
    po.note("landed", actor, now, f"{answer.reference}: {kinds} spread by {answer.basis}")


def decide(
    uow: PurchasingUnitOfWork, document_id: int, accept: bool, actor: str, now: datetime
) -> SupplierDocument:
    """A buyer accepts a mismatched invoice (it is posted as invoiced) or rejects it."""
    doc = uow.purchasing.document(document_id, lock=True)
    if doc is None:
        raise NotFound(f"supplier document {document_id} does not exist")
    if doc.state is not DocumentState.MISMATCH or doc.po_id is None:
        raise PurchasingError(f"supplier document {document_id} is {doc.state}; only a mismatch is decided")
    po = uow.purchasing.po(doc.po_id, lock=True)
    assert po is not None
    if accept and doc.kind is AnswerKind.CREDIT:
        post_credit(uow, po, answer_of(doc), doc, actor, now)
    elif accept:
        post(uow, po, answer_of(doc), doc, actor, now)
    doc.state = DocumentState.ACCEPTED if accept else DocumentState.REJECTED
    doc.decided_by = actor
    return doc


def answer_detail(answer: SupplierAnswer) -> dict[str, object]:
    return {
        "issued": answer.issued.isoformat() if answer.issued else None,
        "due_date": answer.due_date.isoformat() if answer.due_date else None,
        "delivery_date": answer.delivery_date.isoformat() if answer.delivery_date else None,
        "currency": answer.currency,
        "net": str(answer.net) if answer.net is not None else None,
        "tax": str(answer.tax) if answer.tax is not None else None,
        "refused": answer.refused,
        "sender_id": answer.sender_id,
        "charges": [{"kind": c.kind, "amount": str(c.amount)} for c in answer.charges],
        "basis": answer.basis.value,
        "corrects": answer.corrects,
        "lines": [
            {
                "line_no": i.line_no, "sku": i.sku, "gtin": i.gtin, "code": i.supplier_item_code,
                "quantity": str(i.quantity), "action": i.action.value,
                "price": str(i.unit_price) if i.unit_price is not None else None,
                "delivery_date": i.delivery_date.isoformat() if i.delivery_date else None,
            }
            for i in answer.lines
        ],
    }  # fmt: skip


def answer_of(doc: SupplierDocument) -> SupplierAnswer:
    """The message back from what was kept of it (a buyer decides on it later)."""
    d = doc.detail

    def day(key: str, src: dict[str, object] = d) -> date | None:
        value = src.get(key)
        return date.fromisoformat(str(value)) if value else None

    def dec(value: object) -> Decimal | None:
        return Decimal(str(value)) if value is not None else None

    raw_lines, raw_charges = d.get("lines"), d.get("charges")
    lines = tuple(
        AnswerLine(
            line_no=int(str(x["line_no"])) if x.get("line_no") is not None else None,
            quantity=Decimal(str(x["quantity"])), sku=_text(x.get("sku")), gtin=_text(x.get("gtin")),
            supplier_item_code=_text(x.get("code")), action=LineAction(str(x["action"])),
            delivery_date=day("delivery_date", x), unit_price=dec(x.get("price")),
        )
        for x in (raw_lines if isinstance(raw_lines, list) else [])
    )  # fmt: skip
    return SupplierAnswer(
        kind=doc.kind, sender_id=str(d.get("sender_id") or ""), reference=doc.reference,
        po_number=doc.po_number, issued=day("issued"), delivery_date=day("delivery_date"),
        refused=bool(d.get("refused")), lines=lines, currency=_text(d.get("currency")),
        net=dec(d.get("net")), tax=dec(d.get("tax")), due_date=day("due_date"),
        charges=tuple(
            Charge(str(c["kind"]), Decimal(str(c["amount"])))
            for c in (raw_charges if isinstance(raw_charges, list) else [])
        ),
        basis=Basis(str(d.get("basis") or Basis.VALUE)), corrects=_text(d.get("corrects")),
    )  # fmt: skip


def _text(value: object) -> str | None:
    return str(value) if value is not None else None
