"""Readiness: can this installation do its work?  The database at the newest schema, the broker, Tesseract
with English and Spanish, writable inbox and outbox, and the SMTP receiver listening.  `/ready` and
`oms doctor` run the same checks; each failed check says what to install or fix."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from core.migrate import alembic_config
from oms.settings import Settings

OCR_LANGUAGES = ("eng", "spa")
TIMEOUT = 3.0  # seconds any one check may take


@dataclass(frozen=True)
class Check:
    """One check's outcome; `fix` says what to do when it failed."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    running_only: bool = False  # about a running system (a receiver listening): `oms doctor` only warns


def database(engine: Engine) -> Check:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            current = set(MigrationContext.configure(conn).get_current_heads())
    except Exception as exc:
        return Check("database", False, f"cannot connect: {type(exc).__name__}", "check OMS_DATABASE_URL")
    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    if current != heads:
        return Check("database", False, "the schema is not the newest", "run `oms db upgrade`")
    return Check("database", True, f"{engine.url.get_backend_name()}, newest schema")


def broker(url: str) -> Check:
    scheme = url.split(":", 1)[0]
    try:
        if scheme == "memory":
            return Check("broker", True, "in-process queue")
        if scheme in ("redis", "rediss", "unix"):
            import redis

            redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT).ping()
        else:
            import pika

            params = pika.URLParameters(url)
            params.socket_timeout = TIMEOUT
            params.connection_attempts = 1
            pika.BlockingConnection(params).close()
    except Exception as exc:
        return Check(
            "broker", False, f"{scheme}: {type(exc).__name__}", "start the broker or fix OMS_BROKER_URL"
        )
    return Check("broker", True, f"{scheme} answers")


def tesseract(languages: tuple[str, ...] = OCR_LANGUAGES) -> Check:
    package = "apt-get install tesseract-ocr " + " ".join(f"tesseract-ocr-{lang}" for lang in languages)
    program = shutil.which("tesseract")
    if program is None:
        return Check("tesseract", False, "the tesseract program is not installed", package)
    try:
        done = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            [program, "--list-langs"], capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("tesseract", False, f"tesseract does not run: {exc}", package)
    lines = (done.stdout + done.stderr).splitlines()
    found = {line.strip() for line in lines[1:]}
    missing = [lang for lang in languages if lang not in found]
    if missing:
        prefix = os.environ.get("TESSDATA_PREFIX")
        where = f" in TESSDATA_PREFIX={prefix}" if prefix else ""
        files = ", ".join(m + ".traineddata" for m in missing)
        fix = f"put {files} into {prefix}, or unset TESSDATA_PREFIX and {package}" if prefix else package
        return Check("tesseract", False, f"language data missing{where}: {', '.join(missing)}", fix)
    return Check("tesseract", True, "languages " + "+".join(languages))


def _writable(folder: Path) -> str | None:
    """None when a file can be made in `folder` (made if missing), else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".ready-"):
            pass
    except OSError as exc:
        return f"{folder}: {exc.strerror or exc}"
    return None


def folders(settings: Settings) -> Check:
    wanted = [settings.inbox / "edi", settings.inbox / "fax", settings.outbox]
    problems = [p for p in (_writable(f) for f in wanted) if p]
    if problems:
        return Check("folders", False, "; ".join(problems), "let the service's user write under OMS_DATA_DIR")
    return Check("folders", True, f"inbox and outbox writable under {settings.data_dir}")


def smtp(settings: Settings) -> Check:
    if settings.smtp_port == 0:
        return Check("smtp", True, "no SMTP receiver configured (OMS_SMTP_PORT=0)")
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    try:
        with socket.create_connection((settings.smtp_host, settings.smtp_port), timeout=TIMEOUT):
            pass
    except OSError as exc:
        fix = "start `oms run` or `oms watch`, or set OMS_SMTP_PORT=0 where no receiver is wanted"
        return Check("smtp", False, f"nothing listens on {where}: {exc.strerror or exc}", fix, True)
    return Check("smtp", True, f"listening on {where}", running_only=True)


def run_checks(settings: Settings, engine: Engine) -> list[Check]:
    steps: list[Callable[[], Check]] = [
        lambda: database(engine),
        lambda: broker(settings.broker_url),
        tesseract,
        lambda: folders(settings),
        lambda: smtp(settings),
    ]
    return [step() for step in steps]
