"""course.reproducible pins only what is safe on the processor at hand, the Makefile takes its
pins from there, and they reach the notebooks' kernels."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course import reproducible
from course.reproducible import ALWAYS, ANOTHER_MACHINE, AVX2_PATH, pin_numerics, safe_pins

ROOT = Path(__file__).resolve().parents[1]
AVX2_FLAGS = {"sse2", "avx", "avx2", "fma"}


def test_makefile_takes_its_pins_from_the_package():
    text = (ROOT / "Makefile").read_text()
    assert re.search(r"^PINNED = \$\(shell \$\(BIN\)/python -m course\.reproducible\)$", text, flags=re.M)
    assert re.search(r"^ANOTHER_MACHINE = \$\(shell \$\(BIN\)/python -m course\.reproducible --another-machine\)$",
                     text, flags=re.M)


def test_nothing_processor_specific_is_pinned_off_x86_or_without_avx2(monkeypatch):
    monkeypatch.setattr(reproducible, "openblas_coretype_works", lambda coretype: True)
    assert safe_pins(flags=AVX2_FLAGS, machine="arm64") == ALWAYS
    assert safe_pins(flags={"sse2", "sse4_1", "avx"}, machine="x86_64") == ALWAYS
    assert safe_pins(flags=AVX2_FLAGS, machine="x86_64") == {**ALWAYS, **AVX2_PATH}


def test_openblas_core_type_is_pinned_only_where_the_probe_passes(monkeypatch):
    monkeypatch.setattr(reproducible, "openblas_coretype_works", lambda coretype: False)
    pins = safe_pins(flags=AVX2_FLAGS, machine="x86_64")
    assert "OPENBLAS_CORETYPE" not in pins and pins["ATEN_CPU_CAPABILITY"] == "avx2"


def test_the_probe_fails_for_a_core_type_that_crashes_or_computes_otherwise(monkeypatch):
    reproducible.openblas_coretype_works.cache_clear()
    answers = {None: (1.0, 2.0, 3.0), "Crashes": None, "Wrong": (1.0, 2.5, 3.0), "Fine": (1.0, 2.0, 3.0)}
    monkeypatch.setattr(reproducible, "_probe", answers.get)
    try:
        assert not reproducible.openblas_coretype_works("Crashes")
        assert not reproducible.openblas_coretype_works("Wrong")
        assert reproducible.openblas_coretype_works("Fine")
    finally:
        reproducible.openblas_coretype_works.cache_clear()


def test_the_real_probe_runs_numpy_in_a_separate_process():
    free = reproducible._probe(None)
    assert free is not None and len(free) == 3 and all(v > 0 for v in free)
    assert reproducible._probe("NoSuchCoreType") in (None, free)   # OpenBLAS ignores unknown names


def test_pin_keeps_a_value_already_chosen():
    env = {"MKL_CBWR": "COMPATIBLE"}
    pin_numerics(env)
    assert env["MKL_CBWR"] == "COMPATIBLE" and env["OPENBLAS_NUM_THREADS"] == "1"


def test_the_command_prints_the_pins_for_a_shell():
    clean = {k: v for k, v in os.environ.items() if k not in AVX2_PATH and k not in ALWAYS}
    run = subprocess.run([sys.executable, "-m", "course.reproducible"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, env=clean)
    assert run.returncode == 0, run.stderr
    assert dict(pair.split("=", 1) for pair in run.stdout.split()) == safe_pins()
    chosen = subprocess.run([sys.executable, "-m", "course.reproducible"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, env={**clean, "ATEN_CPU_CAPABILITY": "default"})
    assert "ATEN_CPU_CAPABILITY" not in dict(pair.split("=", 1) for pair in chosen.stdout.split()), \
        "a variable the user set must not be overridden by the Makefile's pins"
    other = subprocess.run([sys.executable, "-m", "course.reproducible", "--another-machine"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    pairs = dict(pair.split("=", 1) for pair in other.stdout.split())
    assert pairs["ATEN_CPU_CAPABILITY"] == "default" and pairs["OPENBLAS_NUM_THREADS"] == "2"
    bad = subprocess.run([sys.executable, "-m", "course.reproducible", "--nonsense"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "usage" in bad.stderr


@pytest.mark.skipif("avx2" not in reproducible.cpu_flags(), reason="the processor has no AVX2")
def test_a_pinned_process_uses_avx2_kernels():
    """Where the processor could do better than AVX2, the pinned torch reports AVX2."""
    code = "import torch; print(torch.backends.cpu.get_cpu_capability())"
    clean = {k: v for k, v in os.environ.items() if k not in AVX2_PATH and k not in ANOTHER_MACHINE}
    free = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean)
    pinned = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=pin_numerics(dict(clean)))
    assert pinned.returncode == 0, pinned.stderr
    if free.stdout.strip() in ("AVX2", "AVX512"):
        assert pinned.stdout.strip() == "AVX2"
