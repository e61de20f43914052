"""How far a trained number moves with the random seed and with the processor.

A training run is one draw: another seed, or another processor that rounds in another
order, ends somewhere else. ``benchmarks/spread.py`` ran each notebook that shows trained
numbers with 5 seeds on two code paths and saved what every checked cell printed
(``benchmarks/results/spread.json``); the numbers each tolerance covers are shipped with
the package in ``course/results/spread.json`` (plain JSON: reading it runs no code). The chapters
quote it, so that a comparison between two trained numbers is drawn only when it holds
over the spread, and the tests use it as their tolerance (``tests/tolerance.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

__all__ = ["SPREAD_FILE", "load_spread", "runs", "span", "share_ahead", "verdict_over_runs"]

#: What the chapters and the tests read: the measured entries, shipped with the package (the
#: full record, every run's printout, is benchmarks/results/spread.json).
SPREAD_FILE = Path(__file__).resolve().parent / "results" / "spread.json"


def load_spread(path=None) -> dict:
    """The whole record benchmarks/spread.py wrote (default `SPREAD_FILE`)."""
    path = SPREAD_FILE if path is None else Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the spread of the trained numbers is missing. Measure it "
                                "with: python benchmarks/spread.py (about 20 minutes on two cores).")
    try:
        record = json.loads(path.read_text())
    except json.JSONDecodeError as err:
        raise ValueError(f"{path} is not valid JSON ({err}); run python benchmarks/spread.py again.") from None
    if not isinstance(record, dict) or "entries" not in record:
        raise ValueError(f"{path} has no 'entries': it was not written by benchmarks/spread.py; run it again.")
    return record


def runs(name: str, path=None) -> np.ndarray:
    """The numbers the entry ``name`` covers, one row per run: (runs, numbers) float64.

    Rows are ordered as the runs are named ("another/0" ... "pinned/4"): 5 seeds on two
    code paths for the course's measurements."""
    entries = load_spread(path)["entries"]
    if name not in entries:
        raise KeyError(f"{name!r} is not measured in the spread record; known: {', '.join(sorted(entries))}.")
    values = entries[name]["values"]                  # {"pinned/0": [numbers], ...}
    rows = [values[label] for label in sorted(values)]
    if len({len(r) for r in rows}) != 1:
        raise ValueError(f"{name!r}: the runs printed different numbers of values, so they do not line up.")
    return np.array(rows, dtype=np.float64)


def span(name: str, index: int, path=None) -> tuple[float, float]:
    """(smallest, largest) of the ``index``-th number of entry ``name`` over all runs."""
    table = runs(name, path)
    if not -table.shape[1] <= index < table.shape[1]:
        raise IndexError(f"{name!r} has {table.shape[1]} numbers per run, not an index {index}.")
    return float(table[:, index].min()), float(table[:, index].max())


def share_ahead(name: str, i: int, j: int, path=None) -> float:
    """Share of runs in which number ``i`` of entry ``name`` is larger than number ``j``."""
    table = runs(name, path)
    return float(np.mean(table[:, i] > table[:, j]))


def verdict_over_runs(share: float, what: str, n_runs: int) -> str:
    """Words for a comparison that held in ``share`` of ``n_runs`` runs: settled only when it
    held in every run (or in none)."""
    k = round(share * n_runs)
    if k == n_runs:
        return f"{what} in all {n_runs} runs"
    if k == 0:
        return f"the reverse of '{what}' in all {n_runs} runs"
    return f"{what} in {k} of {n_runs} runs only: no difference beyond the spread"
