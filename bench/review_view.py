"""How long the review screen takes to open a 3-page fax: the page HTML and its three page images.

Measured through the real app (security middleware, database, image rendering) with a test client,
first open (images drawn) and second open (images cached), against the app's `/health` in the same
run as the floor of a request's cost.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from core.capture.domain.documents import Channel, InboundDocument
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.users import Role
from core.kernel.services import auth
from oms.bootstrap import bootstrap
from oms.settings import Settings
from samples.faxsim import FaxLine, fax_tiff
from samples.orders_gen.generate import make, render
from web.app import create_app

ROOT = Path(__file__).resolve().parents[1]


def _timed(client: TestClient, paths: list[str]) -> float:
    start = time.perf_counter()
    for path in paths:
        assert client.get(path).status_code == 200, path
    return time.perf_counter() - start


def main() -> None:
    spec = make("multipage", 1)
    fax = fax_tiff(render(spec, 1).pdf, FaxLine(resolution="fine", seed=1, sender="+34 912 345 678"))
    with tempfile.TemporaryDirectory() as tmp:
        app = bootstrap(
            Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/oms.db", broker_url="memory://")
        )
        try:
            app.upgrade_database()
            for kind in ("customers", "products", "customer-items"):
                import_csv(
                    app.uow(), kind, (ROOT / "samples" / "masterdata" / f"{kind}.csv").read_text("utf-8")
                )
            now = datetime.now(UTC)
            doc = app.submit(
                InboundDocument(channel=Channel.FAX, content=fax, received_at=now, original_name="f.tif")
            )
            app.process(doc)
            with app.uow() as uow:
                [order] = uow.orders.for_document(doc)
                pages = len(uow.review.pages(doc))
            auth.create_user(app.uow(), "bench", "a long bench password", Role.CLERK, now)
            token = auth.create_api_token(app.uow(), "bench", "bench", now)
            client = TestClient(create_app(app), headers={"Authorization": f"Bearer {token}"})
            html = client.get(f"/review/{order.id}").text
            images = re.findall(r'<img src="([^"]+)"', html)
            paths = [f"/review/{order.id}", *images]
            first = _timed(client, paths)
            again = statistics.median(_timed(client, paths) for _ in range(5))
            floor = statistics.median(_timed(client, ["/health"] * len(paths)) for _ in range(5))
        finally:
            app.close()
    print(f"review screen of a {pages}-page fine fax ({len(images)} page images):")
    print(f"  first open (pages drawn)   {first:6.3f} s")
    print(f"  open again (pages cached)  {again:6.3f} s")
    print(
        f"  the same number of /health requests {floor:6.3f} s (floor); first open is {first / floor:.0f}x it"
    )


if __name__ == "__main__":
    main()
