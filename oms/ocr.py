"""The OCR engine the composition root injects: pages read in parallel by a pool of worker processes.

The pool is created on the first page to read, never at import or start-up, and sized to the cores.
Each worker runs Tesseract with OMP_THREAD_LIMIT=1: parallelism comes from pages, not threads, so
two pages on two cores do not fight over four threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from multiprocessing.context import BaseContext

from core.capture.domain.layout import PageWords
from core.kernel.errors import ParseError
from oms.settings import Settings
from parsers.base import Parser
from parsers.ocr.engine import OcrOptions, PageOcr, SerialTesseract, ocr_page
from parsers.ocr.images import Limits, PageImage
from parsers.ocr.parser import ImageOcrParser, PdfOcrParser, PdfPageReader
from parsers.pdf_text import PdfTextParser

log = logging.getLogger(__name__)


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


OWNER_CHECK = 2.0  # seconds between a worker's looks at whether the process that owns its pool still lives


def _worker_init(owner: int) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # A pool's worker waits on its call queue, of which it holds both ends, so the death of the process
    # that owns the pool (killed with SIGKILL, say) never reaches it: it and the forkserver it keeps alive
    # would idle on, each with Tesseract loaded, until the machine restarts. It ends itself instead.
    threading.Thread(target=_end_with, args=(owner,), name="ocr-owner-watch", daemon=True).start()


def _end_with(owner: int) -> None:
    while _alive(owner):
        time.sleep(OWNER_CHECK)
    os._exit(0)  # nothing of the owner's is left to answer: no cleanup to run


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user (not ours, but not gone either)
        return True
    return True


class PooledTesseract:
    """A `PageOcr` that spreads the pages of a document over worker processes, keeping their order."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or usable_cores()
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # forkserver: workers do not inherit the web server's and job threads' locks
                context: BaseContext
                if "forkserver" in multiprocessing.get_all_start_methods():
                    server = multiprocessing.get_context("forkserver")
                    server.set_forkserver_preload(["parsers.ocr.engine"])  # loaded once, in the server
                    context = server
                else:
                    context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=context, initializer=_worker_init, initargs=(os.getpid(),)
                )
            return self._pool

    def _reset(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        for attempt in (1, 2):
            pool = self._executor()
            try:
                return list(pool.map(ocr_page, pages, repeat(options)))
            except BrokenProcessPool as exc:
                # a worker died (killed, out of memory): start afresh once, then give the page up
                self._reset(pool)
                log.warning("an OCR worker died (attempt %s): %s", attempt, exc)
        raise ParseError("the OCR worker died twice while reading this document")

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def page_engine(settings: Settings) -> PageOcr:
    """One worker: pages in this process, one after the other; more: a pool of that many processes."""
    workers = settings.ocr_workers or usable_cores()
    return SerialTesseract() if workers == 1 else PooledTesseract(workers)


def ocr_parsers(settings: Settings, engine: PageOcr) -> list[Parser]:
    """The page readers: fax/scan images and image-only PDFs by OCR, PDFs with text through their text
    layer (their pages without text by OCR), all reading through `engine` within the settings' limits."""
    limits = Limits(max_pages=settings.max_pages, max_pixels=settings.max_page_pixels)
    return [
        ImageOcrParser(engine, limits=limits),
        PdfOcrParser(engine, limits=limits),
        PdfTextParser(PdfPageReader(engine, limits), max_pages=settings.max_pages),
    ]
