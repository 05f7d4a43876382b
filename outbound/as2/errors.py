"""What can go wrong with an AS2 message or receipt, each error knowing how an MDN names it.

ComandaError
├── As2Error                  an AS2 message or MDN we cannot take
│   ├── NotForUs              AS2-To names none of our stations (or the AS2 headers are missing)
│   ├── UnknownPartner        AS2-From names no partner configured for that station, or no partner answers
│   │                         for an answer's EDI id (also Undeliverable)
│   ├── MalformedMessage      the MIME or CMS structure cannot be read
│   ├── InsufficientSecurity  unsigned or unencrypted where the partner's agreement requires it
│   ├── DecryptionFailed      not encrypted for any of our certificates, or the envelope is broken
│   ├── AuthenticationFailed  the signature does not verify, or a certificate not the partner's signed it
│   ├── DecompressionFailed   compressed data that does not inflate
│   ├── ReplayedMessage       a Message-ID already received from that partner, with other content
│   ├── PartnerRefused        the partner answered our message with an HTTP error or a negative MDN (also
│   │                         Undeliverable: the outbox row fails, it is not retried)
│   └── MdnMismatch           an MDN that answers nothing we sent, or whose MIC differs from ours
└── TransientError
    └── PartnerUnreachable    the partner's URL did not answer (also an OSError: senders retry on it)
"""

from __future__ import annotations

from core.kernel.errors import ComandaError, TransientError, Undeliverable


class As2Error(ComandaError):
    """An AS2 message or MDN we cannot take."""

    # the text after "processed/error: " in the MDN that answers a message failing this way
    disposition = "unexpected-processing-error"


class NotForUs(As2Error):
    """AS2-To names none of our stations, or the AS2 headers are missing."""


class UnknownPartner(As2Error, Undeliverable):
    """AS2-From names no partner configured for the station in AS2-To, or no partner takes an EDI id."""

    disposition = "unknown-trading-partner"


class MalformedMessage(As2Error):
    """The MIME or CMS structure of the message cannot be read."""


class InsufficientSecurity(As2Error):
    """Unsigned or unencrypted where the partner's agreement requires a signature or encryption."""

    disposition = "insufficient-message-security"


class DecryptionFailed(As2Error):
    """Not encrypted for any of our certificates, or the envelope cannot be opened."""

    disposition = "decryption-failed"


class AuthenticationFailed(As2Error):
    """The signature does not verify, or a certificate that is not the partner's made it."""

    disposition = "authentication-failed"


class DecompressionFailed(As2Error):
    """Compressed data that does not inflate."""

    disposition = "decompression-failed"


class ReplayedMessage(As2Error):
    """A Message-ID already received from the partner, now with different content."""

    disposition = "duplicate-message-id"


class PartnerRefused(As2Error, Undeliverable):
    """The partner answered our message with an HTTP error or a negative MDN."""


class MdnMismatch(As2Error):
    """An MDN that answers no message we sent, or whose MIC is not the one we computed."""


class PartnerUnreachable(TransientError, OSError):
    """The partner's URL did not answer or answered 5xx; sending again later may succeed."""
