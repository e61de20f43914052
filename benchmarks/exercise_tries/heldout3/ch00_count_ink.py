import numpy as np

THRESHOLD = 128  # the widget's default


def right_vectorised(image, threshold):
    return int((image > threshold).sum())


def right_loops(image, threshold):
    count = 0
    for row in image:
        for pixel in row:
            if pixel > threshold:
                count += 1
    return count


def right_count_nonzero(image, threshold):
    return int(np.count_nonzero(np.asarray(image, dtype=np.int64) > int(threshold)))


def wrong_at_or_above(image, threshold):
    """Counts pixels at or above the threshold (>=) instead of strictly above."""
    return int((image >= threshold).sum())


def wrong_below(image, threshold):
    """Counts the pixels below the threshold (the paper) instead of those above it."""
    return int((image < threshold).sum())


def wrong_rescaled(image, threshold):
    """Rescales the image to [0, 1] but compares it with the threshold on the 0..255 scale."""
    return int((image / 255 > threshold).sum())


def wrong_returns_mask(image, threshold):
    """Returns the boolean mask of inked pixels instead of counting them."""
    return image > threshold


def wrong_fraction(image, threshold):
    """Returns the share of pixels above the threshold (mean) instead of their number."""
    return float((image > threshold).mean())


def wrong_sums_values(image, threshold):
    """Adds up the pixel values above the threshold (total ink) instead of counting pixels."""
    return int(image[image > threshold].sum())


def wrong_global_threshold(image, threshold):
    """Uses the global widget default THRESHOLD = 128 instead of the threshold argument."""
    return int((image > THRESHOLD).sum())
