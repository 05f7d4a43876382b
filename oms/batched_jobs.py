"""The jobs that render drafted answers and refresh the reports of decided documents
(`App.render_queued`, `App.refresh_queued`): on the in-process queue each takes up the documents of the
same jobs queued behind it (`oms.backlog`), and gives them back if it fails."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from core.capture.services.answers import render_unlocked, store_rendered
from core.kernel.services import delivery
from core.unit_of_work import UnitOfWork
from oms.backlog import Backlog
from oms.reporting import Reporting
from oms.tasks import Jobs
from outbound.channel import ChannelRegistry

log = logging.getLogger(__name__)


class Batched(Protocol):
    """What of the wired app (`oms.bootstrap.App`) these jobs use, looked up when they run."""

    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def channels(self) -> ChannelRegistry: ...
    @property
    def jobs(self) -> Jobs: ...
    @property
    def reporting(self) -> Reporting: ...
    @property
    def render_backlog(self) -> Backlog | None: ...
    @property
    def refresh_backlog(self) -> Backlog | None: ...

    def uow(self) -> UnitOfWork: ...

    def reading_uow(self, *, reads_only: bool = False) -> UnitOfWork: ...

    def render_answers(self, document_ids: int | Sequence[int]) -> int: ...


def render_answers(app: Batched, document_ids: int | Sequence[int]) -> int:
    """Render documents' drafted answers (committed before anything is sent, so a worker killed
    in between leaves them pending and rendered), then send what is pending. It reads master data
    (customers, product names) without changing it: through the process's memo. Several documents
    (a publish's: the collector's batch) share one transaction to render and one to send.

    The rendering (the PDFs' layout, the MIME) runs in a transaction that only reads, and a short
    one keeps the content where the row is still a draft: on SQLite the writers (the SMTP
    receiver's 250 waits for one) no longer queue behind the layout. A spool's files are put in
    place and synced before the send's transaction, which then only marks them sent
    (`delivery.send_staged_ahead`)."""
    ids = [document_ids] if isinstance(document_ids, int) else list(document_ids)
    responders = app.channels.responders()
    with app.reading_uow(reads_only=True) as reading:
        contents = render_unlocked(reading, ids, responders)
    rendered = 0
    if contents:
        with app.uow() as uow:
            rendered = store_rendered(uow, contents)
            uow.commit()
    if rendered:
        log.info("rendered %s answer(s) of document(s) %s", rendered, ", ".join(map(str, ids)))
    return delivery.send_staged_ahead(
        app.reading_uow(reads_only=True), app.uow(), ids, app.channels.senders(), app.clock
    )


def render_queued(app: Batched, document_ids: Sequence[int]) -> int:
    """The render job: on the in-process queue it also renders the documents of the render jobs
    queued behind it (those jobs then end at once, `Backlog`), as `taken_up` says."""
    return taken_up(app, app.render_backlog, document_ids, app.render_answers, "answers")


def refresh_queued(app: Batched, document_ids: Sequence[int]) -> int:
    """The report refresh of decided documents: on the in-process queue it also refreshes the
    documents of the refresh jobs queued behind it, as the render job does (`taken_up`)."""
    return taken_up(app, app.refresh_backlog, document_ids, app.reporting.upkeep.refresh_documents, "reports")


def taken_up(
    app: Batched,
    backlog: Backlog | None,
    document_ids: Sequence[int],
    work: Callable[[list[int]], int],
    what: str,
) -> int:
    """A job of `backlog`'s kind: `work` on its own documents and those it takes up. If that fails,
    the documents taken up are given back to their jobs (a new job for those that ended) and this
    job works on its own alone, as the collector's job processes its own document alone again."""
    if backlog is None:
        return work(list(document_ids))
    own, taken = backlog.start(document_ids)
    if not own:
        log.info("%s of document(s) %s done by another job", what, ", ".join(map(str, document_ids)))
        return 0
    if not taken:
        return work(own)
    others = [doc for doc in taken if doc not in own]
    try:
        return work([*own, *others])
    except BaseException as exc:  # a time limit or a stop too: what was taken up goes back
        again = backlog.give_back(taken)
        if again:
            backlog.noting(app.jobs).send(backlog.job, again)
        if not others or not isinstance(exc, Exception):
            raise
        log.warning("%s of document(s) %s done alone: %s", what, ", ".join(map(str, own)), exc)
    return work(own)
