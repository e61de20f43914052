import numpy as np

from course.data import load_mnist

data = load_mnist("bundled", verbose=False)
first = data.x_train[0]          # the notebook's global digit


def right_vectorised(image, threshold):
    return int((image > threshold).sum())


def right_loops(image, threshold):
    count = 0
    for row in image:
        for pixel in row:
            if int(pixel) > threshold:
                count += 1
    return count


def right_count_nonzero(image, threshold):
    return int(np.count_nonzero(np.asarray(image, dtype=np.int64) > int(threshold)))


def wrong_at_or_above(image, threshold):
    """Counts pixels at or above the threshold (>=) instead of strictly above."""
    return int((image >= threshold).sum())


def wrong_fraction(image, threshold):
    """Returns the share of inked pixels (mean) instead of their number."""
    return float((image > threshold).mean())


def wrong_per_column(image, threshold):
    """Sums over one axis only: returns a count per column instead of one number."""
    return (image > threshold).sum(axis=0)


def wrong_rescaled_image(image, threshold):
    """Scales the image to [0, 1] but compares with the 0..255 threshold."""
    return int((image / 255 > threshold).sum())


def wrong_fixed_threshold(image, threshold):
    """Ignores the threshold argument and always uses the widget's default 128."""
    return int((image > 128).sum())


def wrong_global_image(image, threshold):
    """Counts the notebook's global digit `first` instead of the image argument."""
    return int((first > threshold).sum())


def wrong_int8_cast(image, threshold):
    """Casts to int8 to be 'safe', so pixels above 127 wrap to negative values."""
    return int((image.astype(np.int8) > threshold).sum())
