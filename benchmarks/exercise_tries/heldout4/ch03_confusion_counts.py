import numpy as np
from sklearn.metrics import confusion_matrix


def right_loop(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[int(t), int(p)] += 1
    return counts


def right_add_at(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=np.int64)
    np.add.at(counts, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return counts


def right_bincount(y_true, y_pred):
    flat = 10 * np.asarray(y_true, dtype=np.int64) + np.asarray(y_pred, dtype=np.int64)
    return np.bincount(flat, minlength=100).reshape(10, 10)


def wrong_fancy_index_plus_equals(y_true, y_pred):
    """Fancy-index `+=` counts each repeated (label, prediction) pair only once."""
    counts = np.zeros((10, 10), dtype=int)
    counts[y_true, y_pred] += 1
    return counts


def wrong_transposed(y_true, y_pred):
    """Rows and columns swapped: row = prediction, column = label."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[p, t] += 1
    return counts


def wrong_uint8_counts(y_true, y_pred):
    """Counts kept in uint8, which wrap around above 255."""
    counts = np.zeros((10, 10), dtype=np.uint8)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def wrong_size_from_max_label(y_true, y_pred):
    """Matrix sized from the largest label seen instead of always 10 x 10."""
    size = int(max(np.max(y_true), np.max(y_pred))) + 1
    counts = np.zeros((size, size), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def wrong_row_normalised(y_true, y_pred):
    """Returns each row as shares of the class (rates) instead of whole-number counts."""
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    totals = counts.sum(axis=1, keepdims=True)
    return counts / np.where(totals == 0, 1, totals)


def wrong_mistakes_only(y_true, y_pred):
    """Counts only the mistakes: the diagonal (correct answers) is left at 0."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        if t != p:
            counts[t, p] += 1
    return counts


def wrong_sklearn_without_labels(y_true, y_pred):
    """sklearn's confusion_matrix without labels=range(10): shrinks when a class never occurs."""
    return confusion_matrix(y_true, y_pred)
