"""Realistic e-mails with orders typed in the body, in Spanish and English, each with its truth.

`body_orders(count, seed)` returns `GeneratedMail`s: the raw RFC 5322 bytes, the envelope sender, and
what a reader should take from them.  Phrasings, greetings, signatures, disclaimers, quoted earlier
messages, HTML or plain text, charsets and encoded-word subjects vary; a share of the mails are ones
that must not be accepted untouched (unknown sender, spoofed sender, unknown article).  Everything is
decided by the seed.  `with_attachment(...)` wraps a PDF or a scan into an e-mail the same way;
`sheet_orders(count, seed)` attaches the order as a spreadsheet (XLSX, or CSV in the buyer's style).
Dates are typed numeric or written out (`2 de diciembre de 2026`, `December 3rd, 2026`), and the
delivery date often only in a sentence (`entregar antes del …`, `required by …`).

    python -m samples.mail_gen OUTDIR --count 50
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from samples.mail_vocab import (
    BOX_FORMS,
    BUYERS,
    CLOSINGS,
    DISCLAIMERS,
    FORMS,
    GREETINGS,
    INTROS,
    PRODUCTS,
    STRANGER,
    Buyer,
)
from samples.orders_gen.dates import DELIVERY_PROSE, MONTHS, WRITTEN, format_date, prose

DAY = date(2026, 11, 26)


@dataclass(frozen=True)
class Truth:
    """What a reader should take from a generated e-mail."""

    kind: str  # "body" | "pdf" | "scan" | "sheet"
    customer_id: str | None
    po_number: str | None
    delivery: date | None
    lines: tuple[tuple[str, Decimal], ...]  # (our SKU, quantity) in order
    acceptable: bool  # False: the mail must not be accepted untouched (unknown, spoofed, bad article)
    why: str = ""


@dataclass(frozen=True)
class GeneratedMail:
    name: str
    raw: bytes
    envelope_sender: str
    truth: Truth


def _qty_text(q: int, language: str) -> str:
    return f"{q:,}".replace(",", "." if language == "es" else ",")


def _date_text(day: date, language: str, rng: random.Random) -> str:
    """A date as people type it: numeric or written out (`2 de diciembre de 2026`, `December 3rd, 2026`)."""
    month = MONTHS[language][day.month - 1]
    if language == "es" and rng.random() < 0.2:
        return f"{day.day} de {month}"  # the year left out, as people do for a date weeks away
    forms = (*WRITTEN[language], "dmy_slash", "dmy_slash", "iso" if language == "en" else "dmy_dash")
    return format_date(day, rng.choice(forms))


def _delivery_text(day: date, language: str, rng: random.Random) -> str:
    """The delivery date as a labelled line or in a sentence (`entregar antes del …`, `required by …`)."""
    when = _date_text(day, language, rng)
    if rng.random() < 0.5:
        return prose(rng, DELIVERY_PROSE, language, d=when)
    return f"Fecha de entrega: {when}" if language == "es" else f"Please deliver by {when}."


def _lines(rng: random.Random, buyer: Buyer, language: str) -> list[tuple[str, str, int]]:
    """(sku, line text, quantity) for 1..8 distinct products."""
    out = []
    for sku in rng.sample(sorted(PRODUCTS), rng.randint(1, 8)):
        unit, name_es, name_en = PRODUCTS[sku]
        q = rng.choice((1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 25, 50, 100, 250, 500, 1000, 2000))
        code = buyer.codes.get(sku) if rng.random() < 0.5 else None
        code = code or sku
        if unit == "CAJ" and rng.random() < 0.6:
            text = BOX_FORMS[language].format(q=_qty_text(q, language), code=code)
        else:
            form = rng.choice(FORMS[language])
            if code.isdigit() and not form.startswith(("Ref", "Código", "Item", "{q} x", "* {q} x")):
                form = "Ref. {code}: {q} uds" if language == "es" else "{q} x {code}"
            name = name_es if language == "es" else name_en
            text = form.format(q=_qty_text(q, language), code=code, name=name)
        out.append((sku, text, q))
    return out


PIECES = re.compile(r"\b(uds|unidades|pcs|units)\b", re.IGNORECASE)


def _pieces_of_a_box(sku: str, text: str) -> bool:
    """A line asking for pieces ("20 uds", "12 pcs") of an article sold only in boxes: whether 20 pieces
    or 20 boxes are meant, a person must ask, so such a mail must not flow on untouched."""
    return sku in PRODUCTS and PRODUCTS[sku][0] == "CAJ" and PIECES.search(text) is not None


def body_order(rng: random.Random, index: int, day: date = DAY) -> GeneratedMail:
    """One e-mail with an order typed in its body."""
    case = rng.random()
    buyer = STRANGER if case < 0.05 else rng.choice(BUYERS)
    language = buyer.language
    name, local = rng.choice(buyer.people)
    address = f"{local}@{buyer.domain}"
    envelope = address if rng.random() < 0.7 else f"bounces+{index}@mail.{buyer.domain}"
    why = "unknown sender" if buyer is STRANGER else ""
    if 0.05 <= case < 0.09:
        envelope, why = f"mailer@spoof-{index}.example", "From does not match the envelope sender"
    lines = _lines(rng, buyer, language)
    if 0.09 <= case < 0.12:
        bogus = f"ZZX-{rng.randint(100, 999)}"
        lines.append(("?", f"{rng.randint(2, 9)} x {bogus}", 0))
        why = why or "an article we do not sell"
    if not why and any(_pieces_of_a_box(sku, text) for sku, text, _ in lines):
        why = "pieces of an article sold only by the box"
    po = f"{'PED' if language == 'es' else 'PO'}-{day.year}-{rng.randint(1000, 99999)}"
    delivery = day + timedelta(days=rng.randint(2, 20)) if rng.random() < 0.7 else None
    text, html = _body(rng, language, name, buyer, lines, po, delivery, day)
    subject = _subject(rng, language, po if rng.random() < 0.7 else None, delivery)
    text = text.replace("{PO}", po)
    html = html.replace("{PO}", po) if html else html
    msg = _message(rng, f"{name} <{address}>", subject, text, html, day, index)
    truth = Truth(
        kind="body",
        customer_id=buyer.customer_id,
        po_number=po,
        delivery=delivery,
        lines=tuple((sku, Decimal(q)) for sku, _, q in lines if sku != "?"),
        acceptable=not why,
        why=why,
    )
    return GeneratedMail(f"{index + 1:03d}-body-{language}.eml", msg, envelope, truth)


def _subject(rng: random.Random, language: str, po: str | None, delivery: date | None) -> str:
    if language == "es":
        base = f"Pedido {po}" if po else rng.choice(("Pedido", "Nuevo pedido", "Pedido urgente"))
        if delivery and rng.random() < 0.4:
            base += f" – entrega {delivery:%d/%m}"
    else:
        base = f"Order {po}" if po else rng.choice(("New order", "Order", "Purchase order"))
    return base


def _body(
    rng: random.Random,
    language: str,
    name: str,
    buyer: Buyer,
    lines: list[tuple[str, str, int]],
    po: str,
    delivery: date | None,
    day: date = DAY,
) -> tuple[str, str | None]:
    out = [rng.choice(GREETINGS[language]), "", rng.choice(INTROS[language]), ""]
    if rng.random() < 0.25:  # the order dated in words above the lines, as a letter is
        dated = _date_text(day, language, rng)
        out[2:2] = [f"Pedido de fecha {dated}:" if language == "es" else f"Order dated {dated}:"]
    out += [text for _, text, _ in lines]
    out.append("")
    out.append("Nuestro pedido nº {PO}." if language == "es" else "Our order number: {PO}.")
    if delivery:
        out.append(_delivery_text(delivery, language, rng))
    out += ["", rng.choice(CLOSINGS[language]), name, buyer.company, f"Tel. {buyer.phone}"]
    if rng.random() < 0.4:
        out += ["", DISCLAIMERS[language]]
    if rng.random() < 0.35:
        quoted = (
            "El 20/11/2026, Comanda <pedidos@comanda.example> escribió:"
            if language == "es"
            else ("On Fri, 20 Nov 2026 at 09:12, Comanda <pedidos@comanda.example> wrote:")
        )
        out += ["", quoted, "> 25 x TOR-M10-60", "> Ref. 4713: 300 uds", ">", "> Un saludo"]
    text = "\n".join(out) + "\n"
    if rng.random() < 0.3:
        return text, _html(out)
    return text, None


def _html(lines: list[str]) -> str:
    from html import escape

    body = []
    quoting = False
    for line in lines:
        if line.startswith(">"):
            if not quoting:
                body.append('<div class="gmail_quote"><blockquote>')
                quoting = True
            body.append(f"{escape(line[1:].strip())}<br>")
        elif line.endswith(("escribió:", "wrote:")):
            body.append(f'<div class="gmail_attr">{escape(line)}</div>')
        else:
            body.append(f"<div>{escape(line) or '<br>'}</div>")
    if quoting:
        body.append("</blockquote></div>")
    return '<html><body style="font-family:Arial">' + "".join(body) + "</body></html>"


def _message(
    rng: random.Random,
    from_: str,
    subject: str,
    text: str,
    html: str | None,
    day: date,
    index: int,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    message_id: str | None = None,
) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = from_
    msg["To"] = "Pedidos Comanda <pedidos@comanda.example>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(
        datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC) + timedelta(minutes=index)
    )
    generated = f"<{rng.getrandbits(64):016x}.{index}@{from_.rpartition('@')[2].rstrip('>')}>"
    msg["Message-ID"] = message_id or generated
    charset = rng.choice(("utf-8", "utf-8", "iso-8859-1", "windows-1252"))
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    if html and rng.random() < 0.3 and not attachments:
        msg.set_content(html, subtype="html", charset=charset)
    else:
        msg.set_content(text, charset=charset)
        if html:
            msg.add_alternative(html, subtype="html", charset=charset)
    for filename, media_type, content in attachments:
        maintype, _, subtype = media_type.partition("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def body_orders(count: int, seed: int = 1, day: date = DAY) -> list[GeneratedMail]:
    """`count` e-mails with orders in their bodies, deterministic from `seed`."""
    return [body_order(random.Random(f"mail:{seed}:{i}"), i, day) for i in range(count)]


def with_attachment(
    index: int,
    buyer_id: str,
    language: str,
    filename: str,
    media_type: str,
    content: bytes,
    day: date = DAY,
    *,
    message_id: str | None = None,
) -> tuple[bytes, str]:
    """An e-mail from the customer's buyer carrying one order document; returns (bytes, envelope sender).
    `message_id` None: one drawn from `index` (the same index again is the same e-mail again)."""
    rng = random.Random(f"attach:{index}")
    buyer = next((b for b in BUYERS if b.customer_id == buyer_id), STRANGER)
    name, local = buyer.people[0]
    address = f"{local}@{buyer.domain}"
    if language == "es":
        text = f"{rng.choice(GREETINGS['es'])}\n\nAdjunto pedido.\n\n{rng.choice(CLOSINGS['es'])}\n{name}\n"
        subject = "Pedido adjunto"
    else:
        text = f"{rng.choice(GREETINGS['en'])}\n\nPlease find our order attached.\n\nRegards,\n{name}\n"
        subject = "Purchase order attached"
    attachment = (filename, media_type, content)
    raw = _message(rng, f"{name} <{address}>", subject, text, None, day, index, [attachment], message_id)
    return raw, address


def typed_order(
    buyer_id: str,
    items: Sequence[tuple[str, str, int]],
    po: str,
    *,
    day: date,
    delivery: date | None,
    message_id: str,
) -> GeneratedMail:
    """An e-mail from the customer's first buyer with exactly these lines typed in its body, one
    `{q} x {code}` per line; `items` are (code as typed, our SKU, quantity). Deterministic apart from
    what the arguments say."""
    rng = random.Random(f"typed:{buyer_id}")
    buyer = next(b for b in BUYERS if b.customer_id == buyer_id)
    language = buyer.language
    name, local = buyer.people[0]
    address = f"{local}@{buyer.domain}"
    lines = [(sku, f"{_qty_text(q, language)} x {code}", q) for code, sku, q in items]
    text = _plain_body(language, name, buyer, lines, delivery, rng).replace("{PO}", po)
    subject = f"Pedido {po}" if language == "es" else f"Order {po}"
    raw = _message(rng, f"{name} <{address}>", subject, text, None, day, 0, message_id=message_id)
    truth = Truth("body", buyer_id, po, delivery, tuple((sku, Decimal(q)) for _, sku, q in items), True)
    return GeneratedMail(f"typed-{po}.eml", raw, address, truth)


def _plain_body(
    language: str,
    name: str,
    buyer: Buyer,
    lines: list[tuple[str, str, int]],
    delivery: date | None,
    rng: random.Random,
) -> str:
    """A body as `_body` writes it, without the parts drawn by chance (HTML, quotes, disclaimers)."""
    out = [GREETINGS[language][0], "", INTROS[language][0], ""]
    out += [text for _, text, _ in lines]
    out += ["", "Nuestro pedido nº {PO}." if language == "es" else "Our order number: {PO}."]
    if delivery:
        out.append(_delivery_text(delivery, language, rng))
    out += ["", CLOSINGS[language][0], name, buyer.company, f"Tel. {buyer.phone}"]
    return "\n".join(out) + "\n"


SHEET_HEADINGS = {
    "es": ("Nº pedido", "Fecha de entrega", "Referencia", "Descripción", "Cantidad"),
    "en": ("PO number", "Delivery date", "Item code", "Description", "Qty"),
}


def sheet_order(rng: random.Random, index: int, day: date = DAY) -> GeneratedMail:
    """One e-mail with the order in an attached sheet: XLSX, or CSV (";" and "1.500" in Spanish)."""
    buyer = rng.choice(BUYERS)
    language = buyer.language
    po = f"{'PED' if language == 'es' else 'PO'}-{day.year}-{rng.randint(1000, 99999)}"
    delivery = day + timedelta(days=rng.randint(2, 20))
    po_label, date_label, *columns = SHEET_HEADINGS[language]
    rows: list[list[object]] = [[po_label, po], [date_label, delivery], [], columns]
    lines = []
    for sku in rng.sample(sorted(PRODUCTS), rng.randint(1, 8)):
        q = rng.choice((1, 2, 5, 10, 12, 24, 50, 100, 250, 500, 1000, 1500))
        code = buyer.codes.get(sku, sku) if rng.random() < 0.5 else sku
        rows.append([code, PRODUCTS[sku][1 if language == "es" else 2], q])
        lines.append((sku, Decimal(q)))
    if rng.random() < 0.5:
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)  # type: ignore[union-attr]
        out = io.BytesIO()
        book.save(out)
        attachment = ("pedido.xlsx", "application/octet-stream", out.getvalue())
    else:
        sep = ";" if language == "es" else ","
        cells = [[_qty_text(c, language) if isinstance(c, int) else c for c in r] for r in rows]
        text = "\r\n".join(
            sep.join(f"{c:%d/%m/%Y}" if isinstance(c, date) else f'"{c}"' for c in r) for r in cells
        )
        attachment = ("pedido.csv", "text/csv", text.encode("utf-8"))
    raw, sender = with_attachment(index, str(buyer.customer_id), language, *attachment, day)
    truth = Truth("sheet", buyer.customer_id, po, delivery, tuple(lines), acceptable=True)
    return GeneratedMail(f"{index + 1:03d}-sheet-{language}.eml", raw, sender, truth)


def sheet_orders(count: int, seed: int = 1, day: date = DAY) -> list[GeneratedMail]:
    return [sheet_order(random.Random(f"sheet:{seed}:{i}"), i, day) for i in range(count)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for mail in body_orders(args.count, args.seed):
        (args.outdir / mail.name).write_bytes(mail.raw)
    print(f"{args.count} e-mails written to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
