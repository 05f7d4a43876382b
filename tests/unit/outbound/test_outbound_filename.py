"""Output file names stay harmless whatever the partner id looks like."""

from __future__ import annotations

import re

import pytest

from core.kernel.domain.model import OutboundKind
from outbound.edifact import outbound_filename

SAFE = re.compile(r"^[A-Z]+_[A-Za-z0-9_-]+_[A-Za-z0-9_-]+\.edi$")


def test_a_plain_partner_id_is_kept_as_it_is() -> None:
    assert outbound_filename("ordrsp", "5412345000013", "42") == "ORDRSP_5412345000013_42.edi"
    assert outbound_filename(OutboundKind.CONTRL, "5412345000013", "43") == "CONTRL_5412345000013_43.edi"


@pytest.mark.parametrize(
    "partner",
    [
        "../../etc/passwd",
        "C:\\Windows\\x",
        "Ferretería Núñez",
        "ACME:ES",
        "a b\tc\n",
        "CON",
        ".hidden",
        "€€€",
    ],
)
def test_unsafe_partner_ids_become_one_plain_path_component(partner: str) -> None:
    name = outbound_filename("ordrsp", partner, "42")

    assert SAFE.match(name), name
    assert "/" not in name and "\\" not in name and ".." not in name
    assert name.startswith("ORDRSP_") and name.endswith("_42.edi")


def test_accents_are_folded_and_a_hash_keeps_changed_ids_apart() -> None:
    name = outbound_filename("ordrsp", "Ferretería Núñez", "7")
    assert re.fullmatch(r"ORDRSP_Ferreteria_Nunez-[0-9a-f]{8}_7\.edi", name)
    assert outbound_filename("ordrsp", "A/B", "1") != outbound_filename("ordrsp", "A:B", "1")


def test_missing_parts_are_refused() -> None:
    with pytest.raises(ValueError):
        outbound_filename("", "5412345000013", "1")
    with pytest.raises(ValueError):
        outbound_filename("ordrsp", "", "1")
