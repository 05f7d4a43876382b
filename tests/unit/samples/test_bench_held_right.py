"""The fax bench's list of documents read wholly right that waited (bench.held_right, `--held`), on
truths and reads written here.

The rule, written out: a document is listed when exactly one order was read, every header fact and
every line is as printed, and the order was not accepted; it is listed with each of its problems as the
review queue words them. A document read with any fact wrong, read as two orders, or accepted is not
listed. Per reason, the documents it held are named, a document once per reason, marked "alone" when
that reason was its only one."""

from __future__ import annotations

from typing import Any

from bench.held_right import held_right, report

TRUTH: dict[str, Any] = {
    "po_number": "PO-7001",
    "customer_id": "C-1",
    "order_date": "2026-11-24",
    "requested_delivery_date": "2026-12-04",
    "currency": "EUR",
    "total": "12.50",
    "lines": [{"sku": "TUE-M8", "quantity": "250", "unit_price": "0.05"}],
}


def problem(field: str, confidence: str) -> dict[str, Any]:
    return {
        "field": field,
        "code": "low_confidence",
        "message": f"{field} was read with confidence {confidence} (below 0.8)",
    }


def order(decision: str, *problems: dict[str, Any], **changed: Any) -> dict[str, Any]:
    got = {k: v for k, v in TRUTH.items() if k != "lines"}
    got["lines"] = [dict(line) for line in TRUTH["lines"]]
    got.update(changed, decision=decision, problems=list(problems))
    return {"orders": [got]}


def test_a_right_document_that_waited_is_listed_with_its_problems() -> None:
    held = order("review", problem("po_number", "0.68"))
    assert held_right(TRUTH, held) == [problem("po_number", "0.68")]


def test_wrong_accepted_or_split_documents_are_not_listed() -> None:
    assert held_right(TRUTH, order("review", problem("total", "0.40"), total="125.00")) is None
    assert held_right(TRUTH, order("accept")) is None
    two = order("review", problem("po_number", "0.50"))
    assert held_right(TRUTH, {"orders": two["orders"] * 2}) is None
    assert held_right(TRUTH, {"orders": []}) is None
    wrong_line = order("review", lines=[{"sku": "TUE-M8", "quantity": "2500", "unit_price": "0.05"}])
    assert held_right(TRUTH, wrong_line) is None


def test_the_report_names_each_document_and_counts_a_reason_once_per_document() -> None:
    cases = [
        ("letter-1", TRUTH, order("review", problem("requested_delivery_date", "0.54"))),
        (
            "sap-1",
            TRUTH,
            order(
                "review",
                problem("lines[0].requested_delivery_date", "0.58"),
                problem("lines[3].requested_delivery_date", "0.40"),
                problem("requested_delivery_date", "0.58"),
            ),
        ),
        ("us_po-1", TRUTH, order("accept")),
    ]
    text = "\n".join(report(cases, "normal faxes"))
    assert "letter-1: 1 reason" in text and "sap-1: 2 reasons" in text
    assert "us_po-1" not in text
    assert "lines[3].requested_delivery_date was read with confidence 0.40" in text
    assert "low_confidence on requested_delivery_date: 2: letter-1 (alone), sap-1" in text
    assert "low_confidence on lines[].requested_delivery_date: 1: sap-1\n" in text + "\n"


def test_no_held_right_document_says_so() -> None:
    assert report([("letter-1", TRUTH, order("accept"))], "fine faxes")[-1] == "    none"
