"""Attempts at ch01.mean_digits, written from the question and the notebook only."""

import numpy as np


def right_loop(images, labels):
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in range(10)])


def right_one_hot(images, labels):
    n = len(images)
    onehot = np.zeros((n, 10))
    onehot[np.arange(n), labels] = 1.0
    flat = images.reshape(n, -1).astype(np.float64) / 255
    sums = onehot.T @ flat
    return (sums / onehot.sum(axis=0)[:, None]).reshape(10, *images.shape[1:])


def right_add_at_float32(images, labels):
    sums = np.zeros((10,) + images.shape[1:], dtype=np.float32)
    np.add.at(sums, labels, images.astype(np.float32))
    counts = np.bincount(labels, minlength=10).astype(np.float32)
    return sums / counts[:, None, None] / 255


def wrong_no_rescale(images, labels):
    """Forgets to divide by 255: the means are on the 0..255 scale."""
    return np.stack([images[labels == c].mean(axis=0) for c in range(10)])


def wrong_uint8_accumulator(images, labels):
    """Adds the images up in a uint8 array (zeros_like), which wraps around above 255."""
    out = []
    for c in range(10):
        total = np.zeros_like(images[0])
        for img in images[labels == c]:
            total += img
        out.append(total / (labels == c).sum() / 255)
    return np.stack(out)


def wrong_divides_by_all(images, labels):
    """Divides each class's sum by the number of all images n, not by the class's n_c."""
    return np.stack([images[labels == c].sum(axis=0) / len(images) / 255 for c in range(10)])


def wrong_range_9(images, labels):
    """Loops over range(9): class 9's mean is never computed and stays 0."""
    out = np.zeros((10,) + images.shape[1:])
    for c in range(9):
        out[c] = images[labels == c].mean(axis=0) / 255
    return out


def wrong_median(images, labels):
    """Takes the median of each pixel instead of the mean."""
    return np.stack([np.median(images[labels == c], axis=0) / 255 for c in range(10)])


def wrong_divide_by_max(images, labels):
    """Scales each mean to [0, 1] by its own largest value instead of dividing by 255."""
    out = []
    for c in range(10):
        m = images[labels == c].mean(axis=0)
        out.append(m / m.max())
    return np.stack(out)


def wrong_transposed(images, labels):
    """Uses .T on the class's images and averages over the last axis: each mean is transposed."""
    return np.stack([images[labels == c].T.mean(axis=-1) / 255 for c in range(10)])


def wrong_floor_division(images, labels):
    """Divides the class sum by n_c with // (integer division), losing the fractions."""
    out = []
    for c in range(10):
        sel = images[labels == c]
        out.append((sel.sum(axis=0) // len(sel)) / 255)
    return np.stack(out)


def wrong_mean_over_pixels(images, labels):
    """Averages over the pixels of each image (axis 1 and 2) and broadcasts that one number."""
    out = np.zeros((10,) + images.shape[1:])
    for c in range(10):
        out[c] = images[labels == c].mean(axis=(1, 2)).mean() / 255
    return out
