import numpy as np


def right_matmul(M, w):
    return (w @ M @ w) / (w @ w)


def right_dot(M, w):
    return float(np.dot(w, np.dot(M, w)) / np.dot(w, w))


def right_loops(M, w):
    h = len(w)
    num = sum(w[i] * M[i, j] * w[j] for i in range(h) for j in range(h))
    den = sum(w[i] ** 2 for i in range(h))
    return num / den


def wrong_no_denominator(M, w):
    """forgets to divide by w^T w (assumes w has length 1)"""
    return w @ M @ w


def wrong_norm_not_squared(M, w):
    """divides by |w| instead of |w|^2"""
    return (w @ M @ w) / np.linalg.norm(w)


def wrong_precedence(M, w):
    """no parentheses: w @ M @ w / w @ w is ((w M w) / w) @ w, h times w^T M w"""
    return w @ M @ w / w @ w


def wrong_vector(M, w):
    """returns the vector M w / (w^T w) instead of the number"""
    return M @ w / (w @ w)


def wrong_elementwise(M, w):
    """* instead of @: sums M_ij w_j over everything, one w missing"""
    return (M * w).sum() / (w * w).sum()


def wrong_norm_ratio(M, w):
    """|M w| / |w|: the stretch factor, not the Rayleigh quotient"""
    return np.linalg.norm(M @ w) / np.linalg.norm(w)


def wrong_top_eigenvalue(M, w):
    """returns M's eigenvalue of largest size, ignoring w"""
    vals = np.linalg.eigvals(M)
    return float(np.real(vals[np.argmax(np.abs(vals))]))
