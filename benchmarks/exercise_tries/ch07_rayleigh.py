"""Attempts at ch07.rayleigh, written from the question and the notebook only."""

import numpy as np


def right_matmul(M, w):
    return (w @ M @ w) / (w @ w)


def right_loops(M, w):
    h = len(w)
    num = 0.0
    for i in range(h):
        for j in range(h):
            num += w[i] * M[i, j] * w[j]
    den = sum(wi * wi for wi in w)
    return float(num / den)


def right_symmetric_part(M, w):
    S = (M + M.T) / 2                     # w^T M w only sees the symmetric part of M
    u = w / np.linalg.norm(w)
    return float(np.dot(u, np.dot(S, u)))


def wrong_no_denominator(M, w):
    """Forgets to divide by w^T w: returns w^T M w."""
    return w @ M @ w


def wrong_divided_by_length(M, w):
    """Divides by ||w|| instead of w^T w = ||w||^2."""
    return (w @ M @ w) / np.linalg.norm(w)


def wrong_abs_via_norms(M, w):
    """Uses ||M w|| / ||w||, which is |lambda| for an eigenvector: loses the sign."""
    return np.linalg.norm(M @ w) / np.linalg.norm(w)


def wrong_star_first(M, w):
    """Writes w * M @ w, i.e. (w * M) @ w, a vector, for w^T M w."""
    return (w * M @ w) / (w @ w)


def wrong_ratio_mean(M, w):
    """Averages the entry-by-entry ratio (M w)_i / w_i instead of the quotient of dot products."""
    return np.mean((M @ w) / w)


def wrong_integer_division(M, w):
    """Uses // (floor division) for the quotient."""
    return (w @ M @ w) // (w @ w)


def wrong_double_normalised(M, w):
    """Normalises w to length 1 and still divides by the original w^T w."""
    u = w / np.linalg.norm(w)
    return (u @ M @ u) / (w @ w)
