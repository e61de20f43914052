"""Attempts at ch01.variogram_y, written from the question and the notebook only."""

import numpy as np


def right_slices(images, lag):
    x = np.asarray(images, dtype=np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def right_loops(images, lag):
    n, h, w = images.shape
    total, count = 0.0, 0
    for img in images:
        for r in range(h - lag):
            for c in range(w):
                total += abs(float(img[r + lag, c]) - float(img[r, c]))
                count += 1
    return total / count


def right_int16_sum(images, lag):
    x = images.astype(np.int32) if images.dtype == np.uint8 else images
    d = np.abs(x[:, lag:] - x[:, :-lag])
    n, h, w = images.shape
    return d.sum() / (n * (h - lag) * w)


def wrong_uint8_subtraction(images, lag):
    """Subtracts uint8 pixels directly, so negative differences wrap around to 256 − d."""
    return float(np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean())


def wrong_columns_axis(images, lag):
    """Shifts along the columns (axis 2): the horizontal variogram g_x, not g_y."""
    x = images.astype(float)
    return float(np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean())


def wrong_rescaled(images, lag):
    """Divides by 255 although the answer must be in the pixels' own units."""
    x = images.astype(float) / 255
    return float(np.abs(x[:, lag:] - x[:, :-lag]).mean())


def wrong_squared(images, lag):
    """Averages squared differences instead of absolute differences."""
    x = images.astype(float)
    return float(((x[:, lag:] - x[:, :-lag]) ** 2).mean())


def wrong_signed(images, lag):
    """Forgets the absolute value: positive and negative differences cancel."""
    x = images.astype(float)
    return float((x[:, lag:] - x[:, :-lag]).mean())


def wrong_divides_by_all_pixels(images, lag):
    """Divides the sum of |differences| by all n·H·W pixels instead of the n·(H − lag)·W pairs."""
    x = images.astype(float)
    return float(np.abs(x[:, lag:] - x[:, :-lag]).sum() / x.size)


def wrong_roll(images, lag):
    """Uses np.roll, which wraps the bottom rows round to the top and adds pairs that do not exist."""
    x = images.astype(float)
    return float(np.abs(np.roll(x, lag, axis=1) - x).mean())


def wrong_int8(images, lag):
    """Converts to int8, which holds only −128..127, so pixels above 127 wrap to negatives."""
    x = images.astype(np.int8)
    return float(np.abs(x[:, lag:].astype(int) - x[:, :-lag]).mean())


def wrong_per_image(images, lag):
    """Averages within each image only: returns one number per image instead of one in all."""
    x = images.astype(float)
    return np.abs(x[:, lag:] - x[:, :-lag]).mean(axis=(1, 2))
