"""`oms ingest` and `oms extract`: files in as if they had arrived, or read and printed, storing nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.capture.domain.documents import Channel, InboundDocument
from oms.bootstrap import App
from oms.cli.common import Command, SubParsers, read_inputs


def cmd_ingest(app: App, args: argparse.Namespace) -> int:
    inputs = read_inputs(args.files)
    app.upgrade_database()
    channel = Channel(args.channel)
    ids = []
    for name, content in inputs:
        doc = InboundDocument(
            channel=channel, content=content, received_at=app.clock(), original_name=Path(name).name
        )
        ids.append((name, app.submit(doc)))
    if app.settings.embedded:
        # no separate worker will see an in-memory queue: do the work here, now
        for _name, doc_id in ids:
            app.process(doc_id)
            app.deliver(doc_id)
    with app.uow() as uow:
        for name, doc_id in ids:
            record = uow.documents.get(doc_id)
            assert record is not None
            orders = len(uow.orders.for_document(doc_id))
            reason = f" ({record.error})" if record.error else ""
            print(f"{name}: document {doc_id} {record.state}{reason}, {orders} order(s)")
    return 0


def cmd_extract(app: App, args: argparse.Namespace) -> int:
    from oms.extract import extract_files

    inputs = read_inputs(args.files)
    json.dump(extract_files(app, inputs, args.channel), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add the capture commands to the `oms` parser; returns their handlers by name."""
    ing = sub.add_parser("ingest", help="submit files as if they had arrived on a channel")
    ing.add_argument("files", nargs="+")
    ing.add_argument("--channel", choices=[c.value for c in Channel], default="edi")
    ext = sub.add_parser("extract", help="read files and print what was read; stores nothing")
    ext.add_argument("--json", action="store_true", required=True, help="print JSON (the only format)")
    ext.add_argument("files", nargs="+")
    ext.add_argument("--channel", choices=[c.value for c in Channel], default=None)
    return {"ingest": cmd_ingest, "extract": cmd_extract}
