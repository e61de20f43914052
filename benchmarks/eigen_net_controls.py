"""Chapter 7's controls: the runs too long for the notebook, summarised in a file it reads.

    python benchmarks/eigen_net_controls.py              # everything, writes the summary
    python benchmarks/eigen_net_controls.py --jobs 2     # the same, on two processes
    python benchmarks/eigen_net_controls.py --only mirror fitted --no-save

Each run trains on one thread and is deterministic (fixed random seeds), so ``--jobs`` only
changes the wall time. Five groups of runs:

* ``minus_A``: B ≈ −A (B = −AR, R a random rotation of 0.3 rad), where every linear
  eigenvalue is small and the quadratic ones lie near ±2. Three pairs (the chapter's A,
  and two more), trained 1,000 and 5,000 plain gradient steps (lr 3) and 5,000 Adam steps
  (lr 2e-3, constant, and with a cosine decay to 1e-5). Measured: λ, R², the shares of N's
  variance that are linear, quadratic and of higher degree, and how far N's quadratic
  part xᵀMx is from an exact eigenvector (‖TM − ρM‖ / ‖TM‖, 0 when it is one).
* ``mirror``: the mirror pair (quadratics at λ = ±2 beat every linear eigenvalue) for five
  random seeds, with zero biases at the start (N odd) and with biases drawn with standard
  deviation 1 (``bias_init=1``), 3,000 plain steps: the even share of N at the start and
  at the end, the linear share, λ.
* ``skips``: seeds 0-9 of the chapter's experiment, 1,000 plain steps and 1,000 Adam steps
  (lr 2e-3): the skip matrices' relative distances, top-3 energy shares, and the cosines
  of the principal angles between their top-3 column spaces (pairwise, and with the row
  space of ``Dense(m, 3)``).
* ``fitted``: seeds 0-9, the fitted power iteration (targets from a copy of N renewed
  every 50 steps, 3,000 plain steps): λ and R² against the largest |λ| of Aᵀ + Bᵀ, and
  whether that eigenvalue is real.
* ``cubic``: the exact spectrum of T on harmonic cubics (1,520 x 1,520) for the chapter's
  pair, the mirror pair and the B ≈ −A pair, next to the linear and quadratic spectra.

The summary (floats to 6 significant figures) goes to
``benchmarks/results/eigen_net_controls.json``, which chapter 7 reads; it is plain JSON
(no code runs when it is read), saved after every run and marked complete at the end
(``--resume`` continues an interrupted run). Printed: one line per run with its wall and
CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from course.eigen_net import (EigenNet, column_space, cosine, eigen_residual, energy_share,  # noqa: E402
                              evaluate, even_share, harmonic_spectrum, linear_spectrum, mirror_pair,
                              near_negative, one_thread, principal_cosines, quadratic_spectrum,
                              random_pair, random_unit_vectors, relative_distance, run_seed,
                              train_eigen_net)
from course.training import write_atomically  # noqa: E402

SUMMARY = Path(__file__).resolve().parent / "results" / "eigen_net_controls.json"
H, M, KIND = 20, 40, "qr"
GROUPS = ("minus_A", "mirror", "skips", "fitted", "cubic")
PAIRS = ((0, 1), (0, 2), (1, 2))


def _r(x, digits=6):
    """A float rounded to ``digits`` significant figures (what the summary stores)."""
    return float(f"{float(x):.{digits}g}")


def minus_A_pair(pair: int):
    A = random_pair(H, KIND, seed=0)[0] if pair == 0 else random_pair(H, KIND, seed=100 + pair)[0]
    return A, near_negative(A, 0.3, seed=1000 + pair)


def _spectrum_summary(spec) -> dict:
    ev = spec.eigenvalues
    return {"largest_abs": _r(spec.largest_abs), "dominant_real": _r(spec.dominant_real),
            "dominant_is_real": bool(spec.dominant_is_real), "n": int(len(ev)),
            "n_real": int(spec.is_real.sum()), "min_real_part": _r(ev.real.min()),
            "max_real_part": _r(ev.real.max())}


def run_minus_A(pair: int, optimizer: str, steps: int, lr_end: float | None) -> dict:
    A, B = minus_A_pair(pair)
    lr = 3.0 if optimizer == "sgd" else 2e-3
    hist = train_eigen_net(A, B, steps, seed=pair, optimizer=optimizer, lr=lr, lr_end=lr_end,
                           progress=False, record_every=steps)
    with one_thread():
        ev = evaluate(hist.net, A, B, n=8192, seed=1, quadratic=True)
        quad = quadratic_spectrum(A, B)
    rho, residual = eigen_residual(ev.quadratic_matrix, A, B)
    return {"pair": pair, "optimizer": optimizer, "steps": steps, "lr": lr, "lr_end": lr_end,
            "lam": _r(ev.lam), "r2": _r(ev.r2), "linear": _r(ev.linear_share),
            "quadratic": _r(ev.quadratic_share), "rest": _r(ev.rest_share),
            "rho": _r(rho), "residual": _r(residual),
            "linear_largest_abs": _r(linear_spectrum(A, B).largest_abs),
            "quadratic_spectrum": _spectrum_summary(quad),
            "quadratic_near_two": int(np.sum(np.abs(quad.eigenvalues) > 1.9)),
            "seconds": _r(hist.seconds, 3)}


def run_mirror(seed: int, bias_init: float, steps: int = 3000) -> dict:
    A, B = mirror_pair(H, KIND, seed=seed)
    X = random_unit_vectors(4096, H, seed=2)
    start = even_share(EigenNet(H, M, bias_init=bias_init, seed=seed), X)
    hist = train_eigen_net(A, B, steps, seed=seed, bias_init=bias_init, progress=False,
                           record_every=steps)
    with one_thread():
        ev = evaluate(hist.net, A, B, n=8192, seed=1, quadratic=True)
    return {"seed": seed, "bias_init": bias_init, "steps": steps, "even_start": _r(start),
            "even_end": _r(even_share(hist.net, X)), "lam": _r(ev.lam), "r2": _r(ev.r2),
            "linear": _r(ev.linear_share), "quadratic": _r(ev.quadratic_share),
            "linear_largest_abs": _r(linear_spectrum(A, B).largest_abs),
            "seconds": _r(hist.seconds, 3)}


def skip_geometry(history) -> dict:
    """Distances, top-3 energies and principal cosines of the three skip matrices."""
    W = history.skips[-1].astype(np.float64)
    spaces = [column_space(w, 3) for w in W]
    rows3 = history.net.to3.weight.detach().numpy().astype(np.float64).T      # (m, 3)
    return {"distances": [_r(relative_distance(W[i], W[j])) for i, j in PAIRS],
            "energies": [_r(energy_share(w)) for w in W],
            "overlap": [_r(np.mean(principal_cosines(spaces[i], spaces[j]) ** 2)) for i, j in PAIRS],
            "overlap_to3": [_r(np.mean(principal_cosines(s, rows3) ** 2)) for s in spaces]}


def run_skips(seed: int, optimizer: str) -> dict:
    lr = 3.0 if optimizer == "sgd" else 2e-3
    report = run_seed(seed, kind=KIND, optimizer=optimizer, lr=lr)
    return {"seed": seed, "optimizer": optimizer, "r2": _r(report.r2), "rel_error": _r(report.rel_error),
            "converged": bool(report.r2 >= 0.98), **skip_geometry(report.history),
            "seconds": _r(report.seconds, 3)}


def run_fitted(seed: int, steps: int = 3000, every: int = 50) -> dict:
    A, B = random_pair(H, KIND, seed=seed)
    spec = linear_spectrum(A, B)
    hist = train_eigen_net(A, B, steps, seed=seed, target_every=every, progress=False,
                           record_every=steps)
    with one_thread():
        ev = evaluate(hist.net, A, B, n=8192, seed=seed + 2_000_003)
    top = spec.eigenvalues[0]
    return {"seed": seed, "steps": steps, "every": every, "lam": _r(ev.lam), "r2": _r(ev.r2),
            "largest_abs": _r(abs(top)), "largest_is_real": bool(spec.dominant_is_real),
            "dominant_real": _r(spec.dominant_real),
            "cosine": _r(cosine(ev.linear_coef, spec.dominant_real_vector)),
            "seconds": _r(hist.seconds, 3)}


def run_cubic(case: str) -> dict:
    if case == "chapter":
        A, B = random_pair(H, KIND, seed=0)
    elif case == "mirror":
        A, B = mirror_pair(H, KIND, seed=0)
    else:
        A, B = minus_A_pair(0)
    start = time.perf_counter()
    with one_thread():
        spectra = {"linear": linear_spectrum(A, B), "quadratic": quadratic_spectrum(A, B),
                   "cubic": harmonic_spectrum(A, B, 3)}
    return {"case": case, **{k: _spectrum_summary(v) for k, v in spectra.items()},
            "seconds": _r(time.perf_counter() - start, 3)}


def jobs(only) -> list[tuple[str, tuple]]:
    todo = []
    if "minus_A" in only:
        for pair in range(3):
            for opt, steps, lr_end in (("sgd", 1000, None), ("sgd", 5000, None),
                                       ("adam", 5000, None), ("adam", 5000, 1e-5)):
                todo.append(("minus_A", (pair, opt, steps, lr_end)))
    if "mirror" in only:
        todo += [("mirror", (seed, bias)) for seed in range(5) for bias in (0.0, 1.0)]
    if "skips" in only:
        todo += [("skips", (seed, opt)) for seed in range(10) for opt in ("sgd", "adam")]
    if "fitted" in only:
        todo += [("fitted", (seed,)) for seed in range(10)]
    if "cubic" in only:
        todo += [("cubic", (case,)) for case in ("chapter", "mirror", "minus_A")]
    return todo


RUNNERS = {"minus_A": run_minus_A, "mirror": run_mirror, "skips": run_skips, "fitted": run_fitted,
           "cubic": run_cubic}


def _run(job):
    group, args = job
    wall, cpu = time.perf_counter(), time.process_time()
    result = RUNNERS[group](*args)
    result["args"] = list(args)
    return group, result, time.perf_counter() - wall, time.process_time() - cpu


def _save(summary: dict, complete: bool, argv: list[str], seconds: float) -> None:
    summary["about"] = {"command": "python benchmarks/eigen_net_controls.py " + " ".join(argv),
                        "complete": complete, "machine": f"{os.cpu_count()} CPUs",
                        "torch_threads_per_run": 1, "wall_seconds": round(seconds)}
    text = json.dumps(summary, indent=1, ensure_ascii=False) + "\n"
    write_atomically(SUMMARY, lambda f: f.write(text.encode()))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=GROUPS, default=list(GROUPS))
    parser.add_argument("--jobs", type=int, default=1, help="processes (each run uses one thread)")
    parser.add_argument("--no-save", action="store_true", help="print only, do not write the summary")
    parser.add_argument("--resume", action="store_true",
                        help="keep the runs an interrupted run already saved; do only the rest")
    args = parser.parse_args(argv)
    print(f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, load "
          f"average {os.getloadavg()[0]:.2f} at the start; {args.jobs} process(es)")
    summary = json.loads(SUMMARY.read_text()) if SUMMARY.exists() and not args.no_save else {}
    for group in args.only:
        if not args.resume:
            summary[group] = []
        summary.setdefault(group, [])
    done = {(g, tuple(r.get("args", ()))) for g in args.only for r in summary[g]}
    todo = [job for job in jobs(args.only) if (job[0], tuple(job[1])) not in done]
    print(f"{len(todo)} runs to do" + (f" ({len(done)} kept from before)" if done else ""))
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) if args.jobs > 1 else _Serial() as pool:
        for group, result, wall, cpu in pool.map(_run, todo):
            summary[group].append(result)
            shown = {k: v for k, v in result.items() if not isinstance(v, (dict, list))}
            print(f"{group:8} wall {wall:6.1f} s  CPU {cpu:6.1f} s  {shown}", flush=True)
            if not args.no_save:
                _save(summary, False, argv, time.perf_counter() - start)
    total = time.perf_counter() - start
    print(f"\n{len(todo)} runs in {total:.0f} s; load average now {os.getloadavg()[0]:.2f}")
    if not args.no_save:
        for group in args.only:      # the order of jobs(), whatever order they were done in
            order = {tuple(a): i for i, (g, a) in enumerate(jobs([group]))}
            summary[group].sort(key=lambda r: order.get(tuple(r["args"]), len(order)))
        _save(summary, all(summary.get(g) for g in GROUPS), argv, total)
        print(f"summary written to {SUMMARY}")
    return 0


class _Serial:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, fn, items):
        return map(fn, items)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
