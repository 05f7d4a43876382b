"""What an answer needs of the e-mail it answers, read from the e-mail's parsed headers by one rule.

The e-mail reader reads it beside its own reading of the same headers and hands it on with what it
read, so that the reply's draft need not parse the stored e-mail's headers again; where nothing was
handed on, the draft parses them itself (`outbound.email.compose.read_original`) by this same rule.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from email.message import Message

# the headers `original_of` reads (a reader that read them cut short must not hand its reading on)
ANSWER_HEADERS = ("From", "Subject", "Message-ID", "References", "Auto-Submitted", "Precedence")
# a byte the parser could not decode, kept as a lone surrogate (`surrogateescape`); one search of the
# text, where asking each character in Python cost a few microseconds a header
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class Original:
    """What an answer needs of the message it answers."""

    from_addr: str
    from_name: str
    subject: str
    message_id: str
    references: tuple[str, ...]
    automatic: bool  # an auto-reply, a bounce or list mail: never answered (mail loops)


def original_of(msg: Message) -> Original:
    """The answer's view of a message's headers: the From address as written (its case kept), each
    value's runs of white space made one space, an unparsable header as absent, 8-bit bytes read as
    UTF-8 with U+FFFD for what is not, and automatic for an auto-reply, a bounce, list mail or a
    message with no From address."""

    def get(name: str) -> str:
        try:
            value = msg.get(name)
        except Exception:  # an unparsable header counts as absent
            return ""
        text = str(value) if value is not None else ""
        if ESCAPED_BYTE.search(text):
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return " ".join(text.split())

    name, addr = email.utils.parseaddr(get("From"))
    auto = get("Auto-Submitted").lower()
    precedence = get("Precedence").lower()
    return Original(
        from_addr=addr.strip(),
        from_name=name.strip(),
        subject=get("Subject"),
        message_id=get("Message-ID"),
        references=tuple(get("References").split()),
        automatic=auto not in ("", "no") or precedence in ("bulk", "junk", "list") or not addr,
    )
