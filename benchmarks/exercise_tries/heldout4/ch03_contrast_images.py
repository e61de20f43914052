import numpy as np


def right_loop(images, labels):
    x = images.astype(np.float64) / 255.0
    overall = x.mean(axis=0)
    out = np.zeros((10,) + images.shape[1:])
    for c in range(10):
        out[c] = x[labels == c].mean(axis=0) - overall
    return out


def right_onehot_matmul(images, labels):
    n = images.shape[0]
    flat = images.reshape(n, -1).astype(np.float64) / 255.0
    onehot = (np.asarray(labels)[:, None] == np.arange(10)[None, :]).astype(np.float64)  # (n, 10)
    class_means = (onehot.T @ flat) / onehot.sum(axis=0)[:, None]
    return (class_means - flat.mean(axis=0)).reshape((10,) + images.shape[1:])


def right_float32_stack(images, labels):
    x = np.asarray(images, dtype=np.float32) / np.float32(255)
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - x.mean(axis=0, keepdims=True)[0]


def wrong_no_scaling(images, labels):
    """Forgot to divide by 255: contrast in pixel units 0..255 instead of [0, 1]."""
    x = images.astype(float)
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)]) - x.mean(axis=0)


def wrong_mean_of_class_means(images, labels):
    """Overall mean taken as the unweighted mean of the ten class means (wrong when classes differ in size)."""
    x = images / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - means.mean(axis=0)


def wrong_sign_reversed(images, labels):
    """Subtracts the other way round: x̄ − x̄_c."""
    x = images / 255.0
    overall = x.mean(axis=0)
    return np.stack([overall - x[labels == c].mean(axis=0) for c in range(10)])


def wrong_class_means_only(images, labels):
    """Returns the class means and forgets to subtract the mean of all digits."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


def wrong_hardcoded_28(images, labels):
    """Output shape hard-coded to (10, 28, 28) instead of (10, h, w)."""
    x = images / 255.0
    overall = x.mean(axis=0)
    out = np.zeros((10, 28, 28))
    for c in range(10):
        out[c] = x[labels == c].mean(axis=0) - overall
    return out


def wrong_minus_other_classes(images, labels):
    """Subtracts the mean of the digits NOT in class c instead of the mean of all digits."""
    x = images / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x[labels != c].mean(axis=0) for c in range(10)])


def wrong_normalised_each_map(images, labels):
    """Rescales each contrast image to a largest absolute value of 1 (a normalisation added)."""
    x = images / 255.0
    overall = x.mean(axis=0)
    out = np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])
    return out / np.abs(out).max(axis=(1, 2), keepdims=True)
