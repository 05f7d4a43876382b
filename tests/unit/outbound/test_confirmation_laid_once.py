"""The confirmation PDF's paragraphs are read once per thread and reused: the same bytes, less work."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from reportlab.platypus import Paragraph, paraparser

from core.kernel.domain.model import Customer, Decision, Order, OrderLine
from outbound import pdf_parts
from outbound.confirmation import render_confirmation

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
SPANISH = Customer(
    "C-1001",
    "Ferretería Núñez S.L.",
    street="Calle Mayor 12",
    postal_code="28013",
    city="Madrid",
    language="es",
)
ENGLISH = Customer("C-2002", "Hill & Sons Ltd", street="1 Quay Road", postal_code="BS1 4QA", city="Bristol")


def _order(number: str, lines: list[OrderLine], decision: Decision = Decision.ACCEPT, id_: int = 7) -> Order:
    o = Order(
        document_id=1,
        message_index=0,
        channel="email",
        state=decision.order_state,
        decision=decision,
        confidence=0.9,
        created_at=NOW,
        po_number=number,
        customer_id="C-1001",
        order_date=date(2026, 12, 1),
        currency="EUR",
        id=id_,
    )
    o.lines = lines
    return o


def _line(
    position: int, sku: str, description: str, quantity: str = "12", price: str = "0.1800"
) -> OrderLine:
    return OrderLine(
        position=position,
        sku=sku,
        description=description,
        quantity=Decimal(quantity),
        unit="UD",
        unit_price=Decimal(price),
    )


LONG = "Tornillo hexagonal M8x40 zincado, rosca completa, caja de doscientas unidades, norma DIN 933"


def _orders() -> list[tuple[Order, Customer, str]]:
    short = _order("PED-1", [_line(1, "TOR-M8-40", "Tornillo hexagonal M8x40 zincado")])
    # a code that is also a description: one kept paragraph drawn in two columns of different widths
    twice = _order(
        "PED-2", [_line(1, "ARANDELA PLANA M8", "ARANDELA PLANA M8"), _line(2, "TOR-M8-40", LONG)], id_=8
    )
    # past one page: the lines table split, its heading repeated, the same paragraphs on both pages
    many = _order(
        "PED-3", [_line(i, f"SKU-{i % 7}", LONG if i % 3 else "Tuerca M8") for i in range(1, 90)], id_=9
    )
    rejected = _order("PED-4", [_line(1, "TOR-M8-40", LONG)], Decision.REJECT, id_=10)
    rejected.problems = [{"field": "lines", "code": "no_lines", "message": "the order has no lines"}]
    return [
        (short, SPANISH, "es"),
        (twice, SPANISH, "es"),
        (many, ENGLISH, "en"),
        (rejected, SPANISH, "es"),
        (short, ENGLISH, "en"),
        (twice, SPANISH, "es"),
        (many, ENGLISH, "en"),
    ]


def _in_new_thread(work: Callable[[], list[bytes]]) -> list[bytes]:
    """`work` run in a thread of its own: one whose kept paragraphs start empty."""
    out: list[list[bytes]] = []
    thread = threading.Thread(target=lambda: out.append(work()))
    thread.start()
    thread.join()
    return out[0]


def test_each_confirmation_is_the_same_bytes_as_with_a_new_paragraph_for_every_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = _orders()
    in_turn = _in_new_thread(lambda: [render_confirmation(o, c, lang, now=NOW) for o, c, lang in cases])
    alone = [
        _in_new_thread(lambda o=o, c=c, lang=lang: [render_confirmation(o, c, lang, now=NOW)])[0]  # type: ignore[misc]
        for o, c, lang in cases
    ]
    with monkeypatch.context() as m:  # reportlab as it comes: every paragraph made, parsed and wrapped anew
        m.setattr(
            pdf_parts.Paragraphs, "__call__", lambda self, text, style: Paragraph(text, self.styles[style])
        )
        fresh = _in_new_thread(lambda: [render_confirmation(o, c, lang, now=NOW) for o, c, lang in cases])
    assert in_turn == fresh
    assert alone == fresh
    assert in_turn[0] != in_turn[4]  # the same order in the other language is another PDF


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paragraph texts reportlab's markup parser reads."""
    texts: list[str] = []
    parse = paraparser.ParaParser.parse

    def counting(self: paraparser.ParaParser, text: str, style: object) -> object:
        texts.append(text)
        return parse(self, text, style)

    monkeypatch.setattr(paraparser.ParaParser, "parse", counting)
    yield texts


def test_a_second_confirmation_reads_only_the_paragraphs_it_has_not_read_before(parsed: list[str]) -> None:
    first = _order("PED-11", [_line(1, "TOR-M8-40", LONG)], id_=11)
    second = _order("PED-12", [_line(1, "TOR-M8-40", LONG), _line(2, "TUE-M8", "Tuerca M8")], id_=12)

    def both() -> list[bytes]:
        render_confirmation(first, SPANISH, "es", now=NOW)
        parsed.clear()
        return [render_confirmation(second, SPANISH, "es", now=NOW)]

    _in_new_thread(both)
    # the letterhead, title, address, introduction, closing and the first line's cells were read for
    # the first; the second reads its new line's code and description and its own total
    assert sorted(parsed) == sorted(["TUE-M8", "Tuerca M8", "<b>Total EUR: 4,32</b>"])
