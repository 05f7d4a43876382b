"""What `/metrics` exports, in Prometheus' text format.

Numbers the database holds (documents by channel and state, the work queues, the review queue, the
touchless rate, answers, allocations, invoices) are counted from it at scrape time, so they are right
however many worker processes share the work.  Times (parsing, OCR) are histograms of this process.
"""

from __future__ import annotations

import hmac
import ipaddress
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from sqlalchemy import Column, Connection, Engine, func, select

from core.billing.adapters.orm import invoices
from core.capture.adapters.orm import documents
from core.capture.domain.documents import DocumentState, InboundDocument, ParseResult
from core.capture.domain.layout import PageWords
from core.fulfilment.adapters.orm import allocations
from core.kernel.adapters.orm import orders, outbound_messages
from core.kernel.domain.model import Decision, OrderState, OutboundState
from parsers.ocr.engine import OcrOptions, PageOcr
from parsers.ocr.images import PageImage

SECONDS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
PARSE_SECONDS = Histogram(
    "comanda_parse_seconds", "Time to read one document into orders", ["channel", "format"], buckets=SECONDS
)
OCR_SECONDS = Histogram("comanda_ocr_seconds", "Time to OCR one document's pages", buckets=SECONDS)
OCR_PAGES = Counter("comanda_ocr_pages", "Pages read by OCR")
Counted = tuple[Any, ...]  # a grouped row: the group's columns, then its count


def timed_reader(
    read: Callable[[InboundDocument], ParseResult],
) -> Callable[[InboundDocument], ParseResult]:
    """`read`, with the time each document took observed by channel and format."""

    def timed(doc: InboundDocument) -> ParseResult:
        started = time.perf_counter()
        result = read(doc)
        PARSE_SECONDS.labels(str(doc.channel), result.format or "unknown").observe(
            time.perf_counter() - started
        )
        return result

    return timed


class TimedOcr:
    """A `PageOcr` that observes how long each document's pages took."""

    def __init__(self, inner: PageOcr) -> None:
        self.inner = inner

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        started = time.perf_counter()
        words = self.inner.read_pages(pages, options)
        OCR_SECONDS.observe(time.perf_counter() - started)
        OCR_PAGES.inc(len(pages))
        return words

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


class DatabaseCollector:
    """The numbers that live in the database, counted at every scrape."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.clock = clock

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("comanda_database_up", "1 when the database answered this scrape")
        try:
            with self.engine.connect() as conn:
                found = list(self._families(conn))
        except Exception:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from found

    def _families(self, conn: Connection) -> Iterator[Metric]:
        def rows(*columns: Column[Any]) -> list[Counted]:
            stmt = select(*columns, func.count()).select_from(columns[0].table).group_by(*columns)
            return [tuple(row) for row in conn.execute(stmt)]

        yield from self._documents(rows(documents.c.channel, documents.c.state))
        yield from self._queues(conn)
        yield from self._orders(rows(orders.c.channel, orders.c.decision))
        answers = GaugeMetricFamily(
            "comanda_answers", "Answers by channel and state", labels=["channel", "state"]
        )
        for channel, state, n in rows(outbound_messages.c.channel, outbound_messages.c.state):
            answers.add_metric([str(channel), str(state)], n)
        yield answers
        alloc = GaugeMetricFamily("comanda_allocations", "Stock allocations by state", labels=["state"])
        for state, n in rows(allocations.c.state):
            alloc.add_metric([str(state)], n)
        yield alloc
        inv = GaugeMetricFamily(
            "comanda_invoices", "Invoices and credit notes by kind and state", labels=["kind", "state"]
        )
        for kind, state, n in rows(invoices.c.kind, invoices.c.state):
            inv.add_metric([str(kind), str(state)], n)
        yield inv

    @staticmethod
    def _documents(counted: list[Counted]) -> Iterator[Metric]:
        help_ = {
            "received": "Documents received (stored), by channel",
            "processed": "Documents read and their orders created, by channel",
            "quarantined": "Documents that could not be read, by channel",
            "duplicate": "Documents recognised as duplicates, by channel",
        }
        families = {
            k: CounterMetricFamily(f"comanda_documents_{k}", h, labels=["channel"]) for k, h in help_.items()
        }
        totals: dict[str, dict[str, int]] = {k: {} for k in help_}
        for channel, state, n in counted:
            totals["received"][str(channel)] = totals["received"].get(str(channel), 0) + n
            if str(state) in totals and str(state) != "received":
                totals[str(state)][str(channel)] = n
        for kind, family in families.items():
            for channel, n in sorted(totals[kind].items()):
                family.add_metric([channel], n)
            yield family

    def _queues(self, conn: Connection) -> Iterator[Metric]:
        now = self.clock()
        depth = GaugeMetricFamily(
            "comanda_queue_depth", "Work waiting: documents unread, answers unsent", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "comanda_queue_oldest_age_seconds", "Age of the oldest waiting item", labels=["queue"]
        )
        waiting = documents.c.state.in_([DocumentState.RECEIVED, DocumentState.PROCESSING])
        pending = outbound_messages.c.state == OutboundState.PENDING
        in_review = orders.c.state == OrderState.IN_REVIEW
        for queue, when, where in (
            ("documents", documents.c.received_at, waiting),
            ("answers", outbound_messages.c.created_at, pending),
            ("review", orders.c.created_at, in_review),
        ):
            n, oldest = conn.execute(select(func.count(), func.min(when)).where(where)).one()
            depth.add_metric([queue], n)
            age.add_metric([queue], max(0.0, (now - oldest).total_seconds()) if oldest else 0.0)
        yield depth
        yield age

    @staticmethod
    def _orders(counted: list[Counted]) -> Iterator[Metric]:
        total = CounterMetricFamily(
            "comanda_orders", "Orders captured, by channel and decision", labels=["channel", "decision"]
        )
        ratio = GaugeMetricFamily(
            "comanda_touchless_ratio", "Share of captured orders accepted untouched", labels=["channel"]
        )
        by_channel: dict[str, list[int]] = {}
        for channel, decision, n in counted:
            total.add_metric([str(channel), str(decision)], n)
            seen = by_channel.setdefault(str(channel), [0, 0])
            seen[0] += n if decision == Decision.ACCEPT else 0
            seen[1] += n
        for channel, (accepted, all_) in sorted(by_channel.items()):
            ratio.add_metric([channel], accepted / all_)
        yield total
        yield ratio


def allowed(networks: Sequence[str], secret: str | None, address: str | None, token: str | None) -> bool:
    """May this caller read the metrics: from an allowed address or network, or with the token."""
    if secret and token and hmac.compare_digest(secret.encode(), token.encode()):
        return True
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in networks)


def serve_process_metrics(port: int, host: str = "127.0.0.1") -> Callable[[], None]:
    """This process's own metrics (its timings) over HTTP on host:port, for a worker that serves no
    web app; returns what stops it."""
    from prometheus_client import start_http_server

    server, thread = start_http_server(port, addr=host)

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return stop


def exposition(engine: Engine, clock: Callable[[], datetime]) -> bytes:
    """This process's metrics and the database's, in Prometheus' text format."""
    counted = CollectorRegistry(auto_describe=False)
    counted.register(DatabaseCollector(engine, clock))
    return generate_latest(REGISTRY) + generate_latest(counted)
