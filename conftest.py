"""Loaded by pytest for every test, the notebooks' (nbval) included: the maths libraries'
safe pins for the notebooks' kernels, and nbval's comparison within declared tolerances.
(tests/conftest.py holds the fixtures.)"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))   # tests/tolerance.py

from course.reproducible import pin_numerics  # noqa: E402

# The notebooks' kernels, started by nbval after this, get the pinned variables that are safe
# on this machine (see course/reproducible.py): the same numbers from run to run here.
pin_numerics()

# Every check records the answer in the learner's data folder (course/progress.py): the
# tests' thousands of checks, and the kernels and servers they start, record into a
# folder of their own, never into the progress of whoever runs them.
import os  # noqa: E402
import tempfile  # noqa: E402

os.environ["MNIST_COURSE_DATA"] = tempfile.mkdtemp(prefix="mnist-course-test-data-")


def _compare_within_tolerance():
    """nbval compares a checked cell's outputs exactly; a cell whose metadata declares a
    ``tolerance`` (tests/tolerance.py) has its numbers compared within it first."""
    import copy

    from nbval.plugin import IPyNbCell

    from tolerance import snap

    exact = IPyNbCell.compare_outputs
    if getattr(exact, "within_tolerance", False):
        return

    def compare_outputs(self, test, ref, skip_compare=None):
        rules = self.cell.metadata.get("tolerance")
        if rules:
            test = copy.deepcopy(test)
            for new, old in zip(test, ref):
                if new.get("output_type") == "stream" and old.get("output_type") == "stream" \
                        and new.get("name") == old.get("name"):
                    new["text"] = snap(old["text"], new["text"], rules)
                elif "text/plain" in new.get("data", {}) and "text/plain" in old.get("data", {}):
                    new["data"]["text/plain"] = snap(old["data"]["text/plain"], new["data"]["text/plain"], rules)
        return exact(self, test, ref, skip_compare)

    compare_outputs.within_tolerance = True
    IPyNbCell.compare_outputs = compare_outputs


_compare_within_tolerance()
