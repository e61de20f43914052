import numpy as np


def right_slices(images, lag):
    x = np.asarray(images, dtype=np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def right_loops(images, lag):
    x = np.asarray(images).astype(np.int64) if np.asarray(images).dtype == np.uint8 else np.asarray(images)
    n, h, w = x.shape
    total = 0.0
    count = 0
    for i in range(n):
        for r in range(h - lag):
            total += np.abs(x[i, r + lag] - x[i, r]).sum()
            count += w
    return total / count


def right_int16(images, lag):
    x = images.astype(np.int16) if images.dtype == np.uint8 else images
    d = np.abs(x[:, lag:] - x[:, :-lag])
    return d.sum() / d.size


def wrong_uint8_overflow(images, lag):
    """Subtracts uint8 pixels directly, so negative differences wrap around."""
    return float(np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean())


def wrong_horizontal_axis(images, lag):
    """Shifts along the columns (axis 2): the horizontal variogram g_x."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean())


def wrong_roll(images, lag):
    """Uses np.roll, so the last rows wrap around and pair with the first ones."""
    x = images.astype(np.float64)
    return float(np.abs(np.roll(x, lag, axis=1) - x).mean())


def wrong_squared(images, lag):
    """Averages squared differences instead of absolute ones."""
    x = images.astype(np.float64)
    return float(((x[:, lag:, :] - x[:, :-lag, :]) ** 2).mean())


def wrong_signed(images, lag):
    """Forgets the absolute value: signed differences cancel out."""
    x = images.astype(np.float64)
    return float((x[:, lag:, :] - x[:, :-lag, :]).mean())


def wrong_rescaled(images, lag):
    """Rescales the pixels to [0, 1] (divides by 255) although told not to."""
    x = images.astype(np.float64) / 255
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def wrong_denominator(images, lag):
    """Divides the sum of the pair differences by all n*H*W pixels instead of the number of pairs."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).sum() / x.size)
