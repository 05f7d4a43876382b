"""The one place that builds engines, brokers, readers and senders and wires them together."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parseaddr
from functools import cached_property

import dramatiq
from dramatiq.brokers.stub import StubBroker
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from core import migrate
from core.billing.domain.approvals import FourEyes
from core.billing.services.credit import PaymentPolicy
from core.billing.services.invoicing import close_gate
from core.capture.adapters.reading_claims import ReadingClaims
from core.capture.domain.documents import (
    DocumentRecord,
    DocumentState,
    InboundDocument,
    ParseContext,
    ParseResult,
)
from core.capture.domain.order import CapturedOrder
from core.capture.domain.resolution import MasterData, OwnIdentity, ResolvedOrder
from core.capture.services import intake
from core.capture.services.collecting import Collector
from core.capture.services.partner_import import import_partners
from core.capture.services.processing import DocumentProcessor
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.forecasting.domain.staffing import SlaSettings
from core.kernel.adapters.db import POOL_OVERFLOW, POOL_SIZE, make_engine, on_postgresql
from core.kernel.adapters.master_memo import MasterMemo
from core.kernel.domain.model import Order
from core.kernel.domain.signins import LoginPolicy
from core.kernel.errors import ConfigError
from core.kernel.services import delivery
from core.orm import make_session_factory
from core.unit_of_work import UnitOfWork
from oms import batched_jobs, logs, recovery
from oms.backlog import REFRESH_JOB, RENDER_JOB, Backlog, Sends
from oms.billing import Billing
from oms.bus import MessageBus
from oms.channels import ChannelHost, register_channels
from oms.handlers import EVENT_HANDLERS, Deps, bind, job_table
from oms.health import Check, run_checks
from oms.lifecycle import Lifecycle
from oms.metrics import TimedOcr, exposition, serve_process_metrics, timed_reader
from oms.metrics import allowed as metrics_allowed
from oms.ocr import ocr_parsers, page_engine
from oms.purchasing import Purchasing
from oms.reporting import Reporting
from oms.sales import Sales
from oms.settings import Settings
from oms.tasks import Jobs, Worker, drain, idle_wait_ms
from oms.wiring import Wiring
from outbound.channel import ChannelRegistry
from parsers.base import Parser, ParserRegistry
from parsers.edifact import EdifactParser
from parsers.email import EmailParser
from parsers.ocr.engine import PageOcr
from parsers.ocr.images import Limits
from parsers.quote import QuoteAcceptanceParser
from parsers.sheet import CsvParser, XlsxParser
from parsers.supplier_sources import Scans
from validation.decide import validate

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


def make_broker(url: str) -> dramatiq.Broker:
    if url.startswith("memory://"):
        broker: dramatiq.Broker = StubBroker()
        broker.emit_after("process_boot")
        return broker
    if url.startswith(("redis://", "rediss://", "unix://")):
        from dramatiq.brokers.redis import RedisBroker

        return RedisBroker(url=url)  # type: ignore[no-untyped-call]
    if url.startswith(("amqp://", "amqps://")):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        return RabbitmqBroker(url=url)
    raise ConfigError(f"OMS_BROKER_URL {url!r}: use memory://, redis://… or amqp://…")


def make_reader(
    clock: Callable[[], datetime], more: Sequence[Parser] = ()
) -> Callable[[InboundDocument], ParseResult]:
    # `more`: the page readers (oms.ocr.ocr_parsers): PDF text layer with OCR for its blank pages,
    # image-only PDFs and fax/scan images by OCR
    registry = ParserRegistry([EdifactParser(), XlsxParser(), CsvParser(), QuoteAcceptanceParser(), *more])
    # an e-mail's attachments go back through the same registry (readers never import each other)
    registry.register(EmailParser(read_attachment=registry.parse))

    def read(doc: InboundDocument) -> ParseResult:
        return registry.parse(doc, ParseContext(today=clock()))

    return read


@dataclass
class App:
    """The wired system: what `oms` commands, the web app and the workers use."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    broker: dramatiq.Broker
    clock: Callable[[], datetime] = utcnow
    jobs: Jobs = field(init=False)
    bus: MessageBus = field(init=False)
    channels: ChannelRegistry = field(init=False)
    lifecycle: Lifecycle = field(init=False)
    billing: Billing = field(init=False)
    purchasing: Purchasing = field(init=False)
    sales: Sales = field(init=False)
    reporting: Reporting = field(init=False)
    read: Callable[[InboundDocument], ParseResult] = field(init=False)
    ocr: PageOcr = field(init=False)
    claims: ReadingClaims = field(init=False)

    def __post_init__(self) -> None:
        self.master_memo = MasterMemo()
        self.claims = ReadingClaims(self.engine)  # which documents a live worker is reading
        self.ocr = TimedOcr(page_engine(self.settings))  # a process pool starts on the first page read
        self.read = timed_reader(make_reader(self.clock, ocr_parsers(self.settings, self.ocr)))
        self.channels = register_channels(self.settings, self.clock)
        self.channels.open(ChannelHost(self.submit, self.uow, self.clock))
        # billing's credit and payment policy decides approval, and its close gate keeps unsettled
        # orders open: the lifecycle gets both from here, billing never reaches into it
        policy = PaymentPolicy(self.clock)
        wiring = Wiring(self.uow, self.clock, self.publish, self.channels)
        self.lifecycle = Lifecycle(wiring, policy, close_gate)
        four_eyes = FourEyes(above=self.settings.second_approval_above)
        self.billing = Billing(wiring, policy, self.settings.data_dir, four_eyes)
        limits = Limits(max_pages=self.settings.max_pages, max_pixels=self.settings.max_page_pixels)
        scans = Scans(self.ocr, limits)  # a supplier's fax or scan: the OCR engine customers' faxes use
        self.purchasing = Purchasing(wiring, self.settings.purchase_price_tolerance, scans)
        self.sales = Sales(self.uow, self.clock, self.publish, self.submit)
        self.reporting = Reporting(wiring)
        table = job_table(
            self.process,
            self.deliver,
            self.lifecycle.service,
            self.billing.service,
            self.purchasing.service,
            self.deliver_message,
            self.reporting.upkeep,
            self.render_queued,
            self.refresh_queued,
        )
        self.jobs = Jobs(self.broker, table)
        # on the in-process queue every render or refresh job queued here runs here: one takes up the
        # others' documents (oms/backlog.py); a broker's jobs may run in any process, so not there
        embedded = self.settings.embedded
        self.render_backlog = Backlog(RENDER_JOB) if embedded else None
        self.refresh_backlog = Backlog(REFRESH_JOB) if embedded else None
        sends: Sends = self.jobs
        for backlog in (self.render_backlog, self.refresh_backlog):
            sends = backlog.noting(sends) if backlog is not None else sends
        deps = Deps(sends, auto_fulfil=self.settings.auto_fulfil)
        self.bus = MessageBus(bind(EVENT_HANDLERS, deps))
        self._stop = threading.Event()
        self._collected: dict[int, DocumentState] = {}  # documents a collecting job stored, finished
        self._collected_lock = threading.Lock()

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory, tuple(self.channels))

    def reading_uow(self, *, reads_only: bool = False) -> UnitOfWork:
        """A unit of work that reads master data without changing it (processing an arrival): what
        it reads is remembered by this process until any writer of master data moves the stamp.
        `reads_only`: it writes nothing at all (see `UnitOfWork`)."""
        return UnitOfWork(self.session_factory, tuple(self.channels), self.master_memo, reads_only=reads_only)

    def publish(self, events: list[object]) -> None:
        """Events after commit go to the bus, whose handlers queue the jobs they ask for."""
        self.bus.publish(events)

    # -- handlers ----------------------------------------------------------------------------
    def submit(self, doc: InboundDocument) -> int:
        with logs.context(channel=str(doc.channel)):
            document_id = intake.store_arrival(self.uow(), doc, self.publish)
            with logs.context(document_id=document_id):
                log.info("stored %s", doc.original_name or "an arrival")
        return document_id

    def processor(self) -> DocumentProcessor:
        return DocumentProcessor(
            uow=self.reading_uow(),
            read=self.read,
            validate=self.validate,
            edi_answers=self.channels.interchange_writers(),
            clock=self.clock,
            publish=self.publish,
            max_attempts=self.settings.max_attempts,
            max_document_bytes=self.settings.max_document_bytes,
            responders=self.channels.responders(),
            claims=self.claims,
            screen=self._screen,
            collect=Collector(self.collect_size, self.claims),
        )

    @cached_property
    def collect_size(self) -> int:
        """How many e-mails one processing job takes up at most (`OMS_COLLECT_DOCUMENTS`). On
        PostgreSQL the batch's reading claims hold a pooled connection while it is read (one for the
        batch, `ReadingClaims.take_many`; one each before), beside the job's own claim, its
        transaction's connection and the sweep's: every worker thread's batch at once must fit in the
        process's pool, so many threads collect fewer (or none)."""
        wanted = self.settings.collect_documents
        if not on_postgresql(self.engine):
            return wanted
        room = (POOL_SIZE + POOL_OVERFLOW - 1) // self.settings.worker_threads - 2
        return max(1, min(wanted, room))

    def _screen(self, uow: CaptureUnitOfWork, record: DocumentRecord) -> Callable[[], DocumentState] | None:
        """Processing's first look at a document (its row held): the log lines get its channel, and a
        supplier's answer goes to purchasing instead (one transaction and one read of the row for
        both; each had its own before)."""
        logs.annotate(channel=str(record.channel))
        assert isinstance(uow, UnitOfWork)
        return self.purchasing.screen(uow, record)

    def process(self, document_id: int) -> DocumentState:
        """A supplier's answer goes to purchasing; every other arrival is read as an order."""
        with logs.context(document_id=document_id):
            finished = self._finished_here(document_id)
            if (
                finished is not None
            ):  # collected and stored by a job of this process: a finished state is final
                log.info("document %s (stored with another)", finished)
                return finished
            processor = self.processor()
            state = processor.process(document_id)
            outcomes = processor.outcomes  # every document this call stored, those it collected too
            if document_id not in outcomes and state.finished:
                with self.uow() as uow:  # not stored by this call: the database says what was
                    decided = list(uow.orders.decisions_for_document(document_id))
                self._log_orders(document_id, decided)
            for stored, outcome in outcomes.items():
                self._log_orders(stored, outcome.orders)
            for stored in processor.stored_together:
                if stored != document_id:
                    self._finished_here(stored, processor.stored_together[stored])
            log.info("document %s", state)
            # an e-mail's reply is a draft, sent by the job that renders it: nothing to send here
            for stored, outcome in outcomes.items():
                if outcome.answers_queued and stored != document_id:
                    self._deliver_now(stored)
            # a document another live worker is reading: that worker sends its answers (its commit
            # queues their delivery too; were it to die, the job comes again and this one sends them)
            if (
                state is DocumentState.PROCESSED
                and not processor.held_elsewhere
                and (document_id not in outcomes or outcomes[document_id].answers_queued)
            ):
                self._deliver_now(document_id)
        return state

    def _finished_here(self, document_id: int, state: DocumentState | None = None) -> DocumentState | None:
        """The finished state a collecting job of this process committed for a document, once: its own
        job, run after, then leaves it without a transaction. With `state`: remember it."""
        with self._collected_lock:
            if state is not None:
                self._collected[document_id] = state
                while len(self._collected) > 4096:
                    del self._collected[next(iter(self._collected))]
                return state
            return self._collected.pop(document_id, None)

    @staticmethod
    def _log_orders(document_id: int, decided: Sequence[tuple[int, str | None, object, object]]) -> None:
        with logs.context(document_id=document_id):
            for order_id, po_number, decision, order_state in decided:
                with logs.context(order_id=order_id):
                    log.info("order %s %s: %s", po_number or "", decision, order_state)

    def _deliver_now(self, document_id: int) -> None:
        """Send a processed document's answers in the job that made them. The `deliver_answers` job its
        commit queued stays the guarantee: it retries what fails here and finds nothing left when this
        sent everything. Without this the answers waited for a second job, which on a busy worker
        queued behind the reporting refreshes the same commit set off (measured: up to half a second
        after a 300-message interchange's orders were committed)."""
        try:
            self.deliver(document_id)
        except Exception as exc:  # the queued job sends them, or says why not
            log.warning("answers of document %s left to the delivery job: %s", document_id, exc)

    def answer(self, uow: CaptureUnitOfWork, order: Order, now: datetime) -> int:
        """Queue the answer to an order decided in review (the caller commits and publishes)."""
        return self.processor().answer_decided(uow, order, now)

    def validate(self, order: CapturedOrder, master: MasterData, today: date) -> ResolvedOrder:
        return validate(order, master, today, ours=self.ours, price_tolerance=self.settings.price_tolerance)

    @cached_property
    def ours(self) -> OwnIdentity:
        """Our own identifiers (settings, and the address our replies come from): never a customer's.

        Made once per app (the settings are frozen): validation asks for them for every order, and a
        thousand-message interchange folded the same phone numbers a thousand times."""
        s = self.settings
        address = parseaddr(s.mail_from)[1]
        return OwnIdentity.of(
            vat=s.company_vat, gln=s.company_gln, numbers=s.company_phone, emails=[address] if address else []
        )

    def deliver(self, document_id: int) -> int:
        senders = self.channels.senders()
        return delivery.deliver_for_document(self.uow(), document_id, senders, self.clock)

    def render_answers(self, document_ids: int | Sequence[int]) -> int:
        """Render documents' drafted answers, then send what is pending (`batched_jobs.render_answers`)."""
        return batched_jobs.render_answers(self, document_ids)

    def render_queued(self, document_ids: Sequence[int]) -> int:
        """The render job, taking up those queued behind it (`batched_jobs.render_queued`)."""
        return batched_jobs.render_queued(self, document_ids)

    def refresh_queued(self, document_ids: Sequence[int]) -> int:
        """The report refresh job, taking up those queued behind it (`batched_jobs.refresh_queued`)."""
        return batched_jobs.refresh_queued(self, document_ids)

    def deliver_message(self, message_id: int) -> int:
        senders = self.channels.senders()
        return delivery.deliver_message(self.uow(), message_id, senders, self.clock)

    # -- recovery (oms.recovery) -------------------------------------------------------------
    def requeue_unfinished(self, *, everything: bool = False) -> int:
        """Queue again what the database says is unfinished (`recovery.requeue_unfinished`)."""
        return recovery.requeue_unfinished(self, everything=everything)

    def import_partners(self, text: str) -> tuple[int, int]:
        """`oms import partners`: configure the partners, then render at once the notices that were held
        because their order's partner was not configured (not only at the next sweep); returns
        (created, updated)."""
        created, updated = import_partners(self.uow(), text)
        self.release_held_notices()
        return created, updated

    def release_held_notices(self) -> int:
        """Queue again every order with notices still pending (`recovery.release_held_notices`)."""
        return recovery.release_held_notices(self)

    def start_sweeper(self) -> threading.Thread:
        def loop() -> None:
            while not self._stop.wait(self.settings.sweep_seconds):
                try:
                    self.requeue_unfinished()
                    self.channels.tick(self.clock())  # the channels' periodic work (AS2: overdue MDNs)
                    self.purchasing.tick(self.settings.purchasing_auto_plan)  # the nightly plan, once
                except Exception:
                    log.exception("sweep failed; trying again later")

        thread = threading.Thread(target=loop, name="oms-sweeper", daemon=True)
        thread.start()
        return thread

    def worker(self) -> Worker:
        return Worker(
            self.broker,
            worker_threads=self.settings.worker_threads,
            worker_timeout=idle_wait_ms(self.settings.embedded),
        )

    def run_jobs(self) -> None:
        """On the embedded queue nobody else runs the jobs a step queued: run them now."""
        if self.settings.embedded:
            drain(self.broker, self.settings.worker_threads)

    @property
    def review_sla(self) -> SlaSettings:
        """The review queue's SLA the workload forecast staffs for."""
        s = self.settings
        return SlaSettings(s.review_sla_minutes, s.review_sla_share, s.review_handle_minutes)

    @property
    def login_policy(self) -> LoginPolicy:
        return LoginPolicy(
            self.settings.login_max_failures, timedelta(minutes=self.settings.login_lock_minutes)
        )

    def readiness(self) -> list[Check]:
        """The checks of /ready and `oms doctor`: database, broker, Tesseract, folders, SMTP receiver."""
        return run_checks(self.settings, self.engine)

    def metrics(self) -> bytes:
        """/metrics: this process's timings and the database's counts, in Prometheus' text format."""
        return exposition(self.engine, self.clock)

    def serve_worker_metrics(self) -> Callable[[], None]:
        """With OMS_WORKER_METRICS_PORT, this process's timings on 127.0.0.1:that port; what stops it."""
        port = self.settings.worker_metrics_port
        if not port:
            return lambda: None
        log.info("worker metrics on http://127.0.0.1:%s/metrics", port)
        return serve_process_metrics(port)

    def metrics_allowed(self, address: str | None, token: str | None) -> bool:
        s = self.settings
        return metrics_allowed(s.metrics_allow, s.metrics_token, address, token)

    def upgrade_database(self) -> None:
        migrate.upgrade(self.engine)

    def close(self) -> None:
        self._stop.set()
        self.channels.close()
        self.broker.close()
        self.engine.dispose()
        close_ocr = getattr(self.ocr, "close", None)
        if close_ocr is not None:
            close_ocr()


def bootstrap(settings: Settings | None = None, *, clock: Callable[[], datetime] = utcnow) -> App:
    """Build the application from settings (the environment when none are given)."""
    settings = settings or Settings.from_env()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per page, pages in parallel
    engine = make_engine(settings.database_url, durable=settings.durable_writes)
    return App(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        broker=make_broker(settings.broker_url),
        clock=clock,
    )
