"""Test configuration: deterministic Hypothesis runs in CI."""

import os

from hypothesis import settings

# In CI every run explores the same examples (no flaky discoveries on a red/green
# boundary); locally Hypothesis keeps exploring new ones and remembers failures.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
