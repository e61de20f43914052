import numpy as np


def right_loop(images, labels):
    x = images.astype(np.float64) / 255.0
    overall = x.mean(axis=0)
    out = np.zeros((10,) + x.shape[1:])
    for c in range(10):
        out[c] = x[labels == c].mean(axis=0) - overall
    return out


def right_onehot_matmul(images, labels):
    n, h, w = images.shape
    flat = images.reshape(n, h * w).astype(np.float64) / 255.0
    onehot = (np.asarray(labels)[:, None] == np.arange(10)[None, :]).astype(np.float64)
    class_means = (onehot.T @ flat) / onehot.sum(axis=0)[:, None]
    return (class_means - flat.mean(axis=0)).reshape(10, h, w)


def right_float32_stack(images, labels):
    x = np.asarray(images, dtype=np.float32) / np.float32(255)
    xbar = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - xbar for c in range(10)])


def wrong_no_rescale(images, labels):
    """Forgets to divide by 255: the contrast images are in pixel units 0..255, not [0, 1]."""
    x = images.astype(np.float64)
    overall = x.mean(axis=0)
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def wrong_mean_of_class_means(images, labels):
    """Takes x̄ as the plain average of the ten class means, which is wrong when classes have different sizes."""
    x = images.astype(np.float64) / 255.0
    means = np.stack([x[labels == c].mean(axis=0) for c in range(10)])
    return means - means.mean(axis=0)


def wrong_no_subtraction(images, labels):
    """Returns the class means x̄_c and forgets to subtract the mean of all digits."""
    x = images.astype(np.float64) / 255.0
    return np.stack([x[labels == c].mean(axis=0) for c in range(10)])


def wrong_sign(images, labels):
    """Subtracts the other way round: x̄ − x̄_c instead of x̄_c − x̄."""
    x = images.astype(np.float64) / 255.0
    overall = x.mean(axis=0)
    return np.stack([overall - x[labels == c].mean(axis=0) for c in range(10)])


def wrong_scalar_mean(images, labels):
    """Subtracts one number, the mean brightness of all pixels of all digits, instead of the pixel-by-pixel mean digit."""
    x = images.astype(np.float64) / 255.0
    overall = x.mean()
    return np.stack([x[labels == c].mean(axis=0) - overall for c in range(10)])


def wrong_minus_other_classes(images, labels):
    """Subtracts the mean of the digits NOT in class c instead of the mean of all digits."""
    x = images.astype(np.float64) / 255.0
    return np.stack([x[labels == c].mean(axis=0) - x[labels != c].mean(axis=0) for c in range(10)])


def wrong_hardcoded_28(images, labels):
    """Hard-codes the 28 x 28 shape of MNIST instead of using the images' own h and w."""
    n = len(images)
    flat = images.reshape(n, 784).astype(np.float64) / 255.0
    overall = flat.mean(axis=0)
    out = np.stack([flat[labels == c].mean(axis=0) - overall for c in range(10)])
    return out.reshape(10, 28, 28)
