import numpy as np


def right_matmul(M, w):
    return w @ M @ w / (w @ w)


def right_loops(M, w):
    h = len(w)
    num = 0.0
    for i in range(h):
        for j in range(h):
            num += w[i] * M[i, j] * w[j]
    den = sum(w[i] * w[i] for i in range(h))
    return float(num / den)


def right_einsum(M, w):
    w = np.asarray(w, dtype=float)
    return float(np.einsum("i,ij,j->", w, M, w) / np.dot(w, w))


def wrong_no_denominator(M, w):
    """forgets to divide by wᵀw (assumes w has length 1)"""
    return w @ M @ w


def wrong_divides_by_norm(M, w):
    """divides by ‖w‖ instead of wᵀw = ‖w‖²"""
    return w @ M @ w / np.linalg.norm(w)


def wrong_mean_ratio(M, w):
    """averages the entry-by-entry ratios (M w)_i / w_i instead of the quotient"""
    return np.mean((M @ w) / w)


def wrong_length_ratio(M, w):
    """‖M w‖ / ‖w‖: the size of the stretch, losing the sign (and wrong off eigenvectors)"""
    return np.linalg.norm(M @ w) / np.linalg.norm(w)


def wrong_elementwise(M, w):
    """`*` for `@`: sums M * w * w, i.e. Σ M_ij w_j²"""
    return np.sum(M * w * w) / np.sum(w * w)


def wrong_matrix_shape(M, w):
    """returns a (1, 1) array from row/column vectors instead of one number"""
    return (w[None, :] @ M @ w[:, None]) / (w @ w)


def wrong_abs(M, w):
    """adds an absolute value to the quotient"""
    return abs(w @ M @ w) / (w @ w)
