"""`python -m samples.orders_gen OUTDIR --count N [--family F] [--seed S] [--legacy]`: write orders (PDF +
truth JSON), N of each drawn family (default: all), or N of the six legacy fixed layouts."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from samples.orders_gen import FAMILIES, TODAY, generate, generate_drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.orders_gen", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=2, help="orders per family")
    parser.add_argument("--seed", type=int, help="first seed (default: each family's split default)")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=TODAY, help="orders are dated just before"
    )
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--legacy", action="store_true", help="the six fixed legacy layouts instead")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.legacy:
        orders = [
            (o.name, o.pdf, {"layout": o.layout, **o.truth}) for o in generate(args.count, args.seed or 1)
        ]
    else:
        drawn = generate_drawn(args.count, tuple(args.family or FAMILIES), args.seed, args.today)
        orders = [(o.name, o.pdf, o.truth) for o in drawn]
    for name, pdf, truth in orders:
        (args.outdir / f"{name}.pdf").write_bytes(pdf)
        text = json.dumps(truth, ensure_ascii=False, indent=2)
        (args.outdir / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        print(f"{name}.pdf  {truth['po_number']}  {len(truth['lines'])} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
