import numpy as np


def right_norm(M, w):
    v = M @ w
    return v / np.linalg.norm(v)


def right_loops(M, w):
    h = len(w)
    v = [sum(M[i, j] * w[j] for j in range(h)) for i in range(h)]
    length = sum(t * t for t in v) ** 0.5
    return np.array([t / length for t in v])


def right_dot_sqrt(M, w):
    v = np.dot(np.asarray(M, float), np.asarray(w, float))
    return v / np.sqrt(v @ v)


def wrong_transposed(M, w):
    """w @ M applies Mᵀ, not M"""
    v = w @ M
    return v / np.linalg.norm(v)


def wrong_no_rescale(M, w):
    """forgets to rescale: returns M w"""
    return M @ w


def wrong_norm_of_w(M, w):
    """divides by the length of the old w instead of the length of M w"""
    return M @ w / np.linalg.norm(w)


def wrong_max_scaling(M, w):
    """rescales by the largest entry (textbook power method) instead of the L2 length"""
    v = M @ w
    return v / np.abs(v).max()


def wrong_inplace(M, w):
    """overwrites the caller's w in place"""
    w[:] = M @ w
    w /= np.linalg.norm(w)
    return w


def wrong_norm_squared(M, w):
    """divides by ‖M w‖² instead of ‖M w‖"""
    v = M @ w
    return v / (v @ v)


def wrong_sign_fixed(M, w):
    """adds a sign rule: flips the result so its largest entry is positive"""
    v = M @ w
    v = v / np.linalg.norm(v)
    if v[np.argmax(np.abs(v))] < 0:
        v = -v
    return v
