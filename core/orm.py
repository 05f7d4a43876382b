"""Every area's tables on the one metadata, their mapping, and the session factory that needs it.

It sits above the areas (it imports each one's `adapters/orm.py`), so that no area's tables import
another area's: they only share the kernel's metadata and registry.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from core.billing.adapters import orm as billing
from core.capture.adapters import orm as capture
from core.catalog.adapters import orm as catalog
from core.forecasting.adapters import orm as forecasting
from core.fulfilment.adapters import orm as fulfilment
from core.kernel.adapters import orm as kernel
from core.kernel.adapters.orm import metadata
from core.purchasing.adapters import orm as purchasing
from core.reporting.adapters import orm as reporting

__all__ = ["make_session_factory", "metadata", "start_mappers"]

_mapped = False


def start_mappers() -> None:
    """Map every area's domain classes onto their tables; safe to call more than once."""
    global _mapped
    if _mapped:
        return
    for area in (kernel, catalog, capture, fulfilment, billing, purchasing, reporting, forecasting):
        area.start_mappers()
    _mapped = True


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    start_mappers()
    return sessionmaker(bind=engine, expire_on_commit=False)
