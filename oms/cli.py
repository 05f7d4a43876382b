"""The `oms` command line: run, serve, worker, watch, db, import, ingest, extract."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from core.capture.domain.documents import Channel, InboundDocument
from core.catalog.services.masterdata import COLUMNS, import_csv
from core.kernel.errors import ComandaError, MasterDataError
from oms import billing_cli, capture_cli, lifecycle_cli
from oms.bootstrap import App, bootstrap, utcnow

log = logging.getLogger("oms")
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad arguments or unreadable input: exit status 2 with the reason on stderr."""


def _read_inputs(files: Sequence[str]) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for name in files:
        try:
            out.append((name, Path(name).read_bytes()))
        except OSError as exc:
            raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from exc
    return out


def cmd_db(app: App, args: argparse.Namespace) -> int:
    if args.action == "upgrade":
        app.upgrade_database()
        print("database is at the newest schema")
    elif args.action == "seed":
        from oms.demo import seed_demo

        app.upgrade_database()
        print(seed_demo(app, if_empty=args.if_empty))
    return 0


def cmd_import(app: App, args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from exc
    app.upgrade_database()
    try:
        report = import_csv(app.uow(), args.kind, text)
    except MasterDataError as exc:
        raise UsageError(f"{args.file}: {exc}") from exc
    print(f"{report.kind}: {report.created} created, {report.updated} updated")
    return 0


def cmd_ingest(app: App, args: argparse.Namespace) -> int:
    inputs = _read_inputs(args.files)
    app.upgrade_database()
    channel = Channel(args.channel)
    ids = []
    for name, content in inputs:
        doc = InboundDocument(
            channel=channel, content=content, received_at=utcnow(), original_name=Path(name).name
        )
        ids.append((name, app.submit(doc)))
    if app.settings.embedded:
        # no separate worker will see an in-memory queue: do the work here, now
        for _name, doc_id in ids:
            app.process(doc_id)
            app.deliver(doc_id)
    with app.uow() as uow:
        for name, doc_id in ids:
            record = uow.documents.get(doc_id)
            assert record is not None
            orders = len(uow.orders.for_document(doc_id))
            reason = f" ({record.error})" if record.error else ""
            print(f"{name}: document {doc_id} {record.state}{reason}, {orders} order(s)")
    return 0


def cmd_extract(app: App, args: argparse.Namespace) -> int:
    from oms.extract import extract_files

    inputs = _read_inputs(args.files)
    json.dump(extract_files(app, inputs, args.channel), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def cmd_user(app: App, args: argparse.Namespace) -> int:
    from core.kernel.domain.users import Role
    from core.kernel.services import auth
    from oms.signins_cli import unlock_user

    app.upgrade_database()
    try:
        if args.action == "create":
            user = auth.create_user(app.uow(), args.username, _password(args), Role(args.role), utcnow())
            print(f"user {user.username} ({user.role}) created")
        elif args.action == "unlock":
            unlock_user(app, args.username)
        elif args.action == "token":
            print(auth.create_api_token(app.uow(), args.username, args.name, utcnow()))
        else:
            with app.uow() as uow:
                for user in uow.users.all():
                    print(f"{user.username}\t{user.role}\t{'active' if user.active else 'inactive'}")
    except ComandaError as exc:  # AuthError, or an unlock of no such user
        raise UsageError(str(exc)) from exc
    return 0


def cmd_policy(app: App, args: argparse.Namespace) -> int:
    """Show or change the decision policy of the defaults, a channel or a customer."""
    app.upgrade_database()
    scope = (
        f"customer:{args.customer}"
        if args.customer
        else f"channel:{args.channel}"
        if args.channel
        else "default"
    )
    with app.uow() as uow:
        current = uow.policies.all()
        if args.action == "set":
            settings = dict(current.get(scope, {}))
            for key in ("min_confidence", "always_review", "review_new_customers"):
                value = getattr(args, key)
                if value is not None:
                    settings[key] = value
            uow.policies.put(scope, settings, utcnow())
            uow.commit()
            current[scope] = settings
        elif args.action == "clear":
            uow.policies.put(scope, {}, utcnow())
            uow.commit()
            current.pop(scope, None)
    for name, settings in sorted(current.items()):
        print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())))
    return 0


def _wait_for_signal() -> None:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()


def cmd_worker(app: App, args: argparse.Namespace) -> int:
    worker = app.worker()
    worker.start()
    app.requeue_unfinished(everything=True)
    app.start_sweeper()
    log.info("worker running on %s; Ctrl-C stops", app.settings.broker_url)
    _wait_for_signal()
    worker.stop()
    return 0


def _watcher(app: App):  # type: ignore[no-untyped-def]
    from ingest.fax import FaxSidecars
    from ingest.folder import FolderWatcher

    inbox = app.settings.inbox
    return FolderWatcher(
        {inbox / "edi": Channel.EDI, inbox / "fax": Channel.FAX},
        app.submit,
        utcnow,
        settle=app.settings.settle_seconds,
        sidecars={Channel.FAX: FaxSidecars()},
    )


def _mail(app: App):  # type: ignore[no-untyped-def]
    from oms.mail import mail_receivers

    return mail_receivers(app.settings, app.submit, utcnow)


def cmd_watch(app: App, args: argparse.Namespace) -> int:
    watcher = _watcher(app)
    watcher.start()
    mail = _mail(app)
    mail.start()
    log.info("watching %s", app.settings.inbox)
    _wait_for_signal()
    mail.stop()
    watcher.stop()
    return 0


def _serve(app: App, host: str, port: int) -> None:
    import uvicorn

    from web.app import create_app

    uvicorn.Server(uvicorn.Config(create_app(app), host=host, port=port, log_level="info")).run()


def cmd_serve(app: App, args: argparse.Namespace) -> int:
    _serve(app, args.host, args.port)
    return 0


def cmd_run(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    worker = app.worker()
    worker.start()
    app.requeue_unfinished(everything=True)
    app.start_sweeper()
    watcher = _watcher(app)
    watcher.start()
    mail = _mail(app)
    mail.start()
    log.info("Comanda on http://%s:%s, inboxes under %s", args.host, args.port, app.settings.inbox)
    try:
        _serve(app, args.host, args.port)
    finally:
        mail.stop()
        watcher.stop()
        worker.stop()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="oms", description="Comanda order capture and management")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("run", "everything in one process"), ("serve", "the web app and API")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8000)
    sub.add_parser("worker", help="the job workers")
    sub.add_parser("watch", help="the folder watchers and receivers")
    db = sub.add_parser("db", help="database schema and demo data")
    db.add_argument("action", choices=["upgrade", "seed"])
    db.add_argument("--if-empty", action="store_true", help="seed only when there is no master data")
    imp = sub.add_parser("import", help="upsert master data from a CSV file")
    imp.add_argument("kind", choices=list(COLUMNS))
    imp.add_argument("file")
    ing = sub.add_parser("ingest", help="submit files as if they had arrived on a channel")
    ing.add_argument("files", nargs="+")
    ing.add_argument("--channel", choices=[c.value for c in Channel], default="edi")
    usr = sub.add_parser("user", help="users of the review queue and their API tokens")
    usr.add_argument("action", choices=["create", "list", "token", "unlock"])
    usr.add_argument("username", nargs="?", default="")
    usr.add_argument("--role", choices=["clerk", "supervisor", "admin"], default="clerk")
    usr.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    usr.add_argument("--name", default="api", help="a name for the token (with `token`)")
    pol = sub.add_parser("policy", help="the decision policy: defaults, per channel, per customer")
    pol.add_argument("action", choices=["show", "set", "clear"])
    where = pol.add_mutually_exclusive_group()
    where.add_argument("--customer", help="a customer id (most specific)")
    where.add_argument("--channel", choices=[c.value for c in Channel])
    pol.add_argument("--min-confidence", type=float, default=None, help="0..1; below it nothing is accepted")
    pol.add_argument("--always-review", action=argparse.BooleanOptionalAction, default=None)
    pol.add_argument("--review-new-customers", action=argparse.BooleanOptionalAction, default=None)
    ext = sub.add_parser("extract", help="read files and print what was read; stores nothing")
    ext.add_argument("--json", action="store_true", required=True, help="print JSON (the only format)")
    ext.add_argument("files", nargs="+")
    ext.add_argument("--channel", choices=[c.value for c in Channel], default=None)
    COMMANDS.update(lifecycle_cli.add_commands(sub))
    COMMANDS.update(billing_cli.add_commands(sub))
    COMMANDS.update(capture_cli.add_commands(sub))
    return parser


COMMANDS = {
    "run": cmd_run,
    "serve": cmd_serve,
    "worker": cmd_worker,
    "watch": cmd_watch,
    "db": cmd_db,
    "import": cmd_import,
    "ingest": cmd_ingest,
    "extract": cmd_extract,
    "user": cmd_user,
    "policy": cmd_policy,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.command == "extract" else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        app = bootstrap()
    except ComandaError as exc:
        print(f"oms: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return COMMANDS[args.command](app, args)
    except (UsageError, lifecycle_cli.LifecycleUsage) as exc:
        print(f"oms: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        app.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
