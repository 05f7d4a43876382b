"""EDIFACT: CPU per step of processing one interchange on PostgreSQL, and a digest of what it stored.

`python -m bench.edifact_steps` stores the bench's interchange (1,000 ORDERS x 10 lines; BENCH_MESSAGES)
in a fresh PostgreSQL database, then calls `App.process` on it in the main thread (the in-process
queue: no worker thread, no reporting refresh beside it) with the start-up heap frozen as `oms worker`
has it, and prints the process CPU (`time.process_time`) spent in each step: reading, deciding,
building the orders, storing them, the ORDRSP batch, and the garbage collector's share. `--mixed`
reads instead an interchange of every kind of message the identity checks need (accepted and held
orders, released service characters, accents, delivery addresses, buyer item codes, missing prices,
unknown products); `FILE` reads that file.

The last line is a digest of every table's rows, the answer files written and the events published:
the same digest from two trees says they stored and sent the same bytes. Run it in each tree in turn
(`cd TREE && PYTHONPATH=TREE .venv/bin/python -m bench.edifact_steps`) to compare them.
"""

from __future__ import annotations

import gc
import hashlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.edifact_e2e import DAY, LINES, MESSAGES, edifact_bench_app
from bench.workers import pg_database
from core.capture.domain.documents import Channel, InboundDocument
from core.capture.services import answers, processing
from core.kernel.adapters.repository import OrderRepository
from oms.bootstrap import App
from oms.tasks import settle_heap
from outbound.edifact import answers as edifact_answers
from samples.edifact_gen import BUYER, US, demo_products, orders_interchange

Wrapped = Callable[..., Any]


class Steps:
    """CPU and wall time per named step, summed over its calls."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.collector: dict[int, float] = {}  # CPU per generation, inside the steps that allocated

    def timed(self, name: str, fn: Wrapped) -> Wrapped:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu
                self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - wall

        return wrapper

    def gc_callback(self, phase: str, info: dict[str, int], _started: list[float] = [0.0]) -> None:  # noqa: B006
        if phase == "start":
            _started[0] = time.process_time()
        else:
            generation = info["generation"]
            self.collector[generation] = (
                self.collector.get(generation, 0.0) + time.process_time() - _started[0]
            )


def mixed_interchange(messages: int) -> bytes:
    """Messages of seven kinds in turn, demo master data codes; about 60 % accepted, the rest held."""
    products = demo_products()
    out = ["UNA:+.? '", f"UNB+UNOC:3+{BUYER}:14+{US}:14+261126:0800+700001++ORDERS'"]
    for m in range(1, messages + 1):
        kind = m % 7
        body = [f"UNH+{m}+ORDERS:D:96A:UN:EAN008'", f"BGM+220+PO-MIX?+{m:05d}+9'", "DTM+137:20261126:102'"]
        if kind != 3:
            body.append(f"DTM+2:202612{1 + m % 20:02d}:102'")
        if kind == 1:
            body.append("FTX+AAI+++Entregar por la mañana?: muelle 2?'s'")
        body.append(f"NAD+BY+{BUYER}::9++Ferretería Núñez S.L.+Calle Mayor 12+Madrid++28013+ES'")
        body.append(f"NAD+SU+{US}::9++Suministros Comanda S.A.'")
        if kind in (1, 4):
            body.append(
                "NAD+DP+8437000100027::9++Ferretería Núñez - Almacén con un nombre muy largo que no cabe"
                "+Polígono Sur, nave 4+Getafe++28906+ES'"
            )
        body.append("CUX+2:EUR:9'")
        for n in range(1, 4 + m % 9):
            gtin, price, unit = products[(m * 3 + n) % len(products)]
            if kind == 2 and n == 2:
                body.append("LIN+2++8437000199999:EN'")  # not one of ours: held for review
            elif kind == 5 and n == 1:
                body += [f"LIN+{n}++:EN'", "PIA+5+4712:BP'"]  # the buyer's own item code
            else:
                body.append(f"LIN+{n}++{gtin}:EN'")
            if kind == 4:
                body.append(
                    "IMD+F++:::Tornillo 8?+8 ?:40 mm ñandú, descripción larga que pasa de treinta y cinco'"
                )
            body.append(f"QTY+21:{n * 3 + m % 4}{'.5' if kind == 6 and n == 1 else ''}:{unit}'")
            if kind == 3 and n == 1:
                body.append("PRI+AAA:99.99'")  # not the price agreed: held for review
            elif not (kind == 6 and n == 2):
                body.append(f"PRI+AAA:{price}'")
            if kind == 1 and n == 1:
                body.append("DTM+2:20261220:102'")
        body += ["UNS+S'", f"CNT+2:{3 + m % 9}'"]
        out += [*body, f"UNT+{len(body) + 1}+{m}'"]
    out.append(f"UNZ+{messages}+700001'")
    return ("\r\n".join(out) + "\r\n").encode("latin-1")


def instrument(app: App, steps: Steps) -> None:
    # an order is resolved (validation, terms) before its customers are known, then judged (policy)
    processing.resolve = steps.timed("deciding (validate, terms)", processing.resolve)
    processing.judge = steps.timed("deciding (validate, terms)", processing.judge)
    processing.order_from_resolved = steps.timed("building the orders", processing.order_from_resolved)
    OrderRepository.insert_new = steps.timed("storing (COPY)", OrderRepository.insert_new)  # type: ignore[method-assign]
    answers.Answers.for_document = steps.timed("the ORDRSP batch", answers.Answers.for_document)  # type: ignore[method-assign]
    edifact_answers.ordrsp_message = steps.timed("  making the messages", edifact_answers.ordrsp_message)
    edifact_answers.write_interchange = steps.timed("  writing them", edifact_answers.write_interchange)
    app.read = steps.timed("reading the interchange", app.read)


def digest(app: App, outbox: Path, events: list[object]) -> str:
    found = hashlib.sha256()
    with app.engine.connect() as conn:
        tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
        for (table,) in tables.all():
            rows = sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{table}"')))
            found.update(table.encode())
            for row in rows:
                found.update(row.encode())
    for path in sorted(p for p in outbox.rglob("*") if p.is_file()):
        found.update(path.name.encode())
        found.update(path.read_bytes())
    found.update(repr(events).encode())
    return found.hexdigest()[:16]


def run(content: bytes) -> None:
    steps = Steps()
    with pg_database("comanda_steps") as url, tempfile.TemporaryDirectory() as tmp:
        app = edifact_bench_app(Path(tmp), url, "memory://")
        try:
            instrument(app, steps)
            events: list[object] = []
            publish = app.publish

            def kept(published: list[object]) -> None:
                events.extend(published)
                publish(published)

            app.publish = kept  # type: ignore[method-assign]
            document = InboundDocument(
                channel=Channel.EDI, content=content, received_at=DAY, original_name="b.edi"
            )
            document_id = app.submit(document)
            settle_heap()
            gc.callbacks.append(steps.gc_callback)
            cpu, wall = time.process_time(), time.perf_counter()
            state = app.process(document_id)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            gc.callbacks.remove(steps.gc_callback)
            print(f"App.process: {state}, {cpu:.3f} s of CPU, {wall:.3f} s wall")
            for step, seconds in steps.cpu.items():
                waited = steps.wall.get(step)
                print(f"  {step:30s} {seconds:6.3f} s" + (f"  (wall {waited:.3f} s)" if waited else ""))
            for generation, seconds in sorted(steps.collector.items()):
                print(f"  of which the garbage collector, generation {generation}: {seconds:.3f} s")
            print("digest of the tables, the answer files and the events:", digest(app, Path(tmp), events))
        finally:
            app.close()


def main(argv: list[str]) -> None:
    if argv[:1] == ["--mixed"]:
        content = mixed_interchange(int(argv[1]) if len(argv) > 1 else 350)
    elif argv:
        content = Path(argv[0]).read_bytes()
    else:
        content = orders_interchange(MESSAGES, LINES, order_day=DAY.date())
    run(content)


if __name__ == "__main__":
    main(sys.argv[1:])
