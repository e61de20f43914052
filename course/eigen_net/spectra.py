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
           "subspace_share"]


def apply_T(f, A: np.ndarray, B: np.ndarray, X: np.ndarray) -> np.ndarray:
    """``(T f)(x) = f(A x) + f(B x)`` at each row x of X (n, h); f maps (n, h) to (n,)."""
    X = np.asarray(X)
    return f(X @ np.asarray(A).T) + f(X @ np.asarray(B).T)


@dataclass(frozen=True)
class Spectrum:
    """The eigenvalues of T restricted to functions of one degree, largest |λ| first.

    degree : 1 (linear functions w·x) or 2 (quadratic forms xᵀMx, M symmetric traceless).
    eigenvalues : (d,) complex; real ones have imaginary part exactly 0 (LAPACK returns
        real eigenvalues of a real matrix as real numbers).
    eigenvectors : degree 1: (d, h) complex, row k the w of eigenvalue k, unit norm;
        degree 2: (d, h, h) complex, the matrix M of eigenvalue k, unit Frobenius norm.
        Eigenvectors of real eigenvalues are real (imaginary part 0).

    "The dominant real eigenvalue" is the real eigenvalue of largest |λ| (`dominant_real`);
    it is the one a real eigenfunction can have. It can be smaller than `largest_abs`, the
    largest |λ| overall, when a complex pair is larger: no real function of this degree
    belongs to that pair, and a power iteration rotates in the plane the pair spans.
    """

    degree: int
    eigenvalues: np.ndarray
    eigenvectors: np.ndarray

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
        return None if k is None else self.eigenvectors[k].real

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
    return Spectrum(degree, values[order], vectors[order])


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
