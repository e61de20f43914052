import numpy as np


def right_matmul(M, w):
    return (w @ M @ w) / (w @ w)


def right_transposed_dot(M, w):
    return float(np.dot(w, M.T @ w) / np.dot(w, w))     # w^T M^T w = w^T M w


def right_loops(M, w):
    h = len(w)
    num = sum(w[i] * M[i, j] * w[j] for i in range(h) for j in range(h))
    return num / sum(v * v for v in w)


def wrong_no_denominator(M, w):
    """Forgets to divide by w^T w (assumes w has length 1)."""
    return w @ M @ w


def wrong_divides_by_length(M, w):
    """Divides by ||w|| instead of ||w||^2 = w^T w."""
    return (w @ M @ w) / np.linalg.norm(w)


def wrong_precedence(M, w):
    """No brackets: w @ M @ w / w @ w, read as ((w M w) / w) @ w, which is h times the quotient."""
    return w @ M @ w / w @ w


def wrong_returns_vector(M, w):
    """Returns M w / (w^T w), a vector, forgetting the w on the left."""
    return (M @ w) / (w @ w)


def wrong_length_ratio(M, w):
    """||M w|| / ||w||, which loses the sign of a negative eigenvalue."""
    return np.linalg.norm(M @ w) / np.linalg.norm(w)


def wrong_elementwise(M, w):
    """np.sum(w * M * w) with * for @: pairs w_j^2 with column sums."""
    return np.sum(w * M * w) / (w @ w)


def wrong_mean_ratio(M, w):
    """Averages the entry-by-entry ratios (M w)_i / w_i."""
    return np.mean((M @ w) / w)
