"""A 50 MB interchange streams through the reader: segments are dropped message by message, so the
memory it takes is what the captured orders themselves need."""

from __future__ import annotations

import os
import resource
from decimal import Decimal

import pytest

from parsers.edifact import read_interchanges

SIZE = 50_000_000
LINE = (
    "LIN+{n}++40008621414{c:02d}:EN'PIA+1+ART-{n}-{m}:SA'IMD+F++:::Hexagon screw M8x40:zinc plated'"
    "QTY+21:{n}0:PCE'PRI+AAA:0,18::::1:PCE'MOA+203:{n}.80'"
)
HEADER = (
    "UNH+{m}+ORDERS:D:96A:UN:EAN008'BGM+220+PO-{m}+9'DTM+137:20240115:102'DTM+2:20240122:102'"
    "NAD+BY+5412345000013::9++Ferreteria Ejemplo S.L.+Calle Mayor 12+Madrid++28013+ES'"
    "NAD+SU+4012345500004::9'NAD+DP+5412345000020::9++Almacen Norte+Poligono 3+Alcobendas++28100+ES'"
    "CUX+2:EUR:9'FTX+AAI+++Deliver mornings only, gate 4'"
)
TRAILER = "UNS+S'MOA+79:1000'CNT+2:10'UNT+{count}+{m}'"


def _interchange() -> tuple[bytes, int]:
    parts = ["UNA:+,? 'UNB+UNOC:3+5412345000013:14+4012345500004:14+240115:0930+BIG1'"]
    size, messages = len(parts[0]), 0
    while size < SIZE:
        messages += 1
        lines = "".join(LINE.format(n=n, c=n % 100, m=messages) for n in range(1, 11))
        text = HEADER.format(m=messages) + lines + TRAILER.format(count=9 + 60 + 4, m=messages)
        parts.append(text)
        size += len(text)
    parts.append(f"UNZ+{messages}+BIG1'")
    return "".join(parts).encode("latin-1"), messages


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.slow
def test_fifty_megabyte_interchange_streams_through() -> None:
    data, messages = _interchange()
    assert len(data) >= SIZE
    before = _resident_bytes()

    result = read_interchanges(data)

    peak_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    assert len(result.orders) == messages
    assert result.orders[-1].po_number == f"PO-{messages}"
    assert len(result.orders[-1].lines) == 10
    assert result.orders[-1].lines[9].unit_price == Decimal("0.18")
    assert result.interchanges[0].accepted
    assert result.problems == ()
    # The orders themselves hold about 19 times the input (an Evidence per field, the raw text of
    # every segment a field was read from) and the process grows by about 24 times; keeping every
    # parsed segment (tag, element tuples, strings) until the end would add some 15 times more.
    assert peak_growth < 30 * len(data)
