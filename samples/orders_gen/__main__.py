"""`python -m samples.orders_gen OUTDIR --count N [--seed S]`: write generated orders (PDF + truth JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from samples.orders_gen import LAYOUTS, TODAY, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.orders_gen", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=len(LAYOUTS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--today", type=date.fromisoformat, default=TODAY, help="orders are dated just before"
    )
    parser.add_argument("--layout", action="append", choices=sorted(LAYOUTS), help="only these layouts")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for order in generate(args.count, args.seed, today=args.today, layouts=args.layout):
        (args.outdir / f"{order.name}.pdf").write_bytes(order.pdf)
        truth = {"layout": order.layout, **order.truth}
        text = json.dumps(truth, ensure_ascii=False, indent=2)
        (args.outdir / f"{order.name}.json").write_text(text + "\n", encoding="utf-8")
        print(f"{order.name}.pdf  {order.truth['po_number']}  {len(order.truth['lines'])} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
