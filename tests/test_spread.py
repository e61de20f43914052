"""course.spread reads what benchmarks/spread.py measured and words comparisons by it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from course.spread import load_spread, runs, share_ahead, span, verdict_over_runs


@pytest.fixture
def record(tmp_path):
    path = tmp_path / "spread.json"
    values = {f"{p}/{s}": [80.0 + s, 85.0 - s, 90.0] for p in ("pinned", "another") for s in range(5)}
    path.write_text(json.dumps({"entries": {"ch.x": {"values": values, "tolerance": [6.0, 6.0, 0.0]},
                                            "ch.ragged": {"values": {"a/0": [1.0], "a/1": [1.0, 2.0]}}}}))
    return path


def test_runs_are_a_table_of_runs_by_numbers(record):
    table = runs("ch.x", record)
    assert table.shape == (10, 3)
    assert np.allclose(sorted(table[:, 0]), sorted([80.0 + s for s in range(5)] * 2))


def test_span_and_share_ahead_are_computed_over_every_run(record):
    assert span("ch.x", 0, record) == (80.0, 84.0)
    assert span("ch.x", -1, record) == (90.0, 90.0)
    assert share_ahead("ch.x", 1, 0, record) == pytest.approx(0.6)   # 85 - s > 80 + s for s = 0, 1, 2
    assert share_ahead("ch.x", 2, 0, record) == 1.0


def test_a_comparison_is_settled_only_when_every_run_agrees():
    assert verdict_over_runs(1.0, "A ahead of B", 10) == "A ahead of B in all 10 runs"
    assert "no difference beyond the spread" in verdict_over_runs(0.6, "A ahead of B", 10)
    assert verdict_over_runs(0.0, "A ahead of B", 10).startswith("the reverse")


def test_bad_records_and_names_get_a_clear_error(record, tmp_path):
    with pytest.raises(FileNotFoundError, match="benchmarks/spread.py"):
        load_spread(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_spread(broken)
    other = tmp_path / "other.json"
    other.write_text("[]")
    with pytest.raises(ValueError, match="no 'entries'"):
        load_spread(other)
    with pytest.raises(KeyError, match="not measured"):
        runs("ch.y", record)
    with pytest.raises(ValueError, match="do not line up"):
        runs("ch.ragged", record)
    with pytest.raises(IndexError, match="3 numbers per run"):
        span("ch.x", 3, record)
