"""The e-mail generator's truth says which mails may flow on untouched. A line asking for pieces of
an article the master data sells only by the box ("20 uds TAC-6" when TAC-6 comes in boxes) is a
question for a person, so no mail carrying one may be marked acceptable."""

from __future__ import annotations

import csv
import email
import random
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path

from samples import mail_gen

PRODUCTS = Path(__file__).resolve().parents[3] / "samples" / "masterdata" / "products.csv"
PIECE_WORDS = re.compile(r"\b(uds|unidades|pcs|units)\b", re.IGNORECASE)


def _sold_by_box() -> set[str]:
    with PRODUCTS.open(encoding="utf-8") as fh:
        return {row["sku"] for row in csv.DictReader(fh) if row["unit"] == "CAJ"}


def _body_lines(raw: bytes) -> list[str]:
    """The plain-text body's lines, quoted ones ("> ...", an earlier mail) left out."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    body = msg.get_body(("plain", "html"))
    assert isinstance(body, EmailMessage)
    text = body.get_content()
    if body.get_content_type() == "text/html":  # a mail sent as HTML alone: its lines end in <br> or </p>
        text = re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>|</p>|</div>", "\n", text)).replace("&gt;", ">")
    return [line.strip() for line in text.splitlines() if not line.strip().startswith(">")]


def test_no_mail_asking_for_pieces_of_a_box_sold_article_is_acceptable() -> None:
    boxes = _sold_by_box()
    assert boxes, "the demo master data sells some articles by the box"
    seen = 0
    for i in range(400):
        mail = mail_gen.body_order(random.Random(1000 + i), i)
        codes = {sku for sku, _ in mail.truth.lines}
        asks_pieces = any(
            PIECE_WORDS.search(line) and any(re.search(rf"\b{re.escape(s)}\b", line) for s in boxes & codes)
            for line in _body_lines(mail.raw)
        )
        if asks_pieces:
            seen += 1
            assert not mail.truth.acceptable, (mail.name, mail.truth)
    assert seen > 0, "400 mails drew no line asking pieces of a box-sold article"
