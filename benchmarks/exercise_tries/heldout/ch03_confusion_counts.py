import numpy as np


def right_loop(y_true, y_pred):
    cm = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm


def right_add_at(y_true, y_pred):
    cm = np.zeros((10, 10), dtype=np.int64)
    np.add.at(cm, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return cm


def right_bincount(y_true, y_pred):
    flat = 10 * np.asarray(y_true, dtype=np.int64) + np.asarray(y_pred, dtype=np.int64)
    return np.bincount(flat, minlength=100).reshape(10, 10)


def wrong_transposed(y_true, y_pred):
    """Rows by predicted label, columns by true label (the transpose)."""
    cm = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[p, t] += 1
    return cm


def wrong_uint8(y_true, y_pred):
    """Counts in a uint8 array, which wraps around after 255."""
    cm = np.zeros((10, 10), dtype=np.uint8)
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm


def wrong_float_counts(y_true, y_pred):
    """np.zeros' default float dtype: counts come back as floats, not whole numbers."""
    cm = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm


def wrong_size_from_data(y_true, y_pred):
    """Sizes the matrix from the largest label seen: smaller than 10 × 10 if 9 never occurs."""
    k = int(max(np.max(y_true), np.max(y_pred))) + 1
    cm = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    return cm


def wrong_row_rates(y_true, y_pred):
    """Normalises each row to rates (shares of the class) instead of counts."""
    cm = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        cm[t, p] += 1
    totals = cm.sum(axis=1, keepdims=True)
    return cm / np.where(totals == 0, 1, totals)


def wrong_fancy_index_increment(y_true, y_pred):
    """cm[y_true, y_pred] += 1: repeated pairs are counted once (buffered fancy indexing)."""
    cm = np.zeros((10, 10), dtype=int)
    cm[y_true, y_pred] += 1
    return cm


def wrong_bincount_no_minlength(y_true, y_pred):
    """np.bincount without minlength=100: fails when the largest pair is missing."""
    return np.bincount(10 * np.asarray(y_true) + np.asarray(y_pred)).reshape(10, 10)
