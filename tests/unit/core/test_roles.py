"""What each role may do: roles in increasing power clerk, buyer, supervisor, admin; a role may do what
it needs itself and what every weaker role may, never what a stronger one needs (docs/review-queue.md,
docs/purchasing.md "Who buys", docs/billing.md: a clerk works the review queue, a buyer also buys, a
supervisor also releases what needs a second pair of eyes, an admin everything)."""

from __future__ import annotations

import pytest

from core.kernel.domain.users import Role

# every (role, role needed) pair a role may act on, written out by hand
MAY = {
    ("clerk", "clerk"),
    ("buyer", "clerk"),
    ("buyer", "buyer"),
    ("supervisor", "clerk"),
    ("supervisor", "buyer"),
    ("supervisor", "supervisor"),
    ("admin", "clerk"),
    ("admin", "buyer"),
    ("admin", "supervisor"),
    ("admin", "admin"),
}
ROLES = ["clerk", "buyer", "supervisor", "admin"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("needed", ROLES)
def test_a_role_may_do_what_it_or_a_weaker_role_needs(role: str, needed: str) -> None:
    assert Role(role).allows(Role(needed)) is ((role, needed) in MAY)
    assert Role(role).allows(needed) is ((role, needed) in MAY)  # a route names the role as text


def test_an_unknown_role_name_is_refused_not_allowed() -> None:
    with pytest.raises(ValueError):
        Role.ADMIN.allows("owner")
