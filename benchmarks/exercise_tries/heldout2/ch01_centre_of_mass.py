import numpy as np


def right_indices(image):
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def right_profiles(image):
    total = image.sum()
    r = (image.sum(axis=1) * np.arange(image.shape[0])).sum() / total
    c = (image.sum(axis=0) * np.arange(image.shape[1])).sum() / total
    return np.array([r, c])


def right_loop(image):
    h, w = image.shape
    sr = sc = s = 0.0
    for r in range(h):
        for c in range(w):
            sr += r * image[r, c]
            sc += c * image[r, c]
            s += image[r, c]
    return np.array([sr / s, sc / s])


def wrong_xy_order(image):
    """Returns (column, row), i.e. (x, y), instead of (row, column)."""
    rows, cols = np.indices(image.shape)
    total = image.sum()
    return np.array([(cols * image).sum() / total, (rows * image).sum() / total])


def wrong_not_normalised(image):
    """Forgets to divide by the total ink."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).sum(), (cols * image).sum()])


def wrong_divide_by_pixels(image):
    """Divides by the number of pixels instead of the total ink."""
    rows, cols = np.indices(image.shape)
    return np.array([(rows * image).mean(), (cols * image).mean()])


def wrong_count_from_one(image):
    """Counts rows and columns from 1 instead of 0."""
    rows, cols = np.indices(image.shape) + 1
    total = image.sum()
    return np.array([(rows * image).sum() / total, (cols * image).sum() / total])


def wrong_unweighted(image):
    """Averages the positions of inked pixels without weighting them by their ink."""
    r, c = np.nonzero(image)
    return np.array([r.mean(), c.mean()])


def wrong_darkest_pixel(image):
    """Returns the position of the darkest pixel instead of the weighted mean."""
    return np.array(np.unravel_index(np.argmax(image), image.shape), dtype=float)


def wrong_profile_axes(image):
    """Mixes up the axes of the profiles: rows weighted by column sums and vice versa."""
    total = image.sum()
    r = (image.sum(axis=0) * np.arange(image.shape[1])).sum() / total
    c = (image.sum(axis=1) * np.arange(image.shape[0])).sum() / total
    return np.array([r, c])
