"""A and B: the random orthogonal matrices of chapter 7, and random points on the sphere.

The eigenvector-network video asks for "random (but not Haar random)" orthogonal h x h
matrices without saying how they were drawn; `random_orthogonal` offers three readings.
Two hand-made pairs test the network on purpose: `mirror_pair` (a quadratic beats every
linear eigenfunction) and `near_negative` (B close to -A: every linear eigenvalue is small).
"""

from __future__ import annotations

import math

import numpy as np

from ._checks import _check_dimension, _rng

__all__ = ["KINDS", "random_orthogonal", "random_pair", "near_negative", "mirror_pair",
           "check_orthogonal", "random_unit_vectors"]

KINDS = ("qr", "haar", "expm")
"""How `random_orthogonal` draws a matrix; see there."""


def _expm_skew(S: np.ndarray) -> np.ndarray:
    """exp(S) for a real skew-symmetric S, through the eigenvectors of the Hermitian iS."""
    mu, U = np.linalg.eigh(1j * S)                 # S = U diag(-i mu) U^H
    return ((U * np.exp(-1j * mu)) @ U.conj().T).real


def random_orthogonal(h: int = 20, kind: str = "qr", *, seed=0, scale: float = 0.5) -> np.ndarray:
    """A random orthogonal matrix, (h, h) float64 with ``QᵀQ = I``.

    The eigenvector-network video asks for "random (but not Haar random)" orthogonal matrices without saying how
    they were drawn. ``kind`` picks an interpretation:

    * ``"qr"`` (default): the Q factor of the QR decomposition of a matrix of independent
      standard normals, *without* the sign correction. This is what ``qr(randn(h, h)).Q``
      gives in Julia (the video's notation, ``Dense``, ``Chain``, ``SkipConnection``, is
      Julia's Flux) and ``numpy.linalg.qr`` here. LAPACK's Householder QR makes the signs
      of R's diagonal depend on the matrix, so Q is *not* Haar-distributed (Mezzadri 2007,
      "How to generate random matrices from the classical compact groups"): its
      eigenvalues are not uniform on the circle.
    * ``"haar"``: the same Q with each column multiplied by the sign of R's diagonal
      entry, which makes it exactly Haar-distributed on O(h).
    * ``"expm"``: ``exp(S)`` for a random skew-symmetric ``S = scale (G − Gᵀ) / √(2h)``
      with G standard normal: a random rotation close to the identity when ``scale`` is
      small (rotation angles of order ``scale`` radians), far from Haar.

    seed : int or numpy.random.Generator (then it is advanced). scale : only for "expm".
    """
    h = _check_dimension(h)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}.")
    if not (isinstance(scale, (int, float, np.floating)) and math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive number (rotation angles in radians), "
                         f"got {scale!r}.")
    rng = _rng(seed)
    G = rng.standard_normal((h, h))
    if kind == "expm":
        return _expm_skew(scale * (G - G.T) / math.sqrt(2 * h))
    Q, R = np.linalg.qr(G)
    if kind == "haar":
        Q = Q * np.where(np.diag(R) < 0, -1.0, 1.0)
    return Q


def random_pair(h: int = 20, kind: str = "qr", *, seed=0, scale: float = 0.5):
    """(A, B): two independent `random_orthogonal` matrices drawn from one ``seed``."""
    rng = _rng(seed)
    return (random_orthogonal(h, kind, seed=rng, scale=scale),
            random_orthogonal(h, kind, seed=rng, scale=scale))


def near_negative(A: np.ndarray, eps: float = 0.2, *, seed=0) -> np.ndarray:
    """B = −A R with R a random rotation by angles of order ``eps`` (``random_orthogonal``
    of kind "expm"): B is close to −A, so ``Aᵀ + Bᵀ = (I − Rᵀ) Aᵀ`` is small (of order eps)
    and the linear eigenvalues are small, while the quadratic ones stay near 2."""
    A = check_orthogonal(A, "A")
    if not (isinstance(eps, (int, float, np.floating)) and math.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive number (how far B is from −A), got {eps!r}.")
    return -A @ random_orthogonal(len(A), "expm", seed=seed, scale=eps)


def mirror_pair(h: int = 20, kind: str = "qr", *, seed=0):
    """(A, B) that reflect the first two axes in opposite ways: ``A = diag(1, −1, R_A)``,
    ``B = diag(−1, 1, R_B)`` with R_A, R_B random orthogonal (`random_orthogonal` of
    ``kind``, size h − 2) on the other axes.

    Then the quadratics ``x_1² − x_2²`` (λ = +2) and ``x_1 x_2`` (λ = −2) are eigenfunctions
    with the largest |λ| that T can have on mean-0 functions, on *both* sides of the
    spectrum, while e1 and e2 have linear eigenvalue 0 and the other linear eigenvalues
    are those of the random blocks (|λ| well below 2). A case where degree 2 clearly
    beats degree 1, whichever sign the training settles on.
    """
    h = _check_dimension(h)
    if h < 3:
        raise ValueError(f"h must be at least 3 for mirror_pair, got {h}.")
    rng = _rng(seed)
    A, B = np.diag([1.0, -1.0] + [0.0] * (h - 2)), np.diag([-1.0, 1.0] + [0.0] * (h - 2))
    A[2:, 2:] = random_orthogonal(h - 2, kind, seed=rng)
    B[2:, 2:] = random_orthogonal(h - 2, kind, seed=rng)
    return A, B


def check_orthogonal(M, name: str = "A", *, tol: float = 1e-6) -> np.ndarray:
    """M as a float64 (h, h) array; ValueError naming ``name`` unless ``MᵀM = I`` (to ``tol``)."""
    M = np.asarray(M)
    if M.ndim != 2 or M.shape[0] != M.shape[1] or M.shape[0] < 2:
        raise ValueError(f"{name} must be a square (h, h) matrix with h >= 2, got shape {M.shape}.")
    if not (np.issubdtype(M.dtype, np.floating) or np.issubdtype(M.dtype, np.integer)):
        raise ValueError(f"{name} must hold real numbers, got dtype {M.dtype}.")
    M = M.astype(np.float64)
    if not np.isfinite(M).all():
        raise ValueError(f"{name} holds NaN or infinite entries.")
    err = float(np.abs(M.T @ M - np.eye(len(M))).max())
    if err > tol:
        raise ValueError(f"{name} must be orthogonal ({name}ᵀ{name} = I), but its entries of "
                         f"{name}ᵀ{name} − I reach {err:.3g}. Make one with random_orthogonal(h).")
    return M


def _check_pair(A, B) -> tuple[np.ndarray, np.ndarray]:
    A, B = check_orthogonal(A, "A"), check_orthogonal(B, "B")
    if A.shape != B.shape:
        raise ValueError(f"A and B must have the same shape, got {A.shape} and {B.shape}.")
    return A, B


def random_unit_vectors(n: int, h: int = 20, *, seed=0) -> np.ndarray:
    """n points drawn uniformly from the unit sphere in R^h: (n, h) float64, rows of norm 1."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}.")
    h = _check_dimension(h)
    X = _rng(seed).standard_normal((int(n), h))
    return X / np.linalg.norm(X, axis=1, keepdims=True)
