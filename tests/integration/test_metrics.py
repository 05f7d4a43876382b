"""`/metrics`: open only to allowed addresses or the metrics token, counts that move when a document is
processed, and the HTTP latency of the requests made."""

from __future__ import annotations

import json
import re
import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from oms.bootstrap import App
from oms.metrics import allowed
from tests.conftest import SAMPLES, fixed_clock, load_demo_master_data, make_app
from tests.integration.helpers import ingest
from web.app import create_app

TOKEN = "a metrics token for the tests"
DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


@pytest.fixture
def metrics_app(tmp_path: Path) -> Iterator[App]:
    application = make_app(tmp_path, clock=fixed_clock, metrics_token=TOKEN)
    load_demo_master_data(application)
    yield application
    application.close()


def scrape(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def value(samples: dict, name: str, **labels: str) -> float:  # type: ignore[type-arg]
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_counts_move_when_a_document_is_processed(metrics_app: App) -> None:
    client = TestClient(create_app(metrics_app))
    before = scrape(client)
    assert value(before, "comanda_database_up") == 1
    assert value(before, "comanda_documents_received_total", channel="edi") == 0
    parsed_before = value(before, "comanda_parse_seconds_count", channel="edi", format="edifact")

    ingest(metrics_app, DEMO, "demo-orders.edi")
    after = scrape(client)
    # the demo interchange is one document on the EDI channel holding two ORDERS messages (two UNH)
    assert value(after, "comanda_documents_received_total", channel="edi") == 1
    assert value(after, "comanda_documents_processed_total", channel="edi") == 1
    assert value(after, "comanda_documents_quarantined_total", channel="edi") == 0
    assert value(after, "comanda_parse_seconds_count", channel="edi", format="edifact") == parsed_before + 1
    orders = sum(v for (name, labels), v in after.items() if name == "comanda_orders_total")
    assert orders == 2
    assert value(after, "comanda_queue_depth", queue="documents") == 0
    # the accepted orders are answered on their channel, and nothing failed
    answers = {dict(lab)["state"]: v for (n, lab), v in after.items() if n == "comanda_answers"}
    assert sum(answers.values()) >= 1 and answers.get("failed", 0) == 0
    route = value(after, "comanda_http_request_seconds_count", method="GET", route="/metrics", status="200")
    assert route >= 1


def test_a_quarantined_document_and_the_review_queue_show(metrics_app: App) -> None:
    client = TestClient(create_app(metrics_app))
    ingest(metrics_app, b"UNA:+.? 'UNB+UNOC:3+nonsense", "broken.edi")
    samples = scrape(client)
    assert value(samples, "comanda_documents_quarantined_total", channel="edi") == 1
    assert value(samples, "comanda_documents_processed_total", channel="edi") == 0


def test_without_the_token_or_an_allowed_address_it_is_refused(metrics_app: App) -> None:
    client = TestClient(create_app(metrics_app))
    assert client.get("/metrics").status_code == 403  # the test client's address is no IP at all
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 403


@pytest.mark.parametrize(
    ("address", "token", "expected"),
    [
        ("127.0.0.1", None, True),
        ("::1", None, True),
        ("10.1.2.3", None, True),
        ("10.1.2.3", "nope", True),
        ("192.168.1.9", None, False),
        ("192.168.1.9", TOKEN, True),
        (None, None, False),
        ("testclient", None, False),
    ],
)
def test_addresses_networks_and_the_token(address: str | None, token: str | None, expected: bool) -> None:
    assert allowed(("127.0.0.1", "::1", "10.0.0.0/8"), TOKEN, address, token) is expected


def test_no_token_configured_means_no_token_opens_it() -> None:
    assert allowed((), None, "192.168.1.9", "") is False
    assert allowed((), "", "192.168.1.9", "") is False


DASHBOARD = Path(__file__).resolve().parents[2] / "docs" / "grafana" / "comanda-dashboard.json"
SERIES = re.compile(r"\b(comanda_[a-z_]+)")
# the text format names a counter's family with its `_total` already; a histogram by its base name
SUFFIXES = {"counter": ("",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",)}


def exported_series(text: str) -> set[str]:
    """Every series name the exposition can carry, from its `# TYPE` lines (printed even for a family
    with no sample yet)."""
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# TYPE comanda_"):
            _, _, name, kind = line.split()
            names |= {name + suffix for suffix in SUFFIXES[kind]}
    return names


def test_the_grafana_dashboard_queries_only_what_we_export(metrics_app: App) -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    exprs = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    queried = {name for expr in exprs for name in SERIES.findall(expr)}
    assert len(dashboard["panels"]) >= 10 and len(queried) >= 10

    client = TestClient(create_app(metrics_app))
    client.get("/health")  # one request, so that the HTTP histogram has been touched in this process
    text = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).text
    assert queried - exported_series(text) == set()


def test_a_worker_serves_its_own_timings_on_the_port_given(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = make_app(tmp_path, worker_metrics_port=port)
    stop = app.serve_worker_metrics()
    try:
        ingest(app, DEMO, "demo-orders.edi")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
            body = answer.read().decode()
        families = {f.name: f for f in text_string_to_metric_families(body)}
        counts = [s for s in families["comanda_parse_seconds"].samples if s.name.endswith("_count")]
        assert any(s.labels == {"channel": "edi", "format": "edifact"} and s.value >= 1 for s in counts)
    finally:
        stop()
        app.close()
