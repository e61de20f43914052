"""What is reproducible where, and the CPU code paths pinned where that is safe.

**The same machine, the same settings: the same numbers.** Every experiment in the course
takes an explicit seed, and training runs on a fixed number of threads, so a notebook run
twice on one computer prints the same numbers twice.

**Another computer: the same numbers where they are exact, other numbers where they are
trained.** numpy's OpenBLAS, torch's MKL, ATen and oneDNN pick their kernels for the
processor they run on (SSE, AVX2, AVX-512, ARM's NEON). Different kernels add numbers in
a different order and the last bits of a result differ. Exact results (data statistics, a
gradient check, the shipped networks' predictions) do not notice; a training run does:
after thousands of steps it ends somewhere else, as with another seed. With the same seed,
chapter 2's classic PyTorch network reached 88.5 % on the Intel machine that first executed
the notebooks and 90.3 % on an AMD one. `benchmarks/spread.py` measures the spread of every
trained number the tests check: 10 runs, 5 random seeds each computed on two code paths of
one machine (results in ``benchmarks/results/spread.json``). The tests compare such
numbers within 1.5 times that range (``tests/tolerance.py``), and where chapters 2, 5a and
7 compare trained numbers they quote the spread.

**Pinning.** On an x86-64 processor with AVX2 the variables below ask every library for
its AVX2 kernels, so that machines of that family agree more often. A variable is only
set where it is safe: the torch and MKL variables only where the processor has AVX2 and
FMA (ATen would otherwise run instructions the processor lacks); OpenBLAS's only after a
probe in a separate process has run a matrix product with it and got the unpinned answer
(some OpenBLAS builds crash under ``OPENBLAS_CORETYPE=Haswell``: numpy 2.5's does, on an
AVX-512 processor). On other processors (ARM, most Macs) nothing is pinned but the thread
count and the hash seed, and the numbers are those of that processor, within the
tolerances. They must be set before the libraries load, so they are set for a new process:
the notebooks' kernels (tests/conftest.py, tools/build_notebooks.py) and `make test`.

``python -m course.reproducible`` prints the variables that are safe here and not already
set in the environment (a value set there wins, as in `pin_numerics`), as ``NAME=value``
pairs for a shell; ``--another-machine`` prints those that send torch down
its generic kernels and OpenBLAS down another core type, with two threads: one other code
path, imitated on this processor (``make test-another-machine``). It stands in for
another machine; ARM and AVX-512 kernels themselves are not imitated.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from collections.abc import Mapping, MutableMapping
from functools import lru_cache

__all__ = ["ALWAYS", "AVX2_PATH", "ANOTHER_MACHINE", "safe_pins", "pin_numerics", "openblas_coretype_works"]

#: Safe on every processor: numpy's BLAS on one thread (the course's matrices are small,
#: and a second thread on a busy 2-core machine made chapter 4 ten times slower), and
#: Python's string hashing fixed.
ALWAYS: dict[str, str] = {"OPENBLAS_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}

#: The AVX2 code path of MKL (torch's matrix products), ATen (torch's element-wise maths),
#: oneDNN (torch's convolutions) and OpenBLAS (numpy), for processors that have AVX2.
AVX2_PATH: dict[str, str] = {
    "MKL_CBWR": "AVX2",
    "ATEN_CPU_CAPABILITY": "avx2",
    "ONEDNN_MAX_CPU_ISA": "AVX2",
    "OPENBLAS_CORETYPE": "Haswell",
}

#: What another processor computes, on this one: torch's generic (non-vectorised) kernels,
#: MKL's compatible path, oneDNN limited to SSE4.1, OpenBLAS's oldest x86-64 core type,
#: and two threads where the course's default is one.
ANOTHER_MACHINE: dict[str, str] = {
    "ATEN_CPU_CAPABILITY": "default",
    "MKL_CBWR": "COMPATIBLE",
    "ONEDNN_MAX_CPU_ISA": "SSE41",
    "OPENBLAS_CORETYPE": "Prescott",
    "OPENBLAS_NUM_THREADS": "2",
    "OMP_NUM_THREADS": "2",
    "MKL_NUM_THREADS": "2",
    "PYTHONHASHSEED": "0",
}

_PROBE = """
import numpy as np
rng = np.random.default_rng(0)
a, b = rng.random((300, 784)), rng.random((784, 120))
c = a @ b
f = a.astype(np.float32) @ b.astype(np.float32)
s = np.linalg.svd(a[:60, :80], compute_uv=False)
print(repr(float(c.sum())), repr(float(f.astype(np.float64).sum())), repr(float(s[0])))
"""


def cpu_flags() -> set[str]:
    """The processor's feature flags (Linux's /proc/cpuinfo); empty where they cannot be read."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def _probe(coretype: str | None) -> tuple[float, ...] | None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    if coretype:
        env["OPENBLAS_CORETYPE"] = coretype
    try:
        run = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True,
                             text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if run.returncode != 0:
        return None
    try:
        return tuple(float(v) for v in run.stdout.split())
    except ValueError:
        return None


@lru_cache(maxsize=8)
def openblas_coretype_works(coretype: str) -> bool:
    """True when numpy's OpenBLAS, told ``OPENBLAS_CORETYPE=coretype`` in a new process,
    computes float64 and float32 products and an SVD without crashing and as unpinned."""
    free, pinned = _probe(None), _probe(coretype)
    if free is None or pinned is None:
        return False
    return all(abs(a - b) <= 1e-6 * max(1.0, abs(a)) for a, b in zip(free, pinned))


def safe_pins(flags: set[str] | None = None, machine: str | None = None) -> dict[str, str]:
    """The pinned variables that are safe on this processor (see the module's docstring).

    ``flags`` and ``machine`` default to this computer's CPU flags and ``platform.machine()``."""
    flags = cpu_flags() if flags is None else flags
    machine = platform.machine() if machine is None else machine
    pins = dict(ALWAYS)
    if machine.lower() in ("x86_64", "amd64") and {"avx2", "fma"} <= flags:
        pins.update({k: v for k, v in AVX2_PATH.items() if k != "OPENBLAS_CORETYPE"})
        if openblas_coretype_works(AVX2_PATH["OPENBLAS_CORETYPE"]):
            pins["OPENBLAS_CORETYPE"] = AVX2_PATH["OPENBLAS_CORETYPE"]
    return pins


def pin_numerics(env: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
    """Set `safe_pins()` in ``env`` (default: ``os.environ``, for processes started later),
    keeping any value already set there. Returns ``env``."""
    env = os.environ if env is None else env
    for name, value in safe_pins().items():
        env.setdefault(name, value)
    return env


def another_machine_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """``env`` (default ``os.environ``) with `ANOTHER_MACHINE` set; OpenBLAS's core type only
    where the probe says it works here."""
    out = dict(os.environ if env is None else env)
    out.update(ANOTHER_MACHINE)
    if not openblas_coretype_works(ANOTHER_MACHINE["OPENBLAS_CORETYPE"]):
        out.pop("OPENBLAS_CORETYPE")
    return out


def _main(argv: list[str]) -> int:
    if argv not in ([], ["--another-machine"]):
        print("usage: python -m course.reproducible [--another-machine]", file=sys.stderr)
        return 2
    if argv:
        pairs = {k: v for k, v in another_machine_env({}).items()}
    else:   # a variable already set in the environment is the user's choice: keep it
        pairs = {k: v for k, v in safe_pins().items() if k not in os.environ}
    print(" ".join(f"{k}={v}" for k, v in pairs.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
