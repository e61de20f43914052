import numpy as np


def right_vectorised(image, threshold):
    return int((image > threshold).sum())


def right_loop(image, threshold):
    n = 0
    for row in image:
        for p in row:
            if int(p) > threshold:
                n += 1
    return n


def right_count_nonzero(image, threshold):
    return np.count_nonzero(image.astype(np.int64) > threshold)


def wrong_at_or_above(image, threshold):
    """Counts pixels at or above the threshold (>=) instead of strictly above."""
    return int((image >= threshold).sum())


def wrong_fraction(image, threshold):
    """Returns the share of inked pixels (mean) instead of their count."""
    return float((image > threshold).mean())


def wrong_rescaled_image(image, threshold):
    """Rescales the image to [0, 1] but compares with the 0..255 threshold."""
    return int((image / 255 > threshold).sum())


def wrong_below(image, threshold):
    """Comparison the wrong way round: counts the pixels below the threshold."""
    return int((image < threshold).sum())


def wrong_per_column(image, threshold):
    """Sums along one axis only: returns a count per column instead of one number."""
    return (image > threshold).sum(axis=0)


def wrong_sum_of_ink(image, threshold):
    """Adds up the pixel values above the threshold instead of counting the pixels."""
    return int(image[image > threshold].sum())


def wrong_ignores_threshold(image, threshold):
    """Counts every non-zero pixel, ignoring the threshold."""
    return int(np.count_nonzero(image))
