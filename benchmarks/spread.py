"""How much the notebooks' trained numbers move with the random seed and with the processor.

    python benchmarks/spread.py [NN ...] [--seeds 5] [--jobs 2]     (make benchmarks runs it)

Every notebook that declares a tolerance (tests/tolerance.py) is executed top to bottom
several times: with ``--seeds`` different seeds (0 is the notebook as written; seed k adds
1000·k to every integer seed the notebook and `course/` give numpy's ``default_rng``,
torch's ``manual_seed`` and ``torch.Generator``, so every random start, shuffle and draw is
another one; in chapter 7 only torch's, see `TORCH_SEEDS_ONLY`), each on two code paths: the pinned path of this machine
(`course.reproducible.safe_pins`) and another processor's path
(`course.reproducible.ANOTHER_MACHINE`: torch's generic kernels, another OpenBLAS core type,
two threads). Each run trains its models afresh (a private model cache).

Written to ``benchmarks/results/spread.json`` (and its entries and saved-run tolerances,
which the chapters and the tests read, to ``course/results/spread.json``):
- ``entries``: for each tolerance a notebook names, the numbers its rule covers in every run,
  each number's range (largest minus smallest over seeds and paths), and the ``tolerance``
  the tests use for it: 1.5 times that range. For a number that varies like
  a normal draw, the range of 10 draws is about 3.1 standard deviations, and the
  difference between two draws (the committed run and another machine's) exceeds 1.5 ×
  that only about once in a thousand.
- ``verdicts``: every checked cell and every computed paragraph (markdown printed by a cell)
  whose words, with the numbers taken out, are not the same in every run: a verdict that
  turns with the random seed or the processor. The text must then show the spread or say less.
- ``saved run tolerances``: chapter 7's saved long runs that a test re-runs
  (`SAVED_RUNS`), each run on both paths with torch's seeds shifted as above: per field,
  1.5 times its range.
- ``path dependent``: checked cells with a number that no rule covers (so it is compared
  exactly) but that changes between runs: it needs a rule (when it is a trained number) or
  it is a verdict that turns (a best learning rate, a count of runs that pass).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from tolerance import sanitised  # noqa: E402  (nbval's sanitizers, as the tests apply them)
OUT = ROOT / "benchmarks" / "results" / "spread.json"
#: The part the chapters and the tests read, shipped with the package.
PACKAGED = ROOT / "course" / "results" / "spread.json"


def write(record: dict) -> None:
    """The full record to OUT; its entries and saved-run tolerances to PACKAGED."""
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    small = {k: record[k] for k in ("about", "entries", "saved run tolerances") if k in record}
    PACKAGED.parent.mkdir(parents=True, exist_ok=True)
    PACKAGED.write_text(json.dumps(small, indent=1, ensure_ascii=False) + "\n")
SEED_STEP = 1000
#: Notebooks whose numpy seeds name the problem, not the training: chapter 7's seed draws the
#: matrices A and B, and its rows are per matrix pair; there only torch's seeds (the network's
#: start and its training points) are shifted, so each row is the same problem trained anew.
TORCH_SEEDS_ONLY = {"07_eigenvector_network"}

#: Run first in the kernel for seed k > 0: shifts every integer seed by SEED_STEP * k.
SHIFT_SEEDS = """
import numpy as _np, torch as _torch
_SHIFT = {shift}
_default_rng = _np.random.default_rng
_NUMPY = {numpy}
def _shifted_rng(seed=None, *args, **kwargs):
    if _NUMPY and isinstance(seed, (int, _np.integer)) and not isinstance(seed, bool):
        seed = int(seed) + _SHIFT
    return _default_rng(seed, *args, **kwargs)
_np.random.default_rng = _shifted_rng
class _ShiftedGenerator(_torch.Generator):
    def manual_seed(self, seed):
        return super().manual_seed(int(seed) + _SHIFT)
_torch.Generator = _ShiftedGenerator
_manual_seed = _torch.manual_seed
_torch.manual_seed = lambda seed: _manual_seed(int(seed) + _SHIFT)
"""


#: Saved runs of chapter 7's long controls that tests/test_eigen_net_controls.py re-runs and
#: compares with benchmarks/results/eigen_net_controls.json, field by field.
SAVED_RUNS = [("cubic", ("chapter",)), ("mirror", (0, 1.0))]

_SAVED_RUN = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("controls", {path!r})
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
print(json.dumps(bench.RUNNERS[{group!r}](*{args!r})))
"""


def run_saved(group: str, args: tuple, path: str, seed: int) -> dict:
    """One saved run of benchmarks/eigen_net_controls.py, in a new process on ``path``, with
    torch's seeds shifted by SEED_STEP * seed (the matrices stay: numpy's seeds are kept)."""
    import subprocess

    from course.reproducible import another_machine_env, pin_numerics

    base = dict(os.environ)
    env = pin_numerics(dict(base)) if path == "pinned" else pin_numerics(another_machine_env(base))
    code = (SHIFT_SEEDS.format(shift=SEED_STEP * seed, numpy=False) if seed else "") + _SAVED_RUN.format(
        path=str(ROOT / "benchmarks" / "eigen_net_controls.py"), group=group, args=tuple(args))
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd=ROOT, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError(f"saved run {group} {args} on {path}, seed {seed}: {out.stderr[-2000:]}")
    print(f"  saved run {group} {tuple(args)} {path} seed {seed}: {time.perf_counter() - start:.0f} s", flush=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def saved_run_key(group: str, args) -> str:
    return f"saved run {group} {list(args)}"


def summarise_saved(saved: dict) -> dict:
    """{key: {field: 1.5 x range over seeds and paths}} for the numbers of each saved run."""
    out = {}
    for key, by_run in saved.items():
        fields = {}
        for field in next(iter(by_run.values())):
            values = [r[field] for r in by_run.values()]
            if field in ("seconds", "args") or not all(isinstance(v, (int, float)) for v in values):
                continue
            fields[field] = round(1.5 * (max(values) - min(values)), 12)
        out[key] = {"tolerance": fields, "runs": len(by_run)}
    return out


def _text(outputs) -> str:
    parts = []
    for o in outputs:
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        else:
            data = o.get("data", {})
            parts.append(data.get("text/markdown", data.get("text/plain", "")))
    return "".join(parts)


def run(notebook: Path, path: str, seed: int) -> dict:
    """Execute ``notebook`` once; returns {cell index: output text} for checked cells and
    cells that print markdown."""
    import jupytext
    from nbclient import NotebookClient
    from nbformat import v4

    from course.reproducible import another_machine_env, pin_numerics

    nb = jupytext.read(notebook)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    keep = list(range(len(nb.cells)))
    if seed:
        nb.cells.insert(0, v4.new_code_cell(SHIFT_SEEDS.format(shift=SEED_STEP * seed,
                                                              numpy=notebook.stem not in TORCH_SEEDS_ONLY)))
        keep = [i + 1 for i in keep]
    base = {k: v for k, v in os.environ.items()}
    env = pin_numerics(dict(base)) if path == "pinned" else pin_numerics(another_machine_env(base))
    with tempfile.TemporaryDirectory() as cache:
        env["COURSE_MODEL_CACHE"] = cache
        start = time.perf_counter()
        # allow_errors: one failing cell (a quote of an entry not measured yet) costs its own
        # output, not the run; errors are listed below.
        NotebookClient(nb, timeout=900, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(notebook.parent)}}).execute(env=env)
    failed = [i for i, c in zip(range(len(keep)), (nb.cells[j] for j in keep)) if c.cell_type == "code"
              and any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    if failed:
        print(f"  {notebook.stem} {path} seed {seed}: cells {failed} raised an error", flush=True)
    texts = {}
    for i, cell in zip(range(len(keep)), (nb.cells[j] for j in keep)):
        if cell.cell_type != "code":
            continue
        checked = "nbval-check-output" in cell.metadata.get("tags", [])
        md = any("text/markdown" in o.get("data", {}) for o in cell.get("outputs", []))
        if checked or md or cell.metadata.get("tolerance"):
            texts[str(i)] = sanitised(_text(cell.outputs))
    print(f"  {notebook.stem} {path} seed {seed}: {time.perf_counter() - start:.0f} s", flush=True)
    return texts


def declared(notebook: Path) -> dict[int, dict]:
    """{cell index: tolerance rules} of a notebook's cells."""
    import jupytext

    return {i: c.metadata["tolerance"] for i, c in enumerate(jupytext.read(notebook).cells)
            if c.cell_type == "code" and c.metadata.get("tolerance")}


def checked(notebook: Path) -> set[int]:
    """Indices of a notebook's cells that nbval compares."""
    import jupytext

    return {i for i, c in enumerate(jupytext.read(notebook).cells)
            if "nbval-check-output" in c.metadata.get("tags", [])}


def by_rule(text: str, rules: dict) -> dict[str, list[float]]:
    """{rule: the numbers of ``text`` it covers, in order} (tests/tolerance.py's `covered`)."""
    from tolerance import covered

    out: dict[str, list[float]] = {pattern: [] for pattern in rules}
    for number, rule, _ in covered(text, rules):
        if rule is not None:
            out[rule].append(float(number.group().replace(",", "")))
    return out


def unruled(text: str, rules: dict) -> list[str]:
    """The numbers of ``text`` that no rule covers: they must be the same on both paths."""
    from tolerance import covered

    return [number.group() for number, rule, _ in covered(text, rules) if rule is None]


def masked(text: str) -> str:
    """The words of an output, with every number replaced by '#'."""
    from tolerance import NUMBER

    return re.sub(" +", " ", NUMBER.sub("#", text))  # numbers out, and the padding of columns


def summarise(runs: dict) -> dict:
    """runs: {notebook stem: {"pinned/0": {cell: text}, ...}} -> entries, verdicts, and the
    checked numbers that no rule covers but that differ between the two paths."""
    entries: dict[str, dict] = {}
    verdicts, path_dependent = [], []
    for stem, by_run in runs.items():
        notebook = ROOT / "notebooks" / f"{stem}.py"
        rules = declared(notebook)
        checked_cells = checked(notebook)
        labels = sorted(by_run)
        seeds = sorted({label.split("/")[1] for label in labels})
        for cell in sorted({c for texts in by_run.values() for c in texts}, key=int):
            texts = {label: sanitised(by_run[label].get(cell, "")) for label in labels}
            cell_rules = rules.get(int(cell), {})
            numbers = {label: by_run_numbers for label, by_run_numbers in
                       ((label, by_rule(text, cell_rules)) for label, text in texts.items())}
            for pattern, name in cell_rules.items():
                if name in entries:
                    raise ValueError(f"{stem}: the tolerance name {name!r} is used twice; give each rule its own")
                values = {label: numbers[label][pattern] for label in labels}
                lengths = {len(v) for v in values.values()}
                entry = {"cell": f"{stem} cell {cell}", "rule": pattern, "values": values}
                if len(lengths) == 1:
                    ranges = [max(col) - min(col) for col in zip(*values.values())]
                    entry["range"] = [round(r, 10) for r in ranges]
                    entry["tolerance"] = [round(1.5 * r, 10) for r in ranges]
                else:                       # runs print different counts: one bound for all
                    flat = [x for v in values.values() for x in v]
                    entry["range"] = round(max(flat) - min(flat), 10) if flat else 0.0
                    entry["tolerance"] = round(1.5 * entry["range"], 10)
                    entry["note"] = "the runs print different numbers of values here: one tolerance for all"
                entries[name] = entry
            words = {masked(t) for t in texts.values()}
            if len(words) > 1:
                verdicts.append({"notebook": stem, "cell": int(cell),
                                 "runs": {label: texts[label][:600] for label in labels}})
            is_checked = int(cell) in checked_cells
            moving = {tuple(unruled(t, cell_rules)) for t in texts.values()}
            if is_checked and len(words) == 1 and len(moving) > 1:
                across_paths = any(unruled(texts.get(f"pinned/{seed}", ""), cell_rules)
                                   != unruled(texts.get(f"another/{seed}", ""), cell_rules) for seed in seeds)
                path_dependent.append({"notebook": stem, "cell": int(cell), "between paths": across_paths,
                                       "runs": {label: texts[label][:600] for label in labels}})
    return {"entries": entries, "verdicts": verdicts, "path dependent": path_dependent}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="NN prefixes (default: every notebook that declares a tolerance)")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--saved-runs-only", action="store_true",
                        help="run only chapter 7's saved runs (SAVED_RUNS), keeping the notebooks' runs")
    parser.add_argument("--summarise-only", action="store_true",
                        help="recompute entries and verdicts from the runs already saved (after editing a rule)")
    args = parser.parse_args(argv)
    if args.summarise_only:
        saved = json.loads(OUT.read_text())
        saved.update(summarise(saved["runs"]))
        saved["saved run tolerances"] = summarise_saved(saved.get("saved runs", {}))
        write(saved)
        report(saved)
        return 0
    if args.seeds < 2:
        parser.error("--seeds must be at least 2: a spread needs several runs")
    every = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.py"))
    chosen = [] if args.saved_runs_only else [
        p for p in every if (not args.notebooks and declared(p)) or any(p.name.startswith(n) for n in args.notebooks)]
    if not chosen and not args.saved_runs_only:
        parser.error("no notebook chosen (none declares a tolerance, or no name matched)")
    jobs = [(p, path, seed) for p in chosen for seed in range(args.seeds) for path in ("pinned", "another")]
    saved_jobs = [(g, a, path, seed) for g, a in SAVED_RUNS for seed in range(args.seeds)
                  for path in ("pinned", "another")] if not args.notebooks or "07" in args.notebooks \
        or args.saved_runs_only else []
    print(f"{len(jobs)} runs: {len(chosen)} notebooks x {args.seeds} seeds x 2 code paths, and "
          f"{len(saved_jobs)} of chapter 7's saved runs; {args.jobs} at a time")
    start = time.perf_counter()
    with ThreadPoolExecutor(args.jobs) as pool:
        saved_done = list(pool.map(lambda job: run_saved(*job), saved_jobs))
        done = list(pool.map(lambda job: run(*job), jobs))
    runs: dict = {}
    for (p, path, seed), texts in zip(jobs, done):
        runs.setdefault(p.stem, {})[f"{path}/{seed}"] = texts
    previous = json.loads(OUT.read_text()) if OUT.exists() else {}
    old_runs = previous.get("runs", {})
    old_runs.update(runs)                       # keep the notebooks not re-run this time
    saved_runs = previous.get("saved runs", {})
    for (group, a, path, seed), result in zip(saved_jobs, saved_done):
        saved_runs.setdefault(saved_run_key(group, a), {})[f"{path}/{seed}"] = result
    summary = summarise(old_runs)
    summary["saved run tolerances"] = summarise_saved(saved_runs)
    import numpy
    import torch

    result = {"about": {"command": "python benchmarks/spread.py " + " ".join(argv or sys.argv[1:]),
                        "seeds": args.seeds, "paths": ["pinned", "another"], "seed step": SEED_STEP,
                        "tolerance": "1.5 x the range over seeds and paths",
                        "machine": platform.machine(), "processor": _cpu_name(),
                        "python": platform.python_version(), "numpy": numpy.__version__,
                        "torch": torch.__version__},
              **summary, "runs": old_runs, "saved runs": saved_runs}
    write(result)
    print(f"\n{len(jobs)} runs in {time.perf_counter() - start:.0f} s; wrote {OUT.relative_to(ROOT)}")
    report(result)
    return 0


def report(summary: dict) -> None:
    for key, entry in summary.get("saved run tolerances", {}).items():
        print(f"{key} ({entry['runs']} runs): " + ", ".join(f"{f} {t:.3g}" for f, t in entry["tolerance"].items()))
    print(f"\n{'tolerance':<34} {'largest range':>13} {'numbers':>8}  cell")
    for name, entry in sorted(summary["entries"].items()):
        tol = entry["tolerance"]
        widest = max(entry["range"], default=0.0) if isinstance(tol, list) else entry["range"]
        count = len(tol) if isinstance(tol, list) else "all"
        print(f"{name:<34} {widest:>13.4g} {count!s:>8}  {entry['cell']}")
    print(f"\nwords that change between runs (a verdict to show with its spread, or to say less): "
          f"{len(summary['verdicts'])} cells")
    for v in summary["verdicts"]:
        print(f"  {v['notebook']} cell {v['cell']}")
    print(f"\nchecked cells with a number no rule covers that changes between runs: "
          f"{len(summary['path dependent'])}")
    for v in summary["path dependent"]:
        where = "between the two paths" if v["between paths"] else "with the random seed only"
        print(f"  {v['notebook']} cell {v['cell']} ({where})")


def _cpu_name() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    raise SystemExit(main())
