import numpy as np
import torch


def right_slices(images, lag):
    x = images.astype(np.float64)
    return float(np.abs(x[:, lag:, :] - x[:, :-lag, :]).mean())


def right_loop(images, lag):
    x = np.asarray(images, dtype=np.float64)
    n, h, w = x.shape
    total = 0.0
    count = 0
    for r in range(h - lag):
        total += np.abs(x[:, r + lag, :] - x[:, r, :]).sum()
        count += n * w
    return total / count


def right_torch(images, lag):
    x = torch.as_tensor(np.asarray(images), dtype=torch.float64)
    return float((x[:, lag:] - x[:, :-lag]).abs().mean())


def wrong_uint8_overflow(images, lag):
    """Subtracts uint8 pixels without converting: negative differences wrap around."""
    return float(np.abs(images[:, lag:, :] - images[:, :-lag, :]).mean())


def wrong_horizontal(images, lag):
    """Shifts along the columns (axis 2) instead of the rows: horizontal variogram."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, :, lag:] - x[:, :, :-lag]).mean())


def wrong_squared(images, lag):
    """Mean squared difference instead of mean absolute difference."""
    x = images.astype(np.float64)
    return float(((x[:, lag:] - x[:, :-lag]) ** 2).mean())


def wrong_no_abs(images, lag):
    """Forgets the absolute value: signed differences cancel."""
    x = images.astype(np.float64)
    return float((x[:, lag:] - x[:, :-lag]).mean())


def wrong_half(images, lag):
    """Uses the geostatistics semivariogram factor 1/2."""
    x = images.astype(np.float64)
    return float(0.5 * np.abs(x[:, lag:] - x[:, :-lag]).mean())


def wrong_rescaled(images, lag):
    """Rescales to [0, 1] (divides by 255) although the answer is in the pixels' own units."""
    x = images.astype(np.float64) / 255
    return float(np.abs(x[:, lag:] - x[:, :-lag]).mean())


def wrong_off_by_one(images, lag):
    """Pairs pixels lag + 1 rows apart (off by one in the shift)."""
    x = images.astype(np.float64)
    return float(np.abs(x[:, lag + 1:] - x[:, :-(lag + 1)]).mean())
