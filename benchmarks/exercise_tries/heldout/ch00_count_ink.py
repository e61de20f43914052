import numpy as np


def right_mask_sum(image, threshold):
    return int((image > threshold).sum())


def right_loops(image, threshold):
    count = 0
    for row in image:
        for value in row:
            if int(value) > threshold:
                count += 1
    return count


def right_count_nonzero(image, threshold):
    return np.count_nonzero(np.asarray(image, dtype=np.int64) > threshold)


def wrong_at_or_above(image, threshold):
    """Counts pixels at or above the threshold (>= instead of >)."""
    return int((image >= threshold).sum())


def wrong_scaled_image(image, threshold):
    """Scales the image to [0, 1] but compares with the 0..255 threshold."""
    return int((image / 255 > threshold).sum())


def wrong_returns_mask(image, threshold):
    """Returns the boolean mask of inked pixels instead of their number."""
    return image > threshold


def wrong_share(image, threshold):
    """Returns the share of pixels above the threshold (mean) instead of the count."""
    return (image > threshold).mean()


def wrong_sum_of_values(image, threshold):
    """Adds up the pixel values above the threshold instead of counting the pixels."""
    return int(image[image > threshold].sum())


def wrong_uint8_subtraction(image, threshold):
    """Tests image - threshold > 0 on uint8, which wraps around below 0."""
    return int((image - threshold > 0).sum())


def wrong_len(image, threshold):
    """Uses len() of the comparison, which counts the rows (28), not the True pixels."""
    return len(image > threshold)
