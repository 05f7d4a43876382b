"""The commercial terms on the web: `/api/prices`, `/api/promotions`, `/api/customer-groups` read by a
clerk and changed by a supervisor only; the `/terms` pages list, import, edit and export the same files,
with no inline script under the strict CSP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.catalog.services.masterdata import import_csv
from oms.bootstrap import App
from tests.conftest import SAMPLES, make_user
from tests.integration.test_review import clerk
from web.app import create_app

pytestmark = pytest.mark.integration
GROUPS = "customer_id,group\nC-1001,FERRETERIAS\n"
PROMOS = (
    "promotion_id,description,kind,value,buy,get,scope,target,currency,valid_from,valid_to,code\n"
    "TORN10,Tornillería,percent,10,,,category,TORNILLERIA,,2026-11-01,2026-12-31,\n"
)


@pytest.fixture
def shop(demo_app: App) -> App:
    return demo_app


def api(app: App, role: str) -> TestClient:
    token = make_user(app, f"{role}-api", role)
    return TestClient(create_app(app), headers={"Authorization": f"Bearer {token}"})


def test_a_clerk_reads_and_a_supervisor_changes_through_the_api(shop: App) -> None:
    reader, boss = api(shop, "clerk"), api(shop, "supervisor")
    csv = {"Content-Type": "text/csv"}
    assert reader.post("/api/customer-groups", content=GROUPS, headers=csv).status_code == 403
    assert reader.post("/api/promotions", content=PROMOS, headers=csv).status_code == 403
    done = boss.post("/api/customer-groups", content=GROUPS, headers=csv)
    assert done.status_code == 200 and done.json() == {"kind": "customer-groups", "created": 1, "updated": 0}
    assert boss.post("/api/promotions", content=PROMOS, headers=csv).json()["created"] == 1
    group_list = (
        "group,sku,unit_price,currency,min_quantity,valid_from,valid_to\nFERRETERIAS,TOR-M8-40,0.17,EUR,,,\n"
    )
    assert boss.post("/api/prices?kind=group-prices", content=group_list, headers=csv).status_code == 200

    assert reader.get("/api/customer-groups").json() == [{"customer_id": "C-1001", "group": "FERRETERIAS"}]
    [promo] = reader.get("/api/promotions").json()
    assert (promo["promotion_id"], promo["value"], promo["words"]) == (
        "TORN10",
        "10",
        "promotion TORN10 (Tornillería): 10 % off",
    )
    assert reader.get("/api/promotions?on=2027-01-01").json() == []
    [row] = reader.get("/api/prices?level=group_list").json()
    assert (row["party"], row["sku"], row["unit_price"]) == ("FERRETERIAS", "TOR-M8-40", "0.17")

    # a bad row: 400 naming it, nothing loaded
    bad = boss.post("/api/customer-groups", content=GROUPS + "C-404,X\n", headers=csv)
    assert bad.status_code == 400 and "row 3" in bad.json()["detail"]
    assert reader.delete("/api/promotions/TORN10").status_code == 403
    assert boss.delete("/api/promotions/TORN10").status_code == 204
    assert boss.delete("/api/promotions/TORN10").status_code == 404
    assert reader.get("/api/promotions").json() == []


def test_the_terms_pages_list_import_edit_and_export(shop: App) -> None:
    import_csv(shop.uow(), "customer-groups", GROUPS)
    for kind in ("group-prices", "categories", "promotions"):
        import_csv(shop.uow(), kind, (SAMPLES / "masterdata" / f"{kind}.csv").read_text(encoding="utf-8"))
    boss, csrf = clerk(shop, "marta", "supervisor")
    page = boss.get("/terms")
    assert page.status_code == 200
    assert "promotion XMAS26 (Navidad con código): 15 % off" in page.text and "FERRETERIAS" in page.text
    assert "<script>" not in page.text and " on" + "click=" not in page.text  # nothing inline under the CSP
    assert "script-src 'self'" in page.headers["content-security-policy"]

    upload = boss.post(
        "/terms/import",
        data={"kind": "customer-groups", "csrf_token": csrf},
        files={"file": ("g.csv", b"customer_id,group\nC-1002,Grandes\n", "text/csv")},
    )
    assert upload.status_code == 303 and "1%20created" in upload.headers["location"]
    refused = boss.post(
        "/terms/import",
        data={"kind": "promotions", "csrf_token": csrf},
        files={"file": ("p.csv", PROMOS.replace(",10,", ",120,").encode(), "text/csv")},
    )
    assert "nothing%20loaded" in refused.headers["location"]

    edit = boss.get("/terms/promotions/TORN10")
    assert edit.status_code == 200 and 'value="TORNILLERIA"' in edit.text
    fields = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', edit.text))
    fields.update({"value": "12", "csrf_token": csrf})
    assert boss.post("/terms/promotions", data=fields).status_code == 303
    with shop.uow() as uow:
        [torn] = [p for p in uow.master.promotions() if p.promotion_id == "TORN10"]
        assert str(torn.value) == "12"

    exported = boss.get("/terms/export/customer-groups.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    assert exported.text == "customer_id,group\nC-1001,FERRETERIAS\nC-1002,GRANDES\n"
    promos = boss.get("/terms/export/promotions.csv").text.splitlines()
    assert (
        promos[0]
        == "promotion_id,description,kind,value,buy,get,scope,target,currency,valid_from,valid_to,code"
    )
    assert "TORN10,Tornillería al 10 %,percent,12,,,category,TORNILLERIA,,2026-11-01,2026-12-31," in promos
    # what is exported loads back unchanged
    again = import_csv(shop.uow(), "promotions", "\n".join(promos) + "\n")
    assert (again.created, again.updated) == (0, 3)


def test_a_clerk_reads_the_pages_but_cannot_change_them(shop: App) -> None:
    reader, csrf = clerk(shop)
    page = reader.get("/terms")
    assert page.status_code == 200 and 'action="/terms/import"' not in page.text
    refused = reader.post(
        "/terms/import",
        data={"kind": "customer-groups", "csrf_token": csrf},
        files={"file": ("g.csv", GROUPS.encode(), "text/csv")},
    )
    assert refused.status_code == 403
    assert reader.post("/terms/promotions", data={"promotion_id": "X", "csrf_token": csrf}).status_code == 403


def test_oms_import_and_promotions_list_on_the_command_line(tmp_path: Path) -> None:
    from tests.integration.test_cli import oms

    for kind in ("customers", "products", "customer-groups", "categories", "promotions"):
        done = oms(tmp_path, "import", kind, str(SAMPLES / "masterdata" / f"{kind}.csv"))
        assert done.returncode == 0, done.stderr
    listed = oms(tmp_path, "promotions", "list", "--on", "2026-11-10")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    # on 10 November TORN10 and GUA3X2 run (from 1 November); XMAS26 starts on the 15th
    assert lines[0] == "promotions on 2026-11-10: 2 valid of 3"
    assert lines[1] == (
        "promotion GUA3X2 (Guantes 3x2): buy 2 get 1 free · for product GUA-NIT-L"
        " · 2026-11-01 to 2026-12-31 · valid"
    )
    assert lines[3].endswith("· code XMAS26 · not valid")
    only = oms(tmp_path, "promotions", "list", "--on", "2026-11-10", "--valid").stdout.splitlines()
    assert [line.split(":")[0] for line in only[1:]] == [
        "promotion GUA3X2 (Guantes 3x2)",
        "promotion TORN10 (Tornillería al 10 %)",
    ]
    bad = oms(tmp_path, "promotions", "list", "--on", "10/11/2026")
    assert bad.returncode == 2
