import numpy as np


def right_loop(images, labels):
    return np.stack([images[labels == c].mean(axis=0) / 255 for c in range(10)])


def right_one_hot_matmul(images, labels):
    n, h, w = images.shape
    onehot = (labels[:, None] == np.arange(10)[None, :]).astype(np.float64)   # (n, 10)
    sums = onehot.T @ images.reshape(n, -1).astype(np.float64)              # (10, h*w)
    counts = onehot.sum(axis=0)[:, None]
    return (sums / counts / 255.0).reshape(10, h, w)


def right_add_at(images, labels):
    out = np.zeros((10,) + images.shape[1:], dtype=np.float64)
    np.add.at(out, labels, images.astype(np.float64) / 255)
    counts = np.bincount(labels, minlength=10)
    return out / counts[:, None, None]


def wrong_no_255(images, labels):
    """Forgets to divide by 255: the means are on the 0..255 scale."""
    return np.stack([images[labels == c].mean(axis=0) for c in range(10)])


def wrong_no_axis(images, labels):
    """Forgets axis=0 in .mean(): one number per class (its mean over all pixels), not an image."""
    return np.array([images[labels == c].mean() / 255 for c in range(10)])


def wrong_divides_by_n(images, labels):
    """Divides each class's sum by the number of all images instead of that class's count."""
    n = len(images)
    return np.stack([images[labels == c].sum(axis=0) / n / 255 for c in range(10)])


def wrong_uint8_accumulator(images, labels):
    """Adds the images up in a uint8 array, which wraps around past 255."""
    totals = np.zeros((10,) + images.shape[1:], dtype=images.dtype)
    counts = np.zeros(10)
    for image, label in zip(images, labels):
        totals[label] += image
        counts[label] += 1
    return totals / counts[:, None, None] / 255


def wrong_floor_division(images, labels):
    """Uses integer division // for the mean, which floors every pixel's mean."""
    out = []
    for c in range(10):
        members = images[labels == c]
        out.append(members.sum(axis=0) // len(members) / 255)
    return np.stack(out)


def wrong_max_normalised(images, labels):
    """Scales each mean so its darkest pixel is 1 instead of dividing by 255."""
    means = np.stack([images[labels == c].mean(axis=0) for c in range(10)])
    return means / means.max(axis=(1, 2), keepdims=True)


def wrong_sum_not_mean(images, labels):
    """Sums the class's images (/255) and forgets to divide by the class count."""
    return np.stack([images[labels == c].sum(axis=0) / 255 for c in range(10)])
