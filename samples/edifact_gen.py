"""Generator of realistic ORDERS interchanges for tests and benchmarks (demo master data codes)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUYER = "8437000100010"  # Ferretería Núñez, customer C-1001
US = "8437000999997"


# our selling units as EDIFACT unit codes (UN/ECE rec. 20)
UNIT_CODES = {"UD": "PCE", "CAJ": "CT"}


def demo_products() -> list[tuple[str, str, str]]:
    with (HERE / "masterdata" / "products.csv").open(encoding="utf-8") as fh:
        return [(row["gtin"], row["price"], UNIT_CODES.get(row["unit"], "PCE")) for row in csv.DictReader(fh)]


def orders_interchange(
    messages: int = 1000,
    lines: int = 10,
    *,
    control_ref: str = "500001",
    order_day: date = date(2026, 11, 26),
    po_prefix: str = "PO-BENCH",
    ack: bool = False,
) -> bytes:
    """One UNOC interchange of `messages` ORDERS with `lines` lines each, all resolvable and accepted."""
    products = demo_products()
    delivery = order_day + timedelta(days=7)
    out = [
        "UNA:+.? '",
        f"UNB+UNOC:3+{BUYER}:14+{US}:14+{order_day:%y%m%d}:0800+{control_ref}++ORDERS{'++1' if ack else ''}'",
    ]
    for m in range(1, messages + 1):
        body = [
            f"UNH+{m}+ORDERS:D:96A:UN:EAN008'",
            f"BGM+220+{po_prefix}-{m:06d}+9'",
            f"DTM+137:{order_day:%Y%m%d}:102'",
            f"DTM+2:{delivery:%Y%m%d}:102'",
            f"NAD+BY+{BUYER}::9++Ferretería Núñez S.L.'",
            f"NAD+SU+{US}::9'",
            "CUX+2:EUR:9'",
        ]
        for n in range(1, lines + 1):
            gtin, price, unit = products[(m + n) % len(products)]
            body += [f"LIN+{n}++{gtin}:EN'", f"QTY+21:{n * 5}:{unit}'", f"PRI+AAA:{price}'"]
        body += ["UNS+S'", f"CNT+2:{lines}'"]
        out += [*body, f"UNT+{len(body) + 1}+{m}'"]
    out.append(f"UNZ+{messages}+{control_ref}'")
    return ("\r\n".join(out) + "\r\n").encode("latin-1")
