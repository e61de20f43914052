"""Attempts at ch00.count_ink, written from the question and the notebook only."""

import numpy as np


def right_vectorised(image, threshold):
    return int((image > threshold).sum())


def right_loop(image, threshold):
    count = 0
    for row in image:
        for value in row:
            if int(value) > threshold:
                count += 1
    return count


def right_count_nonzero(image, threshold):
    return np.count_nonzero(np.asarray(image, dtype=np.int64) > threshold)


def wrong_at_or_above(image, threshold):
    """Counts the pixels at or above the threshold (>=) instead of above it (>)."""
    return int((image >= threshold).sum())


def wrong_below(image, threshold):
    """Counts the pixels below the threshold (the paper), not the ink above it."""
    return int((image < threshold).sum())


def wrong_share(image, threshold):
    """Returns the share of pixels above the threshold (a fraction), not their number."""
    return float((image > threshold).mean())


def wrong_rescaled_image(image, threshold):
    """Scales the image to [0, 1] but compares it with the threshold on the 0..255 scale."""
    return int((image / 255 > threshold).sum())


def wrong_rescaled_threshold(image, threshold):
    """Divides the threshold by 255 although the image is on the 0..255 scale."""
    return int((image > threshold / 255).sum())


def wrong_sum_of_values(image, threshold):
    """Adds up the values of the pixels above the threshold instead of counting them."""
    return int(image[image > threshold].sum())


def wrong_per_column(image, threshold):
    """Sums along one axis only: returns a count per column instead of one number."""
    return (image > threshold).sum(axis=0)


def wrong_uint8_subtraction(image, threshold):
    """Subtracts the threshold in uint8, which wraps around below 0, then counts positives."""
    return int(((image - threshold) > 0).sum())


def wrong_ignores_threshold(image, threshold):
    """Counts every pixel with any ink (> 0), ignoring the threshold."""
    return int((image > 0).sum())
