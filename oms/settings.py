"""Settings read once from the environment (the variables of the contracts) into one object."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Everything configurable; built by `from_env` in the composition root and passed down."""

    data_dir: Path
    database_url: str
    broker_url: str
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    worker_threads: int = 2
    settle_seconds: float = 0.2  # a file must stay unchanged this long before it is taken
    sweep_seconds: float = 10.0  # how often unfinished work is looked for and queued again
    max_attempts: int = 5  # a document that kept crashing its worker is quarantined after this
    max_document_bytes: int = 20 * 1024 * 1024  # larger arrivals are stored but not read

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
            worker_threads=int(env.get("OMS_WORKER_THREADS") or 2),
            max_document_bytes=int(env.get("OMS_MAX_DOCUMENT_MB") or 20) * 1024 * 1024,
        )
