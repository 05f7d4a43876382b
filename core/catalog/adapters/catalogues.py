"""Catalogues, attributes and pictures as the catalogue pages, commands and writers look for them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from core.catalog.adapters.catalogue_orm import catalogues, product_attributes, product_images
from core.catalog.domain.catalogue import Attribute, Catalogue


class CatalogueRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, catalogue: Catalogue) -> None:
        self.session.add(catalogue)
        self.session.flush()

    def get(self, catalogue_id: int) -> Catalogue | None:
        return self.session.get(Catalogue, catalogue_id)

    def all(self) -> Sequence[Catalogue]:
        stmt = select(Catalogue).order_by(catalogues.c.id.desc())
        return self.session.scalars(stmt).all()

    def current_for(self, group_code: str | None, on: date) -> Sequence[Catalogue]:
        """The group's catalogues valid on the day ("-": the one for everyone), newest first."""
        group = catalogues.c.group_code
        stmt = (
            select(Catalogue)
            .where(group.is_(None) if group_code is None else group == group_code)
            .where(catalogues.c.valid_from <= on, catalogues.c.valid_to >= on)
            .order_by(catalogues.c.id.desc())
        )
        return self.session.scalars(stmt).all()

    def attributes(self) -> Sequence[Attribute]:
        stmt = select(Attribute).order_by(product_attributes.c.sku, product_attributes.c.name)
        return self.session.scalars(stmt).all()

    def put_attribute(self, attribute: Attribute) -> bool:
        """Insert or replace one attribute of a product; True when it was new."""
        existing = self.session.get(Attribute, (attribute.sku, attribute.name))
        if existing is None:
            self.session.add(attribute)
            return True
        existing.value = attribute.value
        return False

    def skus_with_image(self) -> frozenset[str]:
        return frozenset(self.session.scalars(select(product_images.c.sku)))

    def image(self, sku: str) -> tuple[str, bytes] | None:
        row = self.session.execute(
            select(product_images.c.media_type, product_images.c.content).where(product_images.c.sku == sku)
        ).first()
        return (str(row[0]), bytes(row[1])) if row else None

    def put_image(self, sku: str, media_type: str, content: bytes) -> None:
        self.session.execute(delete(product_images).where(product_images.c.sku == sku))
        self.session.execute(insert(product_images).values(sku=sku, media_type=media_type, content=content))
