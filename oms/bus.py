"""The message bus: events published after commit go to every handler that subscribed to them.

The table (`oms.handlers.EVENT_HANDLERS`) says which handlers an event reaches and in what order; the
bus runs them all, each on its own, so one that fails (a broker that did not answer) neither stops
the others nor the caller: the rows stay the truth and the periodic sweep queues the work again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

log = logging.getLogger(__name__)

Handler = Callable[[Any], None]


class MessageBus:
    """Events in, handlers called: every subscriber of the event's type (and of its base types), in order."""

    def __init__(self, handlers: Mapping[type, Sequence[Handler]]) -> None:
        self.handlers = {kind: tuple(chain) for kind, chain in handlers.items()}

    def handlers_for(self, event: object) -> list[Handler]:
        return [h for kind in type(event).__mro__ for h in self.handlers.get(kind, ())]

    def publish(self, events: Iterable[object]) -> None:
        for event in events:
            for handler in self.handlers_for(event):
                try:
                    handler(event)
                except Exception:  # the row is the truth; the sweep will queue it again
                    log.exception("could not handle %r with %s; the sweep will retry", event, _name(handler))


def _name(handler: Handler) -> str:
    return getattr(handler, "__qualname__", None) or repr(handler)
