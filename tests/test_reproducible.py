"""The pinned CPU code paths are the same in the Makefile and in course.reproducible, and
reach the notebooks' kernels."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from course.reproducible import PINNED_ENV, pin_numerics

ROOT = Path(__file__).resolve().parents[1]


def test_makefile_pins_the_same_variables_as_the_package():
    line = re.search(r"^PINNED := (.*)$", (ROOT / "Makefile").read_text(), flags=re.M).group(1)
    assert dict(pair.split("=", 1) for pair in line.split()) == PINNED_ENV


def test_pin_keeps_a_value_already_chosen():
    env = {"MKL_CBWR": "COMPATIBLE"}
    pin_numerics(env)
    assert env["MKL_CBWR"] == "COMPATIBLE" and env["OPENBLAS_CORETYPE"] == "Haswell"


def test_a_pinned_process_uses_avx2_kernels():
    """Where the processor could do better than AVX2, the pinned torch reports AVX2."""
    code = "import torch; print(torch.backends.cpu.get_cpu_capability())"
    free = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k not in PINNED_ENV})
    pinned = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=pin_numerics({k: v for k, v in os.environ.items() if k not in PINNED_ENV}))
    assert pinned.returncode == 0, pinned.stderr
    if free.stdout.strip() in ("AVX2", "AVX512"):
        assert pinned.stdout.strip() == "AVX2"
