"""Hypothesis profiles for the fuzzing suite.

"ci" (the default, what `make test` runs): a bounded, derandomized run, the same examples every time, so
a red build is reproducible and the whole suite stays under a minute on two cores.  "long" (`make fuzz`):
thousands of fresh examples per test, each allowed 10 s (slower is a finding: it would hold a worker);
what it finds is kept in `.hypothesis/` and replayed first next time.
Choose with HYPOTHESIS_PROFILE=long.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_DATA,
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=timedelta(seconds=10),  # an input that takes longer to read holds a worker: a finding
    print_blob=True,
    suppress_health_check=_SLOW_DATA,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
