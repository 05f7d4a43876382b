"""Allocation calls that arrive while another runs share its next batch, and each caller gets back
only what concerns its own orders (core.fulfilment.services.batching)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import pytest

from core.fulfilment.services.allocation import AllocationReport, part_of
from core.fulfilment.services.batching import Combiner


class Runs:
    """A stand-in for the allocation step: records each batch; the first one waits to be let go."""

    def __init__(self, fail_with: int | None = None) -> None:
        self.batches: list[tuple[list[int], str]] = []
        self.started, self.go = threading.Event(), threading.Event()
        self.fail_with = fail_with

    def __call__(self, ids: list[int], actor: str) -> AllocationReport:
        self.batches.append((list(ids), actor))
        if len(self.batches) == 1:
            self.started.set()
            assert self.go.wait(30)
        if self.fail_with in ids:
            raise ValueError(f"order {self.fail_with} is bad")
        return AllocationReport(states={i: f"allocated by {actor}" for i in ids})


def call_in_thread(
    combine: Combiner[AllocationReport], ids: Sequence[int], actor: str, out: dict
) -> threading.Thread:
    def run() -> None:
        try:
            out[tuple(ids)] = combine(ids, actor)
        except ValueError as exc:
            out[tuple(ids)] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def waiting(combine: Combiner[AllocationReport], count: int) -> None:
    """Until `count` calls wait for the running batch (no timing: the combiner's own state)."""
    while True:
        with combine._cond:
            if len(combine._pending) == count:
                return
        threading.Event().wait(0.001)


def test_calls_arriving_during_a_batch_run_together_next_and_each_gets_its_own_part() -> None:
    runs = Runs()
    combine: Combiner[AllocationReport] = Combiner(runs, part_of)
    out: dict = {}
    first = call_in_thread(combine, [1], "system", out)
    assert runs.started.wait(30)
    others = [call_in_thread(combine, [i], "system", out) for i in (2, 3, 4)]
    waiting(combine, 3)
    runs.go.set()
    for t in [first, *others]:
        t.join(30)
    assert runs.batches[0] == ([1], "system")
    assert sorted(runs.batches[1][0]) == [2, 3, 4] and len(runs.batches) == 2  # one batch for the three
    for i in (1, 2, 3, 4):
        assert out[(i,)].states == {i: "allocated by system"}  # nobody else's orders


def test_only_calls_by_the_same_actor_share_a_batch() -> None:
    runs = Runs()
    combine: Combiner[AllocationReport] = Combiner(runs, part_of)
    out: dict = {}
    first = call_in_thread(combine, [1], "system", out)
    assert runs.started.wait(30)
    others = [call_in_thread(combine, [2], "ana", out), call_in_thread(combine, [3], "system", out)]
    waiting(combine, 2)
    runs.go.set()
    for t in [first, *others]:
        t.join(30)
    assert sorted(sorted(b[0]) for b in runs.batches[1:]) == [[2], [3]]
    assert out[(2,)].states == {2: "allocated by ana"}


def test_a_failing_call_fails_alone_and_the_others_of_its_batch_are_allocated() -> None:
    runs = Runs(fail_with=3)
    combine: Combiner[AllocationReport] = Combiner(runs, part_of)
    out: dict = {}
    first = call_in_thread(combine, [1], "system", out)
    assert runs.started.wait(30)
    others = [call_in_thread(combine, [i], "system", out) for i in (2, 3, 4)]
    waiting(combine, 3)
    runs.go.set()
    for t in [first, *others]:
        t.join(30)
    assert isinstance(out[(3,)], ValueError)
    assert out[(2,)].states == {2: "allocated by system"} and out[(4,)].states == {4: "allocated by system"}


def test_a_call_alone_runs_at_once_and_its_error_is_its_own() -> None:
    runs = Runs(fail_with=9)
    runs.go.set()
    combine: Combiner[AllocationReport] = Combiner(runs, part_of)
    assert combine([5, 6], "system").states == {5: "allocated by system", 6: "allocated by system"}
    with pytest.raises(ValueError, match="order 9"):
        combine([9], "system")
    assert runs.batches == [([5, 6], "system"), ([9], "system")]


def test_a_batch_report_split_by_order() -> None:
    report = AllocationReport(
        allocated={1: {"1": "3"}, 2: {"1": "2"}},
        waiting={1: {}, 2: {"1": "1"}},
        skipped={3: "order is shipped"},
        states={1: "allocated", 2: "backordered"},
    )
    assert part_of(report, [2, 3]) == AllocationReport(
        allocated={2: {"1": "2"}},
        waiting={2: {"1": "1"}},
        skipped={3: "order is shipped"},
        states={2: "backordered"},
    )


def test_no_more_batches_run_at_once_than_it_has_slots() -> None:
    # two slots: while two batches run, a third waits; when one of the two ends, one slot is free,
    # not two, so of two callers waiting only one may start beside the batch still running
    lock = threading.Lock()
    gates = {actor: threading.Event() for actor in "abcd"}
    running: list[str] = []
    most = 0

    def run(ids: list[int], actor: str) -> AllocationReport:
        nonlocal most
        with lock:
            running.append(actor)
            most = max(most, len(running))
        assert gates[actor].wait(30)
        with lock:
            running.remove(actor)
        return AllocationReport(states={i: "allocated" for i in ids})

    def until(check: Callable[[], bool]) -> None:
        for _ in range(3000):
            with lock:
                if check():
                    return
            threading.Event().wait(0.01)
        raise AssertionError("the batches never got there")

    combine = Combiner(run, part_of, running=2)
    out: dict = {}
    threads = [call_in_thread(combine, [1], "a", out), call_in_thread(combine, [2], "b", out)]
    until(lambda: len(running) == 2)
    threads += [call_in_thread(combine, [3], "c", out), call_in_thread(combine, [4], "d", out)]
    gates["a"].set()
    until(lambda: "a" not in running and len(running) == 2)  # b, and one of c and d
    threading.Event().wait(0.3)  # time enough for a third batch to start, were a slot wrongly free
    with lock:
        assert len(running) == 2
    for gate in gates.values():
        gate.set()
    for t in threads:
        t.join(30)
    assert most == 2
    assert sorted(out) == [(1,), (2,), (3,), (4,)]


def test_a_call_on_its_way_while_the_free_caller_lets_others_in_joins_its_batch() -> None:
    # the workers of the batch that just ended come straight back with their next order; the caller
    # that finds the way free gives up the processor once first, and who arrives meanwhile rides along
    runs = Runs()
    runs.go.set()
    out: dict = {}
    arrivals: list[threading.Thread] = []

    def pause() -> None:
        if not arrivals:  # the first pause: another worker's call comes in during it
            arrivals.append(call_in_thread(combine, [2], "system", out))
            waiting(combine, 2)  # the free caller's own call and this one

    combine: Combiner[AllocationReport] = Combiner(runs, part_of, pause=pause)
    assert combine([1], "system").states == {1: "allocated by system"}
    arrivals[0].join(30)
    assert runs.batches == [([1, 2], "system")]  # one transaction for both, not two
    assert out[(2,)].states == {2: "allocated by system"}
