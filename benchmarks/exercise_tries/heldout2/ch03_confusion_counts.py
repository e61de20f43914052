import numpy as np


def right_add_at(y_true, y_pred):
    M = np.zeros((10, 10), dtype=np.int64)
    np.add.at(M, (y_true, y_pred), 1)
    return M


def right_loop(y_true, y_pred):
    M = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        M[t, p] += 1
    return M


def right_bincount(y_true, y_pred):
    return np.bincount(10 * np.asarray(y_true, dtype=np.int64) + np.asarray(y_pred), minlength=100).reshape(10, 10)


def wrong_transposed(y_true, y_pred):
    """Rows are the predictions and columns the labels (M[p, t] instead of M[t, p])."""
    M = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        M[p, t] += 1
    return M


def wrong_fancy_index(y_true, y_pred):
    """M[y_true, y_pred] += 1 with fancy indexing: repeated pairs are counted only once."""
    M = np.zeros((10, 10), dtype=int)
    M[y_true, y_pred] += 1
    return M


def wrong_row_rates(y_true, y_pred):
    """Normalises each row to rates (divides by the class size) instead of counts."""
    M = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        M[t, p] += 1
    return M / np.maximum(M.sum(axis=1, keepdims=True), 1)


def wrong_size_from_data(y_true, y_pred):
    """Sizes the matrix from the largest label seen, not 10."""
    k = int(max(y_true.max(), y_pred.max())) + 1
    M = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        M[t, p] += 1
    return M


def wrong_uint8(y_true, y_pred):
    """Counts in uint8, which wraps around after 255."""
    M = np.zeros((10, 10), dtype=np.uint8)
    np.add.at(M, (y_true, y_pred), 1)
    return M


def wrong_histogram2d(y_true, y_pred):
    """np.histogram2d with bins=10 and no range: the bins span only the labels present."""
    M, _, _ = np.histogram2d(y_true, y_pred, bins=10)
    return M.astype(int)


def wrong_float_counts(y_true, y_pred):
    """np.zeros((10, 10)) keeps the counts as floats instead of whole numbers."""
    M = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        M[t, p] += 1
    return M
