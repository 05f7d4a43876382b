"""A supplier's document that came by e-mail or fax (an order confirmation, a delivery note, an
invoice, as a message body or a PDF): no reader turns it into a message we could apply, so it is kept
for a buyer to read. Here: whose it is (the sender against the suppliers' e-mail addresses and fax
numbers), which of our purchase orders its text names, and what it looks like it is."""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.utils import parseaddr

from core.kernel.domain.identity import identifier_keys
from core.purchasing.domain.answers import AnswerKind
from core.purchasing.domain.suppliers import Supplier

# our purchase order numbers as `PurchasingRepository.next_number` writes them ("PO-000042"); a
# supplier may print them with a space or without the dash
PO_NUMBER = re.compile(r"\bPO[\s\-]?(\d{6})\b", re.IGNORECASE)
# words that say what a supplier's document is, in Spanish and English (first match wins)
KIND_WORDS: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
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
