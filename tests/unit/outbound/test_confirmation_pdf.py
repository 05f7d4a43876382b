"""The confirmation PDF written by our own writer: what the customer reads, page after page, and a file
any reader opens cleanly."""

from __future__ import annotations

import io
import logging
import re
import threading
import warnings
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pdfplumber
import pytest

from core.kernel.domain.model import Customer, Decision, Order, OrderLine, OrderState
from outbound.confirmation import render_confirmation
from outbound.fax import page_count
from outbound.pdf_writer import width, wrap

NOW = datetime(2026, 12, 6, 8, 30, tzinfo=UTC)
NUNEZ = Customer(
    "C-1001",
    "Ferretería Núñez S.L.",
    street="Calle Peñíscola 7",
    postal_code="28013",
    city="Madrid",
    language="es",
)
DESCRIPTION = "Tornillo cañón ¿zincado? ¡sí! a 2,50 € la unidad"


def _order(lines: int, decision: Decision = Decision.ACCEPT) -> Order:
    o = Order(
        document_id=1,
        message_index=0,
        channel="email",
        state=decision.order_state,
        decision=decision,
        confidence=0.9,
        created_at=NOW,
        po_number="PED-Ñ/2026-0042",
        customer_id="C-1001",
        order_date=date(2026, 12, 1),
        requested_delivery_date=date(2026, 12, 9),
        currency="EUR",
        id=4242,
    )
    # every line: 12 units at 2,50 € = 30,00 €
    o.lines = [
        OrderLine(
            position=i,
            sku=f"TOR-Ñ-{i:03d}",
            description=DESCRIPTION,
            quantity=Decimal(12),
            unit="UD",
            unit_price=Decimal("2.50"),
        )
        for i in range(1, lines + 1)
    ]
    return o


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def test_a_long_spanish_confirmation_reads_back_page_by_page_with_its_accents_and_euro() -> None:
    pdf = render_confirmation(_order(45), NUNEZ, "es", now=NOW)
    pages = _pages(pdf)
    assert len(pages) >= 2  # 45 lines do not fit on one A4 page
    first, last, everything = pages[0], pages[-1], "\n".join(pages)
    for fact in (
        "Comanda Suministros Industriales S.L.",
        "Avenida de Cataluña 221, 50014 Zaragoza (España)",
        "CONFIRMACIÓN DE PEDIDO",
        "Ferretería Núñez S.L.",
        "Calle Peñíscola 7",
        "28013 Madrid",
        "Su pedido PED-Ñ/2026-0042",
        "Fecha de su pedido 01/12/2026",
        "Nuestra referencia 4242",
        "Fecha 06/12/2026",
        "Entrega solicitada 09/12/2026",
        "Confirmamos su pedido con las líneas y precios siguientes",
    ):
        assert fact in first
    for number, page in enumerate(pages, start=1):  # the heading on every page the table reaches
        assert "Pos. Artículo Descripción Cantidad Ud. Precio Importe" in page
        assert f"PED-Ñ/2026-0042 · Página {number}" in page
    for i in range(1, 46):  # each line once: its code, 12 units, 2,50 each, 30,00
        row = rf"^{i} TOR-Ñ-{i:03d} Tornillo cañón .* 12 UD 2,50 30,00$"
        assert len(re.findall(row, everything, re.M)) == 1, i
    words = Counter(everything.split())  # every description whole, however its cell wraps
    assert [words[w] for w in DESCRIPTION.split()] == [45, 45, 45, 45, 45, 90, 45, 45, 45]
    assert "Total EUR: 1.350,00" in last  # 45 × 30,00
    assert "avísenos cuanto antes (fax +34 976 550 100)" in last


def test_an_english_rejection_gives_its_reasons_after_the_total() -> None:
    rejected = _order(2, Decision.REJECT)
    rejected.state = OrderState.REJECTED
    rejected.problems = [
        {"field": "lines[2].sku", "code": "unknown_product", "message": "no such product Ñ-9"}
    ]
    (text,) = _pages(render_confirmation(rejected, None, "en", now=NOW))
    assert "ORDER NOT ACCEPTED" in text
    assert "Total EUR: 60.00" in text  # 2 × 12 × 2.50
    assert text.index("Total EUR: 60.00") < text.index("Reasons:") < text.index("– no such product Ñ-9")


def test_the_file_is_well_formed_for_pdfminer_and_pdfium(caplog: pytest.LogCaptureFixture) -> None:
    pdf = render_confirmation(_order(45), NUNEZ, "es", now=NOW, number="+34 912 345 678")
    with caplog.at_level(logging.WARNING, logger="pdfminer"), warnings.catch_warnings():
        warnings.simplefilter("error")
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            count = len(doc.pages)
            for page in doc.pages:
                page.extract_words()
            assert doc.metadata["Title"] == "CONFIRMACIÓN DE PEDIDO PED-Ñ/2026-0042"
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert page_count(pdf) == count >= 2
    # the cross-reference table: every object's offset is where that object starts, and startxref
    # is where the table starts
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf).group(1))  # type: ignore[union-attr]
    assert pdf[start:].startswith(b"xref\n0 ")
    size = int(pdf[start:].split(b"\n")[1].split()[1])
    entries = pdf[start:].split(b"\n")[3 : 3 + size - 1]
    for number, entry in enumerate(entries, start=1):
        assert len(entry) + 1 == 20  # the fixed 20-byte entry, its own end of line counted
        offset = int(entry[:10])
        assert pdf[offset:].startswith(b"%d 0 obj\n" % number)
    assert re.search(rb"/Size %d\b" % size, pdf)


def test_a_confirmation_rendered_again_in_the_same_thread_is_the_same_bytes() -> None:
    """Lengths around the first page's foot: with 16 lines the total ends page 1 and the closing text
    starts page 2 (reportlab's laid-once paragraphs raised a LayoutError there the second time)."""

    def twice() -> list[tuple[bytes, bytes]]:
        return [
            (
                render_confirmation(_order(n), NUNEZ, "es", now=NOW),
                render_confirmation(_order(n), NUNEZ, "es", now=NOW),
            )
            for n in range(12, 22)
        ]

    renders = _in_new_thread(twice)
    assert all(first == second for first, second in renders)
    assert renders[0][0] != render_confirmation(_order(12), NUNEZ, "en", now=NOW)  # the other language
    for n, (pdf, _) in enumerate(renders, start=12):
        pages = _pages(pdf)
        assert "Precios sin IVA." in " ".join(pages[-1].split()), n
        if n == 16:
            assert "Total EUR: 480,00" in pages[0] and "Si algo" not in pages[0]  # 16 × 30,00


def test_a_character_outside_the_standard_faces_prints_as_a_question_mark() -> None:
    o = _order(1)
    o.lines[0].description = "Łódź 螺丝"  # WinAnsi has ó; not Ł, ź or Chinese
    (text,) = _pages(render_confirmation(o, NUNEZ, "es", now=NOW))
    assert "1 TOR-Ñ-001 ?ód? ?? 12 UD 2,50 30,00" in text


def test_a_code_wider_than_its_column_is_cut_and_kept_whole() -> None:
    o = _order(1)
    o.lines[0].sku = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789"
    with pdfplumber.open(io.BytesIO(render_confirmation(o, NUNEZ, "es", now=NOW))) as doc:
        page = doc.pages[0]
        heading, total = (page.search(words)[0]["bottom"] for words in ("Artículo", "Total EUR"))
        code = [c for c in page.chars if heading < c["top"] < total and 75 < c["x0"] < 170]
        # the item column: 16 mm margin + 6 pt + 10 mm (position), 32 mm wide, 6 pt padding each side
        right = 16 * 72 / 25.4 + 6 + 42 * 72 / 25.4 - 6
        assert "".join(c["text"] for c in code) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789"
        assert max(c["x1"] for c in code) <= right + 0.01


def test_widths_are_the_standard_helvetica_metrics() -> None:
    # Helvetica AFM: H 722, o 556, l 222, a 556; Helvetica-Bold: Euro 556, ñ 611
    assert width("Hola", "regular", 10) == pytest.approx(20.56)
    assert width("€ñ", "bold", 10) == pytest.approx(11.67)
    assert wrap("uno dos tres", "regular", 10, width("uno dos", "regular", 10)) == ["uno dos", "tres"]


def _in_new_thread(work: Callable[[], list[tuple[bytes, bytes]]]) -> list[tuple[bytes, bytes]]:
    out: list[list[tuple[bytes, bytes]]] = []
    thread = threading.Thread(target=lambda: out.append(work()))
    thread.start()
    thread.join()
    return out[0]


def test_brackets_and_backslashes_in_a_text_print_as_written() -> None:
    o = _order(1)
    o.lines[0].description = r"Caja (200 uds) \ palé ((doble)"
    (text,) = _pages(render_confirmation(o, NUNEZ, "es", now=NOW))
    assert r"1 TOR-Ñ-001 Caja (200 uds) \ palé ((doble) 12 UD 2,50 30,00" in text


def test_a_line_taller_than_a_page_runs_on_overleaf_inside_the_margins() -> None:
    o = _order(2)
    o.lines[0].description = " ".join(f"palabra{i}" for i in range(400))  # some 130 lines of 9 points
    pdf = render_confirmation(o, NUNEZ, "es", now=NOW)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 3
        words = [w["text"] for page in doc.pages for w in page.extract_words()]
        foot = doc.pages[0].height - 18 * 72 / 25.4  # the bottom margin, 18 mm
        for n, page in enumerate(doc.pages, start=1):  # below the margin: the footer alone
            low = "".join(c["text"] for c in page.chars if c["bottom"] > foot)
            assert low == f"Comanda Suministros Industriales S.L. · PED-Ñ/2026-0042 · Página {n}"
    assert [w for w in words if w.startswith("palabra")] == [f"palabra{i}" for i in range(400)]
    assert "Total EUR: 60,00" in " ".join(words)  # 2 × 12 × 2,50
    assert words.count("Artículo") == len(doc.pages)  # the heading on every page
