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
    return v / np.sqrt(np.dot(v, v))


def wrong_transpose(M, w):
    """w @ M: applies M^T instead of M"""
    v = w @ M
    return v / np.linalg.norm(v)


def wrong_normalise_input(M, w):
    """normalises w before applying M, so M w / |w| is not of length 1"""
    return M @ (w / np.linalg.norm(w))


def wrong_norm_squared(M, w):
    """divides by |Mw|^2 instead of |Mw|"""
    v = M @ w
    return v / (v @ v)


def wrong_max_normalise(M, w):
    """rescales by the largest |entry| (another textbook variant) instead of the length"""
    v = M @ w
    return v / np.max(np.abs(v))


def wrong_unnormalised(M, w):
    """returns M w without rescaling"""
    return M @ w


def wrong_l1(M, w):
    """divides by the sum of |entries| (L1) instead of the L2 length"""
    v = M @ w
    return v / np.sum(np.abs(v))


def wrong_sign_fixed(M, w):
    """flips the sign so that the first entry is positive (hides a negative eigenvalue's flip)"""
    v = M @ w
    v = v / np.linalg.norm(v)
    return v if v[0] >= 0 else -v
