"""The e-mail readers under fuzzing: the MIME walker, the e-mail parser (attachments routed to the other
readers as in the running system, OCR aside) and the body-order reader never raise anything but their
documented ParseError, whatever near-valid mail or text arrives."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from core.capture.domain.order import CapturedOrder, ProblemCode, Severity
from core.kernel.errors import ParseError
from parsers.base import ParserRegistry
from parsers.edifact import EdifactParser
from parsers.email import EmailParser
from parsers.email.body import read_body
from parsers.email.mime import Mail, parse_message
from parsers.sheet import CsvParser, XlsxParser
from tests.fuzz.mail_strategies import EMAILS, ORDER_TEXT, SKUS

TODAY = datetime(2026, 11, 26, 9, tzinfo=UTC)
ATTACHMENTS = ParserRegistry([EdifactParser(), XlsxParser(), CsvParser()])


def assert_sound(order: CapturedOrder) -> None:
    for line in order.lines:
        assert line.quantity is None or (isinstance(line.quantity, Decimal) and line.quantity.is_finite())


@given(EMAILS)
def test_the_mime_walker_reads_a_mail_or_refuses_it_with_parse_error(raw: bytes) -> None:
    try:
        mail = parse_message(raw)
    except ParseError as exc:
        assert str(exc)
        return
    assert all(isinstance(t, str) for t in mail.texts + mail.htmls)
    assert all(isinstance(a.content, bytes) for a in mail.attachments)


@given(EMAILS, st.sampled_from([None, "pedidos@ferreterianunez.es", "", "<>"]))
def test_the_email_parser_returns_a_result_or_raises_parse_error(raw: bytes, sender: str | None) -> None:
    doc = InboundDocument(Channel.EMAIL, raw, TODAY, sender=sender, media_type="message/rfc822")
    parser = EmailParser(read_attachment=ATTACHMENTS.parse)
    try:
        result = parser.parse(doc, ParseContext(today=TODAY))
    except ParseError as exc:
        assert str(exc)
        return
    assert isinstance(result, ParseResult)
    assert result.orders or result.error, "no orders and no reason"
    for order in result.orders:
        assert_sound(order)


SUBJECTS = st.sampled_from(["", "Pedido PO-2026-0042", "Re: Fwd: pedido urgente 12/12/2026", "Order\x00"])


@given(ORDER_TEXT, SUBJECTS, st.sampled_from([None, datetime(2026, 11, 26, 8, tzinfo=UTC)]))
def test_the_body_reader_returns_an_order_or_the_lines_it_could_not_read(
    text: str, subject: str, sent: datetime | None
) -> None:
    mail = Mail(subject=subject, from_name="Ana", from_addr="ana@ferreterianunez.es", date=sent)
    order, not_understood = read_body(mail, text, date(2026, 11, 26))
    assert all(p.code is ProblemCode.UNREADABLE and p.severity is Severity.REVIEW for p in not_understood)
    if order is None:
        return
    assert order.lines, "an order is only made of lines found"
    assert_sound(order)


@given(st.lists(st.tuples(st.integers(1, 9999), st.sampled_from(SKUS[:4])), min_size=1, max_size=12))
def test_typed_lines_are_read_exactly_with_their_quantities(items: list[tuple[int, str]]) -> None:
    """`{q} x {code}` lines between a greeting and a closing are read, every one, as typed."""
    text = "Hola,\n\nOs paso el pedido:\n\n" + "\n".join(f"{q} x {code}" for q, code in items)
    text += "\n\nUn saludo,\nAna\n"
    mail = Mail(subject="Pedido", from_addr="ana@ferreterianunez.es")
    order, _ = read_body(mail, text, date(2026, 11, 26))
    assert order is not None
    assert [(ln.item_code, ln.quantity) for ln in order.lines] == [(c, Decimal(q)) for q, c in items]
