"""The part of a body its writer typed now: without quoted earlier messages, signature and disclaimer.

`split_forward` separates an inline-forwarded message, which may hold the order when the writer
only says "see below".
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A line that starts what was quoted from an earlier message: everything from it on is old.
_QUOTE_START = re.compile(
    r"""^(?:
        on\s.{4,200}\swrote:\s*$
      | el\s.{4,200}\sescribi[óo]:?\s*$
      | .{4,200}\s(?:wrote|escribi[óo]):\s*$
      | -{2,}\s*(?:original\s+message|mensaje\s+original|reply\s+message)\s*-{2,}
      | _{8,}\s*$
      | (?:from|de)\s*:\s.+\s(?:sent|enviado(?:\s+el)?|date|fecha)\s*:\s.+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Outlook puts the quoted header on several lines: "De: …" then "Enviado: …" / "Sent: …".
_OUTLOOK_FROM = re.compile(r"^\*?(?:from|de)\s*:\*?\s.+", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\*?(?:sent|enviado(?:\s+el)?|date|fecha|to|para)\s*:\*?\s", re.IGNORECASE)
_FORWARD = re.compile(
    r"^-{2,}\s*(?:forwarded\s+message|mensaje\s+reenviado|begin\s+forwarded\s+message)\s*-{0,}\s*:?\s*$"
    r"|^(?:begin\s+forwarded\s+message|inicio\s+del\s+mensaje\s+reenviado)\s*:\s*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"""^(?:
        --\s*$
      | (?:un\s+)?(?:cordial\s+)?saludos?(?:\s+cordiales)?\b.{0,30}$
      | (?:muchas\s+)?gracias\b.{0,30}$
      | atentamente\b.{0,30}$ | cordialmente\b.{0,30}$ | quedo\s+a\s+la\s+espera.{0,40}$
      | (?:best|kind|warm|many\s+thanks\s+and)?\s*regards\b.{0,30}$
      | (?:many\s+)?thanks\b.{0,30}$ | thank\s+you\b.{0,30}$ | cheers\b.{0,10}$ | best\s*,?\s*$
      | sent\s+from\s+my\s.{0,40}$ | enviado\s+desde\s+mi\s.{0,40}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_DISCLAIMER = re.compile(
    r"""^(?:
        aviso\s+legal | aviso\s+de\s+confidencialidad | confidencialidad\s*: | confidentiality\s+notice
      | disclaimer\s*: | legal\s+notice | protecci[óo]n\s+de\s+datos
      | este\s+(?:mensaje|correo|e-?mail)\b.{0,80}\b(?:confidencial|destinatario|dirigido|contiene)
      | (?:la\s+)?informaci[óo]n\s+(?:contenida|incluida)\s+en\s+este
      | this\s+(?:e-?mail|message|communication)\b.{0,80}\b(?:confidential|intended|privileged|contains)
      | antes\s+de\s+imprimir | please\s+consider\s+the\s+environment
      | en\s+cumplimiento\s+de(?:l|\s+la)\s+(?:reglamento|ley)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


# 'On Mon, 3 Dec 2026 at 10:00, Ana <ana@x.es>' / 'wrote:' on the next line (asked of every line)
_ON_DATE = re.compile(r"^(?:on|el)\s", re.IGNORECASE)
_WROTE = re.compile(r"^.{0,60}(?:wrote|escribi[óo]):\s*$", re.IGNORECASE)


def split_forward(text: str) -> tuple[str, str]:
    """(what the writer typed, the forwarded message below it) — the second is '' when none."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if _FORWARD.match(line.strip()):
            return "\n".join(lines[:i]), "\n".join(lines[i + 1 :])
    return text, ""


def fresh_text(text: str, is_item: Callable[[str], bool] = lambda _: False) -> str:
    """The lines typed now: cut at the first quote header or disclaimer, and at a signature unless
    order lines follow it (a "Gracias," before the list is no signature); '>' lines dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").splitlines()
    end = len(lines)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if (
            _QUOTE_START.match(line)
            or _DISCLAIMER.match(line)
            or _wrapped_quote_start(line, lines[i + 1 : i + 2])
        ):
            end = i
            break
        if _OUTLOOK_FROM.match(line) and any(_OUTLOOK_NEXT.match(n.strip()) for n in lines[i + 1 : i + 4]):
            end = i
            break
    kept: list[str] = []
    for i, raw in enumerate(lines[:end]):
        line = raw.strip()
        if line.startswith(">"):
            continue
        if kept and _SIGNATURE.match(line) and not any(is_item(n) for n in lines[i + 1 : end]):
            break
        kept.append(raw.rstrip())
    return "\n".join(kept).strip()


def _wrapped_quote_start(line: str, following: list[str]) -> bool:
    """'On Mon, 3 Dec 2026 at 10:00, Ana <ana@x.es>' with 'wrote:' wrapped onto the next line."""
    if not following or not _ON_DATE.match(line):
        return False
    return bool(_WROTE.match(following[0].strip()))
