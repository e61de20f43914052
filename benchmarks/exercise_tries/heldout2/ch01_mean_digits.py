import numpy as np


def right_masks(images, labels):
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in range(10)])


def right_loop(images, labels):
    n, h, w = images.shape
    sums = np.zeros((10, h, w))
    counts = np.zeros(10)
    for img, lab in zip(images, labels):
        sums[lab] += img
        counts[lab] += 1
    return sums / counts[:, None, None] / 255.0


def right_add_at(images, labels):
    x = images.astype(np.float64) / 255.0
    sums = np.zeros((10,) + images.shape[1:])
    np.add.at(sums, labels, x)
    return sums / np.bincount(labels, minlength=10)[:, None, None]


def wrong_no_rescale(images, labels):
    """Forgets to divide by 255: means in 0..255."""
    return np.stack([images[labels == c].mean(axis=0) for c in range(10)])


def wrong_uint8_accumulator(images, labels):
    """Accumulates the sums in an array of the images' dtype (uint8), which overflows."""
    sums = np.zeros((10,) + images.shape[1:], dtype=images.dtype)
    counts = np.zeros(10)
    for img, lab in zip(images, labels):
        sums[lab] += img
        counts[lab] += 1
    return sums / counts[:, None, None] / 255


def wrong_divide_by_all(images, labels):
    """Divides each class's sum by the total number of images n, not by the class size."""
    return np.stack([images[labels == c].sum(axis=0) / len(images) for c in range(10)]) / 255


def wrong_first_appearance_order(images, labels):
    """Puts the classes in the order they first appear in labels, not at position c."""
    order = list(dict.fromkeys(labels.tolist()))
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in order])


def wrong_divide_256(images, labels):
    """Rescales by 256 instead of 255."""
    return np.stack([images[labels == c].mean(axis=0) / 256 for c in range(10)])


def wrong_median(images, labels):
    """Takes the median image of each class instead of the mean."""
    return np.stack([np.median(images[labels == c], axis=0) / 255 for c in range(10)])


def wrong_overall_mean(images, labels):
    """Masks with labels == labels[c] thinking c indexes images: mean of the class of image c."""
    return np.stack([images[labels == labels[c]].mean(axis=0) / 255 for c in range(10)])
