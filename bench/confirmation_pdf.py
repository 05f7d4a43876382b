"""The order confirmation's PDF alone: ms of CPU to render one, by number of lines.

    python -m bench.confirmation_pdf [--rounds R] [--count N]

Each size (1, 5, 20 and 60 lines) renders N confirmations of different orders (Spanish and English, a
promotion on some lines, a rejected one among them), R rounds; the figure is the fastest round's CPU
(`time.process_time`) a PDF, with the median round beside it. The e-mail bench's replies are one to
eight lines; the larger sizes show the cost of a line and of a page.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, date, datetime
from decimal import Decimal

from core.kernel.domain.model import Customer, Decision, Order, OrderLine, OrderState
from outbound.confirmation import render_confirmation

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
SIZES = (1, 5, 20, 60)
CUSTOMERS = (
    Customer("C-1001", "Ferretería Núñez S.L.", street="Calle Mayor 12", postal_code="28013", city="Madrid"),
    Customer("C-2002", "Hill & Sons Ltd", street="1 Quay Road", postal_code="BS1 4QA", city="Bristol"),
)
WORDS = ("Tornillo hexagonal M8x40 zincado", "Tuerca autoblocante M10 nylon", "Arandela plana DIN 125 M8")


def orders(lines: int, count: int) -> list[tuple[Order, Customer, str]]:
    """`count` different orders of `lines` lines each, with the customer and language to answer in."""
    made = []
    for k in range(count):
        rejected = k % 10 == 9
        decision = Decision.REJECT if rejected else Decision.ACCEPT
        order = Order(
            document_id=k,
            message_index=0,
            channel="email",
            state=OrderState.REJECTED if rejected else decision.order_state,
            decision=decision,
            confidence=0.9,
            created_at=NOW,
            po_number=f"PED-{k:05d}",
            order_date=date(2026, 12, 1),
            currency="EUR",
            id=1000 + k,
        )
        order.lines = [
            OrderLine(
                position=i,
                sku=f"SKU-{k % 13}-{i}",
                description=f"{WORDS[(k + i) % 3]} ({k * 7 + i})"
                + (", caja de doscientas" if i % 4 == 0 else ""),
                quantity=Decimal(10 + (k * i) % 500),
                unit="UD",
                unit_price=Decimal(f"0.{18 + k % 70:02d}"),
                discount=Decimal("1.50") if i % 5 == 3 else None,
                promotion="Oferta otoño" if i % 5 == 3 else None,
            )
            for i in range(1, lines + 1)
        ]
        if rejected:
            order.problems = [
                {"field": "lines[1].sku", "code": "unknown_product", "message": "no such product"}
            ]
        made.append((order, CUSTOMERS[k % 2], ("es", "en")[k % 2]))
    return made


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.confirmation_pdf")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args(argv)
    for size in SIZES:
        cases = orders(size, args.count)
        for order, customer, language in cases[:3]:  # warm: imports, caches
            render_confirmation(order, customer, language, now=NOW)
        rounds = []
        for _ in range(args.rounds):
            start = time.process_time()
            for order, customer, language in cases:
                render_confirmation(order, customer, language, now=NOW)
            rounds.append((time.process_time() - start) * 1000 / len(cases))
        print(
            f"confirmation PDF, {size:2d} line(s): {min(rounds):.3f} ms a PDF "
            f"(median of {args.rounds} rounds {statistics.median(rounds):.3f})"
        )


if __name__ == "__main__":
    main()
