"""A customer found only by its name waits for a clerk; the clerk's approval teaches Comanda the strong
identifiers its document printed and the address it came from, so the next one resolves by itself.
What was learned is in the order's history and at /review/learned, where a supervisor undoes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.capture.domain.documents import DocumentState
from core.capture.services import review
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import Order, OrderState
from core.kernel.domain.users import Role, User
from core.kernel.services import auth
from oms.bootstrap import App, bootstrap
from oms.settings import Settings
from tests.conftest import DEMO_DAY
from tests.integration.helpers import document, drain, orders_of
from tests.integration.mail_support import mail_app
from tests.integration.order_documents import OrderPdf, mailed
from tests.integration.test_review import clerk as web_user
from tests.integration.test_review import form_fields

pytestmark = pytest.mark.integration
# A new customer: master data knows its name and address, none of its numbers.
NEW_CUSTOMER = (
    "customer_id,name,email,fax,gln,street,postal_code,city,country,language,vat_id,phone\n"
    "C-5001,Suministros Ebro S.L.,,,,Calle del Coso 50,50003,Zaragoza,ES,es,,\n"
)
SENDER = "compras.ebro@gmail.com"  # a free-mail address: its domain says nothing of who wrote
# its tax id and phone, and our own order address (ours: OMS_MAIL_FROM's domain), never the customer's
LETTERHEAD = ("CIF: B-99887766", "Tel. 976 111 222", "Pedidos a pedidos@comanda.example")
ADDRESS = "Calle del Coso 50, 50003 Zaragoza"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = mail_app(tmp_path)
    import_csv(application.uow(), "customers", NEW_CUSTOMER)
    yield application
    application.close()


def mail_in(
    app: App, n: int, letterhead: tuple[str, ...] = LETTERHEAD, name: str = "Suministros Ebro S.L."
) -> Order:
    pdf = OrderPdf(po_number=f"EB-{n:04d}", buyer=name, address=ADDRESS, letterhead=letterhead).pdf()
    doc_id = app.submit(
        mailed(pdf, DEMO_DAY, sender=SENDER, name="Compras", message_id=f"<{n}@mail.example>")
    )
    drain(app)
    assert document(app, doc_id).state is DocumentState.PROCESSED
    [order] = orders_of(app, doc_id)
    return order


def codes(order: Order) -> set[str]:
    return {str(p["code"]) for p in order.problems}


def approve_as(app: App, order: Order, user: User) -> None:
    assert order.id is not None
    review.acquire(app.uow(), order.id, user, DEMO_DAY)
    uow = app.uow()
    review.approve(uow, order.id, user, DEMO_DAY, app.answer)
    app.publish(uow.collect_events())
    drain(app)


def test_a_confirmed_customer_is_found_next_time_by_its_tax_id_phone_and_address(app: App) -> None:
    first = mail_in(app, 1)
    assert first.state is OrderState.IN_REVIEW and first.customer_id == "C-5001"
    assert codes(first) == {"customer_by_name"}  # the name only suggests

    ana = auth.create_user(app.uow(), "ana", "a long enough password", Role.CLERK, DEMO_DAY)
    approve_as(app, first, ana)
    with app.uow() as uow:
        learned = {(i.customer_id, i.kind, i.value) for i in uow.review.learned_identifiers()}
        history = [(e.action, e.field, e.before, e.after) for e in uow.review.audit(first.id or 0)]
    assert learned == {
        ("C-5001", "vat", "B99887766"),
        ("C-5001", "phone", "+34976111222"),
        ("C-5001", "email", SENDER),
    }  # neither our address nor our tax id (printed in the supplier's block) are among them
    assert ("learn", "customer_identifier", "vat B99887766", "C-5001") in history

    by_tax_id = mail_in(app, 2, letterhead=("NIF ES-B99887766",))
    assert by_tax_id.customer_id == "C-5001" and by_tax_id.state is OrderState.ACCEPTED, by_tax_id.problems
    by_phone = mail_in(app, 3, letterhead=("Teléfono: +34 976 111 222",))
    assert by_phone.customer_id == "C-5001" and by_phone.state is OrderState.ACCEPTED, by_phone.problems
    # nothing printed and a name nobody knows: the address it came from was learned too
    by_sender = mail_in(app, 4, letterhead=(), name="Dpto. de compras")
    assert by_sender.customer_id == "C-5001" and by_sender.state is OrderState.ACCEPTED, by_sender.problems


def test_a_supervisor_sees_what_was_learned_and_undoes_it(app: App) -> None:
    first = mail_in(app, 1, letterhead=("CIF: B-99887766",))
    client, csrf = web_user(app)
    client.post(f"/review/{first.id}/lock", headers={"X-CSRF-Token": csrf})
    fields = form_fields(client.get(f"/review/{first.id}").text)
    assert fields["customer_id"] == "C-5001"  # proposed by name, waiting for a person
    fields["then"] = "approve"
    assert client.post(f"/review/{first.id}/save", data=fields).status_code == 303
    assert mail_in(app, 2).state is OrderState.ACCEPTED

    boss, boss_csrf = web_user(app, "sofia", "supervisor")
    listing = boss.get("/review/learned").text
    assert "B99887766" in listing and SENDER in listing
    rows = re.findall(
        r"<td>C-5001</td><td>(\w+)</td><td>([^<]+)</td>.*?action=\"(/review/learned/identifiers/\d+/undo)\"",
        listing,
        re.S,
    )
    actions = {(kind, value): action for kind, value, action in rows}
    assert set(actions) == {("vat", "B99887766"), ("email", SENDER)}
    assert client.post(actions[("vat", "B99887766")], data={"csrf_token": csrf}).status_code == 403
    for action in actions.values():
        assert boss.post(action, data={"csrf_token": boss_csrf}).status_code == 303
    assert boss.get("/review/learned").text.count("undone") == 2

    again = mail_in(app, 3)
    assert again.state is OrderState.IN_REVIEW and codes(again) == {"customer_by_name"}


def test_our_own_identifiers_come_from_settings(tmp_path: Path) -> None:
    env = {
        "OMS_DATA_DIR": str(tmp_path),
        "OMS_COMPANY_VAT": "ESB11111111, ESB22222222",
        "OMS_COMPANY_PHONE": "976 400 500",
        "OMS_MAIL_FROM": "Ventas <ventas@ejemplo-propio.es>",
    }
    settings = Settings.from_env(env)
    assert settings.company_vat == ("ESB11111111", "ESB22222222") and settings.company_gln == ()
    app = bootstrap(settings)
    try:
        ours = app.ours
        assert ours.owns("vat", "B-22222222") and ours.owns("phone", "+34 976 400 500")
        assert ours.owns("email", "otra.persona@ejemplo-propio.es")  # our whole mail domain
        assert not ours.owns("vat", "ESB50123456")  # the demo company's id is only the default
    finally:
        app.close()
    assert Settings.from_env({}).company_vat == ("ESB50123456",)
    assert Settings.from_env({"OMS_COMPANY_VAT": ""}).company_vat == ()  # set blank: none
