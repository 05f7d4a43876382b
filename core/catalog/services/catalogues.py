"""Publishing catalogues: a season's catalogue for a customer group with a link to open it, its
entries worked out from today's prices and promotions, products' attributes and pictures, and the
PRICAT that goes to every EDI partner ordering for a customer of the group."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime

from core.catalog.domain.catalogue import Attribute, Catalogue, Entry, entries, token_hash
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.kernel.domain.events import MessageQueued
from core.kernel.domain.model import OutboundMessage, Partner
from core.kernel.errors import MasterDataError, NotFound, SalesError
from core.kernel.services.setup_csv import open_csv

MAX_IMAGE_BYTES = 1024 * 1024
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
ATTRIBUTE_COLUMNS = ("sku", "attribute", "value")
WritePricat = Callable[[Catalogue, list[Entry], Partner, str, datetime], OutboundMessage]


def publish(
    uow: CatalogUnitOfWork,
    name: str,
    season: str,
    valid: tuple[date, date],
    by: str,
    now: datetime,
    *,
    group: str | None = None,
    currency: str = "EUR",
    categories: str = "",
) -> tuple[Catalogue, str]:
    """A new catalogue and the token of its link (shown once; only its hash is kept)."""
    token = secrets.token_urlsafe(24)
    with uow:
        if group is not None and group not in {g.group_code for g in uow.master.groups()}:
            raise NotFound(f"no customer group {group}")
        catalogue = Catalogue(
            name=name.strip() or season,
            season=season.strip(),
            currency=currency.upper(),
            valid_from=valid[0],
            valid_to=valid[1],
            created_at=now,
            created_by=by,
            token_sha256=token_hash(token),
            group_code=group,
            categories=categories,
        )
        uow.catalogues.add(catalogue)
        uow.commit()
    return catalogue, token


def shown(uow: CatalogUnitOfWork, catalogue: Catalogue, on: date) -> list[Entry]:
    """The catalogue's entries on a day (within an open unit of work)."""
    return entries(
        catalogue,
        uow.master.products(),
        uow.master.price_rows(),
        uow.master.categories(),
        uow.master.promotions(),
        uow.catalogues.attributes(),
        uow.catalogues.skus_with_image(),
        on=on,
    )


def pictures(uow: CatalogUnitOfWork, listed: list[Entry]) -> dict[str, bytes]:
    """The pictures of the entries that have one, by SKU (for the PDF)."""
    found = {}
    for entry in listed:
        image = uow.catalogues.image(entry.sku) if entry.has_image else None
        if image is not None:
            found[entry.sku] = image[1]
    return found


def opened(uow: CatalogUnitOfWork, group: str, token: str, on: date) -> tuple[Catalogue, list[Entry]]:
    """The group's current catalogue the link's token opens ("all": the catalogue for everyone); a
    wrong token, an ended catalogue or an unknown group are all the same "not found"."""
    code = None if group == "all" else group
    for catalogue in uow.catalogues.current_for(code, on):
        if catalogue.opens_with(token):
            return catalogue, shown(uow, catalogue, on)
    raise NotFound(f"no current catalogue for {group} opens with this link")


def import_attributes(uow: CatalogUnitOfWork, text: str) -> tuple[int, int]:
    """`sku,attribute,value` rows (colour, size, material…); nothing is loaded from a file with errors."""
    header, rows = open_csv(text)
    if tuple(header) != ATTRIBUTE_COLUMNS:
        raise MasterDataError(f"the header must be {','.join(ATTRIBUTE_COLUMNS)}")
    created = updated = 0
    with uow:
        for number, row in rows:
            sku, name, value = ((row.get(c) or "").strip() for c in ATTRIBUTE_COLUMNS)
            if not (sku and name and value):
                raise MasterDataError(f"row {number}: sku, attribute and value are all needed")
            if uow.master.product(sku) is None:
                raise MasterDataError(f"row {number}: no product {sku}")
            if len(name) > 64 or len(value) > 256:
                raise MasterDataError(f"row {number}: attribute names fit 64 characters, values 256")
            if uow.catalogues.put_attribute(Attribute(sku, name, value)):
                created += 1
            else:
                updated += 1
        uow.commit()
    return created, updated


def put_image(uow: CatalogUnitOfWork, sku: str, content: bytes) -> str:
    """A product's picture (PNG or JPEG, up to 1 MB); returns its media type."""
    media_type = next((t for magic, t in IMAGE_TYPES.items() if content.startswith(magic)), None)
    if media_type is None:
        raise SalesError("a product picture is a PNG or a JPEG")
    if len(content) > MAX_IMAGE_BYTES:
        raise SalesError(f"a product picture is at most {MAX_IMAGE_BYTES // 1024} kB")
    with uow:
        if uow.master.product(sku) is None:
            raise NotFound(f"no product {sku}")
        uow.catalogues.put_image(sku, media_type, content)
        uow.commit()
    return media_type


def partners_for(uow: CatalogUnitOfWork, catalogue: Catalogue) -> list[Partner]:
    """Configured EDI partners that order for a customer of the catalogue's group (any, for a
    catalogue for everyone)."""
    members = {g.customer_id for g in uow.master.groups() if g.group_code == catalogue.group_code}
    found = []
    for partner in uow.partners.configured():
        customers = [c for c in uow.master.customers() if partner.speaks_for(c)]
        if customers and (catalogue.group_code is None or any(c.customer_id in members for c in customers)):
            found.append(partner)
    return found


def send_pricat(uow: CatalogUnitOfWork, catalogue_id: int, write: WritePricat, now: datetime) -> list[str]:
    """Queue the catalogue as PRICAT to each of its partners (one interchange each, its own control
    reference), in one transaction; returns the partners' ids."""
    with uow:
        catalogue = uow.catalogues.get(catalogue_id)
        if catalogue is None:
            raise NotFound(f"no catalogue {catalogue_id}")
        if now.date() > catalogue.valid_to:
            raise SalesError(f"catalogue {catalogue.name!r} ended on {catalogue.valid_to.isoformat()}")
        listed = shown(uow, catalogue, max(now.date(), catalogue.valid_from))
        sent = []
        for partner in partners_for(uow, catalogue):
            message = write(catalogue, listed, partner, partner.take_control_ref(), now)
            uow.outbound.add(message)
            uow.flush()
            assert message.id is not None
            uow.emit(MessageQueued(message.id))
            sent.append(partner.partner_id)
        uow.commit()
    return sent
