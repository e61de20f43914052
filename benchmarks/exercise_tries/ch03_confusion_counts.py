"""Attempts at ch03.confusion_counts, written from the question and the notebook only."""

import numpy as np


def right_loop(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def right_add_at(y_true, y_pred):
    counts = np.zeros((10, 10), dtype=np.int64)
    np.add.at(counts, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return counts


def right_bincount(y_true, y_pred):
    flat = 10 * np.asarray(y_true, dtype=np.int64) + np.asarray(y_pred, dtype=np.int64)
    return np.bincount(flat, minlength=100).reshape(10, 10)


def wrong_fancy_index(y_true, y_pred):
    """Writes counts[y_true, y_pred] += 1, which adds a repeated pair only once."""
    counts = np.zeros((10, 10), dtype=int)
    counts[y_true, y_pred] += 1
    return counts


def wrong_transposed(y_true, y_pred):
    """Puts the prediction in the row and the label in the column: [j, i] instead of [i, j]."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[p, t] += 1
    return counts


def wrong_size_from_data(y_true, y_pred):
    """Sizes the matrix by the largest label present, not 10: too small when a class never occurs."""
    k = int(max(np.max(y_true), np.max(y_pred))) + 1
    counts = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def wrong_uint8(y_true, y_pred):
    """Counts in uint8, which wraps around above 255."""
    counts = np.zeros((10, 10), dtype=np.uint8)
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts


def wrong_row_fractions(y_true, y_pred):
    """Divides each row by its total: fractions per label instead of counts."""
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    totals = counts.sum(axis=1, keepdims=True)
    return np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)


def wrong_one_based(y_true, y_pred):
    """Indexes [i − 1, j − 1] as if the labels counted from 1, so the 0s land in row and column 9."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t - 1, p - 1] += 1
    return counts


def wrong_sets_one(y_true, y_pred):
    """Sets the cell to 1 instead of adding 1: marks which pairs occur, not how often."""
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(y_true, y_pred):
        counts[t, p] = 1
    return counts


def wrong_histogram2d(y_true, y_pred):
    """Uses np.histogram2d with bins=10 and no range: the bins follow the labels present, not 0..9."""
    counts, _, _ = np.histogram2d(y_true, y_pred, bins=10)
    return counts.astype(int)


def wrong_float_counts(y_true, y_pred):
    """Counts in a float array (np.zeros((10, 10))): floats, not whole-number counts."""
    counts = np.zeros((10, 10))
    for t, p in zip(y_true, y_pred):
        counts[t, p] += 1
    return counts
