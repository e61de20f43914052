import numpy as np


def right_loop(images, labels):
    return np.array([images[labels == c].mean(axis=0) / 255 for c in range(10)])


def right_bincount(images, labels):
    n, h, w = images.shape
    flat = images.reshape(n, -1).astype(np.float64) / 255
    sums = np.zeros((10, h * w))
    np.add.at(sums, labels, flat)
    counts = np.bincount(labels, minlength=10)
    return (sums / counts[:, None]).reshape(10, h, w)


def right_one_hot_matmul(images, labels):
    n, h, w = images.shape
    onehot = (np.asarray(labels)[:, None] == np.arange(10)).astype(np.float32)   # (n, 10)
    sums = onehot.T @ (images.reshape(n, -1).astype(np.float32) / np.float32(255))
    return (sums / onehot.sum(axis=0)[:, None]).reshape(10, h, w)


def wrong_no_scaling(images, labels):
    """Forgets to divide by 255: the means stay on the 0..255 scale."""
    return np.array([images[labels == c].mean(axis=0) for c in range(10)])


def wrong_uint8_accumulator(images, labels):
    """Accumulates the sums in an array of the images' dtype (uint8), which overflows."""
    n, h, w = images.shape
    sums = np.zeros((10, h, w), dtype=images.dtype)
    counts = np.zeros(10)
    for img, c in zip(images, labels):
        sums[c] += img
        counts[c] += 1
    return sums / counts[:, None, None] / 255


def wrong_divide_by_all(images, labels):
    """Divides each class's sum by the number of all images instead of the class's count."""
    return np.array([images[labels == c].sum(axis=0) for c in range(10)]) / len(images) / 255


def wrong_order_of_appearance(images, labels):
    """Stacks the classes in the order they first appear in labels, not 0..9."""
    order = list(dict.fromkeys(np.asarray(labels).tolist()))
    return np.array([images[labels == c].mean(axis=0) / 255 for c in order])


def wrong_range_nine(images, labels):
    """Off by one: loops over range(9), so class 9 is missing."""
    return np.array([images[labels == c].mean(axis=0) / 255 for c in range(9)])


def wrong_max_normalised(images, labels):
    """Scales each mean to [0, 1] by its own maximum instead of dividing by 255."""
    means = np.array([images[labels == c].mean(axis=0) for c in range(10)])
    return means / means.max(axis=(1, 2), keepdims=True)


def wrong_floor_division(images, labels):
    """Takes the mean with integer floor division, losing the fractions."""
    out = []
    for c in range(10):
        group = images[labels == c]
        out.append((group.sum(axis=0) // len(group)) / 255)
    return np.array(out)
