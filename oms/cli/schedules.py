"""`oms schedules add|list|remove|send-due`: reports sent by e-mail to users on a schedule, as PDF or
XLSX, through the same sender as the rest of our mail (the smarthost, or .eml files in outbox/email/).

`send-due` is what cron (or a systemd timer) runs every few minutes: each schedule whose slot has
passed sends its report once to each recipient; the Message-ID is fixed per schedule, slot and
recipient, so a run repeated after a crash between sending and recording sends nothing twice."""

from __future__ import annotations

import argparse
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from core.forecasting.adapters.documents import to_pdf, to_xlsx
from core.forecasting.adapters.history import HistoryReader
from core.forecasting.adapters.schedules import ScheduleStore
from core.forecasting.domain.schedule import REPORTS, WEEKDAYS, Every, Recipient, ReportFormat, ReportSchedule
from core.forecasting.services.report_content import build
from core.kernel.domain.model import OutboundKind, OutboundMessage
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError
from outbound.email.channel import mail_sender

MEDIA = {
    ReportFormat.PDF: ("application", "pdf"),
    ReportFormat.XLSX: ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _recipients(app: App, given: list[str]) -> list[Recipient]:
    """`USER=address`, or `USER` alone when the user name is an address; every user must exist."""
    out = []
    with app.uow() as uow:
        for item in given:
            user, _, address = item.partition("=")
            address = address or user
            if uow.users.by_name(user) is None:
                raise UsageError(f"no user {user!r} (oms user create makes one)")
            if "@" not in parseaddr(address)[1]:
                raise UsageError(f"{item!r}: give the user's e-mail address as USER=address")
            out.append(Recipient(user, address))
    return out


def cmd_add(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    schedule = ReportSchedule(
        report=args.report,
        recipients=_recipients(app, args.to),
        format=ReportFormat(args.format),
        every=Every(args.every),
        hour=args.hour,
        weekday=WEEKDAYS.index(args.day),
        created_at=app.clock(),
    )
    schedule_id = ScheduleStore(app.session_factory).add(schedule)
    print(f"schedule {schedule_id}: {schedule.describe()}")
    return 0


def cmd_list(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    for s in ScheduleStore(app.session_factory).all():
        last = f"{s.last_sent_at:%Y-%m-%d %H:%M}" if s.last_sent_at else "never"
        print(f"{s.id}: {s.describe()}; last sent {last}")
    return 0


def cmd_remove(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    if not ScheduleStore(app.session_factory).remove(args.id):
        raise UsageError(f"no schedule {args.id}")
    print(f"schedule {args.id} removed")
    return 0


def report_mail(app: App, schedule: ReportSchedule, to: Recipient, slot: datetime, body: bytes) -> bytes:
    """The e-mail carrying one report to one recipient, with a Message-ID fixed by schedule and slot."""
    domain = parseaddr(app.settings.mail_from)[1].rpartition("@")[2] or "comanda.invalid"
    msg = EmailMessage(policy=policy.SMTP)  # CRLF line ends, as SMTP sends them
    msg["From"] = app.settings.mail_from
    msg["To"] = to.email
    msg["Subject"] = f"{REPORTS[schedule.report]} ({slot:%Y-%m-%d})"
    msg["Date"] = format_datetime(app.clock())
    msg["Message-ID"] = f"<report-{schedule.id}-{slot:%Y%m%d%H}-{to.user}@{domain}>"
    msg.set_content(
        f"Hello {to.user},\n\nattached: {REPORTS[schedule.report]}, as of {slot:%Y-%m-%d %H:%M} UTC.\n"
    )
    maintype, subtype = MEDIA[schedule.format]
    name = f"{schedule.report}-{slot:%Y%m%d}.{schedule.format}"
    msg.add_attachment(body, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def send_due(app: App) -> int:
    """Send every due schedule's report; returns how many e-mails were handed to the sender."""
    store, sender, now = ScheduleStore(app.session_factory), mail_sender(app.settings), app.clock()
    sent = 0
    for schedule in store.due(now):
        slot = schedule.latest_slot(now)
        with app.uow() as uow:
            report = build(schedule.report, HistoryReader(uow.session), now)
        body = to_pdf(report) if schedule.format is ReportFormat.PDF else to_xlsx(report)
        for to in schedule.recipients:
            content = report_mail(app, schedule, to, slot, body)
            filename = f"report-{schedule.id}-{slot:%Y%m%d%H}.eml"
            sender.send(OutboundMessage("email", OutboundKind.REPORT, to.email, filename, content, now))
            sent += 1
        assert schedule.id is not None
        store.mark_sent(schedule.id, slot, now)
    return sent


def cmd_send_due(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    print(f"{send_due(app)} report e-mail(s) sent")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms schedules` to the `oms` parser; returns its handlers."""
    sc = sub.add_parser("schedules", help="reports by e-mail to users on a schedule")
    actions = sc.add_subparsers(dest="schedules_action", required=True)
    add = actions.add_parser("add", help="send a report on a schedule")
    add.add_argument("report", choices=sorted(REPORTS))
    add.add_argument("--to", action="append", required=True, help="USER=address (repeatable)")
    add.add_argument("--format", choices=[f.value for f in ReportFormat], default="pdf")
    add.add_argument("--every", choices=[e.value for e in Every], default="weekly")
    add.add_argument("--day", choices=WEEKDAYS, default="mon", help="weekly: which day (default mon)")
    add.add_argument("--hour", type=int, choices=range(24), default=7, metavar="0-23", help="UTC hour")
    actions.add_parser("list", help="the schedules and when each last sent")
    rm = actions.add_parser("remove", help="stop a schedule")
    rm.add_argument("id", type=int)
    actions.add_parser("send-due", help="send what is due now (run it from cron every few minutes)")
    handlers = {"add": cmd_add, "list": cmd_list, "remove": cmd_remove, "send-due": cmd_send_due}

    def dispatch(app: App, args: argparse.Namespace) -> int:
        return handlers[args.schedules_action](app, args)

    return {"schedules": dispatch}
