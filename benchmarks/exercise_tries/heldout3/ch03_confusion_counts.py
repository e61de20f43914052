import numpy as np


def right_loop(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        counts[int(t), int(p)] += 1
    return counts


def right_add_at(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    np.add.at(counts, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return counts


def right_bincount(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.int64)
    p = np.asarray(y_pred, dtype=np.int64)
    return np.bincount(10 * t + p, minlength=100).reshape(10, 10)


def wrong_transposed(y_true, y_pred):
    """Rows and columns swapped: the predicted label picks the row, the true label the column."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[p, t] += 1
    return counts


def wrong_uint8(y_true, y_pred):
    """Counts held in uint8, which wrap around past 255 with thousands of digits."""
    counts = np.zeros((10, 10), dtype=np.uint8)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def wrong_size_from_data(y_true, y_pred):
    """Matrix sized from the largest label that occurs, so it is smaller than (10, 10) when a high class is missing."""
    k = int(max(np.max(y_true), np.max(y_pred))) + 1
    counts = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def wrong_assign_not_add(y_true, y_pred):
    """Sets the cell to 1 instead of adding 1, so each cell only says whether the pair occurred."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] = 1
    return counts


def wrong_fancy_index_increment(y_true, y_pred):
    """counts[y_true, y_pred] += 1 with fancy indexing: repeated pairs are counted only once."""
    counts = np.zeros((10, 10), dtype=int)
    counts[np.asarray(y_true), np.asarray(y_pred)] += 1
    return counts


def wrong_row_normalised(y_true, y_pred):
    """Returns each row divided by its total (rates per true class) instead of whole-number counts."""
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    totals = counts.sum(axis=1, keepdims=True)
    return np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)


def wrong_mistakes_only(y_true, y_pred):
    """Counts only the mistakes: the diagonal (correct answers) is left at zero, as in the chapter's picture."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        if t != p:
            counts[t, p] += 1
    return counts
