"""Settings: one class read once from the environment (`OMS_` variables, the contracts' and the rest),
each default written here once and every value checked at start-up.

`OMS_X` sets field `x`; a value that cannot be read stops start-up with the variable's name and why.
Lists (`OMS_COMPANY_VAT`, …) are comma separated; set but blank means none.  The sizes a person sets in
megabytes (`OMS_MAX_DOCUMENT_MB`, `OMS_SMTP_MAX_MB`) are megabytes here too; the byte counts the code
uses are properties.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.kernel.errors import ConfigError
from validation.terms import PRICE_TOLERANCE

PREFIX = "OMS_"
MB = 1024 * 1024
Listed = Annotated[tuple[str, ...], NoDecode]
Positive = Annotated[int, Field(gt=0)]
Seconds = Annotated[float, Field(gt=0)]
Port = Annotated[int, Field(ge=0, le=65535)]


class Settings(BaseSettings):
    """Everything configurable; built once by the composition root and passed down."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="forbid", validate_default=True)

    data_dir: Path = Path("./var")
    database_url: str = ""  # blank: SQLite at data_dir/oms.db
    broker_url: str = "memory://"
    smtp_host: str = "127.0.0.1"
    smtp_port: Port = 2525  # 0: no SMTP receiver
    smtp_max_mb: Positive | None = None  # larger messages are refused (552); None: max_document_mb
    smtp_smarthost: str | None = None  # where replies go out; None: written to outbox/email/ instead
    mail_from: str = "Comanda <pedidos@comanda.example>"  # From of our replies, envelope sender too
    maildir: Path | None = None  # a Maildir to take mail from; None: inbox/maildir under data_dir
    imap_url: str | None = None  # imaps://user:pass@host/INBOX of a mailbox to poll
    imap_done_folder: str | None = None  # stored messages are moved here (else only flagged)
    imap_poll_seconds: Seconds = 60.0  # between polls where the server has no IDLE
    worker_threads: Positive = 2
    # SQLite commits (synchronous=NORMAL) and outbox files (fsync) reach the disk before work goes on;
    # off only for a bulk load that is redone from scratch after a crash (`oms demo history` turns it
    # off for its run and syncs once at the end)
    durable_writes: bool = True
    settle_seconds: Annotated[float, Field(ge=0)] = 0.2  # a file must stay unchanged this long first
    sweep_seconds: Seconds = 10.0  # how often unfinished work is looked for and queued again
    max_attempts: Positive = 5  # a document that kept crashing its worker is quarantined after this
    # e-mails stored and waiting that one processing job reads and stores in one transaction, its own
    # included (1: each alone); on PostgreSQL each holds a claim on a pooled connection while read
    collect_documents: Positive = 8
    max_document_mb: Positive = 20  # larger arrivals are stored but not read
    auto_fulfil: bool = False  # accepted orders go on to approval and allocation by themselves
    max_pages: Positive = 50  # OCR reads no document with more pages (a 500-page PDF is quarantined)
    max_page_pixels: Positive = 60_000_000  # nor any page image larger (decompression bombs)
    ocr_workers: Annotated[int, Field(ge=0)] = 0  # processes reading pages in parallel; 0: one per core
    as2_partners: Path | None = None  # the AS2 partner file (docs/as2.md); None: no AS2 channel
    # who we are, as customers' documents print it (our block, "send to"): never taken for a customer.
    # The demo company's tax id by default (the one outbound.edifact.invoic.Seller prints); set yours.
    company_vat: Listed = ("ESB50123456",)
    company_gln: Listed = ()
    company_phone: Listed = ()  # phone and fax numbers
    login_max_failures: Positive = 5  # failed sign-ins in a row that lock an account
    login_lock_minutes: Positive = 15  # how long a lock lasts unless a supervisor unlocks it first
    # a document's unit price agrees with the customer's price within this fraction of it (0.005: 0.5 %)
    price_tolerance: Annotated[Decimal, Field(ge=0, lt=1, allow_inf_nan=False)] = PRICE_TOLERANCE
    # refunds, write-offs, supplier payments and credit releases above this amount (in the company's
    # currency, EUR) need a second supervisor's approval; one supervisor's is enough up to it
    second_approval_above: Annotated[Decimal, Field(ge=0, allow_inf_nan=False)] = Decimal(5000)
    # a supplier's invoiced price matches our purchase order's within this fraction of it (0.02: 2 %)
    purchase_price_tolerance: Annotated[Decimal, Field(ge=0, lt=1, allow_inf_nan=False)] = Decimal("0.02")
    # HH:MM UTC: each night from then on the sweep plans purchases once, drafts for a buyer; None: off
    purchasing_auto_plan: time | None = None
    # the review queue's SLA the workload forecast staffs for: `review_sla_share` of the orders taken
    # by a clerk within `review_sla_minutes`; a review takes `review_handle_minutes` (None: the median
    # arrival-to-approval time of the corrected orders of the last 12 weeks, 4 when there are none)
    review_sla_minutes: Annotated[float, Field(gt=0)] = 15.0
    review_sla_share: Annotated[float, Field(gt=0, lt=1)] = 0.8
    review_handle_minutes: Annotated[float, Field(gt=0)] | None = None
    # running it as a service (docs/operations.md)
    admin_password: str | None = None  # the first run's `admin` gets this; None: a random one, printed
    log_format: Literal["text", "json"] = "text"  # json: one JSON object per line
    metrics_allow: Listed = ("127.0.0.1", "::1")  # addresses/networks that read /metrics without a token
    metrics_token: str | None = None  # or any client with `Authorization: Bearer <this>`
    worker_metrics_port: Port = 0  # `oms worker` serves its own timings on 127.0.0.1:this; 0: not

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any, info: ValidationInfo) -> Any:
        """An empty variable counts as unset (lists excepted: there blank means none)."""
        if value != "" or info.field_name is None:
            return value
        if info.field_name.startswith("company_") or info.field_name == "metrics_allow":
            return ()
        return cls.model_fields[info.field_name].get_default(call_default_factory=True)

    @field_validator("company_vat", "company_gln", "company_phone", "metrics_allow", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        return value

    @field_validator("data_dir", "maildir", "as2_partners")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        return value.resolve() if value is not None else None

    @model_validator(mode="after")
    def _database_in_data_dir(self) -> Settings:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'oms.db'}")
        return self

    @property
    def max_document_bytes(self) -> int:
        return self.max_document_mb * MB

    @property
    def smtp_max_bytes(self) -> int | None:
        return self.smtp_max_mb * MB if self.smtp_max_mb is not None else None

    @property
    def inbox(self) -> Path:
        return self.data_dir / "inbox"

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def embedded(self) -> bool:
        return self.broker_url.startswith("memory://")

    def but(self, **changes: Any) -> Settings:
        """These settings with some changed, checked again."""
        return type(self).model_validate({**self.model_dump(exclude_unset=True), **changes})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings of the environment (or of `environ` alone); a ConfigError says what is wrong."""
        try:
            if environ is None:
                return cls()
            given = {k[len(PREFIX) :].lower(): v for k, v in environ.items() if k.upper().startswith(PREFIX)}
            known = {k: v for k, v in given.items() if k in cls.model_fields}
            return cls.model_validate(known)
        except ValidationError as exc:
            raise ConfigError(_explain(exc)) from None


def _explain(exc: ValidationError) -> str:
    problems = [
        f"{PREFIX}{'_'.join(str(part) for part in e['loc']).upper()}: {e['msg']} (got {e.get('input')!r})"
        for e in exc.errors()
    ]
    return "settings: " + "; ".join(problems)
