import numpy as np


def right_matmul(M, w):
    return (w @ M @ w) / (w @ w)


def right_loops(M, w):
    h = len(w)
    top = 0.0
    for i in range(h):
        for j in range(h):
            top += w[i] * M[i, j] * w[j]
    bottom = sum(float(v) ** 2 for v in w)
    return top / bottom


def right_dot(M, w):
    return float(np.dot(w, np.dot(M, w)) / np.dot(w, w))


def wrong_no_denominator(M, w):
    """Forgets to divide by wᵀw (assumes w has length 1)."""
    return w @ M @ w


def wrong_divide_by_norm(M, w):
    """Divides by ||w|| instead of wᵀw = ||w||^2."""
    return w @ M @ w / np.linalg.norm(w)


def wrong_mean_ratio(M, w):
    """Averages the entry-by-entry ratios (M w)_i / w_i."""
    return np.mean((M @ w) / w)


def wrong_length_ratio(M, w):
    """Uses ||M w|| / ||w||, which loses the sign (and is not ρ unless w is an eigenvector)."""
    return np.linalg.norm(M @ w) / np.linalg.norm(w)


def wrong_column_vectors(M, w):
    """Works with column vectors and returns a (1, 1) array, not a number."""
    col = w.reshape(-1, 1)
    return (col.T @ M @ col) / (col.T @ col)


def wrong_elementwise(M, w):
    """Uses * instead of @: sum(w * M * w) / sum(w * w)."""
    return np.sum(w * M * w) / np.sum(w * w)


def wrong_eigenvalue(M, w):
    """Ignores w and returns the real part of M's eigenvalue of largest size."""
    ev = np.linalg.eigvals(M)
    return float(ev[np.argmax(np.abs(ev))].real)
