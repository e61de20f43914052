"""The operator T f(x) = f(Ax) + f(Bx) and its exact eigenvalues, one degree at a time.

T maps a polynomial of degree d on the unit sphere to one of the same degree, so its
eigenfunctions can be found degree by degree, each time as a finite matrix problem:

* degree 1, f(x) = w·x: ``(Aᵀ + Bᵀ) w = λ w`` (`linear_spectrum`, h x h);
* degree 2, f(x) = xᵀMx with M symmetric and traceless: ``AᵀMA + BᵀMB = λ M``
  (`quadratic_spectrum`, 209 x 209 for h = 20);
* degree d in general: T on the harmonic polynomials of degree d (`harmonic_spectrum`;
  1,520 x 1,520 for d = 3 and h = 20).

`power_iteration` is the classical method on such a matrix; `eigen_residual` and
`subspace_share` say how close a vector or matrix is to an eigenvector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._checks import _check_dimension, _check_positive_int, _rng
from .matrices import _check_pair

__all__ = ["apply_T", "Spectrum", "linear_spectrum", "symmetric_traceless_basis", "quadratic_map",
           "quadratic_operator", "quadratic_spectrum", "power_iteration", "eigen_residual",
           "subspace_share", "HarmonicBasis", "harmonic_basis", "harmonic_operator",
           "harmonic_spectrum"]


def apply_T(f, A: np.ndarray, B: np.ndarray, X: np.ndarray) -> np.ndarray:
    """``(T f)(x) = f(A x) + f(B x)`` at each row x of X (n, h); f maps (n, h) to (n,)."""
    X = np.asarray(X)
    return f(X @ np.asarray(A).T) + f(X @ np.asarray(B).T)


@dataclass(frozen=True)
class Spectrum:
    """The eigenvalues of T restricted to functions of one degree, largest |λ| first.

    degree : 1 (linear functions w·x), 2 (quadratic forms xᵀMx, M symmetric traceless) or
        3 (harmonic cubics, `harmonic_spectrum`).
    eigenvalues : (d,) complex; real ones have imaginary part exactly 0 (LAPACK returns
        real eigenvalues of a real matrix as real numbers).
    eigenvectors : degree 1: (d, h) complex, row k the w of eigenvalue k, unit norm;
        degree 2: (d, h, h) complex, the matrix M of eigenvalue k, unit Frobenius norm.
        Eigenvectors of real eigenvalues are real (imaginary part 0). From
        `harmonic_spectrum`: coefficients in `harmonic_basis` (d, D), or None when they
        were not computed.

    "The dominant real eigenvalue" is the real eigenvalue of largest |λ| (`dominant_real`);
    it is the one a real eigenfunction can have. It can be smaller than `largest_abs`, the
    largest |λ| overall, when a complex pair is larger: no real function of this degree
    belongs to that pair, and a power iteration rotates in the plane the pair spans.
    """

    degree: int
    eigenvalues: np.ndarray
    eigenvectors: np.ndarray | None

    @property
    def is_real(self) -> np.ndarray:
        """(d,) bool: which eigenvalues are real."""
        return self.eigenvalues.imag == 0

    @property
    def real_eigenvalues(self) -> np.ndarray:
        """The real eigenvalues as floats, largest |λ| first."""
        return self.eigenvalues[self.is_real].real

    @property
    def dominant_real_index(self) -> int | None:
        """Index of the real eigenvalue of largest |λ|, or None when none is real."""
        idx = np.flatnonzero(self.is_real)
        return int(idx[0]) if len(idx) else None

    @property
    def dominant_real(self) -> float | None:
        """The real eigenvalue of largest |λ| (signed), or None when none is real."""
        k = self.dominant_real_index
        return None if k is None else float(self.eigenvalues[k].real)

    @property
    def dominant_real_vector(self) -> np.ndarray | None:
        """Its (real) eigenvector: (h,) for degree 1, (h, h) for degree 2."""
        k = self.dominant_real_index
        return None if k is None or self.eigenvectors is None else self.eigenvectors[k].real

    @property
    def largest_abs(self) -> float:
        """The largest |λ| among all eigenvalues, real or not."""
        return float(np.abs(self.eigenvalues[0]))

    @property
    def dominant_is_real(self) -> bool:
        """True when the largest |λ| belongs to a real eigenvalue."""
        return bool(self.is_real[0] or np.isclose(abs(self.eigenvalues[0]),
                                                  abs(self.dominant_real or 0.0), rtol=1e-12))

    def nearest(self, lam: float) -> int:
        """Index of the eigenvalue closest to the (real) number ``lam``."""
        return int(np.argmin(np.abs(self.eigenvalues - lam)))


def _sorted_spectrum(degree: int, values: np.ndarray, vectors: np.ndarray) -> Spectrum:
    # Round the ordering key a little so that a conjugate pair stays together, +imag first.
    order = np.lexsort((-values.imag, -values.real, -np.round(np.abs(values), 12)))
    return Spectrum(degree, values[order], None if vectors is None else vectors[order])


def linear_spectrum(A: np.ndarray, B: np.ndarray) -> Spectrum:
    """Eigenvalues and eigenvectors of ``Aᵀ + Bᵀ``: the linear eigenfunctions of T.

    For f(x) = w·x, ``T f(x) = w·Ax + w·Bx = ((Aᵀ + Bᵀ) w)·x``, so T f = λ f iff
    ``(Aᵀ + Bᵀ) w = λ w``. Returns a `Spectrum` of degree 1 with d = h eigenvalues.
    """
    A, B = _check_pair(A, B)
    values, vectors = np.linalg.eig(A.T + B.T)
    return _sorted_spectrum(1, values, vectors.T)


def symmetric_traceless_basis(h: int = 20) -> np.ndarray:
    """An orthonormal basis (Frobenius inner product) of the symmetric traceless h x h
    matrices: (h(h+1)/2 − 1, h, h) float64, 209 matrices for h = 20.

    First the off-diagonal pairs ``(e_i e_jᵀ + e_j e_iᵀ)/√2`` (i < j), then h − 1 traceless
    diagonal matrices (Helmert's contrasts: diag(1, …, 1, −k, 0, …) normalised).
    """
    h = _check_dimension(h)
    basis = []
    for i in range(h):
        for j in range(i + 1, h):
            E = np.zeros((h, h))
            E[i, j] = E[j, i] = 1 / math.sqrt(2)
            basis.append(E)
    for k in range(1, h):
        d = np.zeros(h)
        d[:k], d[k] = 1.0, -k
        basis.append(np.diag(d / np.linalg.norm(d)))
    return np.array(basis)


def quadratic_map(M: np.ndarray, A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """``Aᵀ M A + Bᵀ M B`` for one (h, h) matrix M or a stack (..., h, h).

    For f(x) = xᵀMx, ``T f(x) = xᵀ(Aᵀ M A + Bᵀ M B) x``: this map is T on quadratic forms.
    It keeps M symmetric, and traceless because ``tr(Aᵀ M A) = tr(M A Aᵀ) = tr M``.
    """
    return np.swapaxes(A, -1, -2) @ M @ A + np.swapaxes(B, -1, -2) @ M @ B


def quadratic_operator(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """The matrix of ``M ↦ AᵀMA + BᵀMB`` on the symmetric traceless matrices.

    In the basis E_1..E_d of `symmetric_traceless_basis` (d = h(h+1)/2 − 1): entry (a, b)
    is ``⟨E_a, Aᵀ E_b A + Bᵀ E_b B⟩``, so coefficients c of ``M = Σ c_b E_b`` are mapped
    to ``Q @ c``. Returns (d, d) float64.
    """
    A, B = _check_pair(A, B)
    E = symmetric_traceless_basis(len(A))
    images = quadratic_map(E, A, B)
    return np.einsum("aij,bij->ab", E, images)


def quadratic_spectrum(A: np.ndarray, B: np.ndarray) -> Spectrum:
    """Eigenvalues of T on quadratic forms xᵀMx with M symmetric and traceless.

    Traceless is the mean-0 condition: over the unit sphere the mean of xᵀMx is tr(M)/h,
    and M = I gives the constant 1 (λ = 2). Returns a `Spectrum` of degree 2 whose
    eigenvectors are the matrices M (d, h, h), with ``AᵀMA + BᵀMB = λ M``.
    """
    A, B = _check_pair(A, B)
    values, vectors = np.linalg.eig(quadratic_operator(A, B))
    E = symmetric_traceless_basis(len(A))
    mats = np.einsum("bk,bij->kij", vectors, E)   # columns of `vectors` are coefficients
    return _sorted_spectrum(2, values, mats)


# ------------------------------------------------------------- any degree: harmonic polynomials


@dataclass(frozen=True)
class HarmonicBasis:
    """An orthonormal basis of the harmonic homogeneous polynomials of one degree d in h
    variables, stored as symmetric d-tensors S (``f(x) = S[x, …, x]``).

    A symmetric tensor is stored by its entries at the index multisets i1 <= … <= id
    (``monomials``, (N, d)); each such entry stands for ``weight`` (N,) equal entries of the
    full h^d tensor (d! / the product of the multiplicities' factorials), so the Frobenius
    inner product of two tensors is ``sum(weight * u * v)``. ``U`` (N, D): column b holds
    basis tensor b, orthonormal in that inner product. Harmonic means trace-free (the sum
    over any repeated pair of indices is 0): on the unit sphere these functions have mean
    0 and are orthogonal to every polynomial of lower degree, and every polynomial of
    degree d on the sphere is a sum of harmonic ones of degrees d, d − 2, ….
    D = C(h+d−1, d) − C(h+d−3, d−2): 20, 209, 1,520 for h = 20 and d = 1, 2, 3.
    """

    h: int
    degree: int
    monomials: np.ndarray
    weight: np.ndarray
    U: np.ndarray

    @property
    def dimension(self) -> int:
        return self.U.shape[1]

    def full_tensors(self, coefficients: np.ndarray) -> np.ndarray:
        """The full (h,)*d tensors of the polynomials with these coefficients (k, D) in the
        basis: (k, h, …, h)."""
        import itertools

        c = np.atleast_2d(coefficients)
        entries = c @ self.U.T                                        # (k, N)
        out = np.zeros((len(c),) + (self.h,) * self.degree, dtype=entries.dtype)
        for n, idx in enumerate(self.monomials):
            for perm in set(itertools.permutations(idx)):
                out[(slice(None),) + perm] = entries[:, n]
        return out

    def evaluate(self, coefficients: np.ndarray, X: np.ndarray) -> np.ndarray:
        """The polynomials (k, D coefficients) at the rows of X (n, h): (k, n)."""
        X = np.asarray(X, dtype=np.float64)
        entries = np.atleast_2d(coefficients) @ self.U.T               # (k, N)
        products = np.prod(X[:, self.monomials], axis=2)             # (n, N) monomials
        return entries @ (self.weight * products).T


def harmonic_basis(h: int = 20, degree: int = 3) -> HarmonicBasis:
    """`HarmonicBasis` of the harmonic polynomials of ``degree`` (1, 2 or 3) in h variables."""
    import itertools

    h = _check_dimension(h)
    degree = _check_degree(degree)
    monomials = np.array(list(itertools.combinations_with_replacement(range(h), degree)))
    counts = np.array([np.bincount(m, minlength=h) for m in monomials])
    weight = math.factorial(degree) / np.prod([[math.factorial(c) for c in row] for row in counts],
                                              axis=1)
    if degree < 2:
        U = np.diag(1 / np.sqrt(weight))
        return HarmonicBasis(h, degree, monomials, weight, U)
    # The trace (contraction of the last two indices) maps degree-d tensors to degree d − 2.
    lower = {tuple(m): i for i, m in
             enumerate(itertools.combinations_with_replacement(range(h), degree - 2))}
    index = {tuple(m): i for i, m in enumerate(monomials)}
    trace = np.zeros((len(lower), len(monomials)))
    for m, i in lower.items():
        for j in range(h):
            trace[i, index[tuple(sorted(m + (j, j)))]] += 1.0
    # In orthonormal coordinates c of the symmetric tensors (entry = c / sqrt(weight)), the
    # harmonic ones are the null space of trace @ diag(1 / sqrt(weight)).
    _, s, Vt = np.linalg.svd(trace / np.sqrt(weight), full_matrices=True)
    rank = int(np.sum(s > 1e-10 * s[0]))
    U = Vt[rank:].T / np.sqrt(weight)[:, None]
    return HarmonicBasis(h, degree, monomials, weight, U)


def _check_degree(degree) -> int:
    if isinstance(degree, (bool, np.bool_)) or not isinstance(degree, (int, np.integer)) \
            or not 1 <= degree <= 3:
        raise ValueError(f"degree must be 1, 2 or 3, got {degree!r} (degree 4 would be an "
                         "8,645 x 8,645 matrix for h = 20: too large for a dense eigensolver "
                         "on a laptop).")
    return int(degree)


def harmonic_operator(A: np.ndarray, B: np.ndarray, degree: int = 3,
                      basis: HarmonicBasis | None = None) -> np.ndarray:
    """The matrix of T on the harmonic polynomials of ``degree`` (D x D, float64).

    For f(x) = S[x, …, x], f(Ax) = S'[x, …, x] with S' = S contracted with A on every index
    (``S'_{a…} = Σ S_{i…} A_{i a} …``), so T maps S to S·A + S·B. Column b is the image of
    basis polynomial b, in the same basis. Degree 1 gives Aᵀ + Bᵀ and degree 2 the matrix
    of M ↦ AᵀMA + BᵀMB in another orthonormal basis (same eigenvalues as
    `quadratic_operator`).
    """
    A, B = _check_pair(A, B)
    basis = harmonic_basis(len(A), degree) if basis is None else basis
    if basis.h != len(A):
        raise ValueError(f"basis is for h = {basis.h}, but A is {A.shape}.")
    d = basis.degree
    positions = tuple(basis.monomials.T)
    image = np.zeros((basis.dimension, len(basis.monomials)))
    eye = np.eye(basis.dimension)
    block = 256                                                      # basis tensors at a time
    for start in range(0, basis.dimension, block):
        S = basis.full_tensors(eye[start:start + block])             # (k, h, ..., h)
        for M in (A, B):
            T = S
            for axis in range(1, d + 1):                              # contract every index with M
                T = np.moveaxis(np.tensordot(T, M, axes=([axis], [0])), -1, axis)
            image[start:start + block] += T[(slice(None),) + positions]  # entries of S·M
    return basis.U.T @ (basis.weight[:, None] * image.T)


def harmonic_spectrum(A: np.ndarray, B: np.ndarray, degree: int = 3, *,
                      vectors: bool = False) -> Spectrum:
    """Eigenvalues of T on the harmonic polynomials of ``degree`` (1, 2 or 3): the new
    eigenfunctions of that degree (D = 20, 209 and 1,520 of them for h = 20).

    Every polynomial of degree 3 on the sphere is a harmonic cubic plus a linear function,
    so degrees 1 and 3 together give all of T's eigenvalues on cubics (and 2 with the
    constants all on quadratics). vectors : also compute the eigenvectors (their
    coefficients in `harmonic_basis`, (D, D)); for degree 3 that takes a few seconds more.
    """
    A, B = _check_pair(A, B)
    Q = harmonic_operator(A, B, degree)
    if vectors:
        values, vecs = np.linalg.eig(Q)
        return _sorted_spectrum(int(degree), values, vecs.T)
    values = np.linalg.eigvals(Q)
    return _sorted_spectrum(int(degree), values, None)


def power_iteration(M: np.ndarray, steps: int = 40, *, seed=0) -> np.ndarray:
    """The classical power iteration ``w ← M w / ‖M w‖`` from a random start.

    Returns the iterates (steps + 1, d), each of unit norm. For T on linear functions take
    ``M = Aᵀ + Bᵀ``. When the largest |λ| is real and positive the iterates settle; real
    and negative, they settle up to a sign that flips every step; a complex pair, they
    keep turning in the pair's plane by about the pair's angle arg λ per step.
    """
    M = np.asarray(M, dtype=np.float64)
    if M.ndim != 2 or M.shape[0] != M.shape[1]:
        raise ValueError(f"M must be a square matrix, got shape {M.shape}.")
    steps = _check_positive_int(steps, "steps")
    w = _rng(seed).standard_normal(len(M))
    out = [w / np.linalg.norm(w)]
    for _ in range(steps):
        w = M @ out[-1]
        out.append(w / np.linalg.norm(w))
    return np.array(out)


def eigen_residual(M: np.ndarray, A: np.ndarray, B: np.ndarray) -> tuple[float, float]:
    """How close a matrix M (h, h) is to an eigenvector of ``M ↦ AᵀMA + BᵀMB``.

    Returns (rho, residual): ``rho = ⟨M, TM⟩ / ⟨M, M⟩`` (the Rayleigh quotient, Frobenius
    inner product) and ``‖TM − rho M‖ / ‖TM‖``, 0 for an exact eigenvector. For a vector
    w (h,) the same with ``(Aᵀ + Bᵀ) w``.
    """
    A, B = _check_pair(A, B)
    M = np.asarray(M, dtype=np.float64)
    if M.shape == (len(A),):
        TM = (A.T + B.T) @ M
    elif M.shape == A.shape:
        TM = quadratic_map(M, A, B)
    else:
        raise ValueError(f"M must be a vector ({len(A)},) or a matrix {A.shape}, got {M.shape}.")
    norm = float((M * M).sum())
    if norm == 0:
        raise ValueError("M is zero: it has no eigenvalue.")
    rho = float((M * TM).sum()) / norm
    t = float(np.linalg.norm(TM))
    return rho, (float(np.linalg.norm(TM - rho * M)) / t if t > 0 else 0.0)


def subspace_share(v: np.ndarray, vectors: np.ndarray) -> float:
    """Share of ``‖v‖²`` that lies in the span of ``vectors`` (k, ...) (each flattened).

    Complex vectors (eigenvectors of complex eigenvalues) contribute their real and
    imaginary parts, which span the same real plane as the conjugate pair. 1 when v is in
    the span, 0 when orthogonal to it.
    """
    v = np.ravel(np.asarray(v, dtype=np.float64))
    V = np.asarray(vectors).reshape(len(vectors), -1)
    if V.shape[1] != v.size:
        raise ValueError(f"vectors must have the size of v ({v.size}) each, got {V.shape[1]}.")
    V = np.vstack([V.real, V.imag[np.abs(V.imag).max(axis=1) > 0]]) if np.iscomplexobj(V) else V
    if not (v @ v) > 0:
        raise ValueError("v is zero: it has no direction.")
    coef, *_ = np.linalg.lstsq(V.T, v, rcond=None)
    proj = V.T @ coef
    return float(proj @ proj / (v @ v))
