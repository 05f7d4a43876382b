"""The message bus: events published after commit go to every handler that subscribed to them.

The table (`oms.handlers.EVENT_HANDLERS`) says which handlers an event reaches and in what order; the
bus runs them all, each on its own, so one that fails (a broker that did not answer) neither stops
the others nor the caller: the rows stay the truth and the periodic sweep queues the work again.

A handler may take its events `Together`: it is called once per `publish`, after the others, with
every event of that publish it subscribed to, in order. A step over 500 orders publishes a thousand
events; a handler that queues a job taking a list of ids then queues one job, not 500.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

log = logging.getLogger(__name__)

Handler = Callable[[Any], None]


class Together:
    """A handler given all the events of one `publish` it subscribed to, at once, in order."""

    def __init__(self, handle: Callable[[list[Any]], None]) -> None:
        self.handle = handle
        self.__qualname__ = _name(handle)

    def __call__(self, events: list[Any]) -> None:
        self.handle(events)


class MessageBus:
    """Events in, handlers called: every subscriber of the event's type (and of its base types), in order."""

    def __init__(self, handlers: Mapping[type, Sequence[Handler | Together]]) -> None:
        self.handlers = {kind: tuple(chain) for kind, chain in handlers.items()}

    def handlers_for(self, event: object) -> list[Handler | Together]:
        return [h for kind in type(event).__mro__ for h in self.handlers.get(kind, ())]

    def publish(self, events: Iterable[object]) -> None:
        together: dict[Together, list[object]] = {}  # in the order each was first reached
        for event in events:
            for handler in self.handlers_for(event):
                if isinstance(handler, Together):
                    together.setdefault(handler, []).append(event)
                else:
                    _run(handler, event)
        for batch, mine in together.items():
            _run(batch, mine)


def _run(handler: Handler, what: object) -> None:
    try:
        handler(what)
    except Exception:  # the row is the truth; the sweep will queue it again
        log.exception("could not handle %r with %s; the sweep will retry", what, _name(handler))


def _name(handler: Handler) -> str:
    return getattr(handler, "__qualname__", None) or repr(handler)
