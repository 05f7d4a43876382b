"""Customer identification by the sender's address, then its domain (never a free-mail domain)."""

from __future__ import annotations

from core.capture.domain.order import Party
from core.kernel.domain.model import Customer
from tests.unit.validation.test_decide import TODAY, Master, order
from validation.decide import validate


def master() -> Master:
    m = Master()
    m.customer_rows["C-1"].email = "pedidos@ferreterianunez.es"
    m.customer_rows["C-9"] = Customer("C-9", "Taller Pepe", email="tallerpepe@gmail.com")
    return m


def resolve(address: str) -> str | None:
    return validate(order(buyer=Party(email=address)), master(), TODAY).customer_id


def test_by_address_then_by_domain() -> None:
    assert resolve("Pedidos@FerreteriaNunez.es") == "C-1"
    assert resolve("jose@ferreterianunez.es") == "C-1"  # a colleague at the same company


def test_never_by_a_free_mail_domain_alone() -> None:
    assert resolve("tallerpepe@gmail.com") == "C-9"
    assert resolve("someone.else@gmail.com") is None


def test_an_unknown_sender_is_a_problem_naming_the_address() -> None:
    resolved = validate(order(buyer=Party(email="luis@desconocidos.es")), master(), TODAY)
    assert resolved.customer_id is None
    (problem,) = [p for p in resolved.problems if p.code.value == "unknown_customer"]
    assert "luis@desconocidos.es" in problem.message
