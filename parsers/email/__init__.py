"""The e-mail reader: MIME, attachments routed to the other readers, orders typed in the body."""

from parsers.email.parser import AttachmentReader, EmailParser, sender_problem

__all__ = ["AttachmentReader", "EmailParser", "sender_problem"]
