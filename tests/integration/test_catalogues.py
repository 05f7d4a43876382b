"""Catalogues through the wired app: published with a link customers open without signing in, as a PDF
with pictures, and as PRICAT in the outbox of the EDI partner ordering for a customer of the group."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from fastapi.testclient import TestClient
from PIL import Image
from pydifact.segmentcollection import Interchange

from core.catalog.domain.membership import CustomerGroup
from core.catalog.services import catalogues
from core.kernel.errors import MasterDataError, NotFound
from oms.bootstrap import App
from tests.conftest import make_user
from tests.integration.helpers import drain
from web.app import create_app

SPRING = (date(2026, 11, 1), date(2027, 5, 31))  # the demo clock stands at 2026-11-26


def group(app: App, customer_id: str, code: str) -> None:
    with app.uow() as uow:
        uow.master.upsert_group(CustomerGroup(customer_id, code))
        uow.commit()


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def published(demo_app: App) -> tuple[int, str]:
    group(demo_app, "C-1001", "FERRETERIAS")
    made, token = catalogues.publish(
        demo_app.uow(), "Primavera", "2027-primavera", SPRING, "marta", demo_app.clock(), group="FERRETERIAS"
    )
    assert made.id is not None
    return made.id, token


def test_the_link_opens_the_catalogue_without_signing_in_and_nothing_else_does(
    demo_app: App, published: tuple[int, str]
) -> None:
    _, token = published
    catalogues.put_image(demo_app.uow(), "TOR-M8-40", png())
    web = TestClient(create_app(demo_app, clock=demo_app.clock), follow_redirects=False)
    page = web.get("/catalogue/FERRETERIAS", params={"token": token})
    assert page.status_code == 200
    assert "Tornillo hexagonal M8x40 zincado" in page.text and "0.18" in page.text
    for wrong in ({"token": token + "x"}, {}):
        assert web.get("/catalogue/FERRETERIAS", params=wrong).status_code == 404
    assert web.get("/catalogue/INDUSTRIA", params={"token": token}).status_code == 404
    image = web.get("/catalogue/FERRETERIAS/images/TOR-M8-40", params={"token": token})
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert web.get("/catalogue/FERRETERIAS/images/TOR-M8-40").status_code == 404
    pdf = web.get("/catalogue/FERRETERIAS/catalogue.pdf", params={"token": token})
    with pdfplumber.open(io.BytesIO(pdf.content)) as doc:
        text = "\n".join(p.extract_text() or "" for p in doc.pages)
        assert any(p.images for p in doc.pages)  # the bolt's picture
    assert "Catálogo Primavera" in text and "Tornillo hexagonal M8x40 zincado" in text
    # the list of catalogues is for signed-in users only
    assert web.get("/catalogues").status_code in (302, 303, 401)


def test_pricat_goes_to_the_partner_of_a_customer_in_the_group(
    demo_app: App, published: tuple[int, str]
) -> None:
    catalogue_id, _ = published
    token = make_user(demo_app, "marta", "supervisor")
    web = TestClient(create_app(demo_app, clock=demo_app.clock), headers={"Authorization": f"Bearer {token}"})
    sent = web.post(f"/catalogues/{catalogue_id}/pricat", follow_redirects=False)
    assert "8437000100010" in sent.headers["location"]
    drain(demo_app)
    (file,) = (demo_app.settings.outbox / "edi").rglob("PRICAT_*.edi")
    interchange = Interchange.from_str(file.read_bytes().decode("latin-1"))
    skus = [s.elements[1][0] for s in interchange.segments if s.tag == "PIA"]
    assert "TOR-M8-40" in skus and len(skus) == len(set(skus))


def test_a_group_without_partners_sends_nothing(demo_app: App) -> None:
    group(demo_app, "C-2001", "EXPORT")
    made, _ = catalogues.publish(
        demo_app.uow(), "Export", "2027", SPRING, "marta", demo_app.clock(), group="EXPORT", currency="GBP"
    )
    assert demo_app.sales.send_pricat(made.id or 0) == []
    with pytest.raises(NotFound):
        catalogues.publish(demo_app.uow(), "X", "2027", SPRING, "marta", demo_app.clock(), group="NOBODY")


def test_attributes_import_names_the_bad_row_and_loads_nothing(
    demo_app: App, published: tuple[int, str]
) -> None:
    bad = "sku,attribute,value\nTOR-M8-40,Material,acero zincado\nNO-EXISTE,Color,rojo\n"
    with pytest.raises(MasterDataError, match="row 3: no product NO-EXISTE"):
        catalogues.import_attributes(demo_app.uow(), bad)
    with demo_app.uow() as uow:
        assert list(uow.catalogues.attributes()) == []
    good = "sku,attribute,value\nTOR-M8-40,Material,acero zincado\nTOR-M8-40,Métrica,M8\n"
    assert catalogues.import_attributes(demo_app.uow(), good) == (2, 0)
    assert catalogues.import_attributes(demo_app.uow(), good) == (0, 2)
    catalogue_id, _ = published
    with demo_app.uow() as uow:
        found = uow.catalogues.get(catalogue_id)
        assert found is not None
        bolt = next(e for e in catalogues.shown(uow, found, date(2026, 11, 26)) if e.sku == "TOR-M8-40")
    assert bolt.attributes == (("Material", "acero zincado"), ("Métrica", "M8"))


def test_a_picture_is_a_png_or_a_jpeg_of_a_known_product(demo_app: App) -> None:
    from core.kernel.errors import SalesError

    with pytest.raises(SalesError, match="PNG or a JPEG"):
        catalogues.put_image(demo_app.uow(), "TOR-M8-40", b"GIF89a....")
    with pytest.raises(NotFound):
        catalogues.put_image(demo_app.uow(), "NO-EXISTE", png())
    assert catalogues.put_image(demo_app.uow(), "TOR-M8-40", png()) == "image/png"
