"""MIME done properly: structure, charsets, encoded words, attachments routed by content, and bombs."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from core.capture.domain.order import CapturedLine, CapturedOrder, ProblemCode
from parsers.email import EmailParser
from parsers.email.mime import BOUNDED, MAX_DEPTH, MAX_MIME_HEADER
from tests.unit.parsers.email_support import TODAY, lines, message, read

PDF = b"%PDF-1.4\n" + b"0" * 20_000
TIFF = b"II*\x00" + b"\x00" * 20_000
PNG_LOGO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 500
EDI = b"UNA:+.? 'UNB+UNOC:3+8437000100010:14+8437000000001:14+261126:0930+77'UNH+1+ORDERS:D:96A:UN'"
XLSX_SIG = b"PK\x03\x04"


class Recorder:
    """Stands in for the registry: records what it was handed and answers with one order per PDF."""

    def __init__(self) -> None:
        self.seen: list[InboundDocument] = []

    def __call__(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        self.seen.append(doc)
        if doc.media_type == "application/pdf":
            order = CapturedOrder(
                po_number="PDF-1", lines=(CapturedLine(item_code="TUE-M8"),), interchange_index=0
            )
            return ParseResult(format="pdf-text", orders=(order,), extra={"pages": ("page",)})
        return ParseResult(format="unknown", error="no parser recognises this document")


def with_attachments(*parts: tuple[str, str, bytes], body: str = "Adjunto pedido.\n") -> EmailMessage:
    msg = message(body)
    for name, media, content in parts:
        maintype, _, subtype = media.partition("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return msg


def test_attachments_are_routed_by_their_bytes_not_their_names() -> None:
    recorder = Recorder()
    msg = with_attachments(
        ("pedido.txt", "application/octet-stream", PDF),  # a PDF whatever it is called
        ("../../etc/passwd", "image/tiff", TIFF),
        ("logo.png", "image/png", PNG_LOGO),  # too small to be a scan
        ("orders.edi", "application/octet-stream", EDI),
        ("notes.bin", "application/octet-stream", b"\x01\x02 nothing we read"),
    )
    result = read(msg, attachments=recorder)
    assert [d.media_type for d in recorder.seen] == ["application/pdf", "image/tiff", "application/edifact"]
    assert [d.original_name for d in recorder.seen] == ["pedido.txt", "passwd", "orders.edi"]  # no folders
    assert all(d.channel is Channel.EMAIL and d.sender == "pedidos@ferreterianunez.es" for d in recorder.seen)
    # the PDF's order is the e-mail's order, in the PDF reader's format; the body is a covering note
    assert result.format == "pdf-text" and [o.po_number for o in result.orders] == ["PDF-1"]
    order = result.orders[0]
    assert order.buyer.email == "pedidos@ferreterianunez.es" and order.interchange_index is None
    assert result.extra["pages"] == ("page",)  # the review screen gets the attachment's pages
    assert [a["media_type"] for a in result.extra["attachments"]] == [
        "application/pdf",
        "image/tiff",
        "application/edifact",
    ]


def test_lines_in_the_text_beside_an_attached_order_send_it_to_review() -> None:
    msg = with_attachments(
        ("pedido.pdf", "application/pdf", PDF), body="Adjunto pedido y añadid 5 x TUE-M8.\n"
    )
    result = read(msg, attachments=Recorder())
    assert result.format == "pdf-text" and len(result.orders) == 1
    assert any("lists order lines too" in p.message for p in result.orders[0].problems)


def test_the_body_is_read_when_no_attachment_holds_an_order() -> None:
    recorder = Recorder()
    result = read(
        with_attachments(("scan.tif", "image/tiff", TIFF), body="5 x TAC-6\n"), attachments=recorder
    )
    assert result.format == "email-text" and lines(result) == [("TAC-6", "5")]
    assert any("scan.tif" in p.message for p in result.problems)  # the unreadable scan is reported


def test_alternative_prefers_plain_text_and_keeps_sanitised_html() -> None:
    html = '<p onclick="steal()">10 x TOR-M8-40</p><script>alert(1)</script><img src="http://track/x.gif">'
    result = read(message("10 x TOR-M8-40\n", html=html))
    assert lines(result) == [("TOR-M8-40", "10")]
    shown = result.extra["html"]
    assert isinstance(shown, str) and "10 x TOR-M8-40" in shown
    assert "script" not in shown and "onclick" not in shown and "img" not in shown and "alert" not in shown


def test_html_only_with_script_is_read_and_nothing_runs() -> None:
    html = "<html><body><script>document.write('99 x EVIL-1')</script><p>3 x TUE-M8</p></body></html>"
    result = read(message(None, html=html))
    assert lines(result) == [("TUE-M8", "3")]


def test_encoded_word_subject_and_latin1_and_windows1252_bodies() -> None:
    raw = (
        "From: =?iso-8859-1?q?Jos=E9_Ib=E1=F1ez?= <jose.ibanez@ferreterianunez.es>\r\n"
        "Subject: =?utf-8?b?UGVkaWRvIFBPLcORLTc3IOKAkyBlbnRyZWdh?=\r\n"
        "Message-ID: <c1@x>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        'Content-Type: text/plain; charset="iso-8859-1"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
    ).encode("ascii") + "Señores:\r\n4 x TOR-M8-40 tornillería “buena” – 3 €\r\n".encode("windows-1252")
    result = read(raw, sender="jose.ibanez@ferreterianunez.es")
    order = result.orders[0]
    assert order.buyer.name == "José Ibáñez"
    assert result.extra["subject"] == "Pedido PO-Ñ-77 – entrega"
    assert (
        order.lines[0].description == "tornillería “buena” – 3 €"
    )  # windows-1252 read under a latin-1 label


def test_raw_utf8_headers_without_encoded_words_survive() -> None:
    raw = (
        "From: Uxía Castro <compras@bricogalicia.es>\r\nSubject: Pedido urgente ñandú\r\n"
        "Message-ID: <u8@x>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "2 x TAC-6\r\n"
    ).encode()
    result = read(raw, sender="compras@bricogalicia.es")
    assert result.orders[0].buyer.name == "Uxía Castro" and result.extra["subject"] == "Pedido urgente ñandú"


def test_a_forwarded_message_is_read_as_a_nested_message() -> None:
    inner = message("7 x LLA-AJ-250\n", subject="Pedido", from_="Compras <compras@ferreterianunez.es>")
    outer = message("Os reenvío el pedido de compras.\n", subject="Fwd: Pedido")
    outer.add_attachment(inner)
    result = read(outer)
    assert lines(result) == [("LLA-AJ-250", "7")]
    assert result.orders[0].buyer.email == "pedidos@ferreterianunez.es"  # who wrote to us


def test_spoofed_from_is_flagged_and_related_envelope_is_not() -> None:
    spoofed = read(message(), sender="mailer@spoofer.example")
    assert [p.code for p in spoofed.orders[0].problems] == [ProblemCode.SENDER_MISMATCH]
    assert read(message(), sender="bounces+77@mail.ferreterianunez.es").orders[0].problems == ()
    assert read(message(), sender=None).orders[0].problems == ()  # no envelope known (a file)
    bounce = read(message(), sender="")
    assert [p.code for p in bounce.orders[0].problems] == [ProblemCode.SENDER_MISMATCH]


def test_thousands_of_attachments_are_capped() -> None:
    recorder = Recorder()
    msg = with_attachments(
        *[(f"p{i}.pdf", "application/pdf", PDF[:2000] + bytes([i % 256])) for i in range(2000)]
    )
    result = read(msg, attachments=recorder)
    assert len(recorder.seen) == 20
    messages = " ".join(p.message for p in result.problems)
    assert "more than 500 MIME parts" in messages and "only the first 20 were read" in messages


def test_deep_nesting_is_capped_and_deeper_than_python_reads_is_an_error() -> None:
    def nested(depth: int) -> bytes:
        head = b"From: a@ferreterianunez.es\r\nSubject: x\r\nMessage-ID: <n@x>\r\nMIME-Version: 1.0\r\n"
        opening = b"".join(
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(depth)
        )
        closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
        return head + opening + b"Content-Type: text/plain\r\n\r\n3 x TUE-M8" + closing

    capped = read(nested(MAX_DEPTH + 5), sender="a@ferreterianunez.es")
    assert capped.orders == () and capped.error and "nested deeper" in capped.error
    assert read(nested(MAX_DEPTH - 2), sender="a@ferreterianunez.es").orders  # within the cap: read
    doc = InboundDocument(Channel.EMAIL, nested(3000), TODAY, sender="a@ferreterianunez.es")
    parser = EmailParser()
    try:
        parser.parse(doc, ParseContext(today=TODAY))
    except Exception as exc:  # the registry turns a ParseError into a stored error
        assert "too deeply" in str(exc)
    else:
        raise AssertionError("a message nested 3000 deep must not be read")


def test_broken_mime_is_read_as_far_as_it_goes() -> None:
    raw = (
        b"From: pedidos@ferreterianunez.es\r\nSubject: Pedido\r\nMessage-ID: <b@x>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n'
        b"2 x ARA-M8\r\n--XX\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"%%%not base64 at all\r\n"  # and no closing boundary
    )
    result = read(raw)
    assert lines(result) == [("ARA-M8", "2")]
    assert any(p.code is ProblemCode.SYNTAX_ERROR for p in result.problems)


def test_score_recognises_messages_only() -> None:
    parser = EmailParser()
    mail = InboundDocument(Channel.EMAIL, message().as_bytes(), TODAY)
    assert parser.score(mail) == 120
    assert parser.score(InboundDocument(Channel.UPLOAD, message().as_bytes(), TODAY)) == 110
    assert parser.score(InboundDocument(Channel.EMAIL, PDF, TODAY)) is None
    assert parser.score(InboundDocument(Channel.EDI, EDI, TODAY)) is None


def test_not_an_email_at_all() -> None:
    msg = EmailMessage(policy=policy.SMTP)
    msg.set_content("x")
    parser = EmailParser()
    doc = InboundDocument(Channel.EMAIL, b"just some text\r\n", TODAY)
    try:
        parser.parse(doc, ParseContext(today=TODAY))
    except Exception as exc:
        assert "not an e-mail" in str(exc)
    else:
        raise AssertionError("expected a ParseError")


def test_a_header_longer_than_any_real_one_is_read_only_up_to_a_bound() -> None:
    """Found by the fuzzing suite: the standard library's header parser took 20 s over a 100 kB
    Content-Type (more than linear, and again on every read of the header), so one such e-mail held a
    worker. Only the first MAX_MIME_HEADER characters are read; the rest of the mail is read as usual
    and the problem says what was cut."""
    junk = b"<x@y>," * 20_000
    raw = (
        b"From: pedidos@ferreterianunez.es\r\nSubject: Pedido\r\nMessage-ID: <long@x>\r\n"
        b'Content-Type: text/plain; charset="utf-8"; x="' + junk + b'"\r\n\r\n2 x ARA-M8\r\n'
    )
    result = read(raw)
    assert lines(result) == [("ARA-M8", "2")]
    assert any(
        "Content-Type" in p.message and f"only its first {MAX_MIME_HEADER} were read" in p.message
        for p in result.problems
    ), [p.message for p in result.problems]
    parsed = email.message_from_bytes(raw, policy=BOUNDED)
    assert len(str(parsed["Content-Type"])) <= MAX_MIME_HEADER + 1  # + the quote the parser closes


def test_a_from_header_cut_short_is_read_from_its_raw_text() -> None:
    """Found by the fuzzing suite: an address cut off after its `@` made the standard library's header
    parser raise IndexError, on `get` and on the `get_all` the fallback tried, so the reader crashed.
    The raw text is read instead: the name (its encoded word decoded) and the typed order survive."""
    raw = b"From: Ana =?utf-8?q?N=C3=BA=C3=B1ez?= <pedidos@\r\nSubject: Pedido\r\n\r\n2 x ARA-M8\r\n"
    result = read(raw, sender=None)
    assert lines(result) == [("ARA-M8", "2")]
    assert result.orders[0].buyer.name == "Ana Núñez"
