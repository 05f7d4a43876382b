"""The e-mail reader hands on what the reply needs of the e-mail's headers, read by the reply's own rule,
so that the reply's draft does not parse the stored e-mail again (issue 15).

The reply's rule differs from the reader's own: the From address as written (the reader lower-cases
it to find the customer), 8-bit bytes that are not UTF-8 read as U+FFFD, an e-mail with no From
address automatic (never answered). Where the reader read one
of those headers cut short (longer than any real one), it hands nothing on and the draft reads the
stored e-mail whole.
"""

from __future__ import annotations

from core.capture.domain.mail_headers import Original
from outbound.email.compose import read_original
from tests.unit.parsers.email_support import message, read


def _handed_on(raw: bytes) -> Original | None:
    found = read(raw).extra["original"]
    assert found is None or isinstance(found, Original)
    return found


def test_an_order_e_mail_hands_on_its_sender_as_written_its_subject_and_message_id() -> None:
    raw = message(from_="Ana Núñez <Pedidos@FerreteriaNunez.ES>", message_id="<po-42@ferreterianunez.es>")
    result = read(bytes(raw))
    assert result.extra["from"] == "pedidos@ferreterianunez.es"  # the reader's own: lower case
    assert result.extra["original"] == Original(
        from_addr="Pedidos@FerreteriaNunez.ES",  # the reply goes to the address as the customer wrote it
        from_name="Ana Núñez",
        subject="Pedido PO-2026-0042",
        message_id="<po-42@ferreterianunez.es>",
        references=(),
        automatic=False,
    )
    assert result.extra["original"] == read_original(bytes(raw))  # what the draft would have read


RAW_HEADERS = (
    b"From: =?utf-8?q?Mar=C3=ADa_Nu=C3=B1ez?= <compras@ferreteria-nunez.es>\r\n"
    b"To: pedidos@comanda.example\r\n"
    b"Subject: =?utf-8?q?Pedido_n=C2=BA_7?=   urgente\r\n"
    b"Message-ID: <pedido-7@ferreteria-nunez.es>\r\n"
    b"References: <a@x.es>\r\n <b@x.es>\t<c@x.es>\r\n"
    b"Date: Thu, 26 Nov 2026 10:00:00 +0100\r\n"
)
BODY = b"\r\n10 x TOR-M8-40\r\n"


def test_encoded_words_folded_lines_and_runs_of_white_space_are_read_as_the_reply_reads_them() -> None:
    raw = RAW_HEADERS + BODY
    assert _handed_on(raw) == Original(
        from_addr="compras@ferreteria-nunez.es",
        from_name="María Nuñez",
        subject="Pedido nº 7 urgente",  # decoded, the three spaces one
        message_id="<pedido-7@ferreteria-nunez.es>",
        references=("<a@x.es>", "<b@x.es>", "<c@x.es>"),  # unfolded, one id each
        automatic=False,
    )
    assert _handed_on(raw) == read_original(raw)


def test_eight_bit_bytes_that_are_not_utf_8_are_read_as_the_replacement_character() -> None:
    raw = (
        RAW_HEADERS.replace(b"Subject: =?utf-8?q?Pedido_n=C2=BA_7?=   urgente", b"Subject: Pedido a\xf1o 7")
        + BODY
    )
    handed = _handed_on(raw)
    assert handed is not None
    assert handed.subject == "Pedido a\ufffdo 7"
    assert handed == read_original(raw)


def test_auto_replies_list_mail_and_mail_without_a_sender_address_are_automatic() -> None:
    cases = {
        b"Auto-Submitted: auto-replied\r\n": True,
        b"Auto-Submitted: no\r\n": False,
        b"Precedence: bulk\r\n": True,
        b"Precedence: list\r\n": True,
    }
    for header, automatic in cases.items():
        raw = RAW_HEADERS + header + BODY
        handed = _handed_on(raw)
        assert handed is not None and handed.automatic is automatic, header
        assert handed == read_original(raw)
    nobody = RAW_HEADERS.replace(
        b"From: =?utf-8?q?Mar=C3=ADa_Nu=C3=B1ez?= <compras@ferreteria-nunez.es>", b"From: Ana <>"
    )
    handed = _handed_on(nobody + BODY)
    assert handed is not None and handed.automatic and handed.from_addr == "" and handed.from_name == "Ana"
    assert handed == read_original(nobody + BODY)


def test_a_header_the_reader_read_cut_short_is_not_handed_on() -> None:
    # a thread of 400 messages: References of more than 8,000 characters, which the reader reads only
    # the start of; the draft then reads the stored e-mail (all of it) itself
    thread = " ".join(f"<message-{n:04d}@ferreteria-nunez.es>" for n in range(400))
    raw = RAW_HEADERS.replace(
        b"References: <a@x.es>\r\n <b@x.es>\t<c@x.es>", f"References: {thread}".encode()
    )
    assert len(thread) > 8_000
    assert _handed_on(raw + BODY) is None
    assert len(read_original(raw + BODY).references) == 400
    # a long Subject, the same
    long_subject = RAW_HEADERS.replace(b"Pedido_n=C2=BA_7?=   urgente", b"Pedido?= " + b"x" * 8_100)
    assert _handed_on(long_subject + BODY) is None
