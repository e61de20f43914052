import numpy as np


def right_slices(images, lag):
    x = images.astype(np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def right_loop_rows(images, lag):
    x = np.asarray(images, dtype=np.float64)
    h = x.shape[1]
    total = 0.0
    count = 0
    for r in range(h - lag):
        d = np.abs(x[:, r + lag, :] - x[:, r, :])
        total += d.sum()
        count += d.size
    return total / count


def right_float32(images, lag):
    x = np.asarray(images, dtype=np.float32)
    top = x[:, : x.shape[1] - lag]
    bottom = x[:, lag:]
    return np.mean(np.abs(np.subtract(bottom, top)))


def wrong_uint8(images, lag):
    """Subtracts the uint8 slices directly: negative differences wrap around to 256 - d."""
    return float(np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean())


def wrong_horizontal(images, lag):
    """Shifts along the columns (axis 2): that is g_x, not g_y."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean())


def wrong_axis_images(images, lag):
    """Shifts along axis 0: compares image i with image i + lag instead of rows."""
    x = images.astype(np.float64)
    return float(np.abs(x[lag:] - x[:-lag]).mean())


def wrong_no_abs(images, lag):
    """Forgets the absolute value: the mean signed difference."""
    x = images.astype(np.float64)
    return float((x[:, lag:, :] - x[:, :-lag, :]).mean())


def wrong_roll(images, lag):
    """np.roll wraps the bottom rows round to the top, adding pairs that are not lag apart."""
    x = images.astype(np.float64)
    return float(np.abs(np.roll(x, -lag, axis=1) - x).mean())


def wrong_loop_off_by_one(images, lag):
    """Loop runs over range(h - lag - 1): the last pair of rows is left out."""
    x = np.asarray(images, dtype=np.float64)
    h = x.shape[1]
    diffs = [np.abs(x[:, r + lag, :] - x[:, r, :]) for r in range(h - lag - 1)]
    return float(np.mean(diffs))


def wrong_rescaled(images, lag):
    """Divides by 255 although the answer must stay in the pixels' own units."""
    x = images.astype(np.float64) / 255
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())
