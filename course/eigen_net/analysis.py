"""What the trained network computes, measured: its eigenvalue, how linear or quadratic it
is, and what its skip matrices look like (rank, equality, oscillation of the curves).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import _check_positive_int
from .matrices import _check_pair, random_unit_vectors
from .network import EigenNet, r_squared

__all__ = ["Evaluation", "evaluate", "estimate_lambda", "linear_part", "quadratic_part",
           "even_share", "cosine", "singular_values", "effective_rank", "energy_share",
           "relative_distance", "column_space", "principal_cosines", "Oscillation",
           "oscillation_detector", "skip_rgb"]


def _check_values(values, X) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be points as rows, shape (n, h), got shape {X.shape}.")
    if v.shape != (len(X),):
        raise ValueError(f"values must be one number per row of X, shape ({len(X)},), "
                         f"got {v.shape}.")
    return v, X


def linear_part(values: np.ndarray, X: np.ndarray) -> tuple[float, np.ndarray]:
    """Least-squares fit ``values ≈ c + w·x`` over the rows x of X (n, h).

    Returns (share, w): ``share = 1 − residual variance / variance of values``, the share
    of the variance explained by a linear function, and w (h,). On the sphere, functions
    of different degree are orthogonal, so share is (up to sampling noise) the fraction
    of N's mean-0 part that is of degree 1.
    """
    v, X = _check_values(values, X)
    design = np.hstack([np.ones((len(X), 1)), X])
    coef, *_ = np.linalg.lstsq(design, v, rcond=None)
    resid = v - design @ coef
    total = float(((v - v.mean()) ** 2).sum())
    share = 1.0 - float((resid ** 2).sum()) / total if total > 0 else 0.0
    return share, coef[1:]


def _quadratic_features(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    i, j = np.triu_indices(X.shape[1])
    return X[:, i] * X[:, j], i, j


def quadratic_part(values: np.ndarray, X: np.ndarray) -> tuple[float, np.ndarray]:
    """The extra share of variance explained by a quadratic form, over the linear fit.

    Fits ``values ≈ c + w·x + xᵀ M x`` by least squares (needs n > h(h+3)/2 + 1 points)
    and returns (share, M): share = (R² of that fit) − (R² of the linear fit), and M
    (h, h) symmetric with its trace removed (on the sphere ``xᵀ I x = 1`` is a constant).
    """
    v, X = _check_values(values, X)
    h = X.shape[1]
    if len(X) <= h * (h + 3) // 2 + 1:
        raise ValueError(f"X: a quadratic fit in h = {h} dimensions needs more than "
                         f"{h * (h + 3) // 2 + 1} points, got {len(X)}.")
    quad, i, j = _quadratic_features(X)
    design = np.hstack([np.ones((len(X), 1)), X, quad])
    coef, *_ = np.linalg.lstsq(design, v, rcond=None)
    total = float(((v - v.mean()) ** 2).sum())
    both = 1.0 - float(((v - design @ coef) ** 2).sum()) / total if total > 0 else 0.0
    lin, _ = linear_part(v, X)
    c = coef[1 + h:]
    M = np.zeros((h, h))
    M[i, j] = np.where(i == j, c, c / 2)
    M = np.triu(M) + np.triu(M, 1).T
    M -= np.trace(M) / h * np.eye(h)
    return both - lin, M


def skip_rgb(skips: np.ndarray, scale: float | None = None) -> np.ndarray:
    """The three skip matrices (3, m, m) as one RGB picture (m, m, 3) uint8.

    Matrix c sets channel c (red, green, blue): ``127.5 + 127.5 W / s``, clipped to
    0..255, so an entry 0 is mid-grey in that channel and ±s is full or no intensity.
    s is ``scale``, or by default 3 times the root-mean-square entry of the three
    matrices (each frame its own contrast; the few larger entries are clipped, so that
    the pattern of the many small ones stays visible). Where the three matrices agree the
    pixel is a shade of grey; colour shows where they differ.
    """
    W = np.asarray(skips, dtype=np.float64)
    if W.ndim != 3 or W.shape[0] != 3 or W.shape[1] != W.shape[2]:
        raise ValueError(f"skips must be three square matrices, shape (3, m, m), got {W.shape}.")
    s = 3 * float(np.sqrt(np.mean(W ** 2))) if scale is None else float(scale)
    if not s > 0:
        return np.full(W.shape[1:] + (3,), 128, dtype=np.uint8)
    return np.clip(np.round(127.5 + 127.5 * W / s), 0, 255).astype(np.uint8).transpose(1, 2, 0)


def _slope(n_values: np.ndarray, y: np.ndarray) -> float:
    dn = n_values - n_values.mean()
    var = float((dn * dn).sum())
    return float((dn * (y - y.mean())).sum()) / var if var > 0 else float("nan")


@dataclass(frozen=True)
class Evaluation:
    """What N does at n fresh points: see `evaluate`."""

    lam: float
    r2: float
    linear_share: float
    linear_coef: np.ndarray
    quadratic_share: float | None = None
    quadratic_matrix: np.ndarray | None = None

    @property
    def rest_share(self) -> float | None:
        """Share of N's variance that is neither linear nor quadratic (degree 3 and up)."""
        if self.quadratic_share is None:
            return None
        return 1.0 - self.linear_share - self.quadratic_share


def evaluate(net: EigenNet, A: np.ndarray, B: np.ndarray, *, n: int = 4096, seed: int = 12345,
             X: np.ndarray | None = None, quadratic: bool = False) -> Evaluation:
    """Measure N at points x (``X``, or n fresh unit vectors from ``seed``).

    lam : the regression slope of y = T N(x) on N(x), ``cov(N, y) / var(N)``: if N is an
        eigenfunction, y = λ N + const, and the slope is λ (with its sign).
    r2 : `r_squared` (N(x), y), 1 for an exact eigenfunction.
    linear_share, linear_coef : `linear_part` of N.
    quadratic_share, quadratic_matrix : `quadratic_part` of N (when ``quadratic``).
    """
    A, B = _check_pair(A, B)
    if X is None:
        X = random_unit_vectors(n, len(A), seed=seed)
    X = np.asarray(X, dtype=np.float64)
    values = net.numpy(X)
    y = net.numpy(X @ A.T) + net.numpy(X @ B.T)
    share, w = linear_part(values, X)
    q_share = q_M = None
    if quadratic:
        q_share, q_M = quadratic_part(values, X)
    return Evaluation(_slope(values, y), float(r_squared(values, y)), share, w, q_share, q_M)


def even_share(f, X: np.ndarray) -> float:
    """Share of the variance of f over the points X (n, h) that is even, f(−x) = f(x).

    f is an `EigenNet` (or anything with a ``numpy(X)`` method) or a function from (n, h)
    to (n,). Splits ``f = even + odd`` with ``even(x) = (f(x) + f(−x)) / 2``; returns
    ``var(even) / (var(even) + var(odd))`` (the two parts are uncorrelated when the points
    come in ± pairs, so this is the share of the variance). 0 for an odd function such as
    w·x, 1 for an even one such as xᵀMx.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be points as rows, shape (n, h), got shape {X.shape}.")
    call = f.numpy if hasattr(f, "numpy") else f
    plus, minus = np.asarray(call(X), dtype=np.float64), np.asarray(call(-X), dtype=np.float64)
    even, odd = (plus + minus) / 2, (plus - minus) / 2
    total = float(np.var(even) + np.var(odd))
    return float(np.var(even)) / total if total > 0 else 0.0


def estimate_lambda(net: EigenNet, A: np.ndarray, B: np.ndarray, *, n: int = 4096,
                    seed: int = 12345) -> float:
    """The eigenvalue N has found: the slope of T N on N over n fresh unit vectors (signed;
    the video's λ is its absolute value). See `evaluate`."""
    return evaluate(net, A, B, n=n, seed=seed).lam


def cosine(u: np.ndarray, v: np.ndarray) -> float:
    """``|u·v| / (|u| |v|)`` for vectors or matrices (flattened; Frobenius for matrices).

    The absolute value because an eigenvector's sign is arbitrary. For the functions
    w·x, or xᵀMx with M traceless, it is also the cosine of the functions themselves in
    L² of the sphere (``E[(w·x)(v·x)] = w·v / h``; for traceless forms
    ``E[(xᵀMx)(xᵀNx)] = 2 tr(MN) / (h(h+2))``).
    """
    u, v = np.ravel(np.asarray(u)), np.ravel(np.asarray(v))
    if u.shape != v.shape:
        raise ValueError(f"cosine: u and v must have the same size, got {u.size} and {v.size}.")
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0 or nv == 0:
        raise ValueError("cosine: a zero vector has no direction.")
    return float(abs(np.vdot(u, v)) / (nu * nv))


def singular_values(W: np.ndarray) -> np.ndarray:
    """Singular values of a matrix (or of each matrix in a stack), largest first."""
    return np.linalg.svd(np.asarray(W, dtype=np.float64), compute_uv=False)


def effective_rank(W: np.ndarray, *, threshold: float = 0.1, method: str = "threshold") -> float:
    """How many directions a matrix really uses.

    method ``"threshold"`` (default): the number of singular values above ``threshold``
    times the largest (an int; a rank-2 matrix gives 2 for any threshold in (0, 1) as
    long as its second singular value is above threshold x the first).
    method ``"entropy"``: ``exp(H(p))`` with p the singular values divided by their sum
    (Roy and Vetterli 2007): a float between 1 and min(shape), with k equal singular
    values giving exactly k.
    """
    W = np.asarray(W, dtype=np.float64)
    if W.ndim != 2:
        raise ValueError(f"W must be one matrix (2 dimensions), got shape {W.shape}.")
    if method not in ("threshold", "entropy"):
        raise ValueError(f"method must be 'threshold' or 'entropy', got {method!r}.")
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must lie strictly between 0 and 1 (a fraction of the largest "
                         f"singular value), got {threshold!r}.")
    s = singular_values(W)
    if s[0] == 0:
        return 0 if method == "threshold" else 0.0
    if method == "threshold":
        return int((s > threshold * s[0]).sum())
    p = s / s.sum()
    p = p[p > 0]
    return float(np.exp(-(p * np.log(p)).sum()))


def energy_share(W: np.ndarray, k: int = 3) -> float:
    """Share of ``‖W‖²`` (squared Frobenius norm) carried by the k largest singular values:
    1 for a matrix of rank <= k; about 0.26 for k = 3 and a random 40 x 40 Gaussian matrix.
    "Approximately rank k" means close to 1."""
    W = np.asarray(W, dtype=np.float64)
    if W.ndim != 2:
        raise ValueError(f"W must be one matrix (2 dimensions), got shape {W.shape}.")
    k = _check_positive_int(k, "k")
    s2 = singular_values(W) ** 2
    return float(s2[:k].sum() / s2.sum()) if s2.sum() > 0 else 1.0


def relative_distance(W1: np.ndarray, W2: np.ndarray) -> float:
    """``‖W1 − W2‖ / ((‖W1‖ + ‖W2‖) / 2)``, Frobenius norms.

    0 when equal, 2 when W2 = −W1, and about √2 ≈ 1.41 for two unrelated random
    matrices of equal size: "approximately equal" means well below that.
    """
    W1, W2 = np.asarray(W1, dtype=np.float64), np.asarray(W2, dtype=np.float64)
    if W1.shape != W2.shape:
        raise ValueError(f"relative_distance: W1 and W2 must have the same shape, got "
                         f"{W1.shape} and {W2.shape}.")
    mean_norm = (np.linalg.norm(W1) + np.linalg.norm(W2)) / 2
    if mean_norm == 0:
        return 0.0
    return float(np.linalg.norm(W1 - W2) / mean_norm)



def column_space(W: np.ndarray, k: int = 3) -> np.ndarray:
    """An orthonormal basis (m, k) of the k most important directions of W's columns: its
    first k left singular vectors (the space a rank-k approximation of W writes into)."""
    W = np.asarray(W, dtype=np.float64)
    if W.ndim != 2:
        raise ValueError(f"W must be one matrix (2 dimensions), got shape {W.shape}.")
    k = _check_positive_int(k, "k")
    if k > min(W.shape):
        raise ValueError(f"k = {k} is more directions than W {W.shape} has.")
    return np.linalg.svd(W, full_matrices=False)[0][:, :k]


def principal_cosines(U: np.ndarray, V: np.ndarray) -> np.ndarray:
    """Cosines of the principal angles between the spans of U's and V's columns, largest
    first: (min(k_U, k_V),), each in [0, 1].

    1 for a direction both spaces share, 0 for perpendicular ones. The mean of their
    squares is the overlap: 1 for the same space, and on average k / m for two random
    k-dimensional spaces in R^m (0.075 for k = 3, m = 40). The columns need not be
    orthonormal (they are orthonormalised first)."""
    U, V = np.asarray(U, dtype=np.float64), np.asarray(V, dtype=np.float64)
    if U.ndim != 2 or V.ndim != 2 or U.shape[0] != V.shape[0]:
        raise ValueError(f"U and V must be matrices with the same number of rows (vectors as "
                         f"columns), got shapes {U.shape} and {V.shape}.")
    qu, qv = np.linalg.qr(U)[0], np.linalg.qr(V)[0]
    return np.clip(np.linalg.svd(qu.T @ qv, compute_uv=False), 0.0, 1.0)

@dataclass(frozen=True)
class Oscillation:
    """What `oscillation_detector` found.

    oscillated : True when the tail of the sequence switched between a low and a high
        level at least ``min_switches`` times, with levels clearly apart.
    switches : how many times it crossed from one level to the other.
    low, high : the two levels (10th and 90th percentiles of the tail).
    spread : ``(high − low) / max(|median|, floor)``, the relative size of the swings.
    """

    oscillated: bool
    switches: int
    low: float
    high: float
    spread: float


def oscillation_detector(values, *, tail: float = 0.5, min_spread: float = 0.05,
                         min_switches: int = 2, floor: float = 1e-3) -> Oscillation:
    """Does a training curve (e.g. `History.lam`) keep swinging between two levels?

    Look at the last ``tail`` of the sequence. Its 10th and 90th percentiles are the low
    and high levels; if they are less than ``min_spread`` apart (relative to the
    median's size, at least ``floor``), the curve has settled: no oscillation. Otherwise
    count switches with hysteresis (a Schmitt trigger): the state becomes "high" when a
    value rises above the upper quarter between the levels, "low" when it falls below
    the lower quarter; small jitter in between changes nothing. A curve that still
    drifts in one direction switches at most once; a curve that goes back and forth
    between two solutions switches many times. It oscillated when it switched at least
    ``min_switches`` times.
    """
    v = np.asarray(values, dtype=np.float64).ravel()
    if not 0 < tail <= 1:
        raise ValueError(f"tail must be a fraction in (0, 1], got {tail!r}.")
    if min_switches < 1:
        raise ValueError(f"min_switches must be at least 1, got {min_switches!r}.")
    v = v[int(len(v) * (1 - tail)):]
    if len(v) < 4 or not np.isfinite(v).all():
        raise ValueError(f"values: need at least 4 finite numbers in the last {tail:.0%} of the "
                         f"sequence, got {len(v)} ({int((~np.isfinite(v)).sum())} not finite).")
    low, high = np.percentile(v, [10, 90])
    spread = (high - low) / max(abs(float(np.median(v))), floor)
    switches, state = 0, None
    if spread >= min_spread:
        lo_mark, hi_mark = low + 0.25 * (high - low), high - 0.25 * (high - low)
        for x in v:
            new = "high" if x > hi_mark else "low" if x < lo_mark else state
            if state is not None and new != state:
                switches += 1
            state = new
    return Oscillation(bool(spread >= min_spread and switches >= min_switches), switches,
                       float(low), float(high), float(spread))
