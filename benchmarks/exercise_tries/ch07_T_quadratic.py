"""Attempts at ch07.T_quadratic, written from the question and the notebook only."""

import numpy as np


def right_products(M, A, B):
    return A.T @ M @ A + B.T @ M @ B


def right_einsum(M, A, B):
    return np.einsum("ki,kl,lj->ij", A, M, A) + np.einsum("ki,kl,lj->ij", B, M, B)


def right_loop_over_entries(M, A, B):
    h = M.shape[0]
    out = np.zeros((h, h))
    for P in (A, B):
        for i in range(h):
            for j in range(h):
                out[i, j] += P[:, i] @ M @ P[:, j]
    return out


def wrong_transposes_swapped(M, A, B):
    """Puts the transposes on the wrong side: A M A^T + B M B^T."""
    return A @ M @ A.T + B @ M @ B.T


def wrong_B_forgotten(M, A, B):
    """Copy-paste slip: A^T M A twice, B never used."""
    return A.T @ M @ A + A.T @ M @ A


def wrong_elementwise(M, A, B):
    """Uses * (entry by entry) for the matrix products."""
    return A.T * M * A + B.T * M * B


def wrong_cross_terms(M, A, B):
    """Mixes the matrices: A^T M B + B^T M A."""
    return A.T @ M @ B + B.T @ M @ A


def wrong_sum_inside(M, A, B):
    """Takes f((A + B)x), (A + B)^T M (A + B), as if T f = f(Ax + Bx)."""
    S = A + B
    return S.T @ M @ S


def wrong_sequential_update(M, A, B):
    """Overwrites M with A^T M A first, then uses the new M in the B term."""
    M = A.T @ M @ A
    return M + B.T @ M @ B


def wrong_halved(M, A, B):
    """Averages the two terms, (A^T M A + B^T M B) / 2."""
    return (A.T @ M @ A + B.T @ M @ B) / 2
