import numpy as np


def right_masks(images, labels):
    x = images / 255.0
    overall = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def right_loop(images, labels):
    n, h, w = images.shape
    sums = np.zeros((10, h, w))
    counts = np.zeros(10)
    total = np.zeros((h, w))
    for img, lab in zip(images, labels):
        f = img.astype(np.float64) / 255
        sums[lab] += f
        counts[lab] += 1
        total += f
    return sums / counts[:, None, None] - total / n


def right_float32(images, labels):
    x = images.astype(np.float32) / np.float32(255)
    means = np.stack([x[labels == c].mean(axis=0, dtype=np.float64) for c in range(10)])
    return means - x.mean(axis=0, dtype=np.float64)


def wrong_no_rescale(images, labels):
    """Forgets to divide by 255: contrast in 0..255 units."""
    overall = images.mean(axis=0)
    return np.stack([images[labels == c].mean(axis=0) - overall for c in range(10)])


def wrong_mean_of_class_means(images, labels):
    """Uses the mean of the ten class means as x̄ instead of the mean of all digits."""
    x = images / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - means.mean(axis=0)


def wrong_sign(images, labels):
    """Subtracts the wrong way round: x̄ − x̄_c."""
    x = images / 255.0
    overall = x.mean(axis=0)
    return np.stack([overall - x[labels == c].mean(axis=0) for c in range(10)])


def wrong_no_subtraction(images, labels):
    """Returns the class means, forgetting to subtract the overall mean."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


def wrong_scalar_overall(images, labels):
    """Forgets axis=0 for the overall mean: subtracts one number, the mean of all pixels."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean() for c in range(10)])


def wrong_divide_256(images, labels):
    """Rescales by 256 instead of 255."""
    x = images / 256.0
    overall = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def wrong_uint8_difference(images, labels):
    """Rounds the means back to uint8 before subtracting, so negative contrasts wrap around."""
    overall = images.mean(axis=0).astype(np.uint8)
    return np.stack([(images[labels == c].mean(axis=0).astype(np.uint8) - overall) for c in range(10)]) / 255.0
