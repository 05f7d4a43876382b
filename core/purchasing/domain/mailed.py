"""A supplier's document that came by e-mail or fax (an order confirmation, a delivery note, an
invoice, as a message body or a PDF): kept for a buyer to read unless the readers read it surely
(`ReadDocument`). Here: whose it is (the sender against the suppliers' e-mail addresses and fax
numbers), which of our purchase orders its text names, and what it looks like it is."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from email.utils import parseaddr

from core.kernel.domain.identity import identifier_keys
from core.purchasing.domain.answers import AnswerKind, SupplierAnswer
from core.purchasing.domain.orders import PurchaseOrder
from core.purchasing.domain.suppliers import Supplier

# our purchase order numbers as `PurchasingRepository.next_number` writes them ("PO-000042"); a
# supplier may print them with a space or without the dash
PO_NUMBER = re.compile(r"\bPO[\s\-]?(\d{6})\b", re.IGNORECASE)
# words that say what a supplier's document is, in Spanish and English (first match wins)
KIND_WORDS: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    (  # before the invoice: a "factura rectificativa" is a credit note
        AnswerKind.CREDIT,
        re.compile(
            r"\b(abono|nota de cr[eé]dito|nota de abono|factura rectificativa|credit note|credit memo)\b",
            re.IGNORECASE,
        ),
    ),
    (AnswerKind.INVOIC, re.compile(r"\b(factura|invoice|rechnung|faktura)\b", re.IGNORECASE)),
    (
        AnswerKind.DESADV,
        re.compile(r"\b(albar[aá]n|delivery note|despatch|dispatch|env[ií]o)\b", re.IGNORECASE),
    ),
    (AnswerKind.ORDRSP, re.compile(r"\b(confirmaci[oó]n|confirm\w*|acuse)\b", re.IGNORECASE)),
)
EXCERPT = 600  # characters of the text kept for the buyer's list


def sender_keys(sender: str | None, kind: str) -> frozenset[str]:
    """The keys a document's sender is known by: an e-mail address ("Name <a@b>" or bare) or a fax
    number as the channel recorded it (printed anyhow, with or without its country code)."""
    if not sender:
        return frozenset()
    if kind == "email":
        return identifier_keys("email", parseaddr(sender)[1] or sender)
    return identifier_keys("fax", sender)


def supplier_keys(supplier: Supplier) -> frozenset[str]:
    """Every contact of a supplier a document may come from: its e-mail address and its fax number
    (whatever channel it takes our orders on), the number read in the supplier's own country."""
    country = supplier.country or "ES"
    return identifier_keys("email", supplier.email, country) | identifier_keys("fax", supplier.fax, country)


def supplier_of(suppliers: Iterable[Supplier], keys: frozenset[str]) -> Supplier | None:
    """The one supplier these sender keys belong to; None for nobody's, or for more than one's."""
    found = [s for s in suppliers if keys and supplier_keys(s) & keys]
    return found[0] if len(found) == 1 else None


def po_number_in(text: str) -> str | None:
    """The first of our purchase order numbers the text names, written the way we write it."""
    found = PO_NUMBER.search(text)
    return f"PO-{found.group(1)}" if found else None


def kind_of(text: str) -> AnswerKind:
    """What the document says it is; OTHER when it does not say."""
    for kind, words in KIND_WORDS:
        if words.search(text):
            return kind
    return AnswerKind.OTHER


def excerpt(text: str) -> str:
    return " ".join(text.split())[:EXCERPT]


@dataclass(frozen=True)
class ReadDocument:
    """What the readers made of a supplier's e-mailed invoice or delivery note: what its title says
    it is, the message read from it, and every doubt that keeps it from being taken by machine (a
    document with a doubt waits for a buyer, the doubts shown as the reason)."""

    kind: AnswerKind
    answer: SupplierAnswer | None = None
    doubts: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        return self.answer is not None and not self.doubts


def on_order(po: PurchaseOrder, answer: SupplierAnswer) -> tuple[SupplierAnswer, list[str]]:
    """The message's lines named by our SKU where their code (the supplier's item code, our SKU or
    the GTIN) is one of the order's lines; and the codes that are none of them."""
    lines, unknown = [], []
    for item in answer.lines:
        # a blank code names nothing: it would match every line of ours whose code is blank
        code = (item.supplier_item_code or "").strip().casefold()
        line = next(
            (
                x
                for x in po.lines
                if (code and code in {(x.supplier_item_code or "").strip().casefold(), x.sku.casefold()})
                or (item.gtin and item.gtin == x.gtin)
            ),
            None,
        )
        if line is None:
            unknown.append(item.supplier_item_code or item.gtin or "?")
            lines.append(item)
        else:
            lines.append(replace(item, sku=line.sku, supplier_item_code=line.supplier_item_code))
    return replace(answer, lines=tuple(lines), po_number=po.number), unknown
