"""`oms db`, `oms user` and `oms policy`: the schema and demo data, the review queue's users and API
tokens, and the decision policy."""

from __future__ import annotations

import argparse
import getpass
import sys

from core.capture.domain.documents import Channel
from core.kernel.errors import ComandaError
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError


def cmd_db(app: App, args: argparse.Namespace) -> int:
    if args.action == "upgrade":
        app.upgrade_database()
        print("database is at the newest schema")
    elif args.action == "seed":
        from samples.demo.seed import seed_demo

        app.upgrade_database()
        print(seed_demo(app, if_empty=args.if_empty))
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def cmd_user(app: App, args: argparse.Namespace) -> int:
    from core.kernel.domain.users import Role
    from core.kernel.services import auth, signins

    app.upgrade_database()
    try:
        if args.action == "create":
            user = auth.create_user(app.uow(), args.username, _password(args), Role(args.role), app.clock())
            print(f"user {user.username} ({user.role}) created")
        elif args.action == "unlock":  # recorded with the operating-system user who ran the command
            signins.unlock(app.uow(), args.username, f"cli:{getpass.getuser()}", app.clock())
            print(f"user {signins.account_name(args.username)} unlocked")
        elif args.action == "token":
            print(auth.create_api_token(app.uow(), args.username, args.name, app.clock()))
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
    now = app.clock()
    with app.uow() as uow:
        current = uow.policies.all()
        if args.action == "set":
            settings = dict(current.get(scope, {}))
            for key in ("min_confidence", "always_review", "review_new_customers"):
                value = getattr(args, key)
                if value is not None:
                    settings[key] = value
            uow.policies.put(scope, settings, now)
            uow.commit()
            current[scope] = settings
        elif args.action == "clear":
            uow.policies.put(scope, {}, now)
            uow.commit()
            current.pop(scope, None)
    for name, settings in sorted(current.items()):
        print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())))
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms db`, `oms user` and `oms policy` to the `oms` parser; returns their handlers."""
    db = sub.add_parser("db", help="database schema and demo data")
    db.add_argument("action", choices=["upgrade", "seed"])
    db.add_argument("--if-empty", action="store_true", help="seed only when there is no master data")
    usr = sub.add_parser("user", help="users of the review queue and their API tokens")
    usr.add_argument("action", choices=["create", "list", "token", "unlock"])
    usr.add_argument("username", nargs="?", default="")
    usr.add_argument("--role", choices=["clerk", "buyer", "supervisor", "admin"], default="clerk")
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
    return {"db": cmd_db, "user": cmd_user, "policy": cmd_policy}
