"""What an EDIFACT interchange's envelope said and what was wrong with it.

The parser fills these in; the CONTRL writer answers from them; intake uses sender and control
reference to recognise an interchange sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Python codec per syntax identifier (UNB S001 0001).  UNOA/UNOB are ISO 646 subsets; UNOC..UNOK
# whole ISO 8859 parts; UNOW is ISO 10646 in UTF-8.  UNOX is "code extension techniques as defined
# by ISO 2022" (in practice ISO-2022-JP and its relatives; iso2022_jp_2 reads the widest set of
# them), UNOY "ISO 10646-1 octet without code extension", which senders write as UTF-8.
SYNTAX_CODECS: dict[str, str] = {
    "UNOA": "ascii",
    "UNOB": "ascii",
    "UNOC": "iso8859-1",
    "UNOD": "iso8859-2",
    "UNOE": "iso8859-5",
    "UNOF": "iso8859-7",
    "UNOG": "iso8859-3",
    "UNOH": "iso8859-4",
    "UNOI": "iso8859-6",
    "UNOJ": "iso8859-8",
    "UNOK": "iso8859-9",
    "UNOW": "utf-8",
    "UNOX": "iso2022_jp_2",
    "UNOY": "utf-8",
}


@dataclass(frozen=True)
class SyntaxFault:
    """One syntax or envelope error, positioned the way CONTRL's UCS/UCD report it.

    `code` is a value of data element 0085 (syntax error, coded) valid for the interchange's syntax
    version, e.g. "13" missing, "28" references do not match, "29" control count does not match.
    """

    code: str
    message: str
    segment_tag: str | None = None
    segment_position: int | None = None  # within its message, UNH = 1 (None: envelope level)
    element_position: int | None = None  # as data element 0098 counts: the tag is 1, the first element 2
    component_position: int | None = None  # 1-based component position in the element


@dataclass(frozen=True)
class MessageReceipt:
    """A message (UNH..UNT) found in an interchange."""

    reference: str  # UNH 0062
    type: str  # 0065, e.g. ORDERS
    version: str = ""  # 0052, e.g. D
    release: str = ""  # 0054, e.g. 96A
    agency: str = ""  # 0051, e.g. UN
    association: str = ""  # 0057, e.g. EAN008
    segment_count: int = 0  # segments actually found, UNH and UNT included
    group_ref: str | None = None  # UNG 0048 when the message sits in a functional group
    faults: tuple[SyntaxFault, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.faults


@dataclass(frozen=True)
class GroupReceipt:
    """A functional group (UNG..UNE)."""

    reference: str  # UNG 0048
    message_type: str = ""
    sender_id: str = ""
    recipient_id: str = ""
    faults: tuple[SyntaxFault, ...] = ()


@dataclass(frozen=True)
class InterchangeReceipt:
    """The envelope of one interchange (UNB..UNZ) and every fault found in it."""

    sender_id: str
    recipient_id: str
    control_ref: str  # UNB 0020
    syntax_id: str = "UNOA"  # 0001
    syntax_version: str = "3"  # 0002
    sender_qualifier: str = ""  # 0007
    recipient_qualifier: str = ""
    prepared_at: datetime | None = None
    application_ref: str = ""  # 0026
    ack_requested: bool = False  # 0031 == "1"
    test: bool = False  # 0035 == "1"
    messages: tuple[MessageReceipt, ...] = ()
    groups: tuple[GroupReceipt, ...] = ()
    faults: tuple[SyntaxFault, ...] = ()  # interchange-level faults (UNB/UNZ, characters)

    @property
    def accepted(self) -> bool:
        """No fault anywhere: the CONTRL action would be 7 (acknowledged)."""
        return (
            not self.faults
            and all(m.accepted for m in self.messages)
            and all(not g.faults for g in self.groups)
        )

    @property
    def wants_contrl(self) -> bool:
        """A CONTRL is owed: one was asked for, or something is wrong."""
        return self.ack_requested or not self.accepted
