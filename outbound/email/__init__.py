"""Answers on the e-mail channel: threaded replies with the confirmation attached, sent by SMTP."""

from outbound.email.compose import compose, read_original, reply_subject, stable_message_id
from outbound.email.reply import EmailResponder
from outbound.email.smtp import SentJournal, Smarthost, SmtpSender

__all__ = [
    "EmailResponder",
    "SentJournal",
    "Smarthost",
    "SmtpSender",
    "compose",
    "read_original",
    "reply_subject",
    "stable_message_id",
]
