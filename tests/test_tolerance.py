"""The tolerance that checked cells declare (tests/tolerance.py): numbers a rule covers may
move by the declared amount, everything else must match exactly."""

from __future__ import annotations

import json

import pytest

import tolerance
from tolerance import resolve, snap


def test_a_number_within_its_tolerance_is_taken_as_the_committed_one():
    ref = "after 10 epochs: PyTorch 88.5%, numpy 92.4% test accuracy"
    new = "after 10 epochs: PyTorch 90.3%, numpy 92.4% test accuracy"
    assert snap(ref, new, {r"PyTorch (\d+\.\d)%": 2.0}) == ref


def test_a_number_out_of_tolerance_stays_as_computed():
    ref = "PyTorch 88.5%, numpy 92.4%"
    new = "PyTorch 91.2%, numpy 92.4%"
    assert snap(ref, new, {r"PyTorch (\d+\.\d)%": 2.0}) == new


def test_numbers_no_rule_names_must_match_exactly():
    ref = "PyTorch 88.5%, numpy 92.4%"
    new = "PyTorch 88.6%, numpy 92.5%"
    assert snap(ref, new, {r"PyTorch (\d+\.\d)%": 2.0}) == "PyTorch 88.5%, numpy 92.5%"


def test_words_must_match_exactly_even_when_every_number_is_close():
    ref = "sigmoid + quadratic ahead: 89.8% against 89.5%"
    new = "sigmoid + cross-entropy ahead: 89.6% against 89.9%"
    out = snap(ref, new, {r"\d+\.\d%": 1.0})
    assert out != ref and "cross-entropy" in out


def test_a_different_count_of_numbers_is_never_snapped():
    ref = "seeds that oscillated: [7, 9]"
    new = "seeds that oscillated: [7]"
    assert snap(ref, new, {r"\[.*\]": 5}) == new


def test_thousands_separators_and_exponents_are_read_as_numbers():
    ref = "13,002 weights; even share 3.72e-05"
    new = "13,002 weights; even share 3.37e-05"
    assert snap(ref, new, {r"share (\S+)": 1e-5}) == ref
    assert snap(ref, new, {r"share (\S+)": 1e-6}) == new


def test_a_named_tolerance_is_read_from_the_spread_file_one_number_or_one_per_number(tmp_path, monkeypatch):
    spread = tmp_path / "spread.json"
    spread.write_text(json.dumps({"entries": {"ch02.classic": {"tolerance": 3.5}}}))
    assert resolve("ch02.classic", spread) == 3.5
    with pytest.raises(KeyError, match="does not measure"):
        resolve("ch02.other", spread)
    with pytest.raises(FileNotFoundError, match="benchmarks/spread.py"):
        resolve("ch02.classic", tmp_path / "none.json")
    with pytest.raises(ValueError, match="a number >= 0"):
        resolve(-1, spread)


def cell_index(source, cell) -> int:
    """Where ``cell`` of the source sits in the learner's .ipynb (which lacks the notes)."""
    import jupytext

    return [c.source for c in jupytext.read(source.with_suffix(".ipynb")).cells].index(cell.source)


def declaring_cell(nb, rule: str, name: str):
    """The cell of ``nb`` that declares tolerance ``{rule: name}`` (names are unique)."""
    found = [c for c in nb.cells if c.metadata.get("tolerance", {}).get(rule) == name]
    return found[0] if len(found) == 1 else None


def test_every_tolerance_a_notebook_declares_names_a_measured_spread():
    """A trained number's tolerance comes from the spread benchmark, never a number typed in."""
    import jupytext

    declared = []
    for source in sorted(tolerance.SPREAD_FILE.parents[2].glob("notebooks/[0-9][0-9]*_*.py")):
        for cell in jupytext.read(source).cells:
            for pattern, value in cell.metadata.get("tolerance", {}).items():
                declared.append((source.name, pattern, value))
                tol = resolve(value)
                assert min(tol if isinstance(tol, list) else [tol], default=0.0) >= 0
                if not isinstance(value, str):      # only a rounding in the last printed digit
                    text = tolerance.sanitised("".join(o.get("text", "") for o in jupytext.read(
                        source.with_suffix(".ipynb")).cells[cell_index(source, cell)].outputs))
                    numbers = [n.group() for n, rule, _ in tolerance.covered(text, {pattern: value}) if rule]
                    assert numbers, f"{source.name}: the rule {pattern!r} covers no number"
                    for n in numbers:
                        unit = 10.0 ** -len(n.partition(".")[2])
                        assert value <= unit + 1e-12, (f"{source.name}: a bare tolerance {value} for {n} is more "
                                                       "than one unit of its last digit; measure it (benchmarks/spread.py)")
    assert declared, "no notebook declares a tolerance"


def test_a_tolerance_per_number_applies_to_the_numbers_a_rule_covers_in_order(tmp_path, monkeypatch):
    spread = tmp_path / "spread.json"
    spread.write_text(json.dumps({"entries": {"row": {"tolerance": [0.5, 0.0, 2.0]}}}))
    monkeypatch.setattr(tolerance, "SPREAD_FILE", spread)
    monkeypatch.setattr(tolerance.resolve, "__defaults__", (spread,))
    ref = "seed 3: 1.5 | 2.0 | 7.0 ; exact 4"
    assert snap(ref, "seed 3: 1.9 | 2.0 | 5.5 ; exact 4", {r"seed \d+: (.*);": "row"}) == ref
    assert snap(ref, "seed 3: 1.5 | 2.1 | 7.0 ; exact 4", {r"seed \d+: (.*);": "row"}) != ref
    assert snap(ref, "seed 3: 1.5 | 2.0 | 7.0 ; exact 5", {r"seed \d+: (.*);": "row"}) != ref


def test_spaces_that_pad_a_column_may_differ_but_line_breaks_and_words_may_not():
    ref = "p >= 99 %:  10%, of 30\nnext"
    assert snap("took 2.5 s: 90.1%", "took 3.1 s: 89.9%", {r"(\d+\.\d)%": 0.5}) == "took TIME: 90.1%"
    assert snap(ref, "p >= 99 %:   7%, of 30\nnext", {r"(\d+)%,": 5}) == ref
    assert snap(ref, "p >= 99 %:   7%, of 30 next", {r"(\d+)%,": 5}) != ref
    assert snap(ref, "p >= 99 %:   7%; of 30\nnext", {r"(\d+)%,": 5}) != ref


def test_the_spread_was_measured_on_the_notebooks_as_committed():
    """Each entry's first run (seed 0, pinned path) printed what the committed notebook
    shows, within the tolerance: a stale spread (a notebook changed, not re-measured) fails."""
    import jupytext

    from tolerance import covered

    entries = json.loads(tolerance.SPREAD_FILE.read_text())["entries"]
    checked = 0
    for name, entry in entries.items():
        stem, _, cell = entry["cell"].partition(" cell ")
        nb = jupytext.read(tolerance.SPREAD_FILE.parents[2] / "notebooks" / f"{stem}.ipynb")
        # The record numbers cells in the source, notes included; the learner's notebook
        # has no notes, so the cell is found by the tolerance it declares.
        source = declaring_cell(nb, entry["rule"], name)
        assert source is not None, \
            f"{name}: no cell of {stem} declares it with rule {entry['rule']!r}; run benchmarks/spread.py {stem[:2]}"
        text = tolerance.sanitised("".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                                           for o in source.outputs))
        committed = [float(n.group().replace(",", "")) for n, rule, _ in covered(text, {entry["rule"]: name})
                     if rule is not None]
        measured = entry["values"]["pinned/0"]
        tol = entry["tolerance"]
        assert len(committed) == len(measured), f"{name}: the committed cell prints {len(committed)} numbers, the spread has {len(measured)}"
        for k, (a, b) in enumerate(zip(committed, measured)):
            t = tol[k] if isinstance(tol, list) else tol
            assert abs(a - b) <= t + 1e-9, f"{name}: number {k} is {a} committed, {b} measured (tolerance {t})"
        checked += 1
    assert checked >= 20
