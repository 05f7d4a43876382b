"""What every `oms` command module shares: the usage error, reading input files, argument types, a
progress bar for the long ones, and `step`, which runs one action of a command the way every command
does."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeAlias, TypeVar

from core.kernel.errors import ComandaError
from oms.bootstrap import App

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ACTOR = "cli"
EXIT_BAD_INPUT = 2
Command = Callable[[App, argparse.Namespace], int]
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
T = TypeVar("T")


def po_ident(text: str) -> int | str:
    """A purchase order named on the command line: its id when all figures, else its number."""
    return int(text) if text.isdigit() else text


class UsageError(Exception):
    """Bad arguments, unreadable input, or a step the system refused: exit status 2 with the reason."""


def step(app: App, action: Callable[[], T]) -> T:
    """Run one action on the newest schema; what the system refuses is a usage error; then the jobs
    it queued run (on the embedded queue nobody else would)."""
    app.upgrade_database()
    try:
        result = action()
    except ComandaError as exc:
        raise UsageError(str(exc)) from exc
    app.run_jobs()
    return result


Advance = Callable[[int, int], None]  # (done, total)


@contextmanager
def progress(label: str, console: object | None = None) -> Iterator[Advance]:
    """A progress bar with counts and the time left, on standard error; nothing at all when standard
    output or error is not a terminal (a pipe, a file, a service's journal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if console is None:
        if not (sys.stdout.isatty() and sys.stderr.isatty()):
            yield lambda done, total: None
            return
        console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as bar:  # type: ignore[arg-type]
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def read_inputs(files: Sequence[str]) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for name in files:
        try:
            out.append((name, Path(name).read_bytes()))
        except OSError as exc:
            raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from exc
    return out


def decimal_arg(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a decimal number") from None


def day_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
