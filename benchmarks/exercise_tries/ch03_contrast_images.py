"""Attempts at ch03.contrast_images, written from the question and the notebook only."""

import numpy as np


def right_loop(images, labels):
    x = images / 255.0
    overall = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def right_one_hot(images, labels):
    n = len(images)
    flat = images.reshape(n, -1).astype(np.float64) / 255
    onehot = np.eye(10)[labels]                       # (n, 10)
    class_means = (onehot.T @ flat) / onehot.sum(axis=0)[:, None]
    return (class_means - flat.mean(axis=0)).reshape(10, *images.shape[1:])


def right_float32(images, labels):
    x = images.astype(np.float32) / np.float32(255)
    out = np.empty((10,) + images.shape[1:], dtype=np.float32)
    overall = x.sum(axis=0) / len(x)
    for c in range(10):
        sel = x[labels == c]
        out[c] = sel.sum(axis=0) / len(sel) - overall
    return out


def wrong_no_rescale(images, labels):
    """Forgets to divide by 255: the contrast is on the 0..255 scale."""
    x = images.astype(float)
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def wrong_mean_of_class_means(images, labels):
    """Takes x̄ as the mean of the ten class means, not of all digits (wrong when classes differ in size)."""
    x = images / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - means.mean(axis=0)


def wrong_sign(images, labels):
    """Subtracts the other way round: x̄ − x̄_c."""
    x = images / 255.0
    return np.stack([x.mean(axis=0) - x[labels == c].mean(axis=0) for c in range(10)])


def wrong_no_subtraction(images, labels):
    """Returns the class means x̄_c and forgets to subtract x̄."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


def wrong_scalar_mean(images, labels):
    """Subtracts the mean of all pixels of all digits (one number) instead of the mean image."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean() for c in range(10)])


def wrong_divides_by_n(images, labels):
    """Divides each class's sum by n (all digits) instead of n_c."""
    x = images / 255.0
    return np.stack([x[labels == c].sum(axis=0) / len(x) - x.mean(axis=0) for c in range(10)])


def wrong_rest_of_classes(images, labels):
    """Subtracts the mean of the other classes' digits instead of the mean of all digits."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x[labels != c].mean(axis=0) for c in range(10)])


def wrong_floor_division(images, labels):
    """Scales with // 255 (integer division), which turns every pixel below 255 into 0."""
    x = images // 255
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def wrong_range_9(images, labels):
    """Loops over range(9): class 9's contrast image is never filled in and stays 0."""
    x = images / 255.0
    out = np.zeros((10,) + images.shape[1:])
    for c in range(9):
        out[c] = x[labels == c].mean(axis=0) - x.mean(axis=0)
    return out
