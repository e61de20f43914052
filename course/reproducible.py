"""The same numbers on every x86-64 machine: pinning the CPU code paths of the maths libraries.

numpy's OpenBLAS, torch's MKL, ATen and oneDNN pick their fastest kernels for the processor
they run on (AVX2 or AVX-512). Different kernels add numbers in a different order, and the
last bits of a result differ; a training run then drifts onto another path, and a notebook
prints 90.9 % on one machine and 91.9 % on another. The environment variables below make
every library use its AVX2 kernels, which all x86-64 processors of the last ten years run,
so that a notebook executed on one machine gives the numbers nbval checks on another.
numpy's maths also runs on one thread: the notebooks' matrices are small, and on a machine
whose two cores are busy, a second OpenBLAS thread made chapter 4's decompositions ten
times slower, not faster.

They must be set before the libraries load, so they are set for a new process: the
notebooks' kernels (tests/conftest.py, tools/build_notebooks.py) and `make test`. They only
choose among kernels; on a processor without AVX2 (or not x86-64) they change nothing.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

__all__ = ["PINNED_ENV", "pin_numerics"]

#: Variable -> value: the AVX2 code path of OpenBLAS (numpy), MKL (torch's matrix
#: products), ATen (torch's element-wise maths) and oneDNN (torch's convolutions).
PINNED_ENV: dict[str, str] = {
    "OPENBLAS_CORETYPE": "Haswell",
    "MKL_CBWR": "AVX2",
    "ATEN_CPU_CAPABILITY": "avx2",
    "ONEDNN_MAX_CPU_ISA": "AVX2",
    "OPENBLAS_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
}


def pin_numerics(env: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
    """Set `PINNED_ENV` in ``env`` (default: ``os.environ``, for processes started later),
    keeping any value already set there. Returns ``env``."""
    env = os.environ if env is None else env
    for name, value in PINNED_ENV.items():
        env.setdefault(name, value)
    return env
