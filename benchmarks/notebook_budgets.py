"""Budgets of every notebook: wall time, peak memory and file size, side by side.

    python benchmarks/notebook_budgets.py [NN ...]     (or: make benchmarks)

Each notebook is executed top to bottom in a fresh kernel, in a separate process, as a
learner would run it (the committed .ipynb is not touched). Printed per notebook:
seconds of wall time, the kernel's peak resident memory (MB), the committed .ipynb's
size, and each as a ratio of its budget (<= 1.00 is within budget):
60 s, 1 GB (a Binder-sized share), 2 MB. Exits 1 when any notebook is over a budget.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S, BUDGET_MB, BUDGET_FILE_MB = 60.0, 1024.0, 2.0


def run_one(path: Path) -> None:
    """Child mode: execute one notebook; print the kernel's peak RSS in MB as JSON."""
    import jupytext
    from nbclient import NotebookClient

    nb = jupytext.read(path)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    # The kernel was our child and has been reaped: its peak RSS is in RUSAGE_CHILDREN (KB).
    print(json.dumps({"kernel_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def measure(path: Path) -> dict:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True,
                         text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{path.name} failed to execute:\n{out.stderr[-3000:]}")
    peak = json.loads(out.stdout.strip().splitlines()[-1])["kernel_peak_mb"]
    size_mb = path.with_suffix(".ipynb").stat().st_size / 1024 ** 2
    return {"notebook": path.stem, "seconds": seconds, "peak_mb": peak, "ipynb_mb": size_mb}


def main(prefixes: list[str]) -> int:
    sources = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.py"))
    sources = [p for p in sources if not prefixes or any(p.name.startswith(x) for x in prefixes)]
    print(f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"{'notebook':<34}{'seconds':>9}{'/60s':>7}{'peak RSS MB':>13}{'/1GB':>7}"
          f"{'.ipynb MB':>11}{'/2MB':>7}")
    over = False
    for path in sources:
        r = measure(path)
        ratios = (r["seconds"] / BUDGET_S, r["peak_mb"] / BUDGET_MB, r["ipynb_mb"] / BUDGET_FILE_MB)
        over |= any(x > 1 for x in ratios)
        print(f"{r['notebook']:<34}{r['seconds']:9.1f}{ratios[0]:7.2f}{r['peak_mb']:13.0f}"
              f"{ratios[1]:7.2f}{r['ipynb_mb']:11.2f}{ratios[2]:7.2f}"
              + ("   OVER BUDGET" if any(x > 1 for x in ratios) else ""))
    return 1 if over else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        run_one(Path(sys.argv[2]))
    else:
        sys.exit(main(sys.argv[1:]))
