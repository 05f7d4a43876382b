"""The OpenAPI schema tells the truth: schemathesis calls every operation in process, signed in as an
administrator, with a bounded and seeded number of generated requests each (valid ones, and ones the schema
forbids), and checks that nothing answers 5xx, that every answer (status code, content type, body) is one
the schema documents, and that a request the schema forbids is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import fixed_clock, make_app, make_user
from web.app import create_app

pytestmark = pytest.mark.integration
# per operation and mode: 57 operations × 2 × 6, about a minute; OMS_SCHEMA_EXAMPLES=40 for a deeper look
EXAMPLES = int(os.environ.get("OMS_SCHEMA_EXAMPLES", "6"))
DOCUMENTED = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CHECKS = {
    GenerationMode.POSITIVE: DOCUMENTED,
    GenerationMode.NEGATIVE: [*DOCUMENTED, negative_data_rejection],
}
# /ready answers 503 by design when something it checks is down (here no SMTP receiver listens, as in a
# web process without `oms watch`): that 503 is its documented answer, not a server error
DOWN_BY_DESIGN = {"GET /ready"}
BOUNDED = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same requests on every run, so a red CI can be replayed
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the failure is reported as met
    suppress_health_check=list(HealthCheck),
)


def _exercise(operation: object, mode: GenerationMode, headers: dict[str, str]) -> tuple[int, str | None]:
    """Run the bounded examples of one operation in one mode: (requests made, first failure or None)."""
    calls = 0

    @BOUNDED
    @given(case=operation.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
    def run(case: schemathesis.Case) -> None:
        nonlocal calls
        calls += 1
        response = case.call(headers=headers)
        checks = CHECKS[mode]
        if operation.label in DOWN_BY_DESIGN:  # type: ignore[attr-defined]
            checks = [c for c in checks if c is not not_a_server_error]
        case.validate_response(response, checks=checks)

    try:
        run()
    except Unsatisfiable:  # the schema leaves no request to get wrong (no parameters, or free-form ones)
        assert mode is GenerationMode.NEGATIVE, operation
    except Exception as failure:  # every check failure is collected, then reported together
        return calls, f"{operation.label} [{mode.value}]: {failure}"[:1500]  # type: ignore[attr-defined]
    return calls, None


def test_every_operation_answers_as_documented(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=fixed_clock)
    try:
        signed_in = {"Authorization": f"Bearer {make_user(app, 'root', 'admin')}"}
        schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(app), headers=signed_in)
        operations = [result.ok() for result in schema.get_all_operations()]
        failures: list[str] = []
        calls = 0
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                made, failure = _exercise(operation, mode, signed_in)
                calls += made
                if failure:
                    failures.append(failure)
    finally:
        app.close()
    print(f"schemathesis: {len(operations)} operations, {calls} requests")
    assert len(operations) >= 40
    assert not failures, f"{len(failures)} of {2 * len(operations)}:\n\n" + "\n\n".join(failures)
