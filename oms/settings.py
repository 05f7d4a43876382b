"""Settings read once from the environment (the variables of the contracts) into one object."""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from oms.terms_settings import PRICE_TOLERANCE, price_tolerance


@dataclass(frozen=True)
class Settings:
    """Everything configurable; built by `from_env` in the composition root and passed down."""

    data_dir: Path
    database_url: str
    broker_url: str
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525  # 0: no SMTP receiver
    smtp_max_bytes: int | None = None  # larger messages are refused (552); None: max_document_bytes
    smtp_smarthost: str | None = None  # where replies go out; None: written to outbox/email/ instead
    mail_from: str = "Comanda <pedidos@comanda.example>"  # From of our replies, envelope sender too
    maildir: Path | None = None  # a Maildir to take mail from; None: inbox/maildir under data_dir
    imap_url: str | None = None  # imaps://user:pass@host/INBOX of a mailbox to poll
    imap_done_folder: str | None = None  # stored messages are moved here (else only flagged)
    imap_poll_seconds: float = 60.0  # between polls where the server has no IDLE
    worker_threads: int = 2
    settle_seconds: float = 0.2  # a file must stay unchanged this long before it is taken
    sweep_seconds: float = 10.0  # how often unfinished work is looked for and queued again
    max_attempts: int = 5  # a document that kept crashing its worker is quarantined after this
    max_document_bytes: int = 20 * 1024 * 1024  # larger arrivals are stored but not read
    auto_fulfil: bool = False  # accepted orders go on to approval and allocation by themselves
    max_pages: int = 50  # OCR reads no document with more pages (a 500-page PDF is quarantined)
    max_page_pixels: int = 60_000_000  # nor any page image larger than this (decompression bombs)
    ocr_workers: int = 0  # worker processes reading pages in parallel; 0 = one per core
    as2_partners: Path | None = None  # the AS2 partner file (docs/as2.md); None: no AS2 channel
    # who we are, as customers' documents print it (our block, "send to"): never taken for a customer.
    # The demo company's tax id by default (the one outbound.edifact.invoic.Seller prints); set yours.
    company_vat: tuple[str, ...] = ("ESB50123456",)
    company_gln: tuple[str, ...] = ()
    company_phone: tuple[str, ...] = ()  # phone and fax numbers
    price_tolerance: Decimal = PRICE_TOLERANCE  # a document's price agrees within this fraction

    @property
    def inbox(self) -> Path:
        return self.data_dir / "inbox"

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def embedded(self) -> bool:
        return self.broker_url.startswith("memory://")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)
        data_dir = Path(env.get("OMS_DATA_DIR") or "./var").resolve()
        database_url = env.get("OMS_DATABASE_URL") or f"sqlite:///{data_dir / 'oms.db'}"
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            broker_url=env.get("OMS_BROKER_URL") or "memory://",
            smtp_host=env.get("OMS_SMTP_HOST") or "127.0.0.1",
            smtp_port=int(env.get("OMS_SMTP_PORT") or 2525),
            smtp_max_bytes=int(env["OMS_SMTP_MAX_MB"]) * 1024 * 1024 if env.get("OMS_SMTP_MAX_MB") else None,
            smtp_smarthost=env.get("OMS_SMTP_SMARTHOST") or None,
            mail_from=env.get("OMS_MAIL_FROM") or "Comanda <pedidos@comanda.example>",
            maildir=Path(env["OMS_MAILDIR"]).resolve() if env.get("OMS_MAILDIR") else None,
            imap_url=env.get("OMS_IMAP_URL") or None,
            imap_done_folder=env.get("OMS_IMAP_DONE_FOLDER") or None,
            imap_poll_seconds=float(env.get("OMS_IMAP_POLL_SECONDS") or 60),
            worker_threads=int(env.get("OMS_WORKER_THREADS") or 2),
            max_document_bytes=int(env.get("OMS_MAX_DOCUMENT_MB") or 20) * 1024 * 1024,
            auto_fulfil=(env.get("OMS_AUTO_FULFIL") or "0").lower() in ("1", "true", "yes", "on"),
            max_pages=int(env.get("OMS_MAX_PAGES") or 50),
            ocr_workers=int(env.get("OMS_OCR_WORKERS") or 0),
            as2_partners=Path(env["OMS_AS2_PARTNERS"]).resolve() if env.get("OMS_AS2_PARTNERS") else None,
            company_vat=_listed(env.get("OMS_COMPANY_VAT"), cls.company_vat),
            company_gln=_listed(env.get("OMS_COMPANY_GLN"), ()),
            company_phone=_listed(env.get("OMS_COMPANY_PHONE"), ()),
            price_tolerance=price_tolerance(env.get("OMS_PRICE_TOLERANCE")),
        )


def _listed(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """A comma-separated setting; unset keeps the default, set but blank means none."""
    if value is None:
        return default
    return tuple(v.strip() for v in value.split(",") if v.strip())
