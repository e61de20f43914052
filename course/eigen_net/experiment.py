"""One random seed of chapter 7's experiment, end to end: draw A and B, compute the exact
spectrum, train the network, and measure everything the chapter's table shows."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..threads import one_thread
from .analysis import (Oscillation, cosine, effective_rank, energy_share, evaluate,
                       oscillation_detector, relative_distance)
from .matrices import random_pair
from .spectra import linear_spectrum
from .training import History, train_eigen_net

__all__ = ["SeedReport", "run_seed", "seeds_table", "CONTROL_GROUPS", "load_controls"]


@dataclass(frozen=True)
class SeedReport:
    """One seed of the chapter's experiment (`run_seed`): exact spectrum against the network.

    exact_real : the dominant real eigenvalue of Aᵀ + Bᵀ (the real one of largest |λ|).
    largest_abs, dominant_is_real : the largest |λ| of all, and whether it is that real one.
    learned : the network's eigenvalue estimate (signed slope; the video's λ is |learned|).
    found : the exact eigenvalue of Aᵀ + Bᵀ nearest to ``learned`` (complex when the
        network circles in the plane of a complex pair).
    edge : the exact eigenvalue at the edge of the spectrum on the side the network
        settled on: the smallest real part if ``learned < 0``, else the largest. The
        small-step power iteration converges to it when it is real.
    rel_error : ``| |learned| − |exact_real| | / |exact_real|``.
    r2, linear_share : of the final network, on ``n`` fresh unit vectors.
    cosine : of its linear part with the eigenvector of ``exact_real``.
    cosine_found : the same with the eigenvector of ``found`` (NaN if ``found`` is complex).
    ranks, energies : `effective_rank` (10 % threshold) and `energy_share` (k = 3) of the
        red, green and blue skip matrices at the end.
    distances : `relative_distance` of red–green, red–blue, green–blue.
    oscillation : `oscillation_detector` of the λ curve.
    seconds : training wall time. history : the `History`.
    """

    seed: int
    kind: str
    exact_real: float
    largest_abs: float
    dominant_is_real: bool
    learned: float
    found: complex
    edge: complex
    rel_error: float
    r2: float
    linear_share: float
    cosine: float
    cosine_found: float
    ranks: tuple
    energies: tuple
    distances: tuple
    oscillation: Oscillation
    seconds: float
    history: History = field(repr=False)

    @property
    def meets_targets(self) -> bool:
        """The chapter's targets: R² >= 0.98, |λ| within 3 % of the exact dominant real one,
        cosine >= 0.99 (the 10 s time target is reported separately: it depends on the machine)."""
        return self.r2 >= 0.98 and self.rel_error <= 0.03 and self.cosine >= 0.99


def run_seed(seed: int, *, kind: str = "qr", h: int = 20, n: int = 8192, scale: float = 0.5,
             **train_kwargs) -> SeedReport:
    """Draw A, B with `random_pair` (h, kind, seed), train with `train_eigen_net` (same seed,
    ``train_kwargs`` passed on, no progress bar unless asked) and measure everything the
    chapter's table shows. Eigenvalues of Aᵀ + Bᵀ must include a real one (true for even
    h only with probability < 1; raises ValueError otherwise)."""
    A, B = random_pair(h, kind, seed=seed, scale=scale)
    spec = linear_spectrum(A, B)
    if spec.dominant_real is None:
        raise ValueError(f"seed {seed}: Aᵀ + Bᵀ has no real eigenvalue, so no real linear "
                         "eigenfunction to compare with; pick another seed.")
    train_kwargs.setdefault("progress", False)
    hist = train_eigen_net(A, B, seed=seed, **train_kwargs)
    with one_thread():
        ev = evaluate(hist.net, A, B, n=n, seed=seed + 2_000_003)
    k = spec.nearest(ev.lam)
    found = complex(spec.eigenvalues[k])
    W = hist.skips[-1]
    pairs = [(0, 1), (0, 2), (1, 2)]
    return SeedReport(
        seed=int(seed), kind=kind, exact_real=spec.dominant_real, largest_abs=spec.largest_abs,
        dominant_is_real=spec.dominant_is_real, learned=ev.lam, found=found,
        edge=complex(spec.eigenvalues[np.argmin(spec.eigenvalues.real) if ev.lam < 0
                                      else np.argmax(spec.eigenvalues.real)]),
        rel_error=abs(abs(ev.lam) - abs(spec.dominant_real)) / abs(spec.dominant_real),
        r2=ev.r2, linear_share=ev.linear_share,
        cosine=cosine(ev.linear_coef, spec.dominant_real_vector),
        cosine_found=(cosine(ev.linear_coef, spec.eigenvectors[k].real) if spec.is_real[k]
                      else float("nan")),
        ranks=tuple(effective_rank(x) for x in W), energies=tuple(energy_share(x) for x in W),
        distances=tuple(relative_distance(W[i], W[j]) for i, j in pairs),
        oscillation=oscillation_detector(hist.lam), seconds=hist.seconds, history=hist)


def seeds_table(reports: list[SeedReport], *, seconds: bool = False) -> str:
    """The reports as a fixed-width text table, one row per seed (4 significant figures).

    Columns: seed; exact dominant real λ; largest |λ| overall ("*" when it is complex);
    learned λ; the exact eigenvalue it is nearest; relative error of |λ|; R²; linear share;
    cosine with the dominant real eigenvector, and with the eigenvector of the nearest
    exact eigenvalue ("–" when that one is complex); effective ranks R/G/B; top-3 energy shares;
    relative distances RG/RB/GB; oscillated; and with ``seconds`` the training time.
    """
    head = (f"{'seed':>4} {'exact λ':>8} {'max|λ|':>8} {'learned':>8} {'nearest exact':>15} "
            f"{'|λ| err':>8} {'R²':>7} {'linear':>7} {'cosine':>7} {'cos near':>8} {'ranks':>9} "
            f"{'top-3 energy':>15} {'distances RG/RB/GB':>19} {'osc.':>5}"
            + (f" {'train s':>8}" if seconds else ""))
    lines = [head]
    for r in reports:
        found = (f"{r.found.real:+.4f}" if r.found.imag == 0
                 else f"{r.found.real:+.3f}{r.found.imag:+.3f}i")
        star = "" if r.dominant_is_real else "*"
        lines.append(
            f"{r.seed:>4} {r.exact_real:>+8.4f} {r.largest_abs:>7.4f}{star or ' '} "
            f"{r.learned:>+8.4f} {found:>15} {r.rel_error:>8.2%} {r.r2:>7.4f} "
            f"{r.linear_share:>7.4f} {r.cosine:>7.4f} "
            f"{'–' if math.isnan(r.cosine_found) else f'{r.cosine_found:.4f}':>8} "
            f"{'/'.join(map(str, r.ranks)):>9} "
            f"{'/'.join(f'{e:.2f}' for e in r.energies):>15} "
            f"{'/'.join(f'{d:.2f}' for d in r.distances):>19} "
            f"{'yes' if r.oscillation.oscillated else 'no':>5}"
            + (f" {r.seconds:>8.2f}" if seconds else ""))
    return "\n".join(lines)


CONTROL_GROUPS = ("minus_A", "mirror", "skips", "fitted", "cubic")


def load_controls(path=None) -> dict:
    """The summary that ``benchmarks/eigen_net_controls.py`` wrote: runs too long for the
    notebook (B ≈ −A trained longer and with Adam, the mirror pair with biases, the skip
    matrices under Adam, the fitted power iteration over ten seeds, the cubic spectra).

    path : the JSON file (default: ``benchmarks/results/eigen_net_controls.json`` in the
    course's folder). Plain JSON: reading it runs no code. Returns a dict with one list
    of runs per group in `CONTROL_GROUPS` and an ``about`` entry (how it was made).
    """
    import json
    from pathlib import Path

    path = (Path(__file__).resolve().parents[2] / "benchmarks" / "results" /
            "eigen_net_controls.json") if path is None else Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the summary of chapter 7's long runs is missing. Make it "
                                "with: python benchmarks/eigen_net_controls.py (about 10 minutes "
                                "on two cores).")
    try:
        summary = json.loads(path.read_text())
    except json.JSONDecodeError as err:
        raise ValueError(f"{path} is not valid JSON ({err}); make it again with "
                         "python benchmarks/eigen_net_controls.py.") from None
    if not summary.get("about", {}).get("complete"):
        raise ValueError(f"{path} is incomplete (the benchmark was interrupted); finish it with "
                         "python benchmarks/eigen_net_controls.py --resume.")
    missing = [g for g in CONTROL_GROUPS if not summary.get(g)]
    if missing:
        raise ValueError(f"{path} has no runs for {missing}; make them with "
                         f"python benchmarks/eigen_net_controls.py --only {' '.join(missing)}.")
    return summary
