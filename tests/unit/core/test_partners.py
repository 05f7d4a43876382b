"""Trading partners: the agreement checked against an interchange's envelope and its buyer, and the
partners file refused row by row when a cell is wrong."""

from __future__ import annotations

import pytest

from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.partners import partner_problems
from core.capture.services.partner_import import import_partners
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import Customer, Partner
from core.kernel.errors import MasterDataError
from oms.bootstrap import App
from tests.conftest import SAMPLES

NUNEZ = Customer("C-1001", "Ferretería Núñez S.L.", gln="8437000100010")
HARTLEY = Customer("C-2001", "Hartley Hardware Ltd", gln="5012345000015")
AGREED = Partner("5412345000013", qualifier="14", syntax_ids="UNOA,UNOC", buyers="C-1001", address="van-1")
HEADER = "sender_id,qualifier,syntax_ids,buyers,channel,address\n"


def receipt(sender: str = "5412345000013", qualifier: str = "14", syntax: str = "UNOC") -> InterchangeReceipt:
    return InterchangeReceipt(sender, "8437000999997", "1", syntax_id=syntax, sender_qualifier=qualifier)


def codes(problems: list[object]) -> list[str]:
    return [p.code.value for p in problems]  # type: ignore[attr-defined]


def test_a_partner_for_its_own_buyer_in_an_agreed_syntax_has_no_problem() -> None:
    assert partner_problems(receipt(), AGREED, NUNEZ) == []
    assert partner_problems(receipt(syntax="UNOA"), AGREED, NUNEZ) == []


@pytest.mark.parametrize(
    ("sent", "partner"),
    [
        (receipt(), None),  # nobody configured that sender
        (receipt(qualifier="ZZ"), AGREED),  # the same id under another code list is another party
        (
            receipt(),
            Partner("5412345000013", qualifier="14", syntax_ids="UNOC", buyers="C-1001"),
        ),  # no address
    ],
)
def test_a_sender_that_is_no_configured_partner_is_unknown(
    sent: InterchangeReceipt, partner: Partner | None
) -> None:
    assert codes(partner_problems(sent, partner, NUNEZ)) == ["unknown_partner"]


def test_a_partner_for_a_buyer_it_does_not_speak_for_or_in_another_syntax_is_not_authorised() -> None:
    assert codes(partner_problems(receipt(), AGREED, HARTLEY)) == ["partner_not_authorised"]
    assert codes(partner_problems(receipt(syntax="UNOB"), AGREED, NUNEZ)) == ["partner_not_authorised"]


def test_a_buyer_may_be_named_by_its_gln() -> None:
    by_gln = Partner("5412345000013", qualifier="14", syntax_ids="UNOC", buyers="5012345000015", address="h")
    assert partner_problems(receipt(), by_gln, HARTLEY) == []
    assert codes(partner_problems(receipt(), by_gln, NUNEZ)) == ["partner_not_authorised"]


@pytest.fixture
def customers(app: App) -> App:
    import_csv(app.uow(), "customers", (SAMPLES / "masterdata" / "customers.csv").read_text(encoding="utf-8"))
    return app


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("../../tmp/x,14,UNOC,C-1001,edi,nunez", "row 3: sender_id '../../tmp/x'"),
        ("5412345000013,14,UNOC,C-1001,edi,../../tmp/x", "row 3: address '../../tmp/x'"),
        ("5412345000013,14,UNOC,C-1001,edi,.hidden", "row 3: address '.hidden'"),
        ("5412345000013,14,UNOC,C-9999,edi,van", "row 3: buyer 'C-9999'"),
        ("5412345000013,14,,C-1001,edi,van", "row 3: syntax_ids"),
        ("5412345000013,14,UNOC,,edi,van", "row 3: buyers is empty"),
        ("5412345000013,14,UNOC,C-1001,fax,van", "row 3: channel 'fax'"),
        ("8437000100010,14,UNOC,C-1001,edi,other", "row 3: sender_id '8437000100010' is already on row 2"),
    ],
)
def test_a_partners_file_with_a_bad_row_is_refused_whole(customers: App, row: str, message: str) -> None:
    text = HEADER + "8437000100010,14,UNOC,C-1001,edi,nunez\n" + row + "\n"
    with pytest.raises(MasterDataError) as raised:
        import_partners(customers.uow(), text)
    assert str(raised.value).startswith(message)
    with customers.uow() as uow:
        assert uow.partners.get("8437000100010") is None  # row 2 was good, but nothing of the file is kept


def test_importing_again_changes_the_agreement_and_keeps_the_control_reference_sequence(
    customers: App,
) -> None:
    assert import_partners(customers.uow(), HEADER + "8437000100010,14,UNOA;UNOC,C-1001,edi,nunez\n") == (
        1,
        0,
    )
    with customers.uow() as uow:
        partner = uow.partners.get("8437000100010")
        assert partner is not None and partner.take_control_ref() == "1"
        uow.commit()
    assert import_partners(
        customers.uow(), HEADER + "8437000100010,14,UNOC,C-1001;C-2001,as2,NUNEZ-AS2\n"
    ) == (0, 1)
    with customers.uow() as uow:
        partner = uow.partners.get("8437000100010")
        assert partner is not None
        assert (partner.syntax_ids, partner.buyers, partner.channel, partner.address) == (
            "UNOC",
            "C-1001,C-2001",
            "as2",
            "NUNEZ-AS2",
        )
        assert partner.take_control_ref() == "2"  # a re-import does not restart the partner's references
