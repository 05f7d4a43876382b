"""`oms forecast volume|shipping|demand|workload`: each forecast with its back-test against
seasonal-naive; a forecast that does not beat it is named and its figures shown, but no numbers
ahead are offered."""

from __future__ import annotations

import argparse

from core.forecasting.adapters.history import HistoryReader
from core.forecasting.domain.staffing import SlaSettings
from core.forecasting.services import forecasts as fc
from core.forecasting.services.purchasing import lead_time_demand
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, UsageError

KINDS = ("volume", "shipping", "demand", "workload")
BY = {
    "volume": ("channel", "group"),
    "shipping": ("warehouse", "carrier", "zone"),
    "demand": (),
    "workload": (),
}
UNIT = {"day": "days", "week": "weeks", "hour": "hours"}


def describe(found: fc.Forecast) -> list[str]:
    """The forecast as the command prints it: verdict, back-test figures, then the values ahead."""
    freq = found.series.freq
    lines = [f"{found.subject} per {freq}: {found.verdict}"]
    test = found.test
    if test is not None:
        lines.append(
            f"  back-test: {test.folds} folds x {test.horizon} {UNIT[freq]};"
            f" MAE {test.mae:.2f} (seasonal-naive {test.baseline_mae:.2f}, average {test.average_mae:.2f});"
            f" MASE {test.mase:.2f} (seasonal-naive {test.baseline_mase:.2f})"
        )
    if found.method != "fitted seasons":
        lines.append(f"  method: {found.method} (the yearly season from the one year seen)")
    if found.offered:
        lines += [f"  {label}  {value:10.1f}" for label, value in found.ahead]
    return lines


def _forecasts(app: App, args: argparse.Namespace) -> list[fc.Forecast]:
    reader, now = HistoryReader(app.engine), app.clock()
    if args.kind == "volume":
        return fc.volume(reader, now, freq=args.freq or "day", by=args.by, horizon=args.horizon)
    if args.kind == "shipping":
        return fc.shipping(reader, now, by=args.by, horizon=args.horizon)
    return fc.demand(
        reader, now, sku=args.sku, warehouse=args.warehouse, freq=args.freq or "week", horizon=args.horizon
    )


def cmd_forecast(app: App, args: argparse.Namespace) -> int:
    if args.by and args.by not in BY[args.kind]:
        choices = ", ".join(BY[args.kind]) or "nothing"
        raise UsageError(f"forecast {args.kind} splits by {choices}, not {args.by}")
    app.upgrade_database()
    if args.kind == "workload":
        return _workload(app, args)
    if args.kind == "demand" and args.lead_days:
        return _reorder(app, args)
    found = _forecasts(app, args)
    if not found:
        print("no history to forecast from (`oms demo history` makes some)")
    for item in found:
        print("\n".join(describe(item)))
    return 0


def _workload(app: App, args: argparse.Namespace) -> int:
    reader, now, configured = HistoryReader(app.engine), app.clock(), app.review_sla
    wanted = SlaSettings(
        configured.wait_minutes if args.sla_minutes is None else args.sla_minutes,
        configured.share if args.sla_share is None else args.sla_share,
        configured.handle_minutes if args.handle_minutes is None else args.handle_minutes,
    )
    sla = fc.review_sla(reader, now, wanted)
    staffing = fc.workload(reader, now, horizon=args.horizon, sla=sla)
    if staffing is None:
        print("no orders went to the review queue in the last weeks")
        return 0
    print(describe(staffing.forecast)[0])
    print("\n".join(describe(staffing.forecast)[1:2]))
    print(
        f"  SLA: {sla.share:.0%} taken within {sla.wait_minutes:g} min,"
        f" {sla.handle_minutes:g} min per review ({sla.basis})"
    )
    if staffing.forecast.offered:
        for hour, expected, clerks in staffing.clerks:
            print(f"  {hour}  {expected:6.1f} orders  {clerks} clerk(s)")
    return 0


def _reorder(app: App, args: argparse.Namespace) -> int:
    if not (args.sku and args.warehouse):
        raise UsageError("--lead-days needs --sku and --warehouse")
    found = lead_time_demand(
        HistoryReader(app.engine),
        app.clock(),
        args.sku,
        args.warehouse,
        args.lead_days,
        service_level=args.service_level,
    )
    if found is None:
        print(f"{args.sku} was never demanded in {args.warehouse}")
        return 0
    print(
        f"{found.sku} in {found.warehouse} over {found.lead_days} days ({found.source}):"
        f" mean {found.mean:.1f}, spread {found.spread:.1f};"
        f" reorder point at {found.service_level:.0%}: {found.reorder_point:.0f}"
    )
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms forecast` to the `oms` parser; returns its handler."""
    p = sub.add_parser("forecast", help="forecasts with their back-test against seasonal-naive")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--horizon", type=int, help="steps ahead (default: 28 days, 8 weeks, 48 hours)")
    p.add_argument("--by", choices=sorted({b for bys in BY.values() for b in bys}), help="one series per")
    p.add_argument("--freq", choices=("day", "week"), help="volume: day (default); demand: week (default)")
    p.add_argument("--sku", help="demand: only this SKU")
    p.add_argument("--warehouse", help="demand: only this warehouse")
    p.add_argument("--lead-days", type=int, help="demand: mean and spread over this lead time, reorder point")
    p.add_argument("--service-level", type=float, default=0.95, help="demand: for the reorder point")
    p.add_argument(
        "--sla-minutes",
        type=float,
        help="workload: the longest wait allowed (default OMS_REVIEW_SLA_MINUTES)",
    )
    p.add_argument(
        "--sla-share", type=float, help="workload: share within the wait (default OMS_REVIEW_SLA_SHARE)"
    )
    p.add_argument(
        "--handle-minutes",
        type=float,
        help="workload: minutes per review (default OMS_REVIEW_HANDLE_MINUTES, else the recent median)",
    )
    return {"forecast": cmd_forecast}
