"""The earlier orders a real customer would have, for the fax bench's `--history`: each drawn document's
customer given two or three accepted orders of the last weeks whose numbers are the printed number's
format, so that the decision learns the customer's format (`core.capture.services.deciding.settle_prefix`:
a "PC" prefix, a slash that may be a 7) as it does on arrival.

Real customers keep one format; the generator draws one per document, so the bench makes up the history
that format implies. It is made from the document's true number and its name (family and seed), never from
what OCR read: the serial, the number's longest run of figures, counted down by a few hundred per earlier
order at the same width, every other letter, separator and figure kept ("PC26007793" -> "PC26007412",
"PC26006998"). The orders reach the decision through the index's port for earlier orders
(`core.capture.services.duplicates.Recent`), exactly as the stored orders of a customer do."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from core.capture.domain.order import CapturedOrder
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services.deciding import settle_prefix
from core.capture.services.duplicates import PO_WINDOW, DuplicateIndex
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import EarlierOrder, OrderState

Validator = Callable[[CapturedOrder, MasterData, date], ResolvedOrder]
_FIGURES = re.compile(r"\d+")
MAX_GAP = 400  # the most orders the customer's numbering may have moved on between two of its orders


def _serial(number: str) -> re.Match[str] | None:
    """The run of figures a customer's numbering counts up: the longest (the last of equals), so that
    a year printed beside it ("PO-2026-42693", "123/26") stays as it is."""
    runs = list(_FIGURES.finditer(number))
    return max(reversed(runs), key=lambda m: len(m.group())) if runs else None


def earlier_numbers(number: str, name: str) -> list[str]:
    """Two or three earlier order numbers of the customer that printed `number` on document `name`:
    the same text with its serial (`_serial`) counted down, same width, distinct, none of them
    `number`. Nothing for a number without figures (no serial to count)."""
    found = _serial(number)
    if found is None:
        return []
    rng = random.Random(f"history:{name}:{number}")
    width, serial = len(found.group()), int(found.group())
    out: list[str] = []
    for _ in range(rng.choice((2, 3))):
        serial = (serial - rng.randint(1, MAX_GAP)) % 10**width  # a counter at its start wraps round
        text = f"{number[: found.start()]}{serial:0{width}d}{number[found.end() :]}"
        if text != number and text not in out:
            out.append(text)
    return out


def earlier_orders(number: str, name: str, now: datetime) -> list[EarlierOrder]:
    """`earlier_numbers` as accepted fax orders of the last weeks (within `PO_WINDOW` of `now`), newest
    first, without lines (the same lines are no part of the question asked)."""
    rng = random.Random(f"history-days:{name}:{number}")
    numbers = earlier_numbers(number, name)
    days = sorted(rng.sample(range(3, PO_WINDOW.days - 1), len(numbers)))
    return [
        EarlierOrder(n + 1, "fax", OrderState.ACCEPTED, now - timedelta(days=d, hours=2), po, ())
        for n, (po, d) in enumerate(zip(numbers, days, strict=True))
    ]


class History:
    """One document's customer's earlier orders, read as `recent_for_customer` would read them: the
    orders of `customer_id` from `since`, at most `limit`; none of any other customer."""

    def __init__(self, customer_id: str | None, orders: Sequence[EarlierOrder]) -> None:
        self.customer_id = customer_id
        self.orders = tuple(orders)

    def recent(self, customer_id: str, window: Lookback, *, exclude_document: int) -> Sequence[EarlierOrder]:
        if customer_id != self.customer_id:
            return []
        return [o for o in self.orders if o.created_at >= window.since][: window.limit]


def history_of(truth: Mapping[str, Any], name: str, now: datetime) -> History:
    """The earlier orders of the customer of the document `name` whose truth is `truth`."""
    number = truth.get("po_number") or ""
    return History(truth.get("customer_id"), earlier_orders(number, name, now) if number else [])


class Histories:
    """Each document's history by its bytes (what a bench reader is given), and the decision that reads
    it: validation, then `settle_prefix` on an index whose earlier orders are the history."""

    SAID = (
        "earlier orders: each document's customer given 2 or 3 accepted orders of the last 60 days"
        " numbered in its printed number's format (from the true number, never the OCR's)"
    )

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._by_content: dict[bytes, History] = {}

    @classmethod
    def of(cls, documents: Iterable[tuple[bytes, Mapping[str, Any], str]], now: datetime) -> Histories:
        """The histories of (content, truth, name) documents."""
        made = cls(now)
        for content, truth, name in documents:
            made.add(content, truth, name)
        return made

    def add(self, content: bytes, truth: Mapping[str, Any], name: str) -> None:
        self._by_content[content] = history_of(truth, name, self.now)

    def deciding(self, content: bytes, validate: Validator, uow: CaptureUnitOfWork) -> Validator:
        """`validate`, then the holds on the number's format (its prefix, its slash) settled against the
        history of the document `content` (none known: an empty one). `uow` is never opened: the index
        reads earlier orders from the history and is asked nothing else."""
        history = self._by_content.get(content, History(None, ()))

        def check(order: CapturedOrder, master: MasterData, today: date) -> ResolvedOrder:
            resolved = validate(order, master, today)
            seen = DuplicateIndex(uow, 0, self.now, "fax", history)
            return settle_prefix(resolved, seen, lambda again: validate(again, master, today))

        return check
