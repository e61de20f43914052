import numpy as np


def right_float_slices(images, lag):
    x = np.asarray(images, dtype=np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def right_int_loop(images, lag):
    x = np.asarray(images)
    if x.dtype == np.uint8:
        x = x.astype(np.int32)
    h = x.shape[1]
    total = 0.0
    pairs = 0
    for r in range(h - lag):
        d = np.abs(x[:, r + lag, :] - x[:, r, :])
        total += d.sum()
        pairs += d.size
    return float(total / pairs)


def right_swapaxes(images, lag):
    x = np.swapaxes(np.asarray(images, dtype=np.float64), 0, 1)   # rows first
    return float(np.mean(np.abs(x[lag:] - x[:-lag])))


def wrong_uint8_overflow(images, lag):
    """Subtracts the uint8 pixels directly, so negative differences wrap around."""
    return float(np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean())


def wrong_int8(images, lag):
    """Converts to int8 to allow negatives, but int8 wraps pixel values above 127."""
    x = images.astype(np.int8)
    return float(np.abs(x[:, lag:, :].astype(np.int64) - x[:, :-lag, :]).mean())


def wrong_horizontal(images, lag):
    """Shifts along the columns (axis 2): the horizontal variogram g_x instead of g_y."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean())


def wrong_half_squared(images, lag):
    """Uses the classical semivariogram, half the mean squared difference, not the mean absolute one."""
    x = images.astype(np.float64)
    return float(0.5 * ((x[:, lag:, :] - x[:, :-lag, :]) ** 2).mean())


def wrong_roll(images, lag):
    """Shifts with np.roll, so the bottom rows wrap around and pair with the top rows."""
    x = images.astype(np.float64)
    return float(np.abs(np.roll(x, lag, axis=1) - x).mean())


def wrong_signed(images, lag):
    """Forgets the absolute value: the mean signed difference."""
    x = images.astype(np.float64)
    return float((x[:, lag:, :] - x[:, :-lag, :]).mean())


def wrong_divides_by_all_pixels(images, lag):
    """Divides the sum of differences by the number of pixels instead of the number of pairs."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).sum() / x.size)
