"""Near-valid e-mails and order texts for the fuzzing suite.

Two sources: the sample generator's e-mails (bodies with orders, attached interchanges and sheets),
damaged at the byte level; and MIME trees assembled here by hand, so boundaries, nesting, charsets and
transfer encodings can be wrong in ways no mail library would write.
"""

from __future__ import annotations

import base64
import quopri
import random

from hypothesis import strategies as st

from samples import edifact_gen, mail_gen
from samples.mail_vocab import CLOSINGS, FORMS, GREETINGS, INTROS
from tests.fuzz.edifact_strategies import byte_damage

CHARSETS = (
    "utf-8", "iso-8859-1", "windows-1252", "us-ascii", "utf-16", "utf-7", "iso-2022-jp", "koi8-r",
    "x-unknown", "", "utf8\"", "latin-1'", "ISO-8859-15", "cp65001", "a" * 300,
)  # fmt: skip
ENCODINGS = ("7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "bogus", "")
LEAF_TYPES = (
    "text/plain", "text/html", "application/pdf", "application/edifact", "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png",
    "application/octet-stream", "message/delivery-status", "text/calendar",
)  # fmt: skip
SKUS = ("TOR-M8-40", "TOR-M10-60", "TUE-M8", "ARA-M8", "8437000100102", "4712")

# rows of an order text: lines the readers should take, lines that only look like them, and the rest
ORDER_ROW = st.builds(
    lambda form, q, code: form.format(q=q, code=code, name="Tornillo"),
    st.sampled_from([*FORMS["es"], *FORMS["en"], "{code}\t{name}\t{q}", "| {code} | {q} |", "{q};{code}"]),
    st.one_of(
        st.integers(0, 10**6).map(str),
        st.sampled_from(["1.000", "1,5", "2.5", "1e400", "-3", "½", "٣", "10 000", "9" * 30, "0,000001"]),
    ),
    st.sampled_from(SKUS) | st.text(alphabet="ABCXYZ0123456789-<>?./ ", min_size=1, max_size=14),
)
NOISE = (
    *GREETINGS["es"], *INTROS["en"], *CLOSINGS["es"], "", "-- ", "> 10 x TOR-M8-40", "4 x ???",
    "3 x <foo>", "5 x <img src=x>", "Ref. <4712>: 20 uds", "Pedido nº PO-2026-1", "Entrega: 31/02/2026",
    "El 3 dic. 2026, Ana escribió:", "-----Original Message-----", "De: ana@x.es", "\u200b\u00a0\ufeff",
)  # fmt: skip
NOISE_ROW = st.one_of(st.sampled_from(NOISE), st.text(max_size=60))
ORDER_TEXT = st.lists(st.one_of(ORDER_ROW, NOISE_ROW), max_size=25).map("\n".join)


def generated_mail(seed: int) -> bytes:
    """One of the generator's e-mails, chosen and built from `seed`."""
    rng = random.Random(seed)
    kind = seed % 4
    if kind == 0:
        return mail_gen.body_order(rng, seed).raw
    if kind == 1:
        return mail_gen.sheet_order(rng, seed).raw
    content = edifact_gen.orders_interchange(messages=1, lines=1 + seed % 3, control_ref=str(seed))
    name, media = ("order.edi", "application/edifact") if kind == 2 else ("order.txt", "text/plain")
    return mail_gen.with_attachment(seed, "C-1001", "es", name, media, content)[0]


# built once, outside any strategy (the generator draws from its own random.Random)
GENERATED = tuple(generated_mail(seed) for seed in range(16))


@st.composite
def damaged_generated_mail(draw: st.DrawFn) -> bytes:
    raw = draw(st.sampled_from(GENERATED))
    lines = raw.split(b"\n")
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "boundary", "header"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "boundary" and lines[i].startswith(b"--"):
            lines[i] = lines[i][:-3] + draw(st.binary(max_size=3))
        elif action == "header":
            lines.insert(i, draw(big_header()))
    return draw(byte_damage(b"\n".join(lines)))


@st.composite
def big_header(draw: st.DrawFn) -> bytes:
    name = draw(st.sampled_from([b"Subject", b"From", b"X-Junk", b"Content-Type", b"Received", b"To"]))
    size = draw(st.sampled_from([10, 1000, 100_000]))
    filler = draw(st.sampled_from([b"a", b"=?utf-8?B?w7E=?= ", b"\xf1", b"\t\r\n ", b"<x@y>,", b";"]))
    return name + b": " + filler * (size // len(filler))


@st.composite
def payload(draw: st.DrawFn, ctype: str) -> bytes:
    if ctype == "text/plain":
        return draw(ORDER_TEXT).encode(draw(st.sampled_from(["utf-8", "latin-1", "cp1252"])), "replace")
    if ctype == "text/html":
        return ("<html><body><p>" + draw(ORDER_TEXT).replace("\n", "<br>") + "</p></body></html>").encode()
    if ctype == "application/edifact" and draw(st.booleans()):
        return edifact_gen.orders_interchange(messages=1, lines=2)
    return draw(st.binary(max_size=300))


def transfer(data: bytes, encoding: str, broken: bool) -> bytes:
    if encoding == "base64":
        out = base64.encodebytes(data)
        return out[: len(out) // 2] + b"!!*" if broken else out
    if encoding == "quoted-printable":
        out = quopri.encodestring(data)
        return out + b"=Z\xff=" if broken else out
    return data


@st.composite
def mime_part(draw: st.DrawFn, depth: int) -> bytes:
    """A MIME entity: headers, a blank line, a body; multipart (perhaps nested) when depth allows."""
    nl = b"\r\n"
    if depth > 0 and draw(st.integers(0, 2)) == 0:
        if draw(st.integers(0, 3)) == 0:
            return b"Content-Type: message/rfc822" + nl + nl + draw(mime_message(depth - 1))
        boundary = draw(st.from_regex(r"[A-Za-z0-9'()+_,./:=?-]{1,70}", fullmatch=True)).encode()
        subtype = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"signed", b"digest"]))
        head = b"Content-Type: multipart/" + subtype + b'; boundary="' + boundary + b'"' + nl + nl
        children = draw(st.lists(mime_part(depth - 1), max_size=4))
        body = b"".join(b"--" + boundary + nl + child + nl for child in children)
        close = draw(st.sampled_from([b"--" + boundary + b"--" + nl, b"", b"--" + boundary + nl, b"--x--"]))
        return head + b"preamble" + nl + body + close
    ctype = draw(st.sampled_from(LEAF_TYPES))
    charset = draw(st.sampled_from(CHARSETS)).encode()
    encoding = draw(st.sampled_from(ENCODINGS))
    head = b"Content-Type: " + ctype.encode() + b'; charset="' + charset + b'"' + nl
    if encoding:
        head += b"Content-Transfer-Encoding: " + encoding.encode() + nl
    if draw(st.booleans()):
        name = draw(st.text(max_size=30)).encode("utf-8", "surrogatepass")
        head += b"Content-Disposition: " + draw(st.sampled_from([b"attachment", b"inline", b"x"]))
        head += b'; filename="' + name + b'"' + nl
    body = transfer(draw(payload(ctype)), encoding, draw(st.integers(0, 4)) == 0)
    return head + nl + body


@st.composite
def mime_message(draw: st.DrawFn, depth: int = 3) -> bytes:
    """A whole message: top headers (some missing, some 8-bit or encoded badly) and one MIME entity."""
    nl = b"\r\n"
    froms = [b"Ana <pedidos@ferreterianunez.es>", b"\xf1@x", b"<>", b"a@@b", b""]
    subjects = [b"Pedido PO-1", b"=?x-bad?B?w7E=?=", b"=?utf-8?Q?=ZZ?=", b"\xe9t\xe9"]
    dates = [b"Thu, 26 Nov 2026 10:00:00 +0100", b"yesterday", b"Thu, 99 Foo 99999"]
    headers = {
        b"From": draw(st.sampled_from(froms)),
        b"To": b"pedidos@comanda.example",
        b"Subject": draw(st.sampled_from(subjects)),
        b"Date": draw(st.sampled_from(dates)),
        b"Message-ID": b"<" + str(draw(st.integers(0, 10**6))).encode() + b"@fuzz>",
        b"MIME-Version": b"1.0",
    }
    kept = draw(st.lists(st.sampled_from(sorted(headers)), unique=True, min_size=1))
    head = b"".join(name + b": " + headers[name] + nl for name in kept)
    if draw(st.integers(0, 5)) == 0:
        head += draw(big_header()) + nl
    return head + draw(mime_part(depth))


EMAILS = st.one_of(damaged_generated_mail(), mime_message(), mime_message(depth=14))
