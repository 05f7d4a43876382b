"""`oms run`, `oms serve`, `oms worker`, `oms watch`: the system in one process, or its parts alone."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from typing import Any

from core.capture.domain.documents import Channel
from oms.bootstrap import App, utcnow
from oms.cli.common import Command, SubParsers, UsageError
from oms.tasks import settle_heap

log = logging.getLogger("oms")


def _wait_for_signal() -> None:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()


def cmd_worker(app: App, args: argparse.Namespace) -> int:
    settle_heap()
    worker = app.worker()
    worker.start()
    app.requeue_unfinished(everything=True)
    app.start_sweeper()
    stop_metrics = app.serve_worker_metrics()
    log.info("worker running on %s; Ctrl-C stops", app.settings.broker_url)
    _wait_for_signal()
    stop_metrics()
    worker.stop()
    return 0


def watcher(app: App) -> Any:
    """The folder watchers of the EDI and fax inboxes (fax sidecars read beside their images)."""
    from ingest.fax import FaxSidecars
    from ingest.folder import FolderWatcher

    inbox = app.settings.inbox
    return FolderWatcher(
        {inbox / "edi": Channel.EDI, inbox / "fax": Channel.FAX},
        app.submit,
        utcnow,  # arrivals are stamped with the wall clock, whatever clock the app was given
        settle=app.settings.settle_seconds,
        sidecars={Channel.FAX: FaxSidecars()},
    )


def _mail(app: App) -> Any:
    from oms.mail import mail_receivers

    return mail_receivers(app.settings, app.submit, utcnow)


def cmd_watch(app: App, args: argparse.Namespace) -> int:
    folders = watcher(app)
    folders.start()
    mail = _mail(app)
    mail.start()
    log.info("watching %s", app.settings.inbox)
    _wait_for_signal()
    mail.stop()
    folders.stop()
    return 0


def first_run(app: App, host: str, port: int) -> None:
    """No user yet: make `admin`, with OMS_ADMIN_PASSWORD or a random password printed here, once."""
    from core.kernel.services import auth, first_run

    given = app.settings.admin_password
    password = given or first_run.new_password()
    try:
        made = first_run.create_first_admin(app.uow(), password, app.clock())
    except auth.AuthError as exc:
        raise UsageError(str(exc)) from exc
    if not made:
        return
    where = f"http://{host}:{port}/login"
    if given:
        print(f"First run: created user admin with the password OMS_ADMIN_PASSWORD gives; log in at {where}")
    else:
        print(
            f"First run: created user admin, password: {password}\n"
            f"Log in at {where}. This password is shown only this once; "
            "`oms user create` makes more users.",
            flush=True,
        )
    sys.stdout.flush()


def _serve(app: App, host: str, port: int) -> None:
    import uvicorn

    from web.app import create_app

    # log_config None: uvicorn's lines go through the root handler, text or JSON as configured
    config = uvicorn.Config(create_app(app), host=host, port=port, log_level="info", log_config=None)
    uvicorn.Server(config).run()


def cmd_serve(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    first_run(app, args.host, args.port)
    _serve(app, args.host, args.port)
    return 0


def cmd_run(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    first_run(app, args.host, args.port)
    settle_heap()
    worker = app.worker()
    worker.start()
    app.requeue_unfinished(everything=True)
    app.start_sweeper()
    folders = watcher(app)
    folders.start()
    mail = _mail(app)
    mail.start()
    log.info("Comanda on http://%s:%s, inboxes under %s", args.host, args.port, app.settings.inbox)
    try:
        _serve(app, args.host, args.port)
    finally:
        mail.stop()
        folders.stop()
        worker.stop()
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add the commands that run the system to the `oms` parser; returns their handlers."""
    for name, helptext in (("run", "everything in one process"), ("serve", "the web app and API")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8000)
    sub.add_parser("worker", help="the job workers")
    sub.add_parser("watch", help="the folder watchers and receivers")
    return {"run": cmd_run, "serve": cmd_serve, "worker": cmd_worker, "watch": cmd_watch}
