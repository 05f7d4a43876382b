"""`oms catalogue …`: a season's catalogue for a customer group, published with a link, as a PDF and
as PRICAT to EDI partners; products' attributes and pictures."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.catalog.services import catalogues
from oms.bootstrap import App
from oms.cli.common import ACTOR, Command, SubParsers, UsageError, day_arg, read_inputs, step
from outbound.catalogue_pdf import render_catalogue


def cmd_catalogue(app: App, args: argparse.Namespace) -> int:
    action = args.catalogue
    if action == "publish":
        valid = (args.valid_from, args.valid_to)
        made, token = step(
            app,
            lambda: catalogues.publish(
                app.uow(),
                args.name,
                args.season,
                valid,
                ACTOR,
                app.clock(),
                group=args.group,
                currency=args.currency,
                categories=args.categories or "",
            ),
        )
        link = f"/catalogue/{args.group or 'all'}?token={token}"
        print(f"catalogue {made.id} published; its link (shown once): {link}")
    elif action == "list":
        app.upgrade_database()
        with app.uow() as uow:
            for c in uow.catalogues.all():
                print(
                    f"{c.id}\t{c.name}\t{c.season}\t{c.group_code or 'all'}\t{c.valid_from} to {c.valid_to}"
                )
    elif action in ("show", "pdf"):
        app.upgrade_database()
        with app.uow() as uow:
            found = uow.catalogues.get(args.id)
            if found is None:
                raise UsageError(f"no catalogue {args.id}")
            listed = catalogues.shown(uow, found, max(app.clock().date(), found.valid_from))
            if action == "show":
                for e in listed:
                    offers = "; ".join(e.promotions)
                    print(f"{e.category or '-'}\t{e.sku}\t{e.name}\t{e.price} {found.currency}\t{offers}")
                return 0
            pdf = render_catalogue(found, listed, catalogues.pictures(uow, listed), args.language)
            Path(args.out).write_bytes(pdf)
        print(f"catalogue {args.id} written to {args.out}")
    elif action == "pricat":
        sent = step(app, lambda: app.sales.send_pricat(args.id))
        print(f"PRICAT queued for {len(sent)} partner(s): {', '.join(sent) or 'none orders for this group'}")
    elif action == "attributes":
        created, updated = step(
            app,
            lambda: catalogues.import_attributes(app.uow(), read_inputs([args.file])[0][1].decode("utf-8")),
        )
        print(f"attributes: {created} created, {updated} updated")
    elif action == "image":
        content = read_inputs([args.file])[0][1]
        kind = step(app, lambda: catalogues.put_image(app.uow(), args.sku, content))
        print(f"{args.sku}: picture ({kind}) kept")
    return 0


def add_commands(sub: SubParsers) -> dict[str, Command]:
    """Add `oms catalogue …`; returns its handler."""
    catalogue = sub.add_parser("catalogue", help="catalogues per customer group and season")
    c = catalogue.add_subparsers(dest="catalogue", required=True)
    a = c.add_parser("publish", help="a new catalogue and its link")
    a.add_argument("name")
    a.add_argument("--season", required=True)
    a.add_argument("--from", dest="valid_from", type=day_arg, required=True)
    a.add_argument("--to", dest="valid_to", type=day_arg, required=True)
    a.add_argument("--group", help="the customer group (default: every customer, base prices)")
    a.add_argument("--currency", default="EUR")
    a.add_argument("--categories", help="only these categories, comma-separated")
    c.add_parser("list", help="the catalogues, newest first")
    a = c.add_parser("show", help="a catalogue's products and prices today")
    a.add_argument("id", type=int)
    a = c.add_parser("pdf", help="write a catalogue as PDF")
    a.add_argument("id", type=int)
    a.add_argument("--out", required=True)
    a.add_argument("--language", choices=["es", "en"], default="es")
    a = c.add_parser("pricat", help="send a catalogue as PRICAT to the group's EDI partners")
    a.add_argument("id", type=int)
    a = c.add_parser("attributes", help="products' attributes from sku,attribute,value")
    a.add_argument("file")
    a = c.add_parser("image", help="a product's picture (PNG or JPEG, up to 1 MB)")
    a.add_argument("sku")
    a.add_argument("file")
    return {"catalogue": cmd_catalogue}
