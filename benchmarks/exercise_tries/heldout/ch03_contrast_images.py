import numpy as np


def right_loop(images, labels):
    x = images / 255.0
    overall = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def right_one_hot(images, labels):
    n = len(labels)
    flat = images.reshape(n, -1).astype(np.float64) / 255
    onehot = np.eye(10)[labels]
    class_means = onehot.T @ flat / onehot.sum(axis=0)[:, None]
    return (class_means - flat.mean(axis=0)).reshape(10, *images.shape[1:])


def right_float32_bincount(images, labels):
    x = images.astype(np.float32) / np.float32(255)
    h, w = images.shape[1:]
    sums = np.zeros((10, h, w), dtype=np.float32)
    np.add.at(sums, labels, x)
    counts = np.bincount(labels, minlength=10).astype(np.float32)
    return sums / counts[:, None, None] - x.mean(axis=0)


def wrong_no_scale(images, labels):
    """Forgets to divide by 255: contrasts in pixel units 0..255."""
    x = images.astype(np.float64)
    return np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])


def wrong_mean_of_class_means(images, labels):
    """Takes x̄ as the mean of the ten class means, not the mean of all digits."""
    x = images / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - means.mean(axis=0)


def wrong_sign(images, labels):
    """Subtracts the other way round: x̄ − x̄_c."""
    x = images / 255.0
    return np.stack([x.mean(axis=0) - x[labels == c].mean(axis=0) for c in range(10)])


def wrong_one_vs_rest(images, labels):
    """Subtracts the mean of the other classes' digits instead of the mean of all digits."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x[labels != c].mean(axis=0) for c in range(10)])


def wrong_scalar_mean(images, labels):
    """Subtracts one number, the mean brightness of all pixels, instead of the mean image."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x.mean() for c in range(10)])


def wrong_half_scaled(images, labels):
    """Divides only the class mean by 255, not the mean of all digits."""
    overall = images.mean(axis=0)
    return np.stack([images[labels == c].mean(axis=0) / 255 - overall for c in range(10)])


def wrong_hardcoded_28(images, labels):
    """Reshapes to 784 and back to 28 × 28: only works for 28 × 28 digits."""
    x = images.reshape(-1, 784) / 255.0
    out = np.stack([x[labels == c].mean(axis=0) - x.mean(axis=0) for c in range(10)])
    return out.reshape(10, 28, 28)
