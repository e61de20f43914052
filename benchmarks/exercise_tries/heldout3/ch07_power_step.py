import numpy as np


def right_norm(M, w):
    v = M @ w
    return v / np.linalg.norm(v)


def right_loop(M, w):
    h = len(w)
    v = [sum(M[i, j] * w[j] for j in range(h)) for i in range(h)]
    length = sum(t * t for t in v) ** 0.5
    return np.array([t / length for t in v])


def right_dot(M, w):
    v = np.dot(M, w)
    return v / np.sqrt(v @ v)


def wrong_divide_by_sum(M, w):
    """Divides by the sum of the entries instead of the length."""
    v = M @ w
    return v / v.sum()


def wrong_norm_of_w(M, w):
    """Divides by the length of the old w instead of the new M w."""
    return M @ w / np.linalg.norm(w)


def wrong_transpose(M, w):
    """Applies Mᵀ (w @ M) instead of M."""
    v = w @ M
    return v / np.linalg.norm(v)


def wrong_no_normalisation(M, w):
    """Forgets to rescale: returns M w."""
    return M @ w


def wrong_max_abs(M, w):
    """Rescales by the largest |entry| (the infinity norm) instead of the length."""
    v = M @ w
    return v / np.abs(v).max()


def wrong_in_place(M, w):
    """Overwrites the caller's w in place."""
    w[:] = M @ w
    w /= np.linalg.norm(w)
    return w


def wrong_sign_fix(M, w):
    """Adds a sign convention (first entry made positive), which undoes the flips of a negative λ."""
    v = M @ w
    v = v / np.linalg.norm(v)
    return v if v[0] >= 0 else -v
