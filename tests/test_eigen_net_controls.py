"""The summary of chapter 7's long runs (benchmarks/eigen_net_controls.py) that the chapter
reads: complete, made by the benchmark's current list of runs, and reproduced by re-running
two of them; and `load_controls` says what to do when the file is missing or broken."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from course.eigen_net.experiment import CONTROL_GROUPS, load_controls

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("eigen_net_controls", ROOT / "benchmarks" / "eigen_net_controls.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.fixture(scope="module")
def summary():
    return load_controls()


def test_summary_is_complete_and_holds_exactly_the_benchmark_s_runs(summary):
    assert summary["about"]["complete"] is True
    for group in CONTROL_GROUPS:
        saved = [tuple(r["args"]) for r in summary[group]]
        assert saved == [tuple(args) for _, args in bench.jobs([group])], group


spec = importlib.util.spec_from_file_location("spread", ROOT / "benchmarks" / "spread.py")
spread = importlib.util.module_from_spec(spec)
spec.loader.exec_module(spread)


def _close(saved, fresh, tolerance: dict, path=""):
    """Equal; floats to float rounding (rel 1e-4), or within the field's measured tolerance
    (``tolerance[field]``) where that is wider."""
    if isinstance(saved, dict):
        for key, value in saved.items():
            if key not in ("seconds", "args"):
                _close(value, fresh[key], tolerance, f"{path}.{key}" if path else key)
    elif isinstance(saved, list):
        for i, (a, b) in enumerate(zip(saved, fresh)):
            _close(a, b, tolerance, f"{path}[{i}]")
    elif isinstance(saved, float):
        field = path.split(".")[0].split("[")[0]
        if fresh != pytest.approx(saved, rel=1e-4, abs=1e-6):
            assert abs(fresh - saved) <= tolerance.get(field, 0.0) + 1e-12, \
                f"{path}: {fresh} against the saved {saved}, more than the measured tolerance {tolerance.get(field)}"
    else:
        assert fresh == saved, path


@pytest.mark.parametrize("group, args", spread.SAVED_RUNS, ids=lambda v: str(v))
def test_rerunning_a_saved_run_gives_the_saved_numbers(summary, group, args):
    """Trained fields within 1.5 x their range over seeds and code paths
    (benchmarks/spread.py, 'saved run tolerances'); exact fields to float rounding."""
    measured = json.loads(spread.PACKAGED.read_text())["saved run tolerances"][spread.saved_run_key(group, args)]
    assert measured["runs"] >= 10, "the tolerance needs at least 5 seeds on both paths"
    saved = next(r for r in summary[group] if tuple(r["args"]) == tuple(args))
    _close(saved, bench.RUNNERS[group](*args), measured["tolerance"])


def test_load_controls_names_the_command_when_the_file_is_missing_or_broken(tmp_path):
    with pytest.raises(FileNotFoundError, match="python benchmarks/eigen_net_controls.py"):
        load_controls(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_controls(broken)
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"about": {"complete": False}, "mirror": [{}]}))
    with pytest.raises(ValueError, match="--resume"):
        load_controls(partial)
    no_group = tmp_path / "no_group.json"
    no_group.write_text(json.dumps({"about": {"complete": True}, "mirror": [{}]}))
    with pytest.raises(ValueError, match="--only minus_A skips fitted cubic"):
        load_controls(no_group)
