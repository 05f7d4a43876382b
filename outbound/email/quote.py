"""A quote by e-mail: a short message in the addressee's language with the quote attached as PDF."""

from __future__ import annotations

from datetime import datetime

from core.catalog.domain.quotes import Quote
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.confirmation import Letterhead
from outbound.email.notice import notice_mail
from outbound.email.reply import CHANNEL
from outbound.quote import WORDS, language_of, render_quote

BODY = {
    "es": "Estimados señores:\n\nLes adjuntamos nuestro presupuesto {number}, válido hasta el {until}.\n"
    "Quedamos a su disposición.\n\nUn saludo cordial,\n{company}\n",
    "en": "Dear Sirs,\n\nPlease find attached our quote {number}, valid until {until}.\n"
    "We look forward to hearing from you.\n\nKind regards,\n{company}\n",
}


def quote_message(
    quote: Quote, to: str, addressee: str, language: str | None, now: datetime, head: Letterhead | None = None
) -> OutboundMessage:
    lang = language_of(language)
    head = head or Letterhead()
    subject = WORDS[lang]["title"].format(number=quote.number)
    until = f"{quote.valid_until:%d/%m/%Y}" if lang == "es" else quote.valid_until.isoformat()
    body = BODY[lang].format(number=quote.number, until=until, company=head.name)
    mail = notice_mail(to, f"quote:{quote.id}", f"{subject} · {head.name}", body)
    pdf = render_quote(quote, addressee, lang, head)
    mail.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"{quote.number}.pdf")
    return OutboundMessage(
        channel=CHANNEL,
        kind=OutboundKind.QUOTE,
        recipient=to,
        filename=f"QUOTE_{quote.number}.eml",
        content=mail.as_bytes(),
        created_at=now,
    )
