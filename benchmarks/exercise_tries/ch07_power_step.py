"""Attempts at ch07.power_step, written from the question and the notebook only."""

import numpy as np
import torch


def right_numpy(M, w):
    v = M @ w
    return v / np.linalg.norm(v)


def right_loops(M, w):
    h = len(w)
    v = [sum(M[i][j] * w[j] for j in range(h)) for i in range(h)]
    length = sum(t * t for t in v) ** 0.5
    return np.array([t / length for t in v])


def right_torch(M, w):
    v = torch.as_tensor(M, dtype=torch.float64) @ torch.as_tensor(w, dtype=torch.float64)
    return (v / torch.linalg.vector_norm(v)).numpy()


def wrong_transposed(M, w):
    """Multiplies w @ M (that is M^T w) instead of M @ w."""
    v = w @ M
    return v / np.linalg.norm(v)


def wrong_star_for_matmul(M, w):
    """Uses M * w (broadcast, an h x h array) instead of M @ w."""
    v = M * w
    return v / np.linalg.norm(v)


def wrong_norm_of_old_w(M, w):
    """Divides by the length of the old w instead of the length of M w."""
    return M @ w / np.linalg.norm(w)


def wrong_max_normalised(M, w):
    """Rescales by the largest entry (the textbook variant) instead of the length."""
    v = M @ w
    return v / np.abs(v).max()


def wrong_norm_squared(M, w):
    """Divides by ||M w||^2 (v / (v @ v)) instead of ||M w||."""
    v = M @ w
    return v / (v @ v)


def wrong_not_normalised(M, w):
    """Forgets to rescale: returns M w."""
    return M @ w


def wrong_in_place(M, w):
    """Overwrites the caller's w in place (w[:] = M @ w; w /= ...) and returns it."""
    w[:] = M @ w
    w /= np.linalg.norm(w)
    return w
