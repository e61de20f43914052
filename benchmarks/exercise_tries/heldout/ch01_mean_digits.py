import numpy as np


def right_loop_classes(images, labels):
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in range(10)])


def right_add_at(images, labels):
    n, h, w = images.shape
    sums = np.zeros((10, h, w))
    np.add.at(sums, labels, images.astype(np.float64))
    counts = np.bincount(labels, minlength=10)
    return sums / counts[:, None, None] / 255.0


def right_one_hot_matmul(images, labels):
    n = len(labels)
    onehot = np.zeros((n, 10), dtype=np.float32)
    onehot[np.arange(n), labels] = 1
    flat = images.reshape(n, -1).astype(np.float32) / 255
    means = (onehot.T @ flat) / onehot.sum(axis=0)[:, None]
    return means.reshape(10, *images.shape[1:])


def wrong_no_scale(images, labels):
    """Forgets to divide by 255: means in 0..255."""
    return np.stack([images[labels == c].mean(axis=0) for c in range(10)])


def wrong_sum_not_mean(images, labels):
    """Sums the images of each class instead of averaging them."""
    return np.stack([images[labels == c].sum(axis=0) / 255 for c in range(10)])


def wrong_divide_by_all(images, labels):
    """Divides each class's sum by the total number of images n instead of n_c."""
    n = len(images)
    return np.stack([images[labels == c].sum(axis=0) / n / 255 for c in range(10)])


def wrong_uint8_accumulator(images, labels):
    """Adds the images up in a uint8 array (zeros_like of the images), which wraps at 256."""
    sums = np.zeros_like(images[:10])
    counts = np.zeros(10)
    for img, lab in zip(images, labels):
        sums[lab] += img
        counts[lab] += 1
    return sums / counts[:, None, None] / 255


def wrong_floor_division(images, labels):
    """Scales with // 255 (integer division), so every pixel becomes 0 or 1 first."""
    return np.stack([(images[labels == c] // 255).mean(axis=0) for c in range(10)])


def wrong_image_c(images, labels):
    """Takes image number c instead of the images of class c."""
    return np.stack([images[c] / 255 for c in range(10)])


def wrong_range_nine(images, labels):
    """Off by one: range(9), class 9 is left out."""
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in range(9)])
