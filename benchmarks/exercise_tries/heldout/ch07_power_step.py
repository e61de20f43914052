import numpy as np


def right_norm(M, w):
    v = M @ w
    return v / np.linalg.norm(v)


def right_dot_sqrt(M, w):
    v = np.dot(M, w)
    return v / np.sqrt(v @ v)


def right_loops(M, w):
    h = len(w)
    v = [sum(float(M[i, j]) * float(w[j]) for j in range(h)) for i in range(h)]
    length = sum(c * c for c in v) ** 0.5
    return np.array([c / length for c in v])


def wrong_row_vector(M, w):
    """w @ M (that is M^T w) instead of M @ w."""
    v = w @ M
    return v / np.linalg.norm(v)


def wrong_elementwise_sum_axis0(M, w):
    """(M * w).sum(axis=0): broadcasting * and summing over the wrong axis."""
    v = (M * w).sum(axis=0)
    return v / np.linalg.norm(v)


def wrong_normalise_before(M, w):
    """Normalises w first and returns M (w / ||w||), which is not of length 1."""
    return M @ (w / np.linalg.norm(w))


def wrong_max_entry(M, w):
    """Divides by the largest |entry| of Mw (the textbook infinity-norm scaling), not its length."""
    v = M @ w
    return v / np.abs(v).max()


def wrong_returns_tuple(M, w):
    """Returns (new w, ||Mw||), the eigenvalue estimate too, instead of only the new w."""
    v = M @ w
    n = np.linalg.norm(v)
    return v / n, n


def wrong_sign_rule(M, w):
    """Flips the result so its largest entry is positive (chapter 4's sign rule), changing the iterate's sign."""
    v = M @ w
    v = v / np.linalg.norm(v)
    return v if v[np.argmax(np.abs(v))] > 0 else -v


def wrong_in_place(M, w):
    """Writes the new vector into the given w (w[:] = ...), changing the caller's array."""
    w[:] = M @ w
    w /= np.linalg.norm(w)
    return w
