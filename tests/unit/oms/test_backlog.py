"""The render jobs a process queued, counted by document: one that starts takes the others' documents
up, and theirs then end at once; given back when it fails."""

from __future__ import annotations

from typing import Any

from oms.backlog import REFRESH_JOB, RENDER_JOB, Backlog, RenderBacklog


class Sent:
    def __init__(self) -> None:
        self.jobs: list[tuple[str, Any]] = []

    def send(self, name: str, ident: Any) -> None:
        self.jobs.append((name, ident))


def queued(backlog: RenderBacklog, *jobs: list[int]) -> Sent:
    sent = Sent()
    for ids in jobs:
        backlog.noting(sent).send(RENDER_JOB, ids)
    return sent


def test_the_first_job_takes_up_the_documents_of_the_jobs_behind_it_and_theirs_end_at_once() -> None:
    backlog = RenderBacklog()
    sent = queued(backlog, [1, 2], [3], [4])
    assert [ids for _, ids in sent.jobs] == [[1, 2], [3], [4]]  # each still queued as it was
    assert backlog.start([1, 2]) == ([1, 2], {3: 1, 4: 1})
    assert backlog.start([3]) == ([], {})
    assert backlog.start([4]) == ([], {})


def test_other_jobs_are_not_counted() -> None:
    backlog = RenderBacklog()
    sent = Sent()
    backlog.noting(sent).send("deliver_answers", 5)
    assert sent.jobs == [("deliver_answers", 5)]
    assert backlog.start([6]) == ([6], {})  # a job nobody counted (a retry, another sender's): renders


def test_a_job_queued_after_its_document_was_taken_up_renders_it() -> None:
    backlog = RenderBacklog()
    queued(backlog, [1], [2])
    assert backlog.start([1]) == ([1], {2: 1})
    queued(backlog, [2])  # a draft made after: its job queued after the document was taken up
    # two jobs for document 2 and one taken unit: whichever starts first ends, the other renders it
    assert backlog.start([2]) == ([], {})
    assert backlog.start([2]) == ([2], {})


def test_a_failed_job_gives_back_what_it_took_up() -> None:
    backlog = RenderBacklog()
    queued(backlog, [1], [2], [3])
    own, taken = backlog.start([1])
    assert (own, taken) == ([1], {2: 1, 3: 1})
    assert backlog.start([2]) == ([], {})  # started meanwhile on the other thread: ended at once
    # document 2's job has ended: it must be queued again; document 3's job renders it itself
    assert backlog.give_back(taken) == [2]
    assert backlog.start([3]) == ([3], {})


def test_a_job_takes_up_at_most_so_many_documents() -> None:
    backlog = RenderBacklog(most=3)
    queued(backlog, [1, 2], [3], [4], [5])
    assert backlog.start([1, 2]) == ([1, 2], {3: 1})
    assert backlog.start([3]) == ([], {})
    assert backlog.start([4]) == ([4], {5: 1})


def test_each_kinds_backlog_counts_its_own_jobs_through_one_sender() -> None:
    # the report refresh is counted by the same rule as the render, each kind apart
    renders, refreshes = Backlog(RENDER_JOB), Backlog(REFRESH_JOB)
    sent = Sent()
    sends = refreshes.noting(renders.noting(sent))
    for ids in ([1], [2]):
        sends.send(RENDER_JOB, ids)
        sends.send(REFRESH_JOB, ids)
    sends.send(REFRESH_JOB, [3])
    assert sent.jobs == [
        (RENDER_JOB, [1]),
        (REFRESH_JOB, [1]),
        (RENDER_JOB, [2]),
        (REFRESH_JOB, [2]),
        (REFRESH_JOB, [3]),
    ]
    assert refreshes.start([2]) == ([2], {1: 1, 3: 1})  # the refreshes of 1 and 3, not a render
    assert renders.start([1]) == ([1], {2: 1})
    assert refreshes.start([1]) == ([], {})
    assert refreshes.start([3]) == ([], {})
    assert renders.start([2]) == ([], {})
